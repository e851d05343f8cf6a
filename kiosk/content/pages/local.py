""""Jobs in our area" (its title names the place: "Jobs in England"): the jobs and industries growing and shrinking in the kiosk's region, the jobs employers find
hard to fill, and myth-busters, every figure with its source and the years it describes."""

from __future__ import annotations

from typing import Sequence

from kiosk.content.model import GroupChange, IndustryOutlook, JobChange, SourceRef
from kiosk.content.pages import wording as w
from kiosk.content.pages.area import growing_in, jobs_in, local_place
from kiosk.content.pages.official_figures import for_every_ten
from kiosk.content.pages.page import Block, Choice, Fact, FactList, Note, Page, Paragraph, Section, Target
from kiosk.content.reader import ContentReader

MYTHS_SHOWN = 3  # on "Jobs in our area"; the rest on their own page


def local_page(reader: ContentReader, region: str, easy: bool = False) -> Page:
    """The page for the kiosk's place (staff set it); any part without figures for the place uses the UK's (or
    England's, for DfE's projections) and says so."""
    most = 3  # a pupil reads a few facts; "Jobs that are growing" and the myth-busters page have the rest
    groups = reader.group_changes(region, limit=most)
    if groups:  # DfE's projections, by group of jobs: the official outlook
        growing = [(g.region, _group_fact(g), g.source, g) for g in groups]
        shrinking = [(g.region, _group_fact(g), g.source, g)
                     for g in reader.group_changes(region, shrinking=True, limit=most)]
    else:
        growing = [(c.region, _job_fact(c), c.source, c) for c in reader.job_changes(region, limit=most)]
        shrinking = [(c.region, _job_fact(c), c.source, c)
                     for c in reader.job_changes(region, shrinking=True, limit=most)]
    industries = reader.industries(region)
    hard = reader.hard_to_fill(region, limit=most)
    shown = {r[0] for r in (*growing, *shrinking)} | {r.region for r in (*industries, *hard)}
    # When nothing has figures for the place, one line says so; otherwise each section that falls back does.
    elsewhere = region not in shown and bool(shown)
    note_region = sorted(shown)[0] if elsewhere and len(shown) == 1 else region
    sections = [
        _section("Jobs growing the most", note_region, growing,
                 "The kiosk has no figures yet about which jobs are growing."),
        _section("Jobs shrinking the most", note_region, shrinking,
                 "The kiosk has no figures showing any job shrinking."),
        _section("Industries growing", note_region,
                 [(i.region, _industry_fact(i), i.source, i) for i in industries if w.trend(i.growth_percent) == "up"][:most],
                 "The kiosk has no figures showing any industry growing."),
        _section("Industries shrinking", note_region,
                 [(i.region, _industry_fact(i), i.source, i) for i in reversed(industries)
                  if w.trend(i.growth_percent) == "down"][:most],
                 "The kiosk has no figures showing any industry shrinking."),
        _section("Jobs that are hard to fill", note_region,
                 [(h.region, _hard_to_fill_fact(h.title, h.shortage.hard_to_fill_percent, h.shortage.skill_shortage_percent),
                   h.shortage.source, h.shortage) for h in hard],
                 "The kiosk has no figures yet about jobs that are hard to fill."),
    ]
    myths = reader.myths(region)
    sections += _myth_sections(myths[:MYTHS_SHOWN])
    # The title names the place the figures describe; the subtitle never repeats it, and says once when that
    # place is not the one the kiosk is set to.
    here = local_place(reader, region)  # where the growing jobs come from, as their own page says
    place = note_region if note_region in shown else here
    subtitle = "What is growing and shrinking, what is hard to fill, and facts that bust myths about jobs."
    if not shown:
        subtitle = "The kiosk has no figures about growing and shrinking jobs here yet."
    elif elsewhere and region == "UK" and place == "England":
        subtitle = ("The kiosk has no figures for Scotland, Wales or Northern Ireland yet. "
                    "What is growing and shrinking, and facts that bust myths about jobs.")
    elif elsewhere:
        subtitle = (f"The kiosk has no figures for {w.in_place(region)} yet. "
                    "What is growing and shrinking, and facts that bust myths about jobs.")
    return Page(
        Target("local"),
        jobs_in(place),
        subtitle,
        sections=tuple(sections),
        choices=(
            Choice(growing_in(here), Target("growing"),
                   "All the jobs expected to have more workers"),
            *((Choice("More myths busted", Target("myths"), f"All {len(myths)} myth-busters"),)
              if len(myths) > MYTHS_SHOWN else ()),
        ),
    )


def myths_page(reader: ContentReader, region: str) -> Page:
    """Every myth-buster for the region (and the UK), each with the fact, its source and the year it describes."""
    myths = reader.myths(region)
    return Page(Target("myths"), "Myths about jobs, busted", "Things people often say, and what the figures show.",
                sections=tuple(_myth_sections(myths)),
                choices=(Choice(jobs_in(local_place(reader, region)), Target("local"),
                                "What is growing and shrinking, and what is hard to fill"),),
                empty_message="The kiosk has no myth-busters yet.")


def _myth_sections(myths) -> list[Section]:
    return [Section(f"Myth: {m.myth}", (Paragraph(f"Fact: {m.fact}"), Note(w.source_line(m.source, m.year))))
            for m in myths]


def _section(heading: str, region: str, rows: Sequence[tuple[str, Fact, SourceRef, object]], empty: str) -> Section:
    """A list of facts; one source line when they share a source, and a plain note when the figures are the UK's
    because the region has none."""
    if not rows:
        return Section(heading, (Paragraph(empty),))
    blocks: list[Block] = []
    shown_region = rows[0][0]
    if shown_region != region:
        blocks.append(Paragraph(f"The kiosk has no figures for {w.in_place(region)} for this, so these are for "
                                f"{w.in_place(shown_region)}."))
    lines = {_source(row) for row in rows}
    if len(lines) == 1:
        blocks += [FactList(tuple(fact for _, fact, _, _ in rows)), Note(lines.pop())]
    else:
        blocks.append(FactList(tuple(fact._replace(source=_source(row)) for row in rows for fact in (row[1],))))
    return Section(heading, tuple(blocks))


def _source(row: tuple[str, Fact, SourceRef, object]) -> str:
    region, _, source, item = row
    first, last = getattr(item, "first_year", None), getattr(item, "last_year", None)
    years = f"{first} to {last}" if first is not None and last is not None else getattr(item, "year", None)
    return f"{w.source_line(source, years)} ({region})"


def _job_fact(c: JobChange) -> Fact:
    return Fact(
        c.title, w.change_by(c.growth_percent, c.last_year),
        f"{w.people(c.first_employment)} people in {c.first_year}, about {w.people(c.last_employment)} by {c.last_year}",
    )


def _group_fact(g: GroupChange) -> Fact:
    change = for_every_ten(g.first_employment, g.last_employment, g.first_year, g.last_year).rstrip(".")
    return Fact(w.plain_group(g.title), change, f"{w.people(g.first_employment)} people in {g.first_year}, about "
                                 f"{w.people(g.last_employment)} by {g.last_year}")


def _industry_fact(i: IndustryOutlook) -> Fact:
    change = "Not known"
    if i.growth_percent is not None:
        change = for_every_ten(i.first_employment, i.last_employment, i.first_year, i.last_year).rstrip(".")
    return Fact(i.name, change, f"{w.people(i.first_employment)} people in {i.first_year}, about "
                                f"{w.people(i.last_employment)} by {i.last_year}")


def _hard_to_fill_fact(title: str, percent: float, skills: float | None) -> Fact:
    detail = "Employers find it hard to find people for these jobs."
    if skills is not None:
        detail = f"{skills:.0f} in 100 are hard to fill because people lack the skills."
    # "Vacancies" is a word a 12-year-old may not know: jobs waiting for a worker says the same thing.
    return Fact(title, f"{percent:.0f} in 100 jobs waiting for a worker are hard to fill", detail)

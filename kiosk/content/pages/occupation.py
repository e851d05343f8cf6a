"""The occupation page: what the job is, what you do, pay, hours, the future, routes in and skills."""

from __future__ import annotations

from typing import Sequence

from kiosk.content.model import AlumniStory, Figure, Occupation
from kiosk.content.pages import against_all_jobs as against
from kiosk.content.pages import official_figures as official
from kiosk.content.pages import wording as w
from kiosk.content.pages.against_all_jobs import AllJobs
from kiosk.content.pages.alumni import people_section, story_choices
from kiosk.content.pages.figure_age import FigureAge, figure_age, marked
from kiosk.content.pages.figure_sources import Citations
from kiosk.content.pages.page import (
    Bar, BarChart, Block, BulletList, Choice, Fact, FactList, Note, Page, Paragraph, Section, Target,
)

MAX_BARS = 5


def occupation_page(
    occ: Occupation, region: str, easy: bool = False, age: FigureAge | None = None,
    stories: Sequence[AlumniStory] = (), all_jobs: AllJobs = AllJobs(),
) -> Page:
    """The full page for one occupation, with figures for `region` where there are any, else the UK.

    `easy` gives the easy-read words (short sentences) that picture and large-symbol modes show; figures older
    than `age` allows are marked as maybe out of date. `stories` are former pupils who do this job. `all_jobs`
    are the figures for all jobs that pay, hours and growth are set beside. The figures' sources are named once,
    in the page's last section.
    """
    age = age or figure_age()
    cite = Citations()
    subtitle = occ.sector.name if occ.sector else ""
    # Other names help a reader of words; ONS's name for the group is given with the figures, not here. In the
    # picture modes a list of names would be a row of unrelated pictures, so the sector stands alone.
    # A name that only repeats the title ("Trainee train driver" for "Train driver") says nothing new.
    others = [t for t in occ.alt_titles
              if t.casefold() != occ.unit_title.casefold() and not w.names_again(occ.title, t)][:4]
    if others and not easy:
        also = ", ".join(others)
        subtitle = f"{subtitle} · Also called: {also}" if subtitle else f"Also called: {also}"
    links = occ.unit_group
    plain = links.plain  # the library's words for the group, where this job's own text is for adults
    easy_words = occ.easy_read or (plain.easy_read if plain else ())
    if easy and easy_words:
        about: tuple[Block, ...] = tuple(Paragraph(t) for t in easy_words)
    elif occ.summary:
        about = (Paragraph(occ.summary),)
    else:  # a unit group the official statistics name but nobody has described yet: its names say what it is
        about = (Paragraph(f"The kiosk has no description of this job yet. People doing it have job titles like "
                           f"these: {', '.join(occ.alt_titles[:8])}." if occ.alt_titles else
                           "The kiosk has no description of this job yet."),)
    sections = [Section("What the job is", about)]
    if plain and plain.summary and not easy:
        sections.append(Section("In plain words", (
            Paragraph(plain.summary), Note(f"The kiosk's own words for all jobs like this ({plain.entry.title})."))))
    if links.official and not easy:
        sections.append(Section("How ONS describes this group", (
            Paragraph(links.official.summary), Note(w.source_line(links.official.source)))))
    if occ.tasks:
        sections.append(Section("What you do", (BulletList(tuple(w.sentence(t) for t in occ.tasks)),)))
    if occ.earnings or occ.employment:  # the official figures say which unit group they are for
        sections.append(Section("Pay and hours", official.pay_and_hours(occ, region, age, cite, all_jobs)))
    else:
        sections.append(Section("Pay and hours", _pay_and_hours(occ, region, age, cite, all_jobs)))
    group = official.group_outlook(occ, region)
    sections.append(Section("Jobs in the future", official.future(group, cite, all_jobs, age.this_year) if group
                            else _future(occ, region, age, cite)))
    routes_in = [*occ.entry_routes]
    routes_in += [f"{r.name} (level {r.rqf_level})" if r.rqf_level else r.name for r in occ.routes]
    if routes_in:
        sections.append(Section("How to get in", (BulletList(tuple(w.sentence(r) for r in routes_in)),)))
    if occ.skills:
        sections.append(Section("Skills you need", (BulletList(tuple(w.sentence(s) for s in occ.skills)),)))
    if stories:  # most jobs have none; the page does not dwell on it
        sections.append(people_section("People from our school who did this job", stories))
    sources = cite.section()
    if sources:
        sections.append(sources)
    compare = Choice("Compare jobs", Target("compare-pick", occ.id), "Pay and more, side by side")
    return Page(Target("occupation", occ.id), occ.title, subtitle, tuple(sections),
                (*_group_choices(occ), compare, *story_choices(stories, about="route")))


def _group_choices(occ: Occupation) -> tuple[Choice, ...]:
    """The whole group from an everyday job's page; the everyday jobs inside it from the group's own page."""
    links = occ.unit_group
    if links.group:
        return (Choice(links.group.title, Target("occupation", links.group.id), "All the jobs in this group"),)
    return tuple(Choice(job.title, Target("occupation", job.id), "A job in this group") for job in links.everyday)


def figures_for(series: dict[str, tuple[Figure, ...]], region: str) -> tuple[str, tuple[Figure, ...]]:
    """A series' figures for `region`, else the UK's, else the first place that has any, with the place's name."""
    if series.get(region):
        return region, series[region]
    if series.get("UK"):
        return "UK", series["UK"]
    for name, figures in sorted(series.items()):
        if figures:
            return name, figures
    return region, ()


def _pay_and_hours(occ: Occupation, region: str, age: FigureAge, cite: Citations, all_jobs: AllJobs
                   ) -> tuple[Block, ...]:
    """Pay and hours from a pack's own series (no ONS unit group), each beside all jobs where the year, place and
    source table are the same."""
    blocks: list[Block] = []
    where, pay = figures_for(occ.pay, region)
    if pay:
        latest = pay[-1]
        cite.add(latest.source, latest.year, where)
        blocks.append(FactList((Fact(
            "Pay", f"{w.pounds(latest.value)} a week",
            marked(f"That is {w.yearly_pay(latest.value)} before tax, for a full-time worker "
                   f"({where}, {latest.year}).", age.mark(latest.year))),)))
        average = against.same_year(all_jobs, latest.year, where, latest.source)
        chart = against.pay_chart(latest.value, "", average)
        if chart:
            blocks.append(chart)
    else:
        blocks.append(FactList((Fact("Pay", "Not known", "The kiosk has no pay figures for this job yet."),)))
    where, hrs = figures_for(occ.hours, region)
    if hrs:
        latest = hrs[-1]
        cite.add(latest.source, latest.year, where)
        blocks.append(FactList((Fact("Hours", w.hours(latest.value), marked(
            f"Usual paid hours ({where}, {latest.year}).", age.mark(latest.year))),)))
        average = against.same_year(all_jobs, latest.year, where, latest.source)
        chart = against.hours_chart(latest.value, "", average)
        if chart:
            blocks.append(chart)
    else:
        blocks.append(FactList((Fact("Hours", "Not known", "The kiosk has no hours figures for this job yet."),)))
    return tuple(blocks)


def _future(occ: Occupation, region: str, age: FigureAge, cite: Citations) -> tuple[Block, ...]:
    where, outlook = figures_for(occ.outlook, region)
    if len(outlook) < 2:
        return (Paragraph("The kiosk has no figures yet about how many of these jobs there will be."),)
    first, last = outlook[0], outlook[-1]
    change = last.value - first.value
    percent = 100.0 * change / first.value if first.value else None
    direction = w.trend(percent)
    cite.add(last.source, f"{first.year} to {last.year}", where)
    # The same words as the official outlook and "Jobs in our area": for every 10 jobs at the start, how many after.
    headline = (official.for_every_ten(first.value, last.value, first.year, last.year, age.this_year)
                if first.value else f"About {w.people(last.value)} jobs by {last.year}.")
    chart = BarChart(
        title=f"People doing this job in {'the UK' if where == 'UK' else where}",
        headline=marked(headline, age.mark(first.year)),  # an outlook is as old as the year it starts from
        trend=direction,
        bars=tuple(Bar(str(f.year), f.value, w.people(f.value)) for f in _spread(outlook)),
    )
    blocks: list[Block] = [chart]
    facts = []
    demand = occ.replacement_demand.get(where) or occ.replacement_demand.get("UK")
    if demand:
        cite.add(demand.source, f"{demand.from_year} to {demand.to_year}", where)
        facts.append(
            Fact(
                "Jobs opening up",
                f"About {w.people(demand.openings)}",
                marked(f"Jobs that open as people retire or move on, {demand.from_year} to {demand.to_year}.",
                       age.mark(demand.from_year)),
            )
        )
    shortage = occ.skill_shortages.get(where) or occ.skill_shortages.get("UK")
    if shortage:
        cite.add(shortage.source, shortage.year, where)
        facts.append(
            Fact(
                "Hard to fill",
                f"{shortage.hard_to_fill_percent:.0f} in 100 jobs waiting for a worker",
                marked("Employers find these jobs hard to fill, so people with the right skills are wanted.",
                       age.mark(shortage.year)),
            )
        )
    if facts:
        blocks.append(FactList(tuple(facts)))
    return tuple(blocks)


def _spread(figures: tuple[Figure, ...]) -> list[Figure]:
    """At most MAX_BARS figures, evenly spread, always keeping the first and the last year."""
    if len(figures) <= MAX_BARS:
        return list(figures)
    step = (len(figures) - 1) / (MAX_BARS - 1)
    return [figures[round(i * step)] for i in range(MAX_BARS)]

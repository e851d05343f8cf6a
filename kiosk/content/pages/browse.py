"""The browsing pages: home, sectors, one sector, growing jobs, all jobs A to Z."""

from __future__ import annotations

from kiosk.content.model import OccupationSummary
from kiosk.content.pages import wording as w
from kiosk.content.pages.area import growing_in, jobs_in, local_place
from kiosk.content.pages.page import SEARCH, Choice, Page, Target
from kiosk.content.pages.paging import PAGE_SIZE, page_choices, page_line, split_page
from kiosk.content.pages.sorting import sort_choices, sorted_target, split_sort
from kiosk.content.reader import ContentReader


# "Sector" is a word a 12-year-old may not know; and "area" already means a place ("Jobs in our area").
KINDS_OF_WORK = "Kinds of work"
HOME_QUESTION = "What do you want to find out about jobs?"  # in symbols: find out, job


def home_page(reader: ContentReader, typing: bool = True, easy: bool = False, region: str = "UK") -> Page:
    """The first screen: every way in, most asked-for first. Without typing (large-symbol mode), search gives way
    to browsing by picture, and the words are short. Only the symbol modes (`easy`) have pictures to tap. The tiles
    for local figures name the place they describe ("Jobs in England")."""
    if typing:
        ways = _browse_ways(reader)
        place = local_place(reader, region)
        choices: tuple[Choice, ...] = (
            Choice("Search for a job", SEARCH, "Type the name of a job"),
            ways["sectors"],
            ways["subjects"],
            ways["interests"],
            Choice("Routes after school", Target("routes"), "A levels, T levels, apprenticeships, college, work"),
            Choice(jobs_in(place), Target("local"), "What is growing, what is hard to fill, and myths busted"),
            Choice("Compare jobs", Target("compare-pick"), "Up to three jobs side by side: pay, hours, the future"),
            Choice("People from our school", Target("stories"), "Where our former students are now"),
            Choice("Open days and events", Target("events"), "Open days, taster days, talks and fairs"),
            Choice("Careers library", Target("library"), "Books, leaflets, films and websites in school"),
            Choice(growing_in(place), Target("growing"), "Where there will be more jobs in future"),
            ways["a-z"],
        )
    else:
        # One screen of six: pupils who rely on pictures should not have to page to find a way in.
        choices = (
            Choice(KINDS_OF_WORK, Target("sectors")),
            Choice("Things I like doing", Target("interests")),
            Choice("People at work", Target("a-z")),
            Choice("School subjects", Target("subjects")),
            Choice("After school", Target("routes")),
            Choice("Open days", Target("events")),
        )
    return Page(Target("home"), HOME_QUESTION, "Tap a picture to start." if easy else "Choose where to start.",
                choices=choices)


# Home's ways to look through jobs without a name to type, in the order a search that found nothing offers them.
BROWSE_WAYS = ("a-z", "sectors", "interests", "subjects")


def browse_choices(reader: ContentReader) -> tuple[Choice, ...]:
    """Home's ways to look through the jobs (A to Z, kinds of work, likes, school subjects), named as home names
    them, for a search that found nothing."""
    ways = _browse_ways(reader)
    return tuple(ways[kind] for kind in BROWSE_WAYS)


def _browse_ways(reader: ContentReader) -> dict[str, Choice]:
    """Home's tiles for browsing without a name to type, by the kind of page they open (only the counts are read:
    a search that finds nothing asks for them on every keystroke)."""
    counts = reader.counts()
    return {
        "sectors": Choice(KINDS_OF_WORK, Target("sectors"),
                          f"{counts['sectors']} groups of jobs, from health to building"),
        "subjects": Choice("School subjects I like", Target("subjects"), "Jobs that use the subjects you enjoy"),
        "interests": Choice("Things I like doing", Target("interests"), "Jobs for people like you"),
        "a-z": Choice("All jobs A to Z", Target("a-z"), f"All {counts['occupations']} jobs in the kiosk"),
    }


def interests_page(reader: ContentReader) -> Page:
    return Page(
        Target("interests"),
        "Things I like doing",
        "Tap what you enjoy to see jobs for people who like it.",
        choices=tuple(
            Choice(w.sentence(name), Target("interest", name), w.job_count(n))
            for name, n in reader.interests()
        ),
        empty_message="The kiosk has no jobs sorted by interests yet.",
    )


def interest_page(reader: ContentReader, key: str, region: str) -> Page:
    interest, _ = split_sort(split_page(key)[0])
    choices, line = job_list(reader, "interest", key, region, interest=interest)
    return Page(
        Target("interest", key),
        f"Jobs for people who like {interest}",
        line,
        choices=choices,
        empty_message="There are no jobs for this in the kiosk yet.",
    )


def sectors_page(reader: ContentReader) -> Page:
    sectors = reader.sectors()
    return Page(
        Target("sectors"),
        KINDS_OF_WORK,
        f"{len(sectors)} groups of jobs, from health to building. Tap one to see its jobs.",
        choices=tuple(
            Choice(s.name, Target("sector", s.id), w.job_count(s.occupation_count))
            for s in sectors
        ),
        empty_message="The kiosk has no kinds of work yet.",
    )


def sector_page(reader: ContentReader, key: str, region: str) -> Page:
    sector_id, _ = split_sort(split_page(key)[0])
    sector = reader.sector(sector_id)
    if sector is None:
        return missing_page("That kind of work is not in the kiosk any more.")
    choices, line = job_list(reader, "sector", key, region, sector=sector_id)
    return Page(
        Target("sector", key),
        sector.name,
        " ".join(t for t in (sector.description, line) if t),
        choices=choices,
        empty_message="There are no jobs of this kind in the kiosk yet.",
    )


def growing_page(reader: ContentReader, region: str, key: str = "") -> Page:
    choices, line = job_list(reader, "growing", key, region, default="growth", min_growth=w.FLAT_BAND_PERCENT)
    return Page(
        Target("growing", key),
        growing_in(local_place(reader, region)),
        " ".join(t for t in ("These jobs are expected to have more workers in future.", line) if t),
        choices=choices,
        empty_message="The kiosk has no figures yet about which jobs are growing.",
    )


def a_to_z_page(reader: ContentReader, region: str, key: str = "") -> Page:
    _, sort = split_sort(split_page(key)[0])
    choices, line = job_list(reader, "a-z", key, region)
    return Page(
        Target("a-z", key),
        "All jobs A to Z" if sort == "title" else "All jobs",
        line,
        choices=choices,
        empty_message="There are no jobs in the kiosk yet.",
    )


def missing_page(message: str) -> Page:
    """A page that says plainly what is missing, with big ways on (never an empty screen)."""
    return Page(
        Target("missing"),
        "Sorry, that page is not here",
        message,
        choices=(
            Choice("Start again", Target("home"), "Go back to the first screen"),
            Choice("Search for a job", SEARCH, "Type the name of a job"),
        ),
    )


def job_list(reader: ContentReader, kind: str, key: str, region: str, default: str = "title",
             **filters: object) -> tuple[tuple[Choice, ...], str]:
    """One page of a sortable job list, read a page at a time: its choices (next and previous page, other sorts,
    the jobs) and a "Page 2 of 40." line ("" when it fits on one page)."""
    base, page = split_page(key)
    item, sort = split_sort(base, default)
    total = reader.occupation_count(region=region, **filters)
    jobs = reader.occupations(region=region, sort=sort, limit=PAGE_SIZE, offset=page.offset, **filters)
    paging = page_choices(kind, sorted_target(kind, item, sort, default).key, page, total)
    sectors = {s.id: s.name for s in reader.sectors()}
    return paging + sorted_list(kind, item, sort, jobs, default, total, sectors), page_line(page, total)


def sorted_list(
    kind: str, item: str, sort: str, occupations: list[OccupationSummary], default: str = "title",
    total: int | None = None, sectors: dict[str, str] | None = None,
) -> tuple[Choice, ...]:
    """A job list's choices: ways to sort it differently (when it has jobs to sort), then its jobs (each with its
    sector's name, when `sectors` names them, for big pictures to narrow the list by)."""
    if (len(occupations) if total is None else total) < 2:
        return occupation_choices(occupations, sectors)
    return sort_choices(kind, item, sort, default) + occupation_choices(occupations, sectors)


def occupation_choices(occupations: list[OccupationSummary], sectors: dict[str, str] | None = None,
                       with_summary: bool = True) -> tuple[Choice, ...]:
    """Jobs as choices: each with its pay and outlook line, and its sector's name as its group."""
    names = sectors or {}
    return tuple(Choice(o.title, Target("occupation", o.id), _summary_line(o) if with_summary else "",
                        group=names.get(o.sector, "")) for o in occupations)


def _summary_line(o: OccupationSummary) -> str:
    parts = []
    if o.weekly_pay:
        parts.append(f"{w.pounds(o.weekly_pay)} a week")
    if o.growth_percent is not None and o.growth_to_year:
        parts.append(w.change_by(o.growth_percent, o.growth_to_year))
    return " · ".join(parts)

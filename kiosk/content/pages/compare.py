"""The compare page: up to three jobs side by side (pay, hours, future, routes in, skills) and the average for
all jobs. Stateless: the chosen jobs are the ids in the page's Target key, "nurse,plumber,chef"."""

from __future__ import annotations

from kiosk.content.model import Average, Figure, GroupOutlook, Occupation, SourceRef
from kiosk.content.pages import against_all_jobs as against
from kiosk.content.pages import official_figures as official
from kiosk.content.pages import wording as w
from kiosk.content.pages.figure_age import FigureAge, figure_age
from kiosk.content.pages.figure_sources import Citations
from kiosk.content.pages.occupation import figures_for  # the same region fallback as the job's own page
from kiosk.content.pages.page import (
    Choice, CompareCell, CompareColumn, CompareTable, Note, Page, Section, Target,
)
from kiosk.content.reader import ContentReader

MAX_JOBS = 3
ROWS = ("Pay", "Hours", "Jobs in the future", "Ways in", "Top skills")
MAX_ROUTES, MAX_SKILLS = 2, 3  # short lists: a column's five rows fit one screen
NOT_KNOWN = CompareCell(("Not known",))


def compare_ids(key: str) -> tuple[str, ...]:
    """The job ids in a compare key, in order, without blanks or repeats, at most MAX_JOBS."""
    ids: list[str] = []
    for part in key.split(","):
        part = part.strip()
        if part and part not in ids:
            ids.append(part)
    return tuple(ids[:MAX_JOBS])


def compare_key(ids: tuple[str, ...] | list[str]) -> str:
    return ",".join(ids)


def compare_page(reader: ContentReader, key: str, region: str = "UK", age: FigureAge | None = None) -> Page:
    """The chosen jobs side by side, always with the UK average for all jobs; jobs that have gone are named."""
    age = age or figure_age()
    cite = Citations()
    wanted = compare_ids(key)
    jobs = [occ for occ in (reader.occupation(i) for i in wanted) if occ is not None]
    ids = tuple(occ.id for occ in jobs)
    year = _pay_year(jobs, region)  # all jobs are shown for the jobs' own year: never one year beside another
    columns = [_job_column(occ, region, age, cite, year) for occ in jobs]
    uk = (reader.average("UK", year) if year else None) or reader.average("UK")
    local = reader.average(region, uk.year if uk else None) if region != "UK" else None
    everyone = reader.all_jobs_outlook(region)
    columns.append(_average_column(uk, local, age, everyone, cite, year))
    notes = []
    gone = len(wanted) - len(jobs)
    if gone:
        notes.append(Note(f"{'1 job' if gone == 1 else f'{gone} jobs'} you chose {'is' if gone == 1 else 'are'} "
                          "not in the kiosk any more."))
    outlooks = [official.group_outlook(occ, region) for occ in jobs] + [everyone]
    places = sorted({g.region for g in outlooks if g is not None})
    if places:  # said once here, not in every cell
        notes.append(Note(f"Jobs in the future are for the group of jobs each one belongs to, in "
                          f"{' and '.join(w.in_place(p) for p in places)}."))
    when = f" (UK, {year})" if year else ""  # the table's place and year; a cell for another names its own
    notes.append(Note(f"Pay and hours are for people working full time{when}, in each job and in all jobs together."))
    if jobs:
        names = [occ.title for occ in jobs]
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        subtitle = f"{listed}, beside the average for all jobs in the UK."
    else:
        subtitle = "Choose up to three jobs to see them side by side with the average for all jobs."
    choices = []
    if len(ids) < MAX_JOBS:
        label = "Add another job" if ids else "Choose a job"
        choices.append(Choice(label, Target("compare-pick", compare_key(ids)), f"Compare up to {MAX_JOBS} jobs"))
    for occ in jobs:
        rest = compare_key([i for i in ids if i != occ.id])
        choices.append(Choice(f"Remove {occ.title}", Target("compare", rest), "Take it out of the comparison"))
    table = CompareTable(ROWS, tuple(columns))
    # No section heading: the page title says it all, and the table needs the height (most of all with pictures).
    sections = [Section("", (table, *notes))]
    sources = cite.section()  # named once, under the table, rather than in every cell
    if sources:
        sections.append(sources)
    return Page(Target("compare", compare_key(ids)), "Compare jobs", subtitle, tuple(sections), tuple(choices))


def _pay_year(jobs: list[Occupation], region: str) -> int | None:
    """The year most of the jobs' pay figures are for (the newest on a tie), which all jobs' pay is shown for."""
    years = [e.year for e in (official.latest(occ.earnings, region) for occ in jobs) if e is not None]
    years += [pay[-1].year for pay in (figures_for(occ.pay, region)[1] for occ in jobs if not occ.earnings) if pay]
    return max(years, key=lambda y: (years.count(y), y)) if years else None


def _job_column(occ: Occupation, region: str, age: FigureAge, cite: Citations, year: int | None) -> CompareColumn:
    group = official.group_outlook(occ, region)
    return CompareColumn(occ.title, (
        _earnings(occ, region, age, cite, year) if occ.earnings else _pay(occ.pay, region, age, cite, year),
        _hours(occ.hours, region, age, cite, year) if not occ.earnings else _earned_hours(occ, region, age, year),
        _group_future(group.region, group.employment, group.from_year, group.to_year, group.source, cite)
        if group else _future(occ.outlook, region, age, cite),
        _routes(occ),
        CompareCell(tuple(w.sentence(s) for s in occ.skills[:MAX_SKILLS])) if occ.skills else NOT_KNOWN,
    ))


def _other_year(where: str, year: int, table_year: int | None) -> tuple[str, ...]:
    """A cell names its place and year only when they are not the table's (the note under it names those)."""
    return () if (where, year) == ("UK", table_year) else (f"({where}, {year})",)


def _pay(series: dict[str, tuple[Figure, ...]], region: str, age: FigureAge, cite: Citations,
         year: int | None) -> CompareCell:
    where, pay = figures_for(series, region)
    if not pay:
        return NOT_KNOWN
    latest = pay[-1]
    cite.add(latest.source, latest.year, where)
    return CompareCell(
        _with_mark((f"{w.pounds(latest.value)} a week", w.sentence(w.yearly_pay(latest.value)),
                    *_other_year(where, latest.year, year)), age.mark(latest.year)), value=latest.value)


def _earnings(occ: Occupation, region: str, age: FigureAge, cite: Citations, year: int | None) -> CompareCell:
    """ONS's full-time median: weekly, and the yearly median where it is published (not weekly pay times 52)."""
    e = official.latest(occ.earnings, region)
    if e is None or e.weekly_pay is None:
        return NOT_KNOWN
    cite.add(e.source, e.year, e.region)
    yearly = (f"About {w.pounds(round(e.annual_pay, -2))} a year",) if e.annual_pay is not None else ()
    rough = ("A rough figure",) if e.weekly_pay_quality not in against.FIRM else ()
    return CompareCell(_with_mark((f"{w.pounds(e.weekly_pay)} a week", *yearly, *rough,
                                   *_other_year(e.region, e.year, year)), age.mark(e.year)),
                       value=None if rough else e.weekly_pay)  # a rough estimate is never drawn as a bar


def _earned_hours(occ: Occupation, region: str, age: FigureAge, year: int | None) -> CompareCell:
    """ONS's usual full-time hours, from the same table as the pay (its source is named with the pay)."""
    e = official.latest(occ.earnings, region)
    if e is None or e.weekly_hours is None:
        return NOT_KNOWN
    rough = ("A rough figure",) if e.weekly_hours_quality not in against.FIRM else ()
    return CompareCell(_with_mark((w.hours(e.weekly_hours), *rough, *_other_year(e.region, e.year, year)),
                                  age.mark(e.year)), value=None if rough else e.weekly_hours)


def _group_future(region: str, employment: tuple[tuple[int, float], ...], start: int, end: int, source: SourceRef,
                  cite: Citations) -> CompareCell:
    """A projection's change as "for every 10 jobs" (the note under the table says whose figures and where)."""
    years = dict(employment)
    if not years.get(start) or end not in years:
        return NOT_KNOWN
    cite.add(source, f"{start} to {end}", region)
    percent = 100.0 * (years[end] - years[start]) / years[start]
    lines = (_trend_word(percent), official.for_every_ten(years[start], years[end], start, end))
    return CompareCell(lines, trend=w.trend(percent), value=10 * years[end] / years[start])


def _hours(series: dict[str, tuple[Figure, ...]], region: str, age: FigureAge, cite: Citations,
           year: int | None) -> CompareCell:
    where, hrs = figures_for(series, region)
    if not hrs:
        return NOT_KNOWN
    latest = hrs[-1]
    cite.add(latest.source, latest.year, where)
    return CompareCell(_with_mark((w.hours(latest.value), *_other_year(where, latest.year, year)),
                                  age.mark(latest.year)), value=latest.value)


def _future(series: dict[str, tuple[Figure, ...]], region: str, age: FigureAge, cite: Citations) -> CompareCell:
    where, outlook = figures_for(series, region)
    if len(outlook) < 2 or not outlook[0].value:
        return NOT_KNOWN
    first, last = outlook[0], outlook[-1]
    cite.add(last.source, f"{first.year} to {last.year}", where)
    percent = 100.0 * (last.value - first.value) / first.value
    lines = (_trend_word(percent), official.for_every_ten(first.value, last.value, first.year, last.year),
             f"({where})")
    # An outlook's age is the age of the year it starts from (a projection to 2035 made in 2015 is old).
    return CompareCell(_with_mark(lines, age.mark(first.year)), trend=w.trend(percent),
                       value=10 * last.value / first.value)


def _routes(occ: Occupation) -> CompareCell:
    if occ.routes:
        names = [f"{r.name} (level {r.rqf_level})" if r.rqf_level else r.name for r in occ.routes[:MAX_ROUTES]]
        more = len(occ.routes) - MAX_ROUTES
        return CompareCell((*names, *([f"and {more} more"] if more > 0 else [])))
    if occ.entry_routes:
        return CompareCell(tuple(w.sentence(r) for r in occ.entry_routes[:2]))
    return NOT_KNOWN


def _average_column(uk: Average | None, local: Average | None, age: FigureAge,
                    outlook: GroupOutlook | None, cite: Citations, year: int | None) -> CompareColumn:
    if uk is None:
        pay = hours = NOT_KNOWN
    else:
        cite.add(uk.source, uk.year, uk.region)
        yearly = (f"About {w.pounds(round(uk.annual_pay, -2))} a year" if uk.annual_pay is not None
                  else w.sentence(w.yearly_pay(uk.weekly_pay)))
        lines = [f"{w.pounds(uk.weekly_pay)} a week", yearly, *_other_year("UK", uk.year, year)]
        if local is not None:
            cite.add(local.source, local.year, local.region)
            lines.append(f"{local.region}: {w.pounds(local.weekly_pay)} a week ({local.year})")
        pay = CompareCell(_with_mark(tuple(lines), age.mark(uk.year)), value=uk.weekly_pay)
        hours = NOT_KNOWN if uk.weekly_hours is None else CompareCell(
            _with_mark((w.hours(uk.weekly_hours), *_other_year("UK", uk.year, year)), age.mark(uk.year)),
            value=uk.weekly_hours)
    different = CompareCell(("Different for every job",))
    future = (_group_future(outlook.region, outlook.employment, outlook.from_year, outlook.to_year, outlook.source,
                            cite) if outlook else NOT_KNOWN)
    return CompareColumn("All jobs (UK average)", (pay, hours, future, different, different))


def _trend_word(percent: float) -> str:
    """The change in one short word, so the table's line stays one line ("Staying about the same" would wrap)."""
    return {"up": "Growing", "down": "Shrinking", "flat": "Steady"}[w.trend(percent)]


def _with_mark(lines: tuple[str, ...], mark: str) -> tuple[str, ...]:
    return (*lines, mark) if mark else lines

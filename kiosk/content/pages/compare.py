"""The compare page: up to three jobs side by side (pay, hours, future, routes in, skills) and the average for
all jobs. Stateless: the chosen jobs are the ids in the page's Target key, "nurse,plumber,chef"."""

from __future__ import annotations

from kiosk.content.model import Average, Figure, GroupOutlook, Occupation, SourceRef
from kiosk.content.pages import official_figures as official
from kiosk.content.pages import wording as w
from kiosk.content.pages.figure_age import FigureAge, figure_age
from kiosk.content.pages.occupation import _region as figures_for  # the same region fallback as the job's own page
from kiosk.content.pages.page import (
    Choice, CompareCell, CompareColumn, CompareTable, Note, Page, Section, Target,
)
from kiosk.content.reader import ContentReader

MAX_JOBS = 3
ROWS = ("Pay", "Hours", "Jobs in the future", "Ways in", "Top skills")
MAX_ROUTES, MAX_SKILLS = 3, 3
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
    wanted = compare_ids(key)
    jobs = [occ for occ in (reader.occupation(i) for i in wanted) if occ is not None]
    ids = tuple(occ.id for occ in jobs)
    columns = [_job_column(occ, region, age) for occ in jobs]
    columns.append(_average_column(reader.average("UK"), reader.average(region) if region != "UK" else None, age,
                                   reader.all_jobs_outlook(region)))
    notes = []
    gone = len(wanted) - len(jobs)
    if gone:
        notes.append(Note(f"{'1 job' if gone == 1 else f'{gone} jobs'} you chose {'is' if gone == 1 else 'are'} "
                          "not in the kiosk any more."))
    notes.append(Note("Pay and hours are for people working full time, in each job and in all jobs together."))
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
    return Page(Target("compare", compare_key(ids)), "Compare jobs", subtitle,
                (Section("", (table, *notes)),), tuple(choices))


def _job_column(occ: Occupation, region: str, age: FigureAge) -> CompareColumn:
    group = official.group_outlook(occ, region)
    return CompareColumn(occ.title, (
        _earnings(occ, region, age) if occ.earnings else _pay(occ.pay, region, age),
        _hours(occ.hours, region, age),
        _group_future(group.region, group.employment, group.from_year, group.to_year, group.source, "its group")
        if group else _future(occ.outlook, region, age),
        _routes(occ),
        CompareCell(tuple(w.sentence(s) for s in occ.skills[:MAX_SKILLS])) if occ.skills else NOT_KNOWN,
    ))


def _pay(series: dict[str, tuple[Figure, ...]], region: str, age: FigureAge) -> CompareCell:
    where, pay = figures_for(series, region)
    if not pay:
        return NOT_KNOWN
    latest = pay[-1]
    return CompareCell(
        _with_mark((f"{w.pounds(latest.value)} a week", f"That is {w.yearly_pay(latest.value)}",
                    f"({where}, {latest.year})"), age.mark(latest.year)),
        w.source_line(latest.source, latest.year), value=latest.value,
    )


def _earnings(occ: Occupation, region: str, age: FigureAge) -> CompareCell:
    """ONS's full-time median: weekly, and the yearly median where it is published (not weekly pay times 52)."""
    e = official.latest(occ.earnings, region)
    if e is None or e.weekly_pay is None:
        return NOT_KNOWN
    yearly = (f"About {w.pounds(round(e.annual_pay, -2))} a year",) if e.annual_pay is not None else ()
    return CompareCell(_with_mark((f"{w.pounds(e.weekly_pay)} a week", *yearly, f"({e.region}, {e.year})"),
                                  age.mark(e.year)), w.source_line(e.source, e.year), value=e.weekly_pay)


def _group_future(region: str, employment: tuple[tuple[int, float], ...], start: int, end: int, source: SourceRef,
                  whose: str) -> CompareCell:
    """A projection's change as "for every 10 jobs", with whose figures they are and where."""
    years = dict(employment)
    if not years.get(start) or end not in years:
        return NOT_KNOWN
    percent = 100.0 * (years[end] - years[start]) / years[start]
    lines = (w.trend_words(percent), official.for_every_ten(years[start], years[end], start, end),
             f"({whose}, {region})")
    return CompareCell(lines, w.source_line(source, f"{start} to {end}"), w.trend(percent),
                       10 * years[end] / years[start])


def _hours(series: dict[str, tuple[Figure, ...]], region: str, age: FigureAge) -> CompareCell:
    where, hrs = figures_for(series, region)
    if not hrs:
        return NOT_KNOWN
    latest = hrs[-1]
    return CompareCell(_with_mark((w.hours(latest.value), f"({where}, {latest.year})"), age.mark(latest.year)),
                       w.source_line(latest.source, latest.year), value=latest.value)


def _future(series: dict[str, tuple[Figure, ...]], region: str, age: FigureAge) -> CompareCell:
    where, outlook = figures_for(series, region)
    if len(outlook) < 2 or not outlook[0].value:
        return NOT_KNOWN
    first, last = outlook[0], outlook[-1]
    percent = 100.0 * (last.value - first.value) / first.value
    lines = (w.trend_words(percent), w.sentence(w.change_by(percent, last.year)), f"({where}, from {first.year})")
    # An outlook's age is the age of the year it starts from (a projection to 2035 made in 2015 is old).
    return CompareCell(_with_mark(lines, age.mark(first.year)),
                       w.source_line(last.source, f"{first.year} to {last.year}"), w.trend(percent),
                       10 * last.value / first.value)


def _routes(occ: Occupation) -> CompareCell:
    if occ.routes:
        names = [f"{r.name} (level {r.rqf_level})" if r.rqf_level else r.name for r in occ.routes[:MAX_ROUTES]]
        more = len(occ.routes) - MAX_ROUTES
        return CompareCell((*names, *([f"and {more} more"] if more > 0 else [])))
    if occ.entry_routes:
        return CompareCell(tuple(w.sentence(r) for r in occ.entry_routes[:2]))
    return NOT_KNOWN


def _average_column(uk: Average | None, local: Average | None, age: FigureAge,
                    outlook: GroupOutlook | None = None) -> CompareColumn:
    if uk is None:
        pay = hours = NOT_KNOWN
    else:
        yearly = (f"About {w.pounds(round(uk.annual_pay, -2))} a year" if uk.annual_pay is not None
                  else f"That is {w.yearly_pay(uk.weekly_pay)}")
        lines = [f"{w.pounds(uk.weekly_pay)} a week", yearly, f"(UK, {uk.year})"]
        if local is not None:
            lines.append(f"{local.region}: {w.pounds(local.weekly_pay)} a week ({local.year})")
        pay = CompareCell(_with_mark(tuple(lines), age.mark(uk.year)), w.source_line(uk.source, uk.year),
                          value=uk.weekly_pay)
        hours = NOT_KNOWN if uk.weekly_hours is None else CompareCell(
            _with_mark((w.hours(uk.weekly_hours), f"(UK, {uk.year})"), age.mark(uk.year)),
            w.source_line(uk.source, uk.year), value=uk.weekly_hours)
    different = CompareCell(("Different for every job",))
    future = (_group_future(outlook.region, outlook.employment, outlook.from_year, outlook.to_year, outlook.source,
                            "all jobs") if outlook else NOT_KNOWN)
    return CompareColumn("All jobs (UK average)", (pay, hours, future, different, different))


def _with_mark(lines: tuple[str, ...], mark: str) -> tuple[str, ...]:
    return (*lines, mark) if mark else lines

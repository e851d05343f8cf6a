"""A job's pay, hours and growth against the same figure for all jobs: small two-bar charts, drawn only when both
sides are the same measure for the same year and place (never a mix of years, never a rough or hidden estimate)."""

from __future__ import annotations

from typing import NamedTuple

from kiosk.content.model import Average, GroupOutlook, Occupation, SourceRef
from kiosk.content.pages import wording as w
from kiosk.content.pages.page import Bar, BarChart
from kiosk.content.reader import ContentReader

PAY_CHART, ALL_JOBS = "Pay a week", "All jobs"  # the pay chart's title starts so; all jobs' bar is named so
CLOSE = 0.05  # within 5% of all jobs reads as "about the same": a finer difference is within the survey's error
# ONS's quality bands a bar may be drawn from; "acceptable" is a rough estimate (the page says so in words).
FIRM = ("precise", "reasonably_precise", "")  # "" where the table gives no band (the all-jobs row has none)


class AllJobs(NamedTuple):
    """The figures for all jobs a job page sets its own against: ASHE's all-jobs medians and DfE's total."""

    averages: tuple[Average, ...] = ()  # one a year, for the UK
    outlook: GroupOutlook | None = None


def all_jobs_for(reader: ContentReader, occ: Occupation, region: str) -> AllJobs:
    """All jobs' figures for the years and places this job's own pay and hours figures give."""
    wanted = {(e.region, e.year) for e in occ.earnings}
    wanted |= {(place, figures[-1].year) for series in (occ.pay, occ.hours) for place, figures in series.items()
               if figures}  # a page shows a series' latest figure only
    found = (reader.average(place, year) for place, year in sorted(wanted) if place in ("UK", region))
    return AllJobs(tuple(a for a in found if a is not None), reader.all_jobs_outlook(region))


def same_year(all_jobs: AllJobs, year: int, place: str, source: SourceRef) -> Average | None:
    """The all-jobs average of exactly this year, place and source table (so the same measure); else None."""
    for average in all_jobs.averages:
        if average.year == year and average.region == place and average.source == source:
            return average
    return None


def pay_chart(weekly: float, quality: str, average: Average | None) -> BarChart | None:
    """This job's full-time weekly median against all jobs', or None when the two cannot be set side by side."""
    if average is None or quality not in FIRM:
        return None
    return BarChart(
        f"{PAY_CHART}: this job and all jobs, full time ({average.region}, {average.year})",
        _compared(weekly, average.weekly_pay, "more pay", "less pay"),
        _trend(weekly, average.weekly_pay),
        (Bar(ALL_JOBS, average.weekly_pay, w.pounds(average.weekly_pay)), Bar("This job", weekly, w.pounds(weekly))),
        across=True,
    )


def hours_chart(hours: float, quality: str, average: Average | None) -> BarChart | None:
    """This job's usual full-time hours against all jobs', or None when they cannot be set side by side."""
    if average is None or average.weekly_hours is None or quality not in FIRM:
        return None
    theirs = average.weekly_hours
    return BarChart(
        f"Hours a week: this job and all jobs, full time ({average.region}, {average.year})",
        _compared(hours, theirs, "longer hours", "shorter hours"),
        "flat",  # longer hours are neither good nor bad news: the headline is never coloured as either
        (Bar(ALL_JOBS, theirs, _hours(theirs)), Bar("This job", hours, _hours(hours))),
        across=True,
    )


def growth_chart(group: GroupOutlook, everyone: GroupOutlook | None) -> BarChart | None:
    """For every 10 jobs at the start, how many at the end: the job's group against all jobs, over the same years
    in the same place; None when the projections do not match."""
    if everyone is None or (everyone.region, everyone.from_year, everyone.to_year) != (
            group.region, group.from_year, group.to_year):
        return None
    ours, theirs = _tens(group), _tens(everyone)
    if ours is None or theirs is None:
        return None
    return BarChart(
        f"Jobs in {group.to_year} for every 10 in {group.from_year} ({w.in_place(group.region)})",
        _compared(ours, theirs, "more growth", "less growth", "than for all jobs together"),
        _trend(ours, theirs),
        (Bar(ALL_JOBS, theirs, f"{theirs:.1f}"), Bar("This group", ours, f"{ours:.1f}")),
        across=True,
    )


def _tens(g: GroupOutlook) -> float | None:
    years = dict(g.employment)
    start, end = years.get(g.from_year), years.get(g.to_year)
    return 10 * end / start if start and end is not None else None


def _compared(ours: float, theirs: float, more: str, less: str, than: str = "than the average for all jobs") -> str:
    """"More pay than the average for all jobs", or "About the same as …" when the two are close."""
    if abs(ours - theirs) <= CLOSE * theirs:
        return "About the same as " + than.removeprefix("than ") + "."
    return w.sentence(f"{more if ours > theirs else less} {than}.")


def _trend(ours: float, theirs: float) -> str:
    if abs(ours - theirs) <= CLOSE * theirs:
        return "flat"
    return "up" if ours > theirs else "down"


def _hours(value: float) -> str:
    return w.hours(value).removesuffix(" a week")  # the chart's title says "a week"

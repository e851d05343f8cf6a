"""An occupation's official figures in plain words: ONS pay, hours and head count, and DfE's outlook for its group."""

from __future__ import annotations

from kiosk.content.model import Earnings, Employment, GroupOutlook, Occupation
from kiosk.content.pages import against_all_jobs as against
from kiosk.content.pages import wording as w
from kiosk.content.pages.against_all_jobs import AllJobs
from kiosk.content.pages.figure_age import FigureAge, marked
from kiosk.content.pages.figure_sources import Citations
from kiosk.content.pages.page import Bar, BarChart, Block, Fact, FactList, Paragraph

UK = "UK"
ENGLAND = "England"
ROUGH = {"acceptable": "This is a rough estimate: few people in this job answered ONS's survey."}
# DfE's nine qualification levels, grouped into the four a pupil can place (RQF 4-8 are all beyond A level).
QUALIFICATION_GROUPS = (
    ("a degree or another qualification above A level", ("rqf8", "rqf7", "rqf6", "rqf5", "rqf4")),
    ("A levels or something like them", ("rqf3",)),
    ("GCSEs or something like them", ("rqf2", "rqf1")),
    ("no qualifications", ("none",)),
)


def when(region: str, year: int) -> str:
    """A place and year in brackets' words: "UK, 2024"."""
    return f"{region}, {year}"


def latest(rows: tuple, region: str) -> tuple | None:
    """The newest row for `region`, else for the UK; None when neither has one."""
    for place in (region, UK):
        found = [r for r in rows if r.region == place]
        if found:
            return found[-1]
    return None


def pay_and_hours(occ: Occupation, region: str, age: FigureAge, cite: Citations,
                  all_jobs: AllJobs = AllJobs()) -> tuple[Block, ...]:
    """Pay (weekly, its middle half and yearly), hours and how many people do the job, each with place and year;
    pay and hours each beside all jobs' figure of the same year and table, where there is one."""
    e: Earnings | None = latest(occ.earnings, region)
    blocks: list[Block] = [*_whose(occ)]
    if e is None:
        blocks.append(FactList((Fact("Pay", "Not known", "The kiosk has no pay figures for this job yet."),
                                Fact("Hours", "Not known", "The kiosk has no hours figures for this job yet."))))
    else:
        cite.add(e.source, e.year, e.region)
        average = against.same_year(all_jobs, e.year, e.region, e.source)
        blocks.append(FactList((_pay(e, age),)))
        if e.weekly_pay is not None:
            blocks += _chart(against.pay_chart(e.weekly_pay, e.weekly_pay_quality, average))
        blocks.append(FactList((_hours(e, age),)))
        if e.weekly_hours is not None:
            blocks += _chart(against.hours_chart(e.weekly_hours, e.weekly_hours_quality, average))
        if average is not None:
            cite.add(average.source, average.year, average.region)
    people: Employment | None = latest(occ.employment, region)
    if people is not None:
        cite.add(people.source, people.year, people.region)
        blocks.append(FactList((_people(people, age),)))
    return tuple(blocks)


def _chart(chart: BarChart | None) -> tuple[BarChart, ...]:
    return (chart,) if chart else ()


def _whose(occ: Occupation) -> tuple[Paragraph, ...]:
    """Whose figures these are, when ONS's group has another name than the job: the figures cover all of it."""
    if not occ.unit_title or occ.unit_title.casefold() == occ.title.casefold():
        return ()
    # Plain words with one sense each: in picture mode "counts" would draw an abacus (counting numbers).
    return (Paragraph(f"Figures are for all {w.group_name(occ.unit_title)}."),)


def _pay(e: Earnings, age: FigureAge) -> Fact:
    place = when(e.region, e.year)
    if e.weekly_pay is None:
        return Fact("Pay", "Not known",
                    f"ONS does not publish a pay figure for this job ({place}): too few people in its survey do it, "
                    "so any figure would not be reliable.")
    detail = [f"The middle pay of full-time workers ({place})."]
    if e.weekly_pay_low is not None and e.weekly_pay_high is not None:
        # The middle half as a range, as careers profiles give pay; "most" would overstate a half.
        detail.append(f"Half of them earn between {w.pounds(e.weekly_pay_low)} and {w.pounds(e.weekly_pay_high)} "
                      "a week.")
    if e.annual_pay is not None:
        detail.append(f"Over a year that is about {w.pounds(round(e.annual_pay, -2))} before tax.")
    if e.weekly_pay_quality in ROUGH:
        detail.append(ROUGH[e.weekly_pay_quality])
    return Fact("Pay", f"{w.pounds(e.weekly_pay)} a week", marked(" ".join(detail), age.mark(e.year)))


def _hours(e: Earnings, age: FigureAge) -> Fact:
    if e.weekly_hours is None:
        return Fact("Hours", "Not known", f"ONS does not publish reliable hours for this job "
                                          f"({when(e.region, e.year)}).")
    detail = f"Usual paid hours of a full-time worker ({when(e.region, e.year)})."
    if e.weekly_hours_quality in ROUGH:
        detail += " " + ROUGH[e.weekly_hours_quality]
    return Fact("Hours", w.hours(e.weekly_hours), marked(detail, age.mark(e.year)))


def _people(p: Employment, age: FigureAge) -> Fact:
    if p.lower_bound:
        value = f"More than {w.people(p.people)}"
        detail = (f"People doing this job in {w.in_place(p.region)} in {p.year}. Some of the survey's counts for it are "
                  "too small to publish, so the real number is higher.")
    else:
        value = f"About {w.people(p.people)}"
        detail = f"People doing this job in {w.in_place(p.region)} in {p.year}."
    return Fact("People doing this job", value, marked(detail, age.mark(p.year)))


def group_outlook(occ: Occupation, region: str) -> GroupOutlook | None:
    """The job's group projection for the kiosk's place, else England's (DfE projects England and its areas)."""
    for place in (region, ENGLAND):
        if place in occ.group_outlook:
            return occ.group_outlook[place]
    return next(iter(sorted(occ.group_outlook.items())), (None, None))[1]


def future(g: GroupOutlook, cite: Citations, all_jobs: AllJobs = AllJobs(), now: int | None = None
           ) -> tuple[Block, ...]:
    """How the job's group is expected to change (beside all jobs over the same years), the openings as people
    leave, who does it and what they hold."""
    years = dict(g.employment)
    start, end = years.get(g.from_year), years.get(g.to_year)
    blocks: list[Block] = [Paragraph(f"These figures are for the group of jobs this one belongs to: "
                                     f"{w.plain_group(g.title) if g.title else 'its group'}.")]
    cite.add(g.source, f"{g.from_year} to {g.to_year}", g.region)
    if start and end:
        percent = 100.0 * (end - start) / start
        chart = BarChart(
            title=f"People working in this group in {w.in_place(g.region)}",
            headline=for_every_ten(start, end, g.from_year, g.to_year, now),
            trend=w.trend(percent),
            bars=tuple(Bar(str(y), v, w.people(v)) for y, v in sorted(years.items()) if g.from_year <= y <= g.to_year),
        )
        blocks.append(chart)
        compared = against.growth_chart(g, all_jobs.outlook)
        if compared is not None and all_jobs.outlook is not None:
            cite.add(all_jobs.outlook.source, f"{g.from_year} to {g.to_year}", g.region)
            blocks.append(compared)
    facts = []
    if g.replacement_demand:
        facts.append(Fact("Jobs opening up", f"About {w.people(g.replacement_demand)}",
                          f"Jobs to fill in {w.in_place(g.region)} from {g.from_year} to {g.to_year} as people retire or "
                          "move on, as well as any new jobs."))
    if g.women and g.women[2] > 0:
        year, women, everyone = g.women
        tenths = round(10 * women / everyone)
        share = f"About {tenths} in 10 are women" if tenths else "Fewer than 1 in 20 are women"
        facts.append(Fact("Women and men", share, f"People working in this group ({when(g.region, year)})."))
    qualifications = _qualifications(g)
    if qualifications:
        rest = "".join(f"{line}. " for line in qualifications[1:])
        facts.append(Fact("Qualifications", qualifications[0],
                          f"{rest}The highest qualification of people working in this group "
                          f"({when(g.region, g.from_year)})."))
    if facts:
        blocks.append(FactList(tuple(facts)))
    return tuple(blocks)


def for_every_ten(start: float, end: float, from_year: int, to_year: int, now: int | None = None) -> str:
    """Growth as a child can picture it: "For every 10 jobs now, about 13 in 2035" when the figures start this
    year (`now`), else "For every 10 jobs in 2020, about 13 in 2035": "now" for a year gone by would be untrue."""
    ten = round(10 * end / start)
    then = "now" if from_year == now else f"in {from_year}"
    if ten == 10:
        return f"About the same number of jobs in {to_year} as {then}."
    return f"For every 10 jobs {then}, about {ten} in {to_year}."


def _qualifications(g: GroupOutlook) -> list[str]:
    """The highest qualifications people hold, in tenths: the commonest first as a headline, then the rest."""
    held = dict(g.qualifications)
    total = sum(held.values())
    if total <= 0:
        return []
    shares = [(words, sum(held.get(level, 0) for level in levels) / total) for words, levels in QUALIFICATION_GROUPS]
    return [f"{round(10 * share)} in 10 have {words}" for words, share in shares if round(10 * share) > 0]

"""A job's facts for the careers sheet, read from the model: what it is, pay, hours, the outlook, how to start.

Built from the occupation itself (not from the job page's blocks), in the same words as on screen through
wording.py and official_figures.py, so a change to how the page lays out its figures cannot change the sheet.
"""

from __future__ import annotations

from typing import NamedTuple

from kiosk.content.model import Earnings, Occupation
from kiosk.content.pages import official_figures as official
from kiosk.content.pages import wording as w
from kiosk.content.pages.figure_sources import Cited
from kiosk.content.pages.occupation import figures_for

MOST_ROUTES = 4  # the first ways in; the kiosk's job page has the rest
MOST_EASY_LINES = 3  # easy-read sentences about the job on the symbol sheet


class JobFacts(NamedTuple):
    """What the sheet says about one job: (heading, words) pairs, short sentences for the symbol sheet, and
    where its figures come from."""

    facts: tuple[tuple[str, str], ...]
    easy: tuple[str, ...]
    sources: tuple[Cited, ...]


def job_facts(occ: Occupation, region: str) -> JobFacts:
    """The sheet's words for one job, with figures for `region` where there are any, else the UK."""
    routes = how_to_start(occ)
    facts = (("What it is", what_it_is(occ)), ("Pay", pay(occ, region)), ("Hours", hours(occ, region)),
             ("Jobs in the future", outlook(occ, region)))
    if routes:
        facts += (("How to start", "\n".join(f"• {r}" for r in routes)),)
    return JobFacts(facts, easy_lines(occ, region), sources(occ, region))


def what_it_is(occ: Occupation) -> str:
    """The job's summary, else the kiosk's plain words for its group, else its easy-read sentences."""
    plain = occ.unit_group.plain
    if occ.summary:
        return occ.summary
    if plain and plain.summary:
        return plain.summary
    easy = occ.easy_read or (plain.easy_read if plain else ())
    return " ".join(easy) or "The kiosk has no description of this job yet."


def _earnings(occ: Occupation, region: str) -> Earnings | None:
    return official.latest(occ.earnings, region)


def _a_year(value: float) -> str:
    return w.pounds(round(value, -2))


def pay(occ: Occupation, region: str) -> str:
    """Pay as a range in plain words: what half of full-time workers earn between, a year, with place and year."""
    e = _earnings(occ, region)
    if e is not None and e.weekly_pay is not None:
        middle = e.annual_pay if e.annual_pay is not None else e.weekly_pay * w.WEEKS_PER_YEAR
        words = f"About {_a_year(middle)} a year for full-time work ({official.when(e.region, e.year)})."
        low = e.annual_pay_low or (e.weekly_pay_low * w.WEEKS_PER_YEAR if e.weekly_pay_low else None)
        high = e.annual_pay_high or (e.weekly_pay_high * w.WEEKS_PER_YEAR if e.weekly_pay_high else None)
        if low and high:
            words += f" Half of full-time workers earn between {_a_year(low)} and {_a_year(high)}."
        return f"{words} {official.ROUGH[e.weekly_pay_quality]}" if e.weekly_pay_quality in official.ROUGH else words
    where, figures = figures_for(occ.pay, region)
    if figures:
        return f"{w.sentence(w.yearly_pay(figures[-1].value))} for full-time work ({where}, {figures[-1].year})."
    return "Not known yet: the kiosk has no pay figures for this job."


def hours(occ: Occupation, region: str) -> str:
    """Usual paid hours of a full-time worker, with place and year."""
    e = _earnings(occ, region)
    if e is not None and e.weekly_hours is not None:
        return f"About {w.hours(e.weekly_hours)} for full-time work ({official.when(e.region, e.year)})."
    where, figures = figures_for(occ.hours, region)
    if figures:
        return f"About {w.hours(figures[-1].value)} for full-time work ({where}, {figures[-1].year})."
    return "Not known yet: the kiosk has no hours figures for this job."


def _for_every_ten(occ: Occupation, region: str) -> tuple[str, str] | None:
    """("For every 10 jobs in 2020, about 12 in 2035.", whose jobs those are), from the job's group projection,
    else its own outlook figures; None when there are neither."""
    g = official.group_outlook(occ, region)
    if g is not None:
        years = dict(g.employment)
        start, end = years.get(g.from_year), years.get(g.to_year)
        if start and end:
            return (official.for_every_ten(start, end, g.from_year, g.to_year),
                    f"This is for all the jobs in its group in {w.in_place(g.region)}.")
    where, figures = figures_for(occ.outlook, region)
    if len(figures) >= 2 and figures[0].value:
        first, last = figures[0], figures[-1]
        return (official.for_every_ten(first.value, last.value, first.year, last.year),
                f"These figures are for {w.in_place(where)}.")
    return None


def outlook(occ: Occupation, region: str) -> str:
    """How many of these jobs there may be: "For every 10 jobs in 2020, about 12 in 2035", and jobs to fill."""
    ten = _for_every_ten(occ, region)
    if ten is None:
        return "Not known yet: the kiosk has no figures about how many of these jobs there will be."
    words = " ".join(ten)
    g = official.group_outlook(occ, region)
    if g is not None and g.replacement_demand:
        words += f" About {w.people(g.replacement_demand)} jobs to fill by {g.to_year} as people retire or move on."
    return words


def how_to_start(occ: Occupation) -> tuple[str, ...]:
    """The first few ways into the job: the job's own entry routes, then the routes after school it names."""
    routes = [w.sentence(r) for r in occ.entry_routes]
    routes += [f"{r.name} (level {r.rqf_level})" if r.rqf_level else r.name for r in occ.routes]
    return tuple(dict.fromkeys(routes))[:MOST_ROUTES]


def easy_lines(occ: Occupation, region: str) -> tuple[str, ...]:
    """Short sentences for the symbol sheet: what the job is, pay, hours, the future and a way in."""
    plain = occ.unit_group.plain
    lines = list((occ.easy_read or (plain.easy_read if plain else ()))[:MOST_EASY_LINES])
    e = _earnings(occ, region)
    if e is not None and e.weekly_pay is not None:
        lines.append(f"Pay: about {_a_year(e.annual_pay or e.weekly_pay * w.WEEKS_PER_YEAR)} a year.")
    elif figures_for(occ.pay, region)[1]:
        lines.append(f"Pay: {w.yearly_pay(figures_for(occ.pay, region)[1][-1].value)}.")
    if e is not None and e.weekly_hours is not None:
        lines.append(f"Work: about {w.hours(e.weekly_hours)}.")
    ten = _for_every_ten(occ, region)
    if ten is not None:
        lines.append(ten[0])
    routes = [r.name for r in occ.routes][:2]
    if routes:
        lines.append(f"Start with: {' or '.join(routes)}.")
    return tuple(lines)


def sources(occ: Occupation, region: str) -> tuple[Cited, ...]:
    """Where the job's figures on the sheet come from: each source with its years and place."""
    found = []
    e = _earnings(occ, region)
    if e is not None:
        found.append(Cited(e.source, str(e.year), e.region))
    else:
        for series in (occ.pay, occ.hours):
            where, figures = figures_for(series, region)
            if figures:
                found.append(Cited(figures[-1].source, str(figures[-1].year), where))
    g = official.group_outlook(occ, region)
    if g is not None:
        found.append(Cited(g.source, f"{g.from_year} to {g.to_year}", g.region))
    else:
        where, figures = figures_for(occ.outlook, region)
        if len(figures) >= 2:
            found.append(Cited(figures[-1].source, f"{figures[0].year} to {figures[-1].year}", where))
    return tuple(dict.fromkeys(found))

"""The content model as the screens read it: plain, immutable values.

NamedTuples rather than dataclasses: they are defined five times faster, which matters because these
load before the kiosk's first screen is painted.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class SourceRef(NamedTuple):
    """The source a figure points to: its name, licence and the date it was retrieved."""

    name: str
    licence: str
    retrieved: str
    url: str = ""


class Figure(NamedTuple):
    """One figure for one year, with its source."""

    year: int
    value: float
    source: SourceRef


class ReplacementDemand(NamedTuple):
    """Job openings from people leaving an occupation over a period."""

    from_year: int
    to_year: int
    openings: float
    source: SourceRef


class SkillShortage(NamedTuple):
    """The share of vacancies that are hard to fill (and hard to fill for lack of skills)."""

    year: int
    hard_to_fill_percent: float
    skill_shortage_percent: float | None
    source: SourceRef


class Sector(NamedTuple):
    """A group of occupations that pupils browse by."""

    id: str
    name: str
    description: str
    occupation_count: int = 0


class Route(NamedTuple):
    """A route after school: a qualification, apprenticeship, internship or job."""

    id: str
    name: str
    kind: str
    rqf_level: int
    summary: str
    easy_read: tuple[str, ...] = ()
    duration: str = ""
    entry: str = ""


class OccupationSummary(NamedTuple):
    """What a list shows of an occupation: its title, latest pay and expected growth."""

    id: str
    title: str
    sector: str
    weekly_pay: float | None = None
    growth_percent: float | None = None
    growth_to_year: int | None = None  # the last year of the outlook the growth runs to


class Earnings(NamedTuple):
    """ONS ASHE full-time pay and hours for a SOC 2020 unit group in one place and year. None means not known
    (not published, or too unreliable to publish); a quality is ONS's band for the estimate, "" when not given."""

    soc2020: str
    region: str
    year: int
    weekly_pay: float | None
    weekly_pay_low: float | None  # the 25th percentile: the middle half of full-time workers earn between
    weekly_pay_high: float | None  # ... this and the 75th percentile
    weekly_pay_quality: str
    annual_pay: float | None
    annual_pay_low: float | None
    annual_pay_high: float | None
    annual_pay_quality: str
    weekly_hours: float | None
    weekly_hours_quality: str
    jobs: float | None  # ONS's indicative count of full-time employee jobs
    source: SourceRef


class Employment(NamedTuple):
    """People employed in a SOC 2020 unit group (ONS APS); `lower_bound` when some of its cells were suppressed."""

    soc2020: str
    region: str
    year: int
    people: float
    lower_bound: bool
    source: SourceRef


class GroupOutlook(NamedTuple):
    """DfE's projection for a SOC 2020 sub-major group in one place: people by year, the change and the openings
    over the projection, the women's share and the highest qualifications held, with the source."""

    code: str
    title: str
    region: str
    employment: tuple[tuple[int, float], ...]
    from_year: int
    to_year: int
    net_change: float | None
    replacement_demand: float | None
    women: tuple[int, float, float] | None  # (year, women, everyone) for the projection's first year
    qualifications: tuple[tuple[str, float], ...]  # (level, people) at from_year, highest level first
    source: SourceRef


class JobLink(NamedTuple):
    """A job to open from another's page."""

    id: str
    title: str


class PlainWords(NamedTuple):
    """The library's words for a unit group, shown beside a job whose own text is for adults."""

    entry: JobLink
    summary: str
    easy_read: tuple[str, ...]


class OfficialText(NamedTuple):
    """ONS's own description of a unit group, as a sync with official text brought it."""

    summary: str
    tasks: tuple[str, ...]
    entry_routes: tuple[str, ...]
    source: SourceRef


class UnitGroupLinks(NamedTuple):
    """An occupation's place in its unit group; empty parts when it has none."""

    group: JobLink | None = None  # the library's page for the whole group, when this job is not it
    everyday: tuple[JobLink, ...] = ()  # everyday jobs inside the group, on the group's own page
    plain: PlainWords | None = None  # for a job with no easy-read words of its own
    official: OfficialText | None = None  # on the group's own page, after a sync with ONS's text


class Occupation(NamedTuple):
    """An occupation with everything the kiosk knows about it, figures by region."""

    id: str
    title: str
    soc2010: str | None
    soc2020: str | None
    sector: Sector | None
    alt_titles: tuple[str, ...]
    summary: str
    easy_read: tuple[str, ...]
    tasks: tuple[str, ...]
    entry_routes: tuple[str, ...]
    skills: tuple[str, ...]
    interests: tuple[str, ...]
    pay: dict[str, tuple[Figure, ...]]
    hours: dict[str, tuple[Figure, ...]]
    outlook: dict[str, tuple[Figure, ...]]
    replacement_demand: dict[str, ReplacementDemand]
    skill_shortages: dict[str, SkillShortage]
    routes: tuple[Route, ...] = ()
    url: str = ""  # a public page about the job, for its QR code; "" when no pack gives one
    # The official statistics for the job's SOC 2020 unit group (never through a SOC 2010 code):
    unit_title: str = ""  # ONS's title of the unit group the figures describe
    earnings: tuple[Earnings, ...] = ()  # every place and year, oldest first
    employment: tuple[Employment, ...] = ()
    group_outlook: dict[str, GroupOutlook] = {}  # by place
    unit_group: UnitGroupLinks = UnitGroupLinks()  # its place in its SOC 2020 unit group (the job library's page)


class SearchHit(NamedTuple):
    """One search result: which occupation, how it matched and its score (higher is better)."""

    id: str
    title: str
    soc2010: str | None
    soc2020: str | None
    score: float
    # "title", "alternative title" or "description"; "kind" (ONS's index puts the words in its kind of job),
    # "interest", "nearest" (to a job the kiosk has no page for) or "SOC code"
    matched: str


class Average(NamedTuple):
    """The average for all jobs in one region and year (what one job is compared against), with its source."""

    region: str
    year: int
    weekly_pay: float
    weekly_hours: float | None
    source: SourceRef
    annual_pay: float | None = None  # the published yearly median, where the source gives one


class Provider(NamedTuple):
    """A local school, college, university, training provider or employer that offers routes."""

    id: str
    name: str
    kind: str  # "school_sixth_form", "college", "university", "training_provider" or "employer"
    town: str = ""
    url: str = ""


class AlumniStory(NamedTuple):
    """A former pupil's story; the names of its route and job are "" when the kiosk has no page for them."""

    id: str
    first_name: str
    year_left: int
    destination: str
    quote: str
    route: str = ""
    route_name: str = ""
    occupation: str = ""
    occupation_title: str = ""


class Event(NamedTuple):
    """An open day, taster day, employer talk, fair or other event; times are local ISO text."""

    id: str
    title: str
    kind: str
    starts: str
    ends: str = ""
    place: str = ""
    summary: str = ""
    audience: tuple[str, ...] = ()
    url: str = ""


class Resource(NamedTuple):
    """A careers library resource: printed, online, video or in-house, and where to find it."""

    id: str
    title: str
    kind: str  # "printed", "online", "video" or "in_house"
    audience: tuple[str, ...] = ()
    summary: str = ""
    shelf: str = ""
    url: str = ""


class ListItem(NamedTuple):
    """Something a pupil kept on "my list" (an occupation, route, event or resource): its title, its public
    link ("" when it has none) and a few plain details as (label, value) pairs, for the careers sheet."""

    kind: str
    id: str
    title: str
    url: str = ""
    details: tuple[tuple[str, str], ...] = ()


class RouteKind(NamedTuple):
    """A kind of route with the jobs it leads to: `jobs` counts those reached through the routes it leads to next
    (A levels to a degree), `direct` only its own; `after` the kinds of next route that add the most jobs (two at
    most, most first)."""

    kind: str
    jobs: int
    direct: int
    after: tuple[str, ...] = ()


class Subject(NamedTuple):
    """A school subject a pupil may like, with how many jobs it helps with."""

    id: str
    name: str
    description: str
    occupation_count: int = 0


class IndustryOutlook(NamedTuple):
    """People employed in an industry in one region, at the first and last year of its series, with its source."""

    id: str
    name: str
    description: str
    region: str
    first_year: int
    first_employment: float
    last_year: int
    last_employment: float
    growth_percent: float | None
    source: SourceRef


class JobChange(NamedTuple):
    """How many people an occupation employs in a region at the first and last year of its outlook."""

    occupation: str
    title: str
    region: str
    first_year: int
    first_employment: float
    last_year: int
    last_employment: float
    growth_percent: float
    source: SourceRef


class GroupChange(NamedTuple):
    """How many people a SOC 2020 group of jobs employs in a place at the start and end of DfE's projection."""

    code: str
    title: str
    region: str
    first_year: int
    first_employment: float
    last_year: int
    last_employment: float
    growth_percent: float
    replacement_demand: float | None
    source: SourceRef


class HardToFill(NamedTuple):
    """A job whose vacancies employers find hard to fill in a region."""

    occupation: str
    title: str
    region: str
    shortage: SkillShortage


class Myth(NamedTuple):
    """A myth-buster: a common belief, the checkable fact, the job it is about (if any), the year and source."""

    id: str
    myth: str
    fact: str
    year: int
    source: SourceRef
    occupation: str = ""
    occupation_title: str = ""
    region: str = ""


class PackInfo(NamedTuple):
    """An installed pack as the database records it."""

    pack_id: str
    title: str
    publisher: str
    content_version: str
    layer: str
    created: str
    sample: bool
    notice: str
    sources: tuple[SourceRef, ...] = ()


def plain(value: Any) -> Any:
    """A model value as JSON-ready dicts, lists and scalars."""
    if hasattr(value, "_asdict"):
        return {k: plain(v) for k, v in value._asdict().items()}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value

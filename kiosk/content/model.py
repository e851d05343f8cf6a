"""The content model as the screens read it: plain, immutable values."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceRef:
    """The source a figure points to: its name, licence and the date it was retrieved."""

    name: str
    licence: str
    retrieved: str
    url: str = ""


@dataclass(frozen=True)
class Figure:
    """One figure for one year, with its source."""

    year: int
    value: float
    source: SourceRef


@dataclass(frozen=True)
class ReplacementDemand:
    """Job openings from people leaving an occupation over a period."""

    from_year: int
    to_year: int
    openings: float
    source: SourceRef


@dataclass(frozen=True)
class SkillShortage:
    """The share of vacancies that are hard to fill (and hard to fill for lack of skills)."""

    year: int
    hard_to_fill_percent: float
    skill_shortage_percent: float | None
    source: SourceRef


@dataclass(frozen=True)
class Sector:
    """A group of occupations that pupils browse by."""

    id: str
    name: str
    description: str
    occupation_count: int = 0


@dataclass(frozen=True)
class Route:
    """A route after school: a qualification, apprenticeship, internship or job."""

    id: str
    name: str
    kind: str
    rqf_level: int
    summary: str
    easy_read: tuple[str, ...] = ()
    duration: str = ""
    entry: str = ""


@dataclass(frozen=True)
class OccupationSummary:
    """What a list shows of an occupation: its title, latest pay and expected growth."""

    id: str
    title: str
    sector: str
    weekly_pay: float | None = None
    growth_percent: float | None = None


@dataclass(frozen=True)
class Occupation:
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
    pay: dict[str, tuple[Figure, ...]] = field(default_factory=dict)
    hours: dict[str, tuple[Figure, ...]] = field(default_factory=dict)
    outlook: dict[str, tuple[Figure, ...]] = field(default_factory=dict)
    replacement_demand: dict[str, ReplacementDemand] = field(default_factory=dict)
    skill_shortages: dict[str, SkillShortage] = field(default_factory=dict)
    routes: tuple[Route, ...] = ()


@dataclass(frozen=True)
class SearchHit:
    """One search result: which occupation, how it matched and its score (higher is better)."""

    id: str
    title: str
    soc2010: str | None
    soc2020: str | None
    score: float
    matched: str  # "title", "alternative title" or "description"


@dataclass(frozen=True)
class PackInfo:
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

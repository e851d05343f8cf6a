"""Routes after school: every route by level, one route in full, and what the RQF levels mean."""

from __future__ import annotations

from kiosk.content.pages import levels
from kiosk.content.pages import wording as w
from kiosk.content.pages.alumni import people_section, story_choices
from kiosk.content.pages.browse import occupation_choices
from kiosk.content.pages.page import (
    Block, BulletList, Choice, Fact, FactList, Page, Paragraph, Section, Target,
)
from kiosk.content.reader import ContentReader

RQF = Target("rqf")
PROVIDER_KINDS = {
    "school_sixth_form": "school sixth form",
    "college": "college",
    "university": "university",
    "training_provider": "training provider",
    "employer": "employer",
}


def routes_page(reader: ContentReader) -> Page:
    """Every route, from entry level up; what the levels mean comes first."""
    routes = reader.routes()
    choices = [Choice(r.name, Target("route", r.id), f"{levels.level_words(r.rqf_level)} · {levels.kind_words(r.kind)}")
               for r in routes]
    if routes:
        choices.insert(0, Choice("What the levels mean", RQF, "Entry level up to level 8, in plain words"))
    return Page(
        Target("routes"),
        "Routes after school",
        "Study, training or work: every way on, from the first level up. Tap one to find out more.",
        choices=tuple(choices),
        empty_message="The kiosk has no routes after school yet. Ask in the careers office.",
    )


def route_page(reader: ContentReader, route_id: str, easy: bool = False) -> Page | None:
    """One route: what it is, how long, what you need, its level, where nearby, the jobs it leads to, and
    former pupils who went this way. None when the route is not installed."""
    route = reader.route(route_id)
    if route is None:
        return None
    about = tuple(Paragraph(t) for t in route.easy_read) if easy and route.easy_read else (Paragraph(route.summary),)
    facts = FactList((
        Fact("Type", levels.kind_words(route.kind)),
        Fact(levels.level_name(route.rqf_level), w.sentence(levels.compare(route.rqf_level)) or "Not known",
             "Tap “What the levels mean” to compare levels."),
        Fact("How long", route.duration.rstrip(".") or "Not known", "" if route.duration else "Ask the college or provider."),
        Fact("What you need to start", route.entry.rstrip(".") or "Not known",
             "" if route.entry else "Each provider sets its own rules: ask them."),
    ))
    jobs = reader.occupations_on_route(route_id)
    stories = reader.alumni(route=route_id)
    sections = [
        Section("What it is", about),
        Section("The facts", (facts,)),
        Section("Where you can do it near here", _providers(reader, route_id)),
        Section("Jobs it can lead to", _jobs_text(len(jobs))),
        *_next_steps(reader.next_routes(route_id)),
        people_section("People from our school who went this way", stories),
    ]
    # The jobs have a page of their own: a long list of tiles here would leave little room for the words.
    choices = [Choice("Jobs it can lead to", Target("route-jobs", route.id), w.job_count(len(jobs)))] if jobs else []
    choices += [*story_choices(stories, about="job"), Choice("What the levels mean", RQF, "Entry level up to level 8")]
    return Page(Target("route", route.id), route.name, _level_line(route.name, route.rqf_level), tuple(sections),
                tuple(choices))


def _level_line(name: str, level: int | None) -> str:
    """The route's level and what it compares with, unless that only names the route again ("A levels": "Level 3",
    not "Level 3, like A levels")."""
    if w.names_again(name, levels.compare(level)):
        return levels.level_name(level)
    return levels.level_words(level)


def _providers(reader: ContentReader, route_id: str) -> tuple[Block, ...]:
    providers = reader.providers_for(route_id)
    if not providers:
        return (Paragraph("The kiosk does not know of a local place that offers this yet. "
                          "Ask in the careers office."),)
    items = []
    for p in providers:
        kind = PROVIDER_KINDS.get(p.kind, "provider")
        items.append(f"{p.name} ({kind}, {p.town})" if p.town else f"{p.name} ({kind}, town not known)")
    return (BulletList(tuple(items)),)


def _next_steps(after: list) -> tuple[Section, ...]:
    """Where people often go after this route: the other half of what it leads to (A levels lead on to degrees)."""
    if not after:
        return ()
    return (Section("What you can do next", (Paragraph("After this, many people go on to:"),
                                             BulletList(tuple(r.name for r in after)))),)


def _jobs_text(n: int) -> tuple[Block, ...]:
    if n == 0:
        return (Paragraph("The kiosk has no jobs linked to this route yet."),)
    return (Paragraph(f"{w.job_count(n)} in the kiosk. Tap “Jobs it can lead to” to see them."),)


def route_jobs_page(reader: ContentReader, route_id: str) -> Page | None:
    """The jobs one route can lead to, A to Z; None when the route is not installed."""
    route = reader.route(route_id)
    if route is None:
        return None
    return Page(
        Target("route-jobs", route.id),
        f"Jobs you can reach through: {route.name}",
        "Tap a job to find out more.",
        choices=occupation_choices(reader.occupations_on_route(route_id), {s.id: s.name for s in reader.sectors()},
                                   with_summary=False),
        empty_message="The kiosk has no jobs linked to this route yet.",
    )


def rqf_page() -> Page:
    """The qualification levels, entry level to 8, and what sits at each, in plain words."""
    intro = Section("What levels are", (
        Paragraph("Every qualification has a level, from entry level up to level 8."),
        Paragraph("The higher the number, the harder it is."),
        Paragraph("Two qualifications at the same level are about as hard, even if they are very different. "
                  "A T level and A levels are both level 3."),
    ))
    sections = [intro]
    for level, (compare, examples) in sorted(levels.LEVELS.items()):
        sections.append(Section(f"{levels.level_name(level)}: {compare}", (Paragraph(examples),)))
    return Page(
        RQF,
        "What the levels mean",
        "Levels of qualifications in England, Wales and Northern Ireland",
        tuple(sections),
        (Choice("Routes after school", Target("routes"), "Every route, from the first level up"),),
    )

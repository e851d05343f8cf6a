"""Kinds of route count the jobs they reach through the routes they lead to next (issue 15): A levels are a step to a
degree, so they never look as if they lead almost nowhere."""

from __future__ import annotations

import pytest

from kiosk.content.pages import build_page
from kiosk.content.pages.page import BulletList, Target
from kiosk.content.reader import ContentReader
from tests.content.test_explore_pages import every_job


def reached(reader: ContentReader, kind: str) -> set[str]:
    """The jobs a kind of route leads to, worked out from each job's routes and each route's next steps."""
    ours = [r.id for r in reader.routes() if r.kind == kind]
    opened = set(ours) | {n.id for rid in ours for n in reader.next_routes(rid)}
    return {o.id for o in reader.occupations() if any(r.id in opened for r in reader.routes_into(o.id))}


def test_a_levels_reach_at_least_what_the_degrees_they_lead_to_reach(sample_reader: ContentReader) -> None:
    kinds = {k.kind: k for k in sample_reader.route_kinds()}
    assert kinds["a_levels"].jobs >= kinds["degree"].jobs > 0
    assert kinds["a_levels"].jobs > kinds["a_levels"].direct  # the next steps add jobs
    assert "degree" in kinds["a_levels"].after


@pytest.mark.parametrize("kind", ["a_levels", "t_levels", "technical", "apprenticeship", "degree"])
def test_a_kinds_count_and_list_follow_the_route_links(sample_reader: ContentReader, kind: str) -> None:
    expected = reached(sample_reader, kind)
    found = next(k for k in sample_reader.route_kinds() if k.kind == kind)
    assert found.jobs == len(expected)
    page = build_page(Target("route-kind", kind), sample_reader, region="UK")
    assert set(every_job(page, sample_reader, "UK")) == expected


def test_the_tile_says_what_the_count_means(sample_reader: ContentReader) -> None:
    tiles = {c.target.key: c.detail for c in build_page(Target("route-kinds"), sample_reader).choices}
    a_levels = next(k for k in sample_reader.route_kinds() if k.kind == "a_levels")
    assert tiles["a_levels"].startswith(f"{a_levels.jobs} jobs, most after ")
    assert "a degree" in tiles["a_levels"]
    degree = next(k for k in sample_reader.route_kinds() if k.kind == "degree")
    assert tiles["degree"] == f"{degree.jobs} jobs"  # a degree's next step (a master's) adds no job of its own
    page = build_page(Target("route-kind", "a_levels"), sample_reader)
    assert "after taking the next step, such as" in page.subtitle


def test_a_route_page_names_where_people_go_next(sample_reader: ContentReader) -> None:
    page = build_page(Target("route", "a-levels"), sample_reader)
    section = next(s for s in page.sections if s.heading == "What you can do next")
    names = next(b for b in section.blocks if isinstance(b, BulletList)).items
    assert "Bachelor's degree" in names and "Degree apprenticeship" in names
    masters = build_page(Target("route", "masters-degree"), sample_reader)
    assert "What you can do next" not in [s.heading for s in masters.sections]  # nothing follows it here

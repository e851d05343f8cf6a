"""Exploring by school subject and by route, sorting every job list, and "Jobs in our area", without Qt."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.config import ASSETS_DIR
from kiosk.content.errors import PackRejected
from kiosk.content.pack_source import read_source
from kiosk.content.pack_store import PackStore
from kiosk.content.pages import build_page
from kiosk.content.pages.page import FactList, Note, Page, Paragraph, Target
from kiosk.content.pages.sorting import split_sort
from kiosk.content.reader import ContentReader, open_reader
from tests.helpers.packs import SOURCE, make_pack, national_tables


def reader_for(tmp_path: Path, tables: dict[str, list[dict[str, Any]]]) -> ContentReader:
    make_pack(tmp_path / "p.zip", tables)
    store = PackStore(tmp_path / "data")
    store.install(tmp_path / "p.zip")
    return open_reader(store.db_path)


def jobs(page: Page) -> list[str]:
    return [c.target.key for c in page.choices if c.target.kind == "occupation"]


def every_job(page: Page, reader: ContentReader, region: str) -> list[str]:
    """The jobs on a list's every page, following "Next page" (a list of more than a page is read a page at a time)."""
    found = jobs(page)
    while (following := next((c.target for c in page.choices if c.label == "Next page"), None)) is not None:
        page = build_page(following, reader, region=region)
        found += jobs(page)
    return found


def sorts(page: Page) -> dict[str, Target]:
    return {c.label: c.target for c in page.choices if c.sort}


# -- the sample content ---------------------------------------------------------------------------------------

def test_the_sample_gives_every_job_subjects_and_has_industries_and_myths() -> None:
    _, t = read_source(ASSETS_DIR / "sample")
    subjects = {s["id"] for s in read_source(ASSETS_DIR / "library")[1]["subjects"]}  # the library carries them
    assert len(subjects) >= 14
    with_subjects = {r["occupation"] for r in t["occupation_subjects"]}
    assert with_subjects == {o["id"] for o in t["occupations"]}
    assert {r["subject"] for r in t["occupation_subjects"]} == subjects  # every subject leads to some job
    # The sample's figures are real and come from the official releases: it carries none of its own, and each
    # myth-buster cites a real release (or the project's own careers information, for facts without figures).
    assert not any(t.get(table) for table in ("pay", "hours", "outlook", "industries", "industry_outlook",
                                              "averages", "skill_shortages", "replacement_demand"))
    assert len(t["myths"]) >= 5 and all(m["year"] for m in t["myths"])
    assert {m["source"] for m in t["myths"]} <= {"ons-ashe-2024", "ons-aps-2024", "dfe-si2035", "careers-facts"}


def test_an_occupation_file_naming_an_unknown_subject_is_refused_with_its_name(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "pack.toml").write_text(
        'id = "t"\ntitle = "T"\npublisher = "P"\ncontent_version = "1.0"\nlayer = "school"\n'
        '[[source]]\nid = "s"\nname = "S"\nlicence = "CC0"\nretrieved = "2026-11-01"\n'
    )
    (src / "sectors.toml").write_text('[[sector]]\nid = "health"\nname = "Health"\n')
    (src / "subjects.toml").write_text('[[subject]]\nid = "maths"\nname = "Maths"\n')
    (src / "occupations").mkdir()
    (src / "occupations" / "nurse.toml").write_text(
        'id = "nurse"\ntitle = "Nurse"\nsector = "health"\nsummary = "Cares."\nsubjects = ["maths", "astrology"]\n'
    )
    with pytest.raises(PackRejected, match="astrology"):
        read_source(src)
    (src / "occupations" / "nurse.toml").write_text(
        'id = "nurse"\ntitle = "Nurse"\nsector = "health"\nsummary = "Cares."\nsubjects = "maths"\n'
    )
    with pytest.raises(PackRejected, match=r"occupations/nurse.toml: subjects must be a list"):
        read_source(src)
    (src / "occupations" / "nurse.toml").write_text(
        'id = "nurse"\ntitle = "Nurse"\nsector = "health"\nsummary = "Cares."\nsubjects = ["maths"]\n'
    )
    (src / "industries.toml").write_text(
        '[[industry]]\nid = "care"\nname = "Care"\n[industry.outlook]\nsource = "s"\nUK = { soon = 5 }\n'
    )
    with pytest.raises(PackRejected, match=r"industries.toml: industry 1 \(care\).*'soon' is not a year"):
        read_source(src)
    (src / "industries.toml").write_text(
        '[[industry]]\nid = "care"\nname = "Care"\n[industry.outlook]\nsource = "s"\nUK = { 2024 = 5, 2035 = 9 }\n'
    )
    _, tables = read_source(src)
    assert tables["occupation_subjects"] == [{"occupation": "nurse", "subject": "maths"}]
    assert [(r["year"], r["employment"]) for r in tables["industry_outlook"]] == [(2024, 5), (2035, 9)]


# -- subjects and routes ------------------------------------------------------------------------------------------

def test_subjects_list_their_jobs_and_only_subjects_with_jobs_are_offered(sample_reader: ContentReader) -> None:
    page = build_page(Target("subjects"), sample_reader)
    counts = {s.id: s.occupation_count for s in sample_reader.subjects()}
    assert [c.target.key for c in page.choices] == [s for s, n in counts.items() if n]
    maths = build_page(Target("subject", "maths"), sample_reader)
    assert maths.title == "Jobs for people who like Maths"
    assert len(jobs(maths)) == counts["maths"] and "accountant" in jobs(maths) and "nurse" not in jobs(maths)
    assert build_page(Target("subject", "astrology"), sample_reader).title == "Sorry, that page is not here"


def test_routes_lead_to_the_jobs_they_reach(sample_reader: ContentReader) -> None:
    kinds = build_page(Target("route-kinds"), sample_reader)
    assert "Apprenticeships" in [c.label for c in kinds.choices]
    page = build_page(Target("route-kind", "apprenticeship"), sample_reader)
    assert page.title == "Jobs you can reach through an apprenticeship"
    reached = set(jobs(page))
    expected = {o.id for o in sample_reader.occupations() if any(r.kind == "apprenticeship"
                                                                for r in sample_reader.routes_into(o.id))}
    assert reached == expected and len(reached) > 10
    assert build_page(Target("route-kind", "time-travel"), sample_reader).title == "Sorry, that page is not here"


# -- sorting every list -------------------------------------------------------------------------------------------

LISTS = [Target("sector", "health-care"), Target("interest", "helping people"), Target("subject", "science"),
         Target("route-kind", "apprenticeship"), Target("growing"), Target("a-z")]


@pytest.mark.parametrize("target", LISTS, ids=lambda t: t.kind)
def test_every_job_list_can_be_sorted_by_pay_and_by_growth(sample_reader: ContentReader, target: Target) -> None:
    page = build_page(target, sample_reader, region="London")
    base = set(every_job(page, sample_reader, "London"))
    stats = {o.id: o for o in sample_reader.occupations(region="London")}
    for label, key in (("Pay", "weekly_pay"), ("Growth", "growth_percent")):
        sorted_target = sorts(page).get(label) or target  # the growing list is already sorted by growth
        resorted = build_page(sorted_target, sample_reader, region="London")
        assert set(every_job(resorted, sample_reader, "London")) == base, label  # the same jobs ...
        values = [getattr(stats[j], key) for j in every_job(resorted, sample_reader, "London")]
        known = [v for v in values if v is not None]
        assert known == sorted(known, reverse=True) and len(known) > 1, label  # ... in the order asked
        assert values[: len(known)] == known, "jobs without the figure come last"
        assert resorted.target == sorted_target  # so Back returns to the list as it was sorted
        back = sorts(resorted)["A to Z"] if target.kind != "growing" else None
        if back is not None:
            assert build_page(back, sample_reader, region="London").choices == page.choices


def test_a_sort_key_splits_only_on_a_known_sort() -> None:
    assert split_sort("health-care|pay") == ("health-care", "pay")
    assert split_sort("health-care") == ("health-care", "title")
    assert split_sort("rock|roll") == ("rock|roll", "title")  # an interest may contain "|"
    assert split_sort("|growth") == ("", "growth")
    assert split_sort("", default="growth") == ("", "growth")


def test_a_list_of_one_job_offers_no_sorting(tmp_path: Path) -> None:
    r = reader_for(tmp_path, national_tables())
    try:
        page = build_page(Target("interest", "making things"), r)
        assert [c.target.kind for c in page.choices] == ["occupation"]
    finally:
        r.close()


# -- jobs in our area ---------------------------------------------------------------------------------------------

def figure_sections(page: Page) -> dict[str, tuple]:
    return {s.heading: s.blocks for s in page.sections if not s.heading.startswith("Myth: ")}


def test_jobs_in_our_area_uses_the_areas_figures_and_says_where_it_falls_back(sample_reader: ContentReader) -> None:
    page = build_page(Target("local"), sample_reader, region="Greater London")
    assert page.title == "Jobs in Greater London"  # the place the figures describe, said in the title
    assert page.subtitle.startswith("What is growing and shrinking, what is hard to fill")
    sections = figure_sections(page)
    assert list(sections) == ["Jobs growing the most", "Jobs shrinking the most", "Industries growing",
                              "Industries shrinking", "Jobs that are hard to fill"]
    growing = next(b for b in sections["Jobs growing the most"] if isinstance(b, FactList)).facts
    london = sample_reader.group_changes("Greater London", limit=3)
    # ONS's "occupations" reads "jobs" for a pupil; the groups are the same, in the same order.
    assert [f.label for f in growing] == [g.title.replace("occupations", "jobs") for g in london] and len(growing) == 3
    assert "Customer service jobs" in [f.label for f in growing]
    assert growing[0].value.startswith("For every 10 jobs in 2020, about 1") and growing[0].value.endswith("in 2035")
    shrinking = next(b for b in sections["Jobs shrinking the most"] if isinstance(b, FactList)).facts
    assert all(int(f.value.split("about ")[1].split()[0]) <= 10 for f in shrinking)
    # No release the kiosk reads has hard-to-fill figures: the section says so plainly, and invents none.
    assert sections["Jobs that are hard to fill"] == (Paragraph("The kiosk has no figures yet about jobs that are "
                                                                "hard to fill."),)
    for heading in ("Jobs growing the most", "Jobs shrinking the most", "Industries growing", "Industries shrinking"):
        blocks = sections[heading]
        assert not any(isinstance(b, Paragraph) for b in blocks), heading  # the area's own figures: no fallback
        notes = [b.text for b in blocks if isinstance(b, Note)]
        assert len(notes) == 1 and notes[0].startswith("Source: DfE, The Skills Imperative 2035"), heading
        assert notes[0].endswith("(Greater London)") and "figures for 2020 to 2035" in notes[0], heading
    myths = [s for s in page.sections if s.heading.startswith("Myth: ")]
    assert myths[0].heading == "Myth: In London, the good jobs are all in banks."  # the area's own first
    assert not any("around here" in s.heading for s in myths)  # another area's myth-buster
    for section in myths:
        assert section.blocks[0].text.startswith("Fact: ")
        assert section.blocks[1].text.startswith("Source: ") and "figures for 20" in section.blocks[1].text


def test_a_place_without_its_own_figures_says_whose_they_are(sample_reader: ContentReader) -> None:
    page = build_page(Target("local"), sample_reader, region="Wales")
    assert page.title == "Jobs in England"
    assert page.subtitle.startswith("The kiosk has no figures for Wales yet.")
    for heading, blocks in figure_sections(page).items():
        if heading != "Jobs that are hard to fill":
            assert any(b.text.endswith("(England)") for b in blocks if isinstance(b, Note)), heading
    uk = build_page(Target("local"), sample_reader, region="UK")  # DfE projects England, not the UK: it says so
    assert uk.title == "Jobs in England"
    assert uk.subtitle.startswith("The kiosk has no figures for Scotland, Wales or Northern Ireland yet.")
    assert "figures for the UK" not in " ".join(uk.text_blocks())  # said once, as the nations it leaves out


@pytest.mark.parametrize("region, place", [("UK", "England"), ("Greater London", "Greater London"),
                                           ("Wales", "England")])
def test_every_way_to_local_figures_names_their_place(sample_reader: ContentReader, region: str, place: str) -> None:
    home = {c.target: c.label for c in build_page(Target("home"), sample_reader, region=region).choices}
    assert home[Target("local")] == f"Jobs in {place}" and home[Target("growing")] == f"Growing jobs in {place}"
    local = build_page(Target("local"), sample_reader, region=region)
    assert local.title == f"Jobs in {place}"
    assert {c.target: c.label for c in local.choices}[Target("growing")] == f"Growing jobs in {place}"
    assert build_page(Target("growing"), sample_reader, region=region).title == f"Growing jobs in {place}"
    myths = build_page(Target("myths"), sample_reader, region=region)
    assert {c.target: c.label for c in myths.choices}[Target("local")] == f"Jobs in {place}"


def test_jobs_in_our_area_with_little_content_still_says_something_plain(tmp_path: Path) -> None:
    tables = national_tables()
    src = SOURCE["id"]
    tables["industries"] = [{"id": "care", "name": "Care"}, {"id": "farming", "name": "Farming"}]
    # One industry has a single year (no growth can be said); a myth names a job no pack has.
    tables["industry_outlook"] = [{"industry": "care", "region": "UK", "year": 2024, "employment": 100, "source": src}]
    tables["myths"] = [{"id": "m", "myth": "ß" * 200, "fact": "日本語の事実。" * 50, "occupation": "astronaut",
                        "year": 2023, "source": src}]
    r = reader_for(tmp_path, tables)
    try:
        page = build_page(Target("local"), r, region="UK")
        sections = figure_sections(page)
        assert sections["Industries growing"] == (Paragraph("The kiosk has no figures showing any industry growing."),)
        assert sections["Jobs shrinking the most"] == (Paragraph("The kiosk has no figures showing any job shrinking."),)
        assert sections["Jobs that are hard to fill"][0].text.startswith("The kiosk has no figures yet")
        myth = next(s for s in page.sections if s.heading.startswith("Myth: "))
        assert myth.blocks[1].text.startswith("Source: Test figures, figures for 2023")
        assert r.myths()[0].occupation == ""  # no link to a job the kiosk does not have
    finally:
        r.close()
    empty = reader_for(tmp_path / "empty", {"sectors": [{"id": "s", "name": "S"}]})
    try:
        page = build_page(Target("local"), empty, region="London")
        assert page.title == "Jobs in London"
        assert page.subtitle == "The kiosk has no figures about growing and shrinking jobs here yet."
        assert all(isinstance(s.blocks[0], Paragraph) for s in page.sections)
        assert page.choices  # never an empty screen: a way on
    finally:
        empty.close()


def test_the_area_page_shows_three_myths_and_the_rest_are_a_tap_away(sample_reader: ContentReader) -> None:
    page = build_page(Target("local"), sample_reader, region="London")
    shown = [s.heading for s in page.sections if s.heading.startswith("Myth: ")]
    every = build_page(Target("myths"), sample_reader, region="London")
    assert len(shown) == 3 and [s.heading for s in every.sections][:3] == shown
    assert len(every.sections) == len(sample_reader.myths("London")) > 3
    assert Target("myths") in [c.target for c in page.choices]

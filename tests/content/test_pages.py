"""Pages say the right things in plain words, without Qt: the nurse page, lists, and missing content."""

from __future__ import annotations

from kiosk.content.pages import build_page
from kiosk.content.pages.page import SOURCES_HEADING, BarChart, FactList, Note, Target
from kiosk.content.pages.wording import change_by, people, yearly_pay
from kiosk.content.reader import ContentReader


def test_the_occupation_page_says_what_a_pupil_needs(reader: ContentReader) -> None:
    page = build_page(Target("occupation", "nurse"), reader)
    assert page.title == "Nurse"
    headings = [s.heading for s in page.sections]
    assert headings == ["What the job is", "What you do", "Pay and hours", "Jobs in the future", "How to get in",
                        "Skills you need", SOURCES_HEADING]
    facts = {f.label: f for s in page.sections for b in s.blocks if isinstance(b, FactList) for f in b.facts}
    assert facts["Pay"].value == "£520 a week"
    assert "about £27,000 a year" in facts["Pay"].detail
    assert facts["Hours"].value == "37.5 hours a week"
    assert all(fact.source == "" for fact in facts.values())  # named once, at the end
    chart = next(b for s in page.sections for b in s.blocks if isinstance(b, BarChart))
    assert chart.trend == "up" and chart.source == ""
    assert chart.headline == "For every 10 jobs in 2024, about 16 in 2035."  # 1,000 then 1,550
    assert [b.label for b in chart.bars] == ["2024", "2027", "2030", "2032", "2035"]
    assert [n.text for n in page.sections[-1].blocks] == [
        "Test figures: figures for 2024 and 2024 to 2035 (UK). Retrieved 1 November 2026. CC0 1.0."]
    assert "Degree (level 6)" in page.text_blocks()


def test_every_sample_occupation_page_names_each_source_of_its_figures_once_at_its_end(
        sample_reader: ContentReader) -> None:
    for summary in sample_reader.occupations():
        occ = sample_reader.occupation(summary.id)
        assert occ is not None
        page = build_page(Target("occupation", occ.id), sample_reader, region="London")
        for section in page.sections:
            for block in section.blocks:
                if isinstance(block, FactList):
                    assert all(fact.source == "" for fact in block.facts), occ.id
                if isinstance(block, BarChart):
                    assert block.source == "" and len(block.bars) >= 2, occ.id
        last = page.sections[-1]
        assert last.heading == SOURCES_HEADING and all(isinstance(b, Note) for b in last.blocks), occ.id
        lines = [b.text for b in last.blocks]
        used = {e.source.name for e in occ.earnings[-1:]} | {p.source.name for p in occ.employment[-1:]}
        used |= {g.source.name for g in occ.group_outlook.values()}
        assert used, occ.id  # every sample job has official figures
        for name in used:  # each source on exactly one line, and nothing listed twice
            assert sum(line.startswith(name + ":") for line in lines) == 1, (occ.id, name, lines)
        assert len(lines) == len(set(lines)) and not set(lines) & set(page.symbol_texts()), occ.id


def test_the_area_setting_picks_the_areas_projection_and_says_where_each_figure_is_for(sample_reader) -> None:
    london = build_page(Target("occupation", "nurse"), sample_reader, region="Greater London").text_blocks()
    assert any("The middle pay of full-time workers (UK, 2024)." in t for t in london)
    assert "People working in this group in Greater London" in london  # the chart's title names the place
    assert any("(Greater London, 2020)" in t for t in london)
    wales = build_page(Target("occupation", "nurse"), sample_reader, region="Wales").text_blocks()
    assert "People working in this group in England" in wales  # DfE projects England: it says so, never "Wales"
    assert not any("Wales" in t for t in wales)


def test_an_occupation_without_figures_says_so_plainly(tmp_path) -> None:
    from kiosk.content.pack_store import PackStore
    from kiosk.content.reader import open_reader
    from tests.helpers.packs import make_pack, occupation

    tables = {"sectors": [{"id": "health", "name": "Health"}], "occupations": [occupation("chef", "Chef")]}
    make_pack(tmp_path / "p.zip", tables)
    PackStore(tmp_path / "d").install(tmp_path / "p.zip")
    r = open_reader(tmp_path / "d" / "kiosk.db")
    text = build_page(Target("occupation", "chef"), r).text_blocks()
    r.close()
    assert "Pay: Not known. The kiosk has no pay figures for this job yet." in text
    assert "The kiosk has no figures yet about how many of these jobs there will be." in text


def test_missing_content_gives_a_page_that_says_so(reader: ContentReader) -> None:
    assert build_page(Target("occupation", "astronaut"), reader).subtitle == "That job is not in the kiosk any more."
    assert build_page(Target("sector", "space"), reader).title == "Sorry, that page is not here"
    assert build_page(Target("nonsense"), reader).title == "Sorry, that page is not here"
    assert [c.target.kind for c in build_page(Target("nonsense"), reader).choices] == ["home", "search"]


def test_lists(reader: ContentReader) -> None:
    home = build_page(Target("home"), reader)
    assert [c.target.kind for c in home.choices] == [
        "search", "sectors", "subjects", "interests", "routes", "local", "compare-pick", "stories", "events", "library",
        "growing", "a-z"]
    pictures = build_page(Target("home"), reader, typing=False)
    assert "search" not in {c.target.kind for c in pictures.choices}
    for choice in (*home.choices, *pictures.choices):  # every way in leads to a page, not to "not here"
        if choice.target.kind != "search":
            assert build_page(choice.target, reader).target.kind != "missing", choice
    sectors = build_page(Target("sectors"), reader)
    assert [(c.label, c.detail) for c in sectors.choices] == [("Health", "3 jobs"), ("Trades", "2 jobs")]
    sector = build_page(Target("sector", "trades"), reader)
    jobs = [c for c in sector.choices if c.target.kind == "occupation"]  # after the choices that re-sort the list
    assert [c.label for c in jobs] == ["Electrician", "Plumber"]
    assert jobs[0].detail == "£820 a week · 55% more jobs by 2035"
    assert len([c for c in build_page(Target("a-z"), reader).choices if c.target.kind == "occupation"]) == 5
    # A search that finds nothing once left the pupil at a dead end (issue 13): it says so and offers home's ways to
    # browse (issue 15), each named and described as home names it.
    empty = build_page(Target("search", "qqqq"), reader)
    assert empty.subtitle.startswith("No jobs match “qqqq”")
    assert [c.target for c in empty.choices] == [Target("a-z"), Target("sectors"), Target("interests"), Target("subjects")]
    assert set(empty.choices) <= set(home.choices)


def test_plain_words_for_numbers() -> None:
    assert yearly_pay(650) == "about £33,800 a year"
    assert people(787_000) == "787,000"
    assert people(1_234_567) == "1.2 million"
    assert people(2_000_000) == "2 million"
    assert people(4_321) == "4,300"
    assert change_by(23.6, 2035) == "24% more jobs by 2035"
    assert change_by(-8.2, 2030) == "8% fewer jobs by 2030"
    assert change_by(1.0, 2035) == "about the same jobs by 2035"

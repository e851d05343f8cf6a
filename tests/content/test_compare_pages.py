"""The compare page and its picker say the right things without Qt; old figures are marked; bad keys still render."""

from __future__ import annotations

import datetime as dt

from kiosk.config import load_settings
from kiosk.content.pages import build_page
from kiosk.content.pages.compare import compare_ids
from kiosk.content.pages.figure_age import FigureAge, figure_age
from kiosk.content.pages.page import SOURCES_HEADING, BarChart, CompareTable, FactList, Target
from kiosk.content.reader import ContentReader

NOW = FigureAge(2026, 3)


def table(page) -> CompareTable:
    return next(b for s in page.sections for b in s.blocks if isinstance(b, CompareTable))


def cell(page, heading: str, row: str):
    t = table(page)
    column = next(c for c in t.columns if c.heading == heading)
    return column.cells[t.rows.index(row)]


def test_compare_keys_are_read_forgivingly() -> None:
    assert compare_ids("nurse, plumber,,nurse") == ("nurse", "plumber")
    assert compare_ids("a,b,c,d") == ("a", "b", "c")
    assert compare_ids("") == () and compare_ids(" , ") == ()


def test_three_jobs_side_by_side_with_the_uk_average(reader: ContentReader) -> None:
    page = build_page(Target("compare", "nurse,plumber,electrician"), reader, age=NOW)
    assert [c.heading for c in table(page).columns] == ["Nurse", "Plumber", "Electrician", "All jobs (UK average)"]
    assert table(page).rows == ("Pay", "Hours", "Jobs in the future", "Ways in", "Top skills")
    pay = cell(page, "Nurse", "Pay")
    assert pay.lines == ("£520 a week", "About £27,000 a year")  # the place and year are said once, below
    assert "Pay and hours are for people working full time (UK, 2024), in each job and in all jobs together." in \
        page.text_blocks()
    future = cell(page, "Plumber", "Jobs in the future")
    assert future.trend == "up" and future.lines[:2] == ("Growing", "For every 10 jobs in 2024, about 16 in 2035.")
    # No cell names its source: the page does, once, under the table.
    assert all(c.source == "" for column in table(page).columns for c in column.cells)
    assert page.sections[-1].heading == SOURCES_HEADING
    assert [n.text for n in page.sections[-1].blocks] == [
        "Test figures: figures for 2024 and 2024 to 2035 (UK). Retrieved 1 November 2026. CC0 1.0."]
    assert cell(page, "Nurse", "Ways in").lines == ("Degree (level 6)",)
    assert cell(page, "Plumber", "Ways in").lines == ("A degree",)  # no linked routes: the profile's own words
    # The test pack has no averages: the average says so, never zero.
    for row in table(page).rows[:3]:
        assert cell(page, "All jobs (UK average)", row).lines == ("Not known",)
    assert [c.label for c in page.choices] == ["Remove Nurse", "Remove Plumber", "Remove Electrician"]
    assert page.choices[1].target == Target("compare", "nurse,electrician")


def test_the_average_is_onss_latest_full_time_median_beside_the_jobs_own(sample_reader: ContentReader) -> None:
    page = build_page(Target("compare", "nurse"), sample_reader, region="Greater London", age=NOW)
    pay = cell(page, "All jobs (UK average)", "Pay")
    assert pay.lines == ("£728 a week", "About £37,400 a year")  # ASHE 2024: 728.3, 37,430
    nurse = cell(page, "Nurse", "Pay")
    assert nurse.lines == ("£789 a week", "About £40,700 a year")  # same measure, same year: said once, below
    sources = [n.text for n in page.sections[-1].blocks]
    assert sum(s.startswith("ONS, Annual Survey of Hours and Earnings 2024 (provisional), Table 14: figures for "
                            "2024 (UK).") for s in sources) == 1
    future = cell(page, "All jobs (UK average)", "Jobs in the future")
    assert future.lines[-1] == "For every 10 jobs in 2020, about 11 in 2035."
    text = page.text_blocks()
    assert "Jobs in the future are for the group of jobs each one belongs to, in Greater London." in text
    assert "Pay and hours are for people working full time (UK, 2024), in each job and in all jobs together." in text
    assert page.choices[0].label == "Add another job" and page.choices[0].target == Target("compare-pick", "nurse")


def test_jobs_that_have_gone_are_named_and_an_empty_key_still_renders(reader: ContentReader) -> None:
    page = build_page(Target("compare", "nurse,astronaut,<b>x</b>"), reader, age=NOW)
    assert [c.heading for c in table(page).columns] == ["Nurse", "All jobs (UK average)"]
    assert "2 jobs you chose are not in the kiosk any more." in page.text_blocks()
    assert page.target == Target("compare", "nurse")
    empty = build_page(Target("compare", ""), reader, age=NOW)
    assert [c.heading for c in table(empty).columns] == ["All jobs (UK average)"]
    assert [(c.label, c.target) for c in empty.choices] == [("Choose a job", Target("compare-pick", ""))]


def test_a_job_without_figures_says_not_known(tmp_path) -> None:
    from kiosk.content.pack_store import PackStore
    from kiosk.content.reader import open_reader
    from tests.helpers.packs import make_pack, occupation

    tables = {"sectors": [{"id": "health", "name": "Health"}],
              "occupations": [occupation("chef", "Chef", skills=[], entry_routes=[])]}
    make_pack(tmp_path / "p.zip", tables)
    PackStore(tmp_path / "d").install(tmp_path / "p.zip")
    r = open_reader(tmp_path / "d" / "kiosk.db")
    page = build_page(Target("compare", "chef"), r, age=NOW)
    r.close()
    for row in table(page).rows:
        assert cell(page, "Chef", row).lines == ("Not known",), row


def test_the_picker_lists_my_list_then_the_same_sector_then_a_to_z(reader: ContentReader) -> None:
    page = build_page(Target("compare-pick", "plumber"), reader, kept=(Target("occupation", "veterinarian"),))
    assert [c.label for c in page.choices] == ["Veterinarian", "Electrician", "Dental nurse", "Nurse"]
    assert [c.detail.split(" · ")[0] for c in page.choices[:2]] == ["On my list", "Also in Trades"]
    assert page.choices[1].target == Target("compare", "plumber,electrician")
    assert all("plumber" != c.target.key.split(",")[-1] for c in page.choices)  # never the job already chosen
    fresh = build_page(Target("compare-pick", ""), reader)
    assert [c.label for c in fresh.choices] == ["Dental nurse", "Electrician", "Nurse", "Plumber", "Veterinarian"]


def test_a_full_comparison_offers_no_more_jobs(reader: ContentReader) -> None:
    page = build_page(Target("compare-pick", "nurse,plumber,electrician"), reader)
    assert [(c.label, c.target) for c in page.choices] == [
        ("Back to the comparison", Target("compare", "nurse,plumber,electrician"))]
    assert "up to 3 jobs" in page.subtitle


def test_the_occupation_page_leads_to_the_picker(reader: ContentReader) -> None:
    page = build_page(Target("occupation", "nurse"), reader)
    assert Target("compare-pick", "nurse") in [c.target for c in page.choices]


def test_old_figures_are_marked_on_the_occupation_and_compare_pages(reader: ContentReader) -> None:
    later = FigureAge(2028, 3)  # the test figures are for 2024 (pay, hours) and start in 2024 (outlook)
    occupation = build_page(Target("occupation", "nurse"), reader, age=later)
    facts = {f.label: f for s in occupation.sections for b in s.blocks if isinstance(b, FactList) for f in b.facts}
    assert facts["Pay"].detail.endswith("(figures from 2024: may be out of date)")
    assert facts["Hours"].detail.endswith("(figures from 2024: may be out of date)")
    chart = next(b for s in occupation.sections for b in s.blocks if isinstance(b, BarChart))
    assert chart.headline.endswith("(figures from 2024: may be out of date)")
    compare = build_page(Target("compare", "nurse"), reader, age=later)
    assert cell(compare, "Nurse", "Pay").lines[-1] == "(figures from 2024: may be out of date)"
    assert cell(compare, "Nurse", "Jobs in the future").lines[-1] == "(figures from 2024: may be out of date)"
    for page in (build_page(Target("occupation", "nurse"), reader, age=FigureAge(2027, 3)),
                 build_page(Target("compare", "nurse"), reader, age=FigureAge(2027, 3))):
        assert not any("may be out of date" in t for t in page.text_blocks())  # three years old is not too old


def test_the_figure_age_rule() -> None:
    assert FigureAge(2026, 3).mark(2015) == "(figures from 2015: may be out of date)"
    assert FigureAge(2026, 3).mark(2023) == "" and FigureAge(2026, 3).mark(None) == ""
    assert FigureAge(2026, 1).mark(2024) == "(figures from 2024: may be out of date)"
    assert figure_age(5, dt.date(2030, 1, 2)) == FigureAge(2030, 5)


def test_the_setting_has_a_default_and_a_range(tmp_path) -> None:
    assert load_settings(tmp_path, environ={}).figures_old_after_years == 3
    assert load_settings(tmp_path, environ={"KIOSK_FIGURES_OLD_AFTER_YEARS": "20"}).figures_old_after_years == 20
    (tmp_path / "settings.toml").write_text("figures_old_after_years = 7\n")
    assert load_settings(tmp_path, environ={}).figures_old_after_years == 7
    for bad in ("0", "21"):  # a bad variable gives way to the default (here the file's 7 is overridden)
        s = load_settings(tmp_path, environ={"KIOSK_FIGURES_OLD_AFTER_YEARS": bad})
        assert s.figures_old_after_years == 3
        assert "figures_old_after_years must be between 1 and 20" in s.settings_problems[0].problem

"""A job's pay, hours and growth beside all jobs: the same year, place and table on both sides, or no chart."""

from __future__ import annotations

from kiosk.content.model import SourceRef
from kiosk.content.pages import build_page
from kiosk.content.pages.against_all_jobs import AllJobs, growth_chart
from kiosk.content.pages.figure_age import FigureAge
from kiosk.content.pages.occupation import occupation_page
from kiosk.content.pages.official_figures import for_every_ten
from kiosk.content.pages.page import SOURCES_HEADING, BarChart, CompareTable, Target
from kiosk.content.reader import ContentReader

NOW = FigureAge(2026, 3)


def across(page) -> dict[str, BarChart]:
    """The page's this-job-against-all-jobs charts, by what they measure."""
    charts = [b for s in page.sections for b in s.blocks if isinstance(b, BarChart) and b.across]
    return {c.title.split(":")[0].split(" for every")[0]: c for c in charts}


def test_pay_and_hours_stand_beside_all_jobs_of_the_same_year_and_table(sample_reader: ContentReader) -> None:
    page = build_page(Target("occupation", "nurse"), sample_reader, age=NOW)
    charts = across(page)
    pay, hours = charts["Pay a week"], charts["Hours a week"]
    # ASHE 2024 Table 14, full-time medians: nurses' group £789.3, all employees £728.3; both 37.5 hours.
    assert pay.title == "Pay a week: this job and all jobs, full time (UK, 2024)"
    assert [(b.label, b.value, b.value_text) for b in pay.bars] == [("All jobs", 728.3, "£728"),
                                                                   ("This job", 789.3, "£789")]
    assert pay.headline == "More pay than the average for all jobs." and pay.trend == "up"
    assert [b.value for b in hours.bars] == [37.5, 37.5] and hours.headline.startswith("About the same")
    growth = charts["Jobs in 2035"]  # DfE's group against all jobs, the same years and place
    assert growth.title == "Jobs in 2035 for every 10 in 2020 (England)"
    assert [b.label for b in growth.bars] == ["All jobs", "This group"]


def test_an_average_of_another_year_or_table_gives_no_chart(sample_reader: ContentReader) -> None:
    nurse = sample_reader.occupation("nurse")
    assert nurse is not None and nurse.earnings[-1].year == 2024
    older = sample_reader.average("UK", 2023)
    current = sample_reader.average("UK", 2024)
    assert older is not None and current is not None and older.year == 2023
    shown = across(occupation_page(nurse, "UK", age=NOW, all_jobs=AllJobs((current,))))
    assert {"Pay a week", "Hours a week"} <= set(shown)  # the control: the same year draws both
    for other in (older, current._replace(source=SourceRef("Another survey", "OGL", "2026-12-06"))):
        page = occupation_page(nurse, "UK", age=NOW, all_jobs=AllJobs((other,)))
        assert not {"Pay a week", "Hours a week"} & set(across(page)), other
        assert any(t.startswith("Pay: £789 a week") for t in page.text_blocks())  # the figure itself stays


def test_a_rough_estimate_is_never_drawn_as_a_bar(sample_reader: ContentReader) -> None:
    nurse = sample_reader.occupation("nurse")
    assert nurse is not None
    rough = nurse._replace(earnings=tuple(e._replace(weekly_pay_quality="acceptable") for e in nurse.earnings))
    page = occupation_page(rough, "UK", age=NOW, all_jobs=AllJobs((sample_reader.average("UK", 2024),)))
    assert "Pay a week" not in across(page) and "Hours a week" in across(page)
    assert any("rough estimate" in t for t in page.text_blocks())


def test_growth_says_for_every_ten_jobs_and_now_only_when_the_figures_start_this_year() -> None:
    assert for_every_ten(100, 130, 2020, 2035) == "For every 10 jobs in 2020, about 13 in 2035."
    assert for_every_ten(100, 130, 2020, 2035, now=2026) == "For every 10 jobs in 2020, about 13 in 2035."
    assert for_every_ten(100, 130, 2026, 2035, now=2026) == "For every 10 jobs now, about 13 in 2035."
    assert for_every_ten(100, 96, 2026, 2035, now=2026) == "About the same number of jobs in 2035 as now."
    assert for_every_ten(100, 70, 2020, 2035) == "For every 10 jobs in 2020, about 7 in 2035."


def test_growth_is_set_beside_all_jobs_only_over_the_same_years_and_place(sample_reader: ContentReader) -> None:
    nurse = sample_reader.occupation("nurse")
    everyone = sample_reader.all_jobs_outlook("UK")
    assert nurse is not None and everyone is not None
    group = nurse.group_outlook[everyone.region]
    assert growth_chart(group, everyone) is not None
    assert growth_chart(group, everyone._replace(to_year=everyone.to_year - 5)) is None
    assert growth_chart(group, everyone._replace(region="Wales")) is None


def test_the_job_page_names_each_source_once_in_small_print(sample_reader: ContentReader) -> None:
    page = build_page(Target("occupation", "nurse"), sample_reader, age=NOW)
    sources = page.sections[-1]
    assert sources.heading == "Where do these figures come from?" == SOURCES_HEADING
    lines = [b.text for b in sources.blocks]
    assert lines == [
        "ONS, Annual Survey of Hours and Earnings 2024 (provisional), Table 14: figures for 2024 (UK). "
        "Retrieved 6 December 2026. Open Government Licence v3.0.",
        "ONS, Annual Population Survey: employment by occupation (SOC 2020), 2021 to 2024: figures for 2024 (UK). "
        "Retrieved 6 December 2026. Open Government Licence v3.0.",
        "DfE, The Skills Imperative 2035: employment projections 2020 to 2035: figures for 2020 to 2035 (England). "
        "Retrieved 6 December 2026. Open Government Licence v3.0.",
    ]
    text = page.text_blocks()
    assert not [t for t in text if "Source:" in t]  # no figure carries its own source line
    assert not set(lines) & set(page.symbol_texts())  # small print: picture mode gives it no symbols
    assert all(line in text for line in lines)  # but speech reads it


def test_the_compare_page_names_each_source_once_under_the_table(sample_reader: ContentReader) -> None:
    page = build_page(Target("compare", "nurse,electrician,accountant"), sample_reader, age=NOW)
    table = next(b for s in page.sections for b in s.blocks if isinstance(b, CompareTable))
    assert len(table.columns) == 4 and all(c.source == "" for col in table.columns for c in col.cells)
    assert page.sections[-1].heading == SOURCES_HEADING
    lines = [b.text for b in page.sections[-1].blocks]
    assert len(lines) == len(set(lines)) == 2  # ASHE 2024 (jobs and all jobs alike) and DfE's projection
    assert lines[0].startswith("ONS, Annual Survey of Hours and Earnings 2024 (provisional), Table 14:")
    assert lines[1].startswith("DfE, The Skills Imperative 2035")

"""Usage by school term: every page kind has a name a careers leader knows, the term's most viewed jobs, and the
evidence CSV for Gatsby Benchmark 2."""

from __future__ import annotations

import ast
import csv
import datetime as dt
from pathlib import Path

import pytest

from kiosk.content.pages import school_pages
from kiosk.staff.usage import UsageCount, UsageLog
from kiosk.staff.usage_names import PAGE_NAMES
from kiosk.staff.usage_term import report_text, school_term, term_report, write_evidence_csv

PAGES = Path(school_pages.__file__).parent
# Kinds the window shows itself, not through build_page.
WINDOW_KINDS = {"missing", "credits", "change-picture"}


def page_kinds() -> set[str]:
    """Every kind build_page compares a target's kind with, and the school pages' kinds."""
    tree = ast.parse((PAGES / "__init__.py").read_text())
    kinds = {node.comparators[0].value for node in ast.walk(tree)
             if isinstance(node, ast.Compare) and isinstance(node.left, ast.Name) and node.left.id == "kind"
             and isinstance(node.comparators[0], ast.Constant)}
    return kinds | set(school_pages.KINDS) | WINDOW_KINDS


def test_every_page_kind_has_a_name_staff_know() -> None:
    kinds = page_kinds()
    assert {"local", "compare-pick", "occupation", "route-jobs"} <= kinds  # the walk finds build_page's kinds
    assert kinds - set(PAGE_NAMES) == set(), "a page kind with no name for the usage screen"
    for kind, name in PAGE_NAMES.items():
        assert name and name != kind and "-" not in name, kind  # never the kiosk's own word for it


@pytest.mark.parametrize("day, term", [
    (dt.date(2026, 9, 1), "Autumn term 2026"), (dt.date(2026, 12, 31), "Autumn term 2026"),
    (dt.date(2027, 1, 1), "Spring term 2027"), (dt.date(2027, 4, 14), "Spring term 2027"),
    (dt.date(2027, 4, 15), "Summer term 2027"), (dt.date(2027, 7, 20), "Summer term 2027"),
])
def test_school_terms(day: dt.date, term: str) -> None:
    assert school_term(day).name == term


def counts() -> list[UsageCount]:
    return [
        UsageCount("2026-W48", "visit", "", "", 3), UsageCount("2026-W47", "visit", "", "", 2),
        UsageCount("2026-W48", "page", "local", "", 4), UsageCount("2026-W47", "page", "local", "", 1),
        UsageCount("2026-W48", "page", "compare-pick", "", 2),
        UsageCount("2026-W48", "occupation", "nurse", "Nurse", 2),
        UsageCount("2026-W47", "occupation", "nurse", "Nurse (adult)", 2),
        UsageCount("2026-W48", "occupation", "plumber", "Plumber", 3),
        UsageCount("2026-W48", "mode", "picture", "", 1),
        # Last summer: not this term.
        UsageCount("2026-W20", "visit", "", "", 50), UsageCount("2026-W20", "occupation", "chef", "Chef", 40),
    ]


def test_the_terms_report_names_pages_and_ranks_jobs() -> None:
    report = term_report(counts(), school_term(dt.date(2026, 11, 24)))
    assert (report.weeks, report.visits) == (2, 5)
    assert report.pages == [("Jobs in our area", 5), ("Compare jobs: choosing a job", 2)]
    assert report.jobs == [("Nurse", 4), ("Plumber", 3)]  # the latest week's title; last term's chef left out
    assert report.modes == [("words and pictures", 1)]
    text = report_text(report)
    assert text.startswith("Autumn term 2026 (1 Sep to 31 Dec 2026): 5 visits\n\nMost viewed jobs this term:\n"
                           "1. Nurse: 4\n2. Plumber: 3\n\nPages opened this term:\n• Jobs in our area: 5")
    assert "local" not in text and "compare-pick" not in text


def test_the_evidence_csv_is_laid_out_for_benchmark_2(tmp_path: Path) -> None:
    rows_in = counts() + [UsageCount("2026-W48", "occupation", "x", "=HYPERLINK(\"evil\")", 1)]
    path = tmp_path / "evidence.csv"
    write_evidence_csv(term_report(rows_in, school_term(dt.date(2026, 11, 24))), path)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["Careers kiosk usage", "Gatsby Benchmark 2: Learning from career and labour market information"]
    assert rows[1:4] == [["Term", "Autumn term 2026 (1 Sep to 31 Dec 2026)"], ["Weeks with use", "2"],
                         ["Visits", "5"]]
    pages = rows.index(["Page opened", "Times"])
    assert rows[pages + 1: pages + 3] == [["Jobs in our area", "5"], ["Compare jobs: choosing a job", "2"]]
    jobs = rows.index(["Most viewed job", "Times"])
    assert rows[jobs + 1: jobs + 4] == [["Nurse", "4"], ["Plumber", "3"], ["'=HYPERLINK(\"evil\")", "1"]]
    assert rows[-1][0].startswith("Anonymous counts")


def test_the_log_gives_every_count_and_its_today(tmp_path: Path) -> None:
    moment = dt.datetime(2026, 11, 24, 12, 0).timestamp()
    usage = UsageLog(tmp_path / "usage.db", clock=lambda: moment)
    usage.occupation_viewed("nurse", "Nurse")
    assert usage.today() == dt.date(2026, 11, 24)
    assert usage.counts() == [UsageCount("2026-W48", "occupation", "nurse", "Nurse", 1)]

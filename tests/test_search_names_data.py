"""The everyday job names the search benchmark scores: real SOC 2020 codes, each name once, none the content holds."""

from __future__ import annotations

import json
import tomllib

from kiosk.config import ASSETS_DIR
from tests.bench.search_recall import NAMES_FILE, everyday_names

MIN_NAMES = 120  # issue 13: enough everyday names for a recall figure worth reading


def unit_groups() -> set[str]:
    lines = (ASSETS_DIR / "official" / "tables" / "soc_groups.jsonl").read_text(encoding="utf-8").splitlines()
    return {row["code"] for row in map(json.loads, filter(str.strip, lines)) if row["level"] == "unit"}


def content_names() -> set[str]:
    """Every title and alt title of the job library and the sample, case-folded."""
    names = set()
    for folder in ("library", "sample"):
        for path in (ASSETS_DIR / folder / "occupations").glob("*.toml"):
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            names.add(data["title"].casefold())
            names.update(alt.casefold() for alt in data.get("alt_titles", []))
    return names


def test_the_file_has_the_columns_the_benchmark_reads():
    header = NAMES_FILE.read_text(encoding="utf-8").splitlines()[0]
    assert header == "query,soc2020,note"


def test_every_accepted_code_is_a_soc2020_unit_group():
    groups = unit_groups()
    wrong = [(case.query, code) for case in everyday_names() for code in sorted(case.codes) if code not in groups]
    assert wrong == []


def test_there_are_enough_names_with_a_right_answer_and_some_without():
    cases = everyday_names()
    assert sum(1 for case in cases if case.codes) >= MIN_NAMES
    assert any(not case.codes for case in cases)


def test_no_name_is_given_twice():
    queries = [" ".join(case.query.casefold().split()) for case in everyday_names()]
    assert sorted(q for q in set(queries) if queries.count(q) > 1) == []


def test_every_name_says_what_kind_of_name_it_is():
    assert [case.query for case in everyday_names() if ":" not in case.note or not case.query.strip()] == []


def test_no_name_is_word_for_word_a_title_the_content_holds():
    held = content_names()
    assert [case.query for case in everyday_names() if case.query.casefold() in held] == []

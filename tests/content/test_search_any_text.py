"""Whatever a pupil types into the search box or staff pass to `kiosk search`, search answers: never an error.

A 1,000-character word once made spelling correction ask SQLite for half a million variables ("too many SQL
variables"), and a lone surrogate (undecodable bytes on the command line) could not be bound at all.
"""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kiosk.cli import main
from kiosk.content import search
from kiosk.content.reader import ContentReader
from kiosk.content.search import MAX_QUERY, MAX_WORD

FTS_SYNTAX = ['"', "NEAR(", "*", "OR", "-", "AND", "NOT", "^", ":", "(", ")", "{title}", "+", "'", "\\", "%", "_"]
QUERIES = (st.text(st.characters(blacklist_categories=()), max_size=60)
           | st.lists(st.sampled_from(FTS_SYNTAX) | st.sampled_from(["nurse", "plumb", "vet", "x"]), max_size=8)
           .map(" ".join)
           | st.text(st.sampled_from(string.ascii_lowercase), min_size=MAX_WORD - 3, max_size=MAX_WORD + 3))
HEALTH = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
LONG_WORD = "".join(string.ascii_lowercase[(i * 7) % 26] for i in range(1000))  # letters that do not repeat soon


@settings(deadline=None, max_examples=250, suppress_health_check=HEALTH)
@given(query=QUERIES)
@example(query=LONG_WORD)  # once "too many SQL variables"
@example(query="nurse " * 2000)
@example(query="\ud800nurse")  # once a UnicodeEncodeError
@example(query="\x00")
@example(query='"NEAR(nurse*) OR -')
def test_any_query_answers_with_hits_or_nothing(reader: ContentReader, query: str) -> None:
    hits = reader.search(query)
    assert len(hits) <= 20
    assert all(h.id and h.title for h in hits)


def test_a_word_too_long_to_be_in_any_title_finds_nothing_and_asks_sqlite_for_few_variables(
        reader: ContentReader) -> None:
    assert reader.search(LONG_WORD) == []
    # A word too long to be in any title is left out; the other words still find their jobs (no job needs every
    # word since issue 13).
    assert [h.title for h in reader.search("nurse " + LONG_WORD[:MAX_WORD + 1])][:1] == ["Nurse"]
    assert [h.title for h in reader.search(LONG_WORD[:60] + " nurse")][:1] == ["Nurse"]
    assert [h.title for h in reader.search(("nurce " * 1000)[:MAX_QUERY + 500])][:1] == ["Nurse"]


@pytest.mark.parametrize(("typed", "expected"), [("nurce", "Nurse"), ("elecrician", "Electrician"),
                                                ("veterinarain", "Veterinarian")])
def test_spelling_variants_asked_in_small_batches_still_find_the_job(
        reader: ContentReader, monkeypatch: pytest.MonkeyPatch, typed: str, expected: str) -> None:
    monkeypatch.setattr(search, "MAX_VARIABLES", 2)
    assert reader.search(typed)[0].title == expected


@settings(deadline=None, max_examples=40, suppress_health_check=HEALTH)
@given(query=QUERIES)
@example(query=LONG_WORD)
@example(query="\udcff\udcfe")  # bytes that are not UTF-8 on the command line arrive as lone surrogates
@example(query="zzzz")
def test_kiosk_search_prints_results_or_nothing_found(data_dir: Path, capsys: pytest.CaptureFixture[str],
                                                      query: str) -> None:
    # "--" ends the options, as a shell user types it for text that starts with "-" (hypothesis found "-:").
    code = main(["search", "--data-dir", str(data_dir), "--", query])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Traceback" not in err
    assert out.strip() == "nothing found" or out.strip().splitlines()


def test_kiosk_search_says_nothing_found(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", LONG_WORD, "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().out == "nothing found\n"

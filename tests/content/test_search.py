"""Search: title matches first, prefixes as the pupil types, and the misspellings pupils make."""

from __future__ import annotations

import pytest

from kiosk.content.reader import ContentReader
from kiosk.content.spelling import edit_distance, variants


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("nurce", "Nurse"), ("plumer", "Plumber"), ("elecrician", "Electrician"), ("vet", "Veterinarian"),
     ("nur", "Nurse"), ("Plumb", "Plumber"), ("electrcian", "Electrician"), ("veterinarain", "Veterinarian")],
)
def test_pupils_typing_finds_the_job_first(reader: ContentReader, typed: str, expected: str) -> None:
    hits = reader.search(typed)
    assert hits and hits[0].title == expected, [h.title for h in hits]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("nurce", "Nurse"), ("plumer", "Plumber"), ("elecrician", "Electrician"), ("vet", "Veterinarian")],
)
def test_the_sample_content_answers_the_same_misspellings(sample_reader: ContentReader, typed: str, expected: str) -> None:
    assert sample_reader.search(typed)[0].title == expected


def test_title_matches_rank_before_alternative_titles_before_descriptions(reader: ContentReader) -> None:
    # "nurse" is in two titles; "staff" only in an alternative title; "water" only in a summary.
    assert [h.matched for h in reader.search("nurse")] == ["title", "title"]
    assert reader.search("staff")[0].matched == "alternative title"
    assert reader.search("water")[0].matched == "description"
    scores = [h.score for h in reader.search("nurse")]
    assert scores == sorted(scores, reverse=True)


def test_a_title_that_starts_with_the_words_comes_first(reader: ContentReader) -> None:
    assert [h.title for h in reader.search("nurse")] == ["Nurse", "Dental nurse"]


def test_jobs_that_match_more_of_the_words_come_first_and_none_needs_every_word(reader: ContentReader) -> None:
    # Every word once had to match, so "dental plumber" found nothing (issue 13): now each job that holds one of
    # the words is listed, after those that hold more of them.
    assert [h.title for h in reader.search("dental nur")] == ["Dental nurse", "Nurse"]
    assert {h.title for h in reader.search("dental plumber")} == {"Dental nurse", "Plumber"}


def test_soc_code_search(reader: ContentReader) -> None:
    assert [h.title for h in reader.search("5314")] == ["Plumber"]


@pytest.mark.parametrize("typed", ["", "   ", "!!!", '"', "AND OR NOT", "*", "title:nurse", "a" * 500, "ñ", "😀"])
def test_odd_input_never_breaks_search(reader: ContentReader, typed: str) -> None:
    assert isinstance(reader.search(typed), list)


def test_nonsense_finds_nothing(reader: ContentReader) -> None:
    assert reader.search("qqqqzzz") == []


def test_edit_distance_counts_swaps_as_one() -> None:
    assert edit_distance("nurse", "nurce") == 1
    assert edit_distance("electrician", "elecrician") == 1
    assert edit_distance("teh", "the") == 1
    assert edit_distance("abc", "abc") == 0
    assert edit_distance("", "abc") == 3


def test_variants_are_deletions_up_to_the_distance() -> None:
    assert variants("cat", 1) == {"cat", "at", "ct", "ca"}
    assert "ele" in variants("elec", 1) and "ee" not in variants("elec", 1)


def test_one_or_two_letters_list_titles_starting_with_them(reader: ContentReader) -> None:
    assert [h.title for h in reader.search("p")] == ["Plumber"]
    assert [h.title for h in reader.search("De")] == ["Dental nurse"]
    assert [h.title for h in reader.search("n")] == ["Nurse"]


def test_an_occupation_matched_in_several_tiers_is_listed_once(reader: ContentReader) -> None:
    # "vet" is in the vet's title, alternative title and summary.
    assert [h.id for h in reader.search("vet")] == ["veterinarian"]
    assert [h.title for h in reader.search("nurse", limit=1)] == ["Nurse"]


def test_later_tiers_fill_the_page(reader: ContentReader) -> None:
    # "care" is in no title; the nurse's tasks mention it.
    assert [(h.title, h.matched) for h in reader.search("care")] == [("Nurse", "description")]


def test_closing_the_reader_closes_the_search_stemmers_database(data_dir) -> None:
    """The kiosk reopens its reader after every install: the stemmer's own database must close with it."""
    import sqlite3

    from kiosk.content.reader import open_reader

    reader = open_reader(data_dir / "kiosk.db")
    assert reader.search("nursing")  # the stemmer was used
    stemmer = reader._searcher._stemmer
    reader.close()
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        stemmer.stems("nurse")

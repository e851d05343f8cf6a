"""Reading single cells of the school's spreadsheet: dates, years, audiences, choices, ids and text."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.content.schema import AUDIENCES, SLUG
from kiosk.sources.school import cells
from kiosk.sources.school.layout import AUDIENCE_ORDER, EVENT_KINDS, RESOURCE_KINDS


@pytest.mark.parametrize(("typed", "read"), [
    (dt.datetime(2027, 1, 20, 17, 30), dt.datetime(2027, 1, 20, 17, 30)),
    (dt.datetime(2027, 1, 20, 17, 29, 59, 999_000), dt.datetime(2027, 1, 20, 17, 30)),  # Excel's float drift
    (dt.datetime(2027, 1, 20), dt.date(2027, 1, 20)),  # a date cell with no time
    (dt.date(2027, 1, 20), dt.date(2027, 1, 20)),
    (dt.time(20, 0), dt.time(20, 0)),
    ("2027-01-20 17:30", dt.datetime(2027, 1, 20, 17, 30)),
    ("2027-01-20T17:30", dt.datetime(2027, 1, 20, 17, 30)),
    (" 2027-01-20 ", dt.date(2027, 1, 20)),
    ("20/01/2027", dt.date(2027, 1, 20)),
    ("20/1/2027 5:30pm", dt.datetime(2027, 1, 20, 17, 30)),
    ("20.01.2027 09:15", dt.datetime(2027, 1, 20, 9, 15)),
    ("12/01/2027 12:00 am", dt.datetime(2027, 1, 12, 0, 0)),
    ("20:00", dt.time(20, 0)),
    ("8pm", dt.time(20, 0)),
])
def test_dates_and_times_from_cells_and_text(typed, read) -> None:
    assert cells.when(typed) == read


@pytest.mark.parametrize("typed", ["next Tuesday", "31/02/2027", "2027-13-01", "20/01/27", "25:00", 46407.5, "17"])
def test_what_is_not_a_date_is_named(typed) -> None:
    with pytest.raises(cells.CellError) as e:
        cells.when(typed)
    assert str(e.value).startswith("must be a date and time like 2027-01-20 17:30 or 20/01/2027 17:30, not ")
    assert str(typed).strip() in str(e.value)


def test_blank_cells_are_nothing() -> None:
    for blank in (None, "", "   "):
        assert cells.when(blank) is None and cells.text(blank) is None and cells.year(blank) is None
        assert cells.audiences(blank) == [] and cells.identifiers(blank) == []


@pytest.mark.parametrize(("typed", "read"), [(2019, 2019), (2019.0, 2019), ("2019", 2019), (" 2019 ", 2019)])
def test_years_from_numbers_and_text(typed, read) -> None:
    assert cells.year(typed) == read and type(cells.year(typed)) is int


@pytest.mark.parametrize("typed", ["last year", 2019.5, "2019/20", True])
def test_what_is_not_a_year_is_named(typed) -> None:
    with pytest.raises(cells.CellError, match=r"must be a year like 2019, not "):
        cells.year(typed)


def test_audiences_are_a_comma_list_in_any_case_and_spelling() -> None:
    assert cells.audiences("KS4, Post-16,parents , SEND, ks4") == ["ks4", "post16", "parents", "send"]
    assert cells.audiences("Key Stage 3; sixth form") == ["ks3", "post16"]
    with pytest.raises(cells.CellError, match=r"unknown audience 'year 9'; use ks3, ks4, parents, post16, send"):
        cells.audiences("ks4, year 9")


def test_the_template_offers_every_audience_the_schema_knows() -> None:
    assert set(AUDIENCE_ORDER) == AUDIENCES and len(AUDIENCE_ORDER) == len(AUDIENCES)


def test_choices_accept_the_label_or_the_stored_value() -> None:
    assert cells.choice("In-house", RESOURCE_KINDS) == "in_house"
    assert cells.choice("in_house", RESOURCE_KINDS) == "in_house"
    assert cells.choice(" Open Day ", EVENT_KINDS) == "open_day"
    with pytest.raises(cells.CellError, match=r"must be one of printed, online, video, in house, not 'book'"):
        cells.choice("book", RESOURCE_KINDS)


def test_text_is_trimmed_and_numbers_read_as_typed() -> None:
    assert cells.text("  Shelf B1 \t") == "Shelf B1"
    assert cells.text(2019.0) == "2019" and cells.text(12.5) == "12.5"
    assert cells.text("line one\r\nline two\rthree") == "line one\nline two\nthree"


def test_ids_are_lower_case_and_lists_of_ids_are_deduplicated() -> None:
    assert cells.identifier(" T-Levels ") == "t-levels"
    assert cells.identifiers("a-levels, T-levels,, a-levels") == ["a-levels", "t-levels"]


@pytest.mark.parametrize(("words", "made"), [
    (("Jobs in health: a guide",), "jobs-in-health-a-guide"),
    (("Children’s nursing — Café day", "2027-01-20"), "childrens-nursing-cafe-day-2027-01-20"),
    (("Amira", 2019), "amira-2019"),
    (("x" * 100,), "x" * 80),
])
def test_ids_made_from_words_are_stable_slugs(words, made) -> None:
    assert cells.slug_from(*words) == made == cells.slug_from(*words)
    assert SLUG.match(made)


def test_words_with_no_latin_letters_make_no_id() -> None:
    assert cells.slug_from("日本語") == ""

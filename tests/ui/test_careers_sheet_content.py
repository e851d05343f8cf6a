"""The careers sheet's contents: a kept job's summary, pay, hours, future and ways in, the school's contact and
next steps from Settings, a page that is filled, and a symbol sheet in the picture modes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtPdf import QPdfDocument

from kiosk.app import load_symbols
from kiosk.config import SettingsError
from kiosk.content.pages.page import Target
from kiosk.content.pages.take_home import SHEET_READY
from kiosk.staff.settings_file import save_settings
from kiosk.ui.session_display import Display
from tests.helpers.symbols import install_every_concept_symbol
from tests.ui.test_take_home import pdf_pages, pdf_text

NURSE = Target("occupation", "nurse")
NOON = dt.datetime(2026, 12, 7, 12, 5, 0)
CONTACT = "Mrs Khan, careers office, room 12"
NEXT = "Book a careers talk at the library desk before half term."


def printed(window) -> Path:
    window.take_home.now = lambda: NOON
    window.my_list.add(NURSE)
    assert window.take_home.print_sheet() == SHEET_READY
    assert window.take_home.last_path is not None
    return window.take_home.last_path


def test_one_kept_job_gets_what_it_is_pay_hours_future_ways_in_and_the_schools_words(make_window, settings,
                                                                                      reader) -> None:
    saved = save_settings(settings.data_dir, {"careers_contact": CONTACT, "next_steps": NEXT}, environ={})
    window = make_window(saved, reader)
    sheet = printed(window)
    text = " ".join(pdf_text(sheet).split())
    nurse = reader.occupation("nurse")
    for words in (" ".join(nurse.summary.split()), "Pay About £27,000 a year for full-time work (UK, 2024).",
                  "Hours About 37.5 hours a week for full-time work", "Jobs in the future For every 10 jobs in",
                  "How to start •", "What to do next " + NEXT, "Who to ask at school " + CONTACT,
                  "My questions for the careers adviser", "Where these figures come from"):
        assert words in text, words
    assert pdf_pages(sheet) == 1


def test_one_kept_job_fills_its_page_down_to_the_sources_at_the_foot(make_window, settings, reader) -> None:
    sheet = printed(make_window(settings, reader))
    document = QPdfDocument()
    document.load(str(sheet))
    image = document.render(0, QSize(420, 594))
    document.close()
    def inked_at(x: int, y: int) -> bool:  # the page is drawn on a clear background: ink is opaque and not white
        colour = image.pixelColor(x, y)
        return colour.alpha() > 128 and colour.lightness() < 200

    inked = [y for y in range(image.height()) if any(inked_at(x, y) for x in range(0, image.width(), 2))]
    # The sources sit at the foot (the 15 mm margin is 30 of 594 rows) and the rules for notes fill what is left:
    # no row of more than a fifth of the page is blank between the heading and the foot.
    assert inked[-1] > image.height() - 45
    gaps = [b - a for a, b in zip(inked, inked[1:])]
    assert max(gaps) < image.height() / 5, max(gaps)


def test_contact_and_next_steps_round_trip_and_a_bad_value_says_what_is_wrong(tmp_path: Path) -> None:
    saved = save_settings(tmp_path, {"careers_contact": CONTACT, "next_steps": NEXT}, environ={})
    assert (saved.careers_contact, saved.next_steps) == (CONTACT, NEXT)
    with pytest.raises(SettingsError, match="^careers_contact must be at most 120 characters, not 121$"):
        save_settings(tmp_path, {"careers_contact": "x" * 121}, environ={})
    with pytest.raises(SettingsError, match="^next_steps must be one line of plain text"):
        save_settings(tmp_path, {"next_steps": "Come back\nsoon"}, environ={})
    assert save_settings(tmp_path, {"speech_rate": 150}, environ={}).careers_contact == CONTACT  # left as saved


@pytest.fixture
def picture_window(make_window, settings, reader, tmp_path: Path):
    install_every_concept_symbol(settings.data_dir, tmp_path)

    def open_in(mode: str):
        window = make_window(settings, reader)
        window._load_symbols = lambda: load_symbols(settings)
        window.set_display(Display(mode=mode))
        return window

    return open_in


@pytest.mark.parametrize("mode", ["picture", "large"])
def test_the_picture_modes_print_the_symbol_sheet(picture_window, mode: str) -> None:
    window = picture_window(mode)
    sheet = printed(window)
    data = sheet.read_bytes()
    tokens = window.symbols.tokens("Nurses care for people.")
    assert any(t.symbols for t in tokens)  # the stand-in set gives these words pictures, as on screen
    assert data.count(b"/Subtype /Image") >= 5  # a symbol above each key word
    text = " ".join(pdf_text(sheet).split())
    assert "Nurse" in text and "Pay:" in text and "What to do next" in text and "Ask at the careers desk." in text


def test_the_words_sheet_has_no_symbols(picture_window) -> None:
    window = picture_window("standard")
    assert b"/Subtype /Image" not in printed(window).read_bytes()

"""Take it home by touch: my list (wiped by the idle reset), QR codes in every mode, and the printed sheet."""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtPdf import QPdfDocument

from kiosk.config import load_settings
from kiosk.content.pack_store import PackStore
from kiosk.content.pages.page import Target
from kiosk.content.reader import open_reader
from kiosk.staff.sheet_folder import SheetFolder
from kiosk.ui.careers_sheet import print_sheet
from kiosk.ui.session_display import Display
from kiosk.ui.widgets.qr_code import QrWidget
from kiosk.ui.widgets.tile_grid import TileGrid
from tests.helpers.packs import make_pack
from tests.helpers.take_home import take_home_tables
from tests.ui.test_journey import tap, tile

NURSE = Target("occupation", "nurse")


@pytest.fixture
def home_data(tmp_path: Path) -> Path:
    make_pack(tmp_path / "pack.zip", take_home_tables())
    PackStore(tmp_path / "data").install(tmp_path / "pack.zip")
    return tmp_path / "data"


@pytest.fixture
def home_reader(home_data: Path):
    r = open_reader(home_data / "kiosk.db")
    yield r
    r.close()


def labels(window) -> list[str]:
    grid = window.screen_widget.findChild(TileGrid)
    return [t.label for t in grid.tiles] if grid else []


def test_add_to_my_list_remove_and_the_idle_reset_wipes_it(qtbot, make_window, home_data, home_reader) -> None:
    window = make_window(load_settings(home_data, environ={}), home_reader)
    window.open(NURSE)
    tap(qtbot, tile(window, "Add to my list"))
    assert window.my_list.items == (NURSE,) and "On my list ✓ — remove" in labels(window)
    window.open(Target("event", "jobs-fair"))  # a page another helper builds: the kiosk offers the choice anyway
    window.choose(next(c for c in window.screen_widget.page.choices if c.label == "Add to my list"))
    window.open(Target("my-list"))
    assert [s.heading for s in window.screen_widget.page.sections] == ["Nurse", "Jobs fair"]
    tap(qtbot, tile(window, "Remove Jobs fair"))
    assert window.my_list.items == (NURSE,) and window.screen_widget.page.target == Target("my-list")
    tap(qtbot, tile(window, "Open Nurse"))
    tap(qtbot, tile(window, "On my list ✓ — remove"))
    assert window.my_list.items == () and "Add to my list" in labels(window)
    tap(qtbot, tile(window, "Add to my list"))
    window.idle.idle.emit()  # the pupil walked away
    assert window.my_list.items == ()
    window.open(Target("my-list"))
    assert window.screen_widget.page.choices == () and "Add to my list" in window.screen_widget.page.empty_message


def tap_take_this_home(qtbot, window) -> None:
    """Tap "Take this home" on a job's page: a tile, or in big pictures a cell behind the job's "More"."""
    if window.display.mode != "large":
        tap(qtbot, tile(window, "Take this home"))
        return
    for label in ("More", "Take this home"):
        tap(qtbot, next(c for c in window.screen_widget.cells if c.label == label))


@pytest.mark.parametrize("display", [Display(), Display(mode="picture"), Display(mode="large"),
                                     Display(high_contrast=True)], ids=["standard", "picture", "large", "contrast"])
def test_qr_codes_are_large_and_black_on_white_in_every_mode(qtbot, make_window, home_data, home_reader,
                                                              display) -> None:
    window = make_window(load_settings(home_data, environ={}), home_reader)
    window.set_display(display)
    window.open(NURSE)
    tap_take_this_home(qtbot, window)
    qr = window.screen_widget.findChild(QrWidget)
    assert qr is not None and qr.data == "https://nationalcareers.service.gov.uk/job-profiles/nurse"
    qtbot.waitUntil(qr.isVisible)
    image = qr.grab().toImage()
    modules = len(qr.modules)
    assert qr.width() % modules == 0 and qr.width() // modules >= 4  # whole pixels per module, several each
    assert qr.width() >= 60 * window.height() / 297  # about 6 cm or more on a 24-inch 1080p screen
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert colours == {QColor("black").name(), QColor("white").name()}
    quiet = 4 * (qr.width() // modules)
    assert {image.pixelColor(x, quiet // 2).name() for x in range(image.width())} == {"#ffffff"}
    spoken = " ".join(text for _, text in window.screen_widget.speech_parts())
    assert "The National Careers Service page about Nurse." in spoken


@pytest.mark.parametrize("display", [Display(), Display(mode="picture"), Display(mode="large")],
                         ids=["standard", "picture", "large"])
def test_the_whole_qr_code_shows_without_scrolling_on_a_small_screen(qtbot, make_window, home_data, home_reader,
                                                                    display, tmp_path) -> None:
    from kiosk.app import load_symbols
    from kiosk.ui.widgets.scroll_panel import ScrollPanel
    from kiosk.ui.widgets.symbol_text import SymbolText
    from tests.helpers.symbols import install_every_concept_symbol

    settings = load_settings(home_data, environ={})
    install_every_concept_symbol(home_data, tmp_path)  # headings as tall with pictures as with the real set
    window = make_window(settings, home_reader, size=(1280, 800))
    window._load_symbols = lambda: load_symbols(settings)
    window.set_display(display)
    window.open(Target("take-home", "occupation:nurse"))
    qr = window.screen_widget.findChild(QrWidget)
    panel = window.screen_widget.findChild(ScrollPanel)  # big pictures has none: nothing there scrolls
    viewport = panel.area.viewport() if panel is not None else window.screen_widget
    assert (panel is None) == (display.mode == "large")
    qtbot.waitUntil(qr.isVisible)
    top_left = qr.mapTo(viewport, qr.rect().topLeft())
    bottom_right = qr.mapTo(viewport, qr.rect().bottomRight())
    assert viewport.rect().contains(top_left) and viewport.rect().contains(bottom_right), (top_left, bottom_right)
    if display.mode == "picture":  # the title and subtitle carry their pictures, as they would in the kiosk
        title = window.screen_widget.findChildren(SymbolText)[0]
        assert title._pictured and sum(1 for t in title.tokens if t.symbols) >= 2


def test_a_resource_with_no_link_says_there_is_no_qr_code(qtbot, make_window, home_data, home_reader) -> None:
    window = make_window(load_settings(home_data, environ={}), home_reader)
    window.open(Target("take-home", "resource:leaflet"))
    assert window.screen_widget.findChild(QrWidget) is None
    assert "no QR code" in " ".join(window.screen_widget.page.text_blocks())


def pdf_pages(path: Path) -> int:
    """The number of page objects in a PDF (/Type /Page, not the /Type /Pages tree)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", path.read_bytes()))


def pdf_text(path: Path) -> str:
    document = QPdfDocument()
    document.load(str(path))
    try:
        return " ".join(document.getAllText(p).text() for p in range(document.pageCount()))
    finally:
        document.close()


def test_print_my_careers_sheet_saves_a_one_page_pdf(qtbot, make_window, home_data, home_reader, caplog) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.ui.careers_sheet")
    window = make_window(load_settings(home_data, environ={}), home_reader)
    for target in (Target("event", "jobs-fair"), Target("resource", "leaflet"), Target("occupation", "plumber")):
        window.my_list.add(target)
    window.open(NURSE)
    started = time.perf_counter()
    tap(qtbot, tile(window, "Print my sheet"))
    logging.getLogger(__name__).info("careers sheet from the tap: %.0f ms", 1000 * (time.perf_counter() - started))
    sheets = list((home_data / "sheets").glob("*.pdf"))
    assert len(sheets) == 1 and pdf_pages(sheets[0]) == 1
    page = window.screen_widget.page
    assert page.title == "Your careers sheet" and page.subtitle == "Your sheet is ready — ask at the careers desk."
    text = pdf_text(sheets[0])
    for words in ("Jobs fair", "Apprenticeships leaflet", "Plumber", "Nurse", "What it is", "Pay",
                  "About £27,000 a year for full-time work", "Hours", "About 37.5 hours a week", "Jobs in the future",
                  "For every 10 jobs", "How to start", "nationalcareers.service.gov.uk/job-profiles/nurse",
                  "search for “Plumber”", "What to do next", "Who to ask at school", "Ask at the careers desk.",
                  "Where these figures come from", "Test figures: figures for 2024"):
        assert words in text, words
    # Each source once, at the foot, though two jobs' figures come from it: with its years and place, as a job's
    # page names it.
    assert text.count("Test figures: figures for") == 1
    assert "Test figures: figures for 2024 and 2024 to 2035 (UK)." in " ".join(text.split())
    assert "Sample content" not in text
    assert window.my_list.items == (Target("event", "jobs-fair"), Target("resource", "leaflet"), PLUMBER)
    assert any("careers sheet saved" in r.getMessage() for r in caplog.records)


PLUMBER = Target("occupation", "plumber")


def test_a_long_list_flows_onto_more_pages_with_every_item_whole(qapp, tmp_path, home_reader) -> None:
    from kiosk.content.model import SourceRef
    from kiosk.content.pages.careers_sheet import SheetEntry
    from kiosk.content.pages.figure_sources import Cited

    entries = [SheetEntry(f"Job {i} " + "long title " * 10, "Job", (), f"https://example.org/{i}", "",
                          facts=(("Pay", f"About £{i},000 a year for full-time work. " * 3),
                                 ("How to start", "• An apprenticeship\n• A degree")),
                          sources=(Cited(SourceRef("Source x", "CC0 1.0", ""), "2024", "UK"),))
               for i in range(20)]
    message, path = print_sheet(entries, "Careers kiosk", True, "", SheetFolder(tmp_path / "sheets"))
    assert path is not None and pdf_pages(path) > 1 and message == "Your sheet is ready — ask at the careers desk."
    text = pdf_text(path)
    assert "Sample school content" in text and "more on your list" not in text
    for i in range(20):  # every item, with its last words: nothing cut at a page's end
        assert f"Job {i} long title" in text and f"About £{i},000 a year" in text and f"example.org/{i}" in text
    assert text.count("A degree") == 20 and text.count("Source x") == 1 and "Who to ask at school" in text


def test_an_empty_list_prints_nothing_and_says_so(qtbot, make_window, home_data, home_reader) -> None:
    window = make_window(load_settings(home_data, environ={}), home_reader)
    assert window.take_home.print_sheet().startswith("Your list is empty")
    assert not (home_data / "sheets").exists()

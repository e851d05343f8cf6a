"""Print my sheet on a bad day: a tap-happy pupil, a full folder, a full disk, a link too long for a code, a painter
error and a broken printer. Nothing half-written is ever left, and the pupil never sees a file's path."""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path

import pytest

from kiosk.config import load_settings
from kiosk.content.pack_store import PackStore
from kiosk.content.pages.careers_sheet import SheetEntry
from kiosk.content.pages.page import Target
from kiosk.content.pages.take_home import SHEET_READY
from kiosk.content.reader import open_reader
from kiosk.staff.sheet_folder import SheetFolder, SheetLimits
from kiosk.ui.careers_sheet import print_sheet
from kiosk.ui.my_list import sheet_went
from kiosk.ui.widgets.symbol_text import SymbolText
from tests.helpers.packs import make_pack
from tests.helpers.take_home import take_home_tables
from tests.ui.test_journey import tap, tile
from tests.ui.test_take_home import pdf_pages, pdf_text

NURSE = Target("occupation", "nurse")
LONG_LINK = "https://example.org/" + "😀" * 700  # 2,820 bytes: more than any QR code holds
NOON = dt.datetime(2026, 12, 7, 12, 5, 0)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    tables = take_home_tables()
    tables["resources"].append({"id": "long", "title": "Very long link", "kind": "online", "url": LONG_LINK})
    make_pack(tmp_path / "pack.zip", tables)
    PackStore(tmp_path / "data").install(tmp_path / "pack.zip")
    return tmp_path / "data"


@pytest.fixture
def reader(data: Path):
    r = open_reader(data / "kiosk.db")
    yield r
    r.close()


def shown_words(window) -> str:
    """Every word the pupil can see on the current screen, as painted."""
    return " ".join(w.text for w in window.screen_widget.findChildren(SymbolText) if w.isVisible())


def assert_no_path(words: str, data: Path) -> None:
    for bad in (str(data), "/", ".pdf", "careers-sheet-"):
        assert bad not in words, (bad, words)


def sheets_in(data: Path) -> list[str]:
    folder = data / "sheets"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def open_window(make_window, data, reader):
    window = make_window(load_settings(data, environ={}), reader)
    window.take_home.now = lambda: NOON
    window.my_list.add(NURSE)
    window.open(Target("my-list"))
    return window


def test_the_done_page_says_where_to_collect_the_sheet_in_words_not_a_path(qtbot, make_window, data, reader) -> None:
    window = open_window(make_window, data, reader)
    tap(qtbot, tile(window, "Print my sheet"))
    assert sheets_in(data) == ["careers-sheet-20261207-120500.pdf"]
    qtbot.waitUntil(lambda: "careers desk" in shown_words(window))
    words = shown_words(window)
    assert SHEET_READY in words and "12:05" not in words  # no time that reads like a file's name
    assert_no_path(words, data)
    # Staff see where it went, on their screen (Settings, under the printer).
    assert window.take_home.last_sheet == (f"The last careers sheet (12:05) was saved as "
                                           f"{data / 'sheets' / 'careers-sheet-20261207-120500.pdf'}.")


def test_a_visit_prints_a_few_sheets_then_is_asked_to_see_staff(qtbot, make_window, data, reader, clock) -> None:
    window = open_window(make_window, data, reader)
    for _ in range(3):
        window.open(Target("my-list"))
        tap(qtbot, tile(window, "Print my sheet"))
        clock.advance(30)  # slower than the per-minute limit: only the visit's limit stops the fourth
    window.open(Target("my-list"))
    tap(qtbot, tile(window, "Print my sheet"))
    assert len(sheets_in(data)) == 3
    qtbot.waitUntil(lambda: "member of staff" in shown_words(window))
    words = shown_words(window)
    assert "You already have 3 careers sheets from this visit" in words
    assert_no_path(words, data)
    window.idle.idle.emit()  # the pupil walks away: the next one may print
    clock.advance(60)
    window.my_list.add(NURSE)
    window.open(Target("my-list"))
    tap(qtbot, tile(window, "Print my sheet"))
    assert len(sheets_in(data)) == 4


def test_a_tap_storm_across_visits_is_slowed_to_a_few_sheets_a_minute(qtbot, make_window, data, reader, clock) -> None:
    window = open_window(make_window, data, reader)
    made = []
    for _ in range(10):  # ten "visits" in a few seconds: a pupil tapping Print and waiting for the reset
        made.append(window.take_home.print_sheet(NURSE))
        window.take_home.new_visit()
        clock.advance(1)
    assert len(sheets_in(data)) == SheetLimits().per_minute
    assert "Wait a minute and try again" in made[-1]
    clock.advance(60)
    assert window.take_home.print_sheet(NURSE) == SHEET_READY


def test_the_folder_keeps_within_its_limits_and_removes_old_sheets_first(qapp, tmp_path) -> None:
    folder = tmp_path / "sheets"
    folder.mkdir()
    old = NOON - dt.timedelta(days=20)
    for i in range(120):  # what 1,652 taps left behind, and a half-written one from a crash
        path = folder / f"careers-sheet-20261101-{i:06d}.pdf"
        path.write_bytes(b"%PDF-1.4 old")
        os.utime(path, (old.timestamp(), (old + dt.timedelta(days=i // 10)).timestamp()))
    (folder / ".careers-sheet-20261101-999999.pdf.part").write_bytes(b"%PDF-half")
    limits = SheetLimits(most_sheets=50, keep_days=14)
    message, path = print_sheet([SheetEntry("Nurse", "Job", (), "", "No link.")], "Careers kiosk", False, "",
                                SheetFolder(folder, limits, lambda: NOON), NOON)
    names = sorted(p.name for p in folder.iterdir())
    assert path is not None and path.name in names and len(names) <= limits.most_sheets
    assert not [n for n in names if n.endswith(".part")]
    cutoff = (NOON - dt.timedelta(days=14)).timestamp()
    assert all((folder / n).stat().st_mtime >= cutoff for n in names)  # two weeks old: gone
    assert message == SHEET_READY


def test_the_folder_never_grows_past_its_size_limit(qapp, tmp_path) -> None:
    folder = SheetFolder(tmp_path / "sheets", SheetLimits(most_bytes=300_000), lambda: NOON)
    entry = SheetEntry("Nurse", "Job", ("Pay: £520 a week.",), "https://example.org/nurse", "")
    for i in range(30):
        print_sheet([entry], "Careers kiosk", False, "", folder, NOON + dt.timedelta(seconds=i))
        assert sum(p.stat().st_size for p in folder.sheets()) <= 300_000
    assert folder.sheets()[-1].name == "careers-sheet-20261207-120529.pdf"  # the newest is kept


def test_a_link_too_long_for_a_qr_code_still_prints_the_sheet(qtbot, make_window, data, reader) -> None:
    window = open_window(make_window, data, reader)
    window.my_list.add(Target("resource", "long"))
    window.open(Target("my-list"))
    tap(qtbot, tile(window, "Print my sheet"))
    assert sheets_in(data) == ["careers-sheet-20261207-120500.pdf"]
    text = pdf_text(data / "sheets" / "careers-sheet-20261207-120500.pdf")
    assert "Very long link" in text and "too long" in text and "example.org" in text and "Nurse" in text
    qtbot.waitUntil(lambda: SHEET_READY in shown_words(window))
    assert_no_path(shown_words(window), data)


def test_a_link_no_qr_code_can_hold_is_printed_as_its_site(qapp, tmp_path) -> None:
    """The sheet's own guard, for a link that reaches it (the pages already give such a link no code)."""
    entries = [SheetEntry("Very long link", "Careers library", (), LONG_LINK, ""),
               SheetEntry("Fair", "Event", (), "https://example.org/fair", "")]
    message, path = print_sheet(entries, "Careers kiosk", False, "", SheetFolder(tmp_path / "sheets"), NOON)
    assert path is not None and pdf_pages(path) == 1 and message == SHEET_READY
    text = pdf_text(path)
    assert "too long to print as a code" in text and "example.org" in text and "example.org/fair" in text


def test_a_full_disk_leaves_no_partial_sheet_and_says_printing_failed(qtbot, make_window, data, reader,
                                                                     monkeypatch) -> None:
    window = open_window(make_window, data, reader)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("kiosk.content.file_replace.os.fsync", full)
    tap(qtbot, tile(window, "Print my sheet"))
    assert sheets_in(data) == []
    qtbot.waitUntil(lambda: "could not be printed" in shown_words(window))
    assert_no_path(shown_words(window), data)


def test_a_painter_error_leaves_no_partial_sheet(qtbot, make_window, data, reader, monkeypatch) -> None:
    window = open_window(make_window, data, reader)

    def broken(*args, **kwargs):
        raise RuntimeError("painter gave up")

    monkeypatch.setattr("kiosk.ui.careers_sheet.paint_qr", broken)
    tap(qtbot, tile(window, "Print my sheet"))
    assert sheets_in(data) == []
    qtbot.waitUntil(lambda: "could not be printed" in shown_words(window))


@pytest.mark.qt_log_level_fail("CRITICAL")  # Qt warns that the broken printer cannot open its output
def test_a_printer_that_fails_is_reported_and_the_sheet_saved_instead(qapp, tmp_path, monkeypatch, caplog) -> None:
    from PySide6 import QtPrintSupport

    class FoundPrinter:
        @staticmethod
        def printerInfo(name: str) -> "FoundPrinter":
            return FoundPrinter()

        def isNull(self) -> bool:
            return False

    class BrokenPrinter(QtPrintSupport.QPrinter):  # a printer whose job cannot start (out of paper, offline)
        def __init__(self, info, mode) -> None:
            super().__init__(mode)
            self.setOutputFormat(QtPrintSupport.QPrinter.OutputFormat.PdfFormat)
            self.setOutputFileName(str(tmp_path / "no-such-folder" / "job.pdf"))

    monkeypatch.setattr(QtPrintSupport, "QPrinterInfo", FoundPrinter)
    monkeypatch.setattr(QtPrintSupport, "QPrinter", BrokenPrinter)
    message, path = print_sheet([SheetEntry("Nurse", "Job", (), "", "No link.")], "Careers kiosk", False,
                                "Office printer", SheetFolder(tmp_path / "sheets"), NOON)
    assert message == SHEET_READY  # staff print the saved sheet: the pupil's next step is the same
    assert path is not None and path.exists()
    assert any("the printer 'Office printer' failed" in r.getMessage() for r in caplog.records)
    assert sheet_went(NOON, "Office printer", path) == (f"The last careers sheet (12:05) was saved as {path} because "
                                                        "the printer “Office printer” did not print it (see the log).")


def test_a_printer_that_is_missing_is_logged_and_the_pupil_told_only_where_to_ask(qapp, tmp_path, caplog) -> None:
    message, path = print_sheet([SheetEntry("Nurse", "Job", (), "", "No link.")], "Careers kiosk", False,
                                "no-such-printer", SheetFolder(tmp_path / "sheets"), NOON)
    assert path is not None and path.exists() and message == SHEET_READY
    assert any("'no-such-printer' is not there" in r.getMessage() for r in caplog.records)
    assert sheet_went(NOON, "", path) == f"The last careers sheet (12:05) was saved as {path}."
    assert sheet_went(NOON, "Office printer", None) == "The last careers sheet (12:05) was printed on Office printer."


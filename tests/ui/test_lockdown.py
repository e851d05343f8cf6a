"""A pupil cannot leave the kiosk: no closing, no context menus, no URLs; and content shows only as plain text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, QUrl
from PySide6.QtGui import QContextMenuEvent, QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.app import present
from kiosk.content.pack_store import PackStore
from kiosk.content.pages.page import SEARCH, Target
from kiosk.content.reader import open_reader
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.symbol_text import SymbolText
from tests.helpers.packs import figures, make_pack, occupation

HOSTILE = '<b>Bold</b> <a href="https://example.org">link</a> <img src="/etc/hosts"> Health & Care'


def test_the_window_refuses_to_close(qtbot, make_window, settings, reader) -> None:
    window = make_window(settings, reader)
    window.allow_close = False
    window.close()
    assert window.isVisible()
    window.allow_close = True


def test_kiosk_mode_is_frameless_full_screen_and_on_top(qtbot, make_window, settings, reader) -> None:
    window = make_window(settings, reader)
    present(window, windowed=False)
    flags = window.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint and flags & Qt.WindowType.WindowStaysOnTopHint
    assert window.windowState() & Qt.WindowState.WindowFullScreen


def test_context_menus_are_swallowed_even_on_the_search_field(qtbot, make_window, settings, reader) -> None:
    window = make_window(settings, reader)
    window.open(SEARCH)
    field = window.screen_widget.field
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), field.mapToGlobal(QPoint(5, 5)))
    assert QApplication.sendEvent(field, event) is True  # the app filter took it: no menu
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets() if w.inherits("QMenu"))


def test_urls_are_never_opened(qtbot, make_window, settings, reader) -> None:
    from kiosk.ui.lockdown import UrlSink

    window = make_window(settings, reader)
    sink = window.findChild(UrlSink)
    for url in ("https://example.org/", "http://example.org/", "file:///etc/passwd", "mailto:a@example.org"):
        assert QDesktopServices.openUrl(QUrl(url)) is True  # handled: by the sink, which only logs it
    assert sink.refused == ["https://example.org/", "http://example.org/", "file:///etc/passwd", "mailto:a@example.org"]
    sink.uninstall()


def test_hostile_text_shows_as_plain_text_everywhere(qtbot, make_window, settings, tmp_path: Path) -> None:
    occ = occupation("odd", HOSTILE, sector="odd", summary=HOSTILE, tasks=[HOSTILE], skills=[HOSTILE],
                     alt_titles=[HOSTILE])
    tables = {"sectors": [{"id": "odd", "name": HOSTILE, "description": HOSTILE}], "occupations": [occ],
              **figures("odd")}
    make_pack(tmp_path / "hostile.zip", tables)
    PackStore(tmp_path / "d").install(tmp_path / "hostile.zip")
    reader = open_reader(tmp_path / "d" / "kiosk.db")
    window = make_window(settings, reader)
    for target in (Target("sectors"), Target("sector", "odd"), Target("occupation", "odd"), Target("a-z")):
        window.open(target)
        labels = window.findChildren(QLabel)
        assert labels
        for label in labels:
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
        painted = window.findChildren(SymbolText)  # page text: painted word by word with drawText, never markup
        shown = [l.text() for l in labels] + [b.label for b in window.findChildren(KioskButton)] + \
            [w.text for w in painted]
        for widget in painted:
            assert "".join(p.text for p in widget.pieces) == "".join(widget.text.split())
        assert any(HOSTILE in text for text in shown), target
    window.close()
    reader.close()


def test_the_wake_up_event_types_are_watched(qtbot, make_window, settings, reader) -> None:
    from kiosk.ui.idle import ACTIVITY

    assert {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress} <= ACTIVITY

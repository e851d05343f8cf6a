"""`kiosk tour --json`: what each pictured screen shows, read from the live widgets, for tests and reviewers."""

from __future__ import annotations

import json
import sys
from typing import Any

from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QWidget

from kiosk.content.folder_write import Folder
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.symbol_text import SymbolText

MANIFEST = "manifest.json"


def screen_entry(window, file: str, staff: bool = False) -> dict[str, Any]:
    """One screen as the pupil sees it now: its mode, page, the tiles and top-bar buttons on show (each with its
    symbol's concept and file), whether anything scrolls, the smallest target and any words cut off."""
    page, bar = _shown(window, staff)
    tiles = _buttons(page, window)
    controls = _buttons(bar, window)
    target = window.navigator.current
    return {
        "file": file,
        "mode": window.display.mode,
        "high_contrast": window.display.high_contrast,
        "page": None if staff else {"kind": target.kind, "key": target.key},
        "tiles": [_button(b) for b in tiles],
        **_list_tools(page, window),
        "controls": [_button(b) for b in controls],
        "scrolls": any(_scrolls(area) for root in (page, bar) if root is not None
                       for area in root.findChildren(QAbstractScrollArea) if area.isVisibleTo(window)),
        "smallest_target": _smallest([*tiles, *controls]),
        "cut_off": _cut_off(page, window) + _cut_off(bar, window),
    }


def write_manifest(folder: Folder, entries: list[dict[str, Any]]) -> bool:
    """Put manifest.json in place in the tour's folder, whole (written aside, then renamed over the old one);
    False (said on stderr) if it cannot be."""
    try:
        folder.write_bytes(MANIFEST, (json.dumps(entries, ensure_ascii=False, indent=1) + "\n").encode())
    except OSError as e:
        print(f"kiosk: could not write {folder.path / MANIFEST}: {e.strerror or e}", file=sys.stderr)
        return False
    return True


def _shown(window, staff: bool) -> tuple[QWidget | None, QWidget | None]:
    """What covers the window now (the idle warning, the staff cover, the picture chooser), else the page and
    the top bar: the widgets whose buttons a pupil can see."""
    overlay = getattr(window, "_overlay", None)  # never built just to look: building it is not looking
    if overlay is not None and overlay.isVisible():
        return overlay, None
    cover = window.staff.cover if window.staff is not None else None
    if cover is not None:
        return cover, None
    if staff:
        return None, None
    if window.chooser is not None:
        return window.chooser, None
    return window.screen_widget, window.top_bar


def _buttons(root: QWidget | None, window) -> list[KioskButton]:
    """The buttons under `root` that are on screen: shown, and not scrolled out of their scroll area's view."""
    if root is None:
        return []
    return [b for b in root.findChildren(KioskButton) if b.isVisibleTo(window) and b.role != "key"
            and not b.visibleRegion().isEmpty()]


def _button(button: KioskButton) -> dict[str, Any]:
    symbol = getattr(button, "picture_symbol", None)
    # A big-pictures cell says where its symbol is drawn: its height against the cell's is a measure of issue 14.
    box = button.symbol_rect() if hasattr(button, "symbol_rect") else None
    return {"label": button.label, "detail": button.detail, "concept": button.picture_concept or None,
            "symbol": symbol.name if symbol is not None else None, "marked": button.current or button.marked,
            "width": button.width(), "height": button.height(),
            "symbol_height": round(box.height()) if box is not None else None}


def _list_tools(page: QWidget | None, window) -> dict[str, Any]:
    """Above a job list: the sort in use (its segment's label) and the letters a pupil can tap, in the strip as
    shown ("" for none); None for each where the page has none. The segments and letters are among the tiles too."""
    from kiosk.ui.widgets.list_tools import LetterStrip, SortBar

    bar = page.findChild(SortBar) if page is not None else None
    strip = page.findChild(LetterStrip) if page is not None else None
    shown = strip is not None and strip.isVisibleTo(window)
    return {"sort": next((s.label for s in bar.segments if s.current), None) if bar is not None else None,
            "letters": "".join(x for x, b in strip.buttons.items() if b.isEnabled()) if shown else None}


def _scrolls(area: QAbstractScrollArea) -> bool:
    return area.verticalScrollBar().maximum() > 0 or area.horizontalScrollBar().maximum() > 0


def _smallest(buttons: list[KioskButton]) -> dict[str, Any] | None:
    if not buttons:
        return None
    small = min(buttons, key=lambda b: (min(b.width(), b.height()), b.width() * b.height()))
    return {"label": small.label, "width": small.width(), "height": small.height()}


def _cut_off(root: QWidget | None, window) -> list[str]:
    """Texts whose words do not fit their box: a tile's label cut with "…" or taller than its room, a paragraph
    or label taller (or, unwrapped, wider) than its widget."""
    if root is None:
        return []
    cut = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.visibleRegion().isEmpty():
            continue
        if isinstance(widget, KioskButton) and widget.role != "key":
            words, room, _ = widget.shown_words()
            key_lost = widget.key_detail and words.detail not in (widget.key_detail, widget.detail)
            if words.label != widget.shown_label or words.label_height > room.height() + 0.5 or key_lost:
                cut.append(widget.label)
        elif isinstance(widget, SymbolText):
            if widget.heightForWidth(widget.width()) > widget.height() + 1:
                cut.append(widget.text)
        elif isinstance(widget, QLabel) and widget.text():
            room = widget.contentsRect()
            need = (widget.heightForWidth(room.width()) if widget.wordWrap() else widget.fontMetrics().height())
            wide = not widget.wordWrap() and widget.fontMetrics().horizontalAdvance(widget.text()) > room.width()
            if need > room.height() + 1 or wide:
                cut.append(widget.text())
    return cut

"""Issue 5's Done means, by touch alone on the sample content: compare three jobs, find the route that leads to
one, read a former student's story on that route, find an open day, and leave with a QR code or a printed sheet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from kiosk.config import load_settings
from kiosk.content.pages.page import HOME, Target
from kiosk.ui.widgets.qr_code import QrWidget
from kiosk.ui.widgets.symbol_text import SymbolText
from kiosk.ui.widgets.tile_grid import TileGrid

TODAY = dt.date(2026, 11, 24)  # the sample's events run from December 2026


def test_a_pupil_by_touch_alone(qtbot, make_window, sample_data_dir: Path, sample_reader, tmp_path: Path) -> None:
    settings = load_settings(sample_data_dir, environ={})._replace(data_dir=tmp_path)  # sheets go to tmp_path
    window = make_window(settings, sample_reader)
    window.today = lambda: TODAY

    def tap(label: str) -> None:
        """Tap the tile with this label, paging through the tiles with Next as a pupil would."""
        grid = window.screen_widget.findChild(TileGrid)
        while label not in [t.label for t in grid.tiles]:
            assert grid.next_button.isEnabled(), f"no tile {label!r} on {window.navigator.current}"
            qtbot.mouseClick(grid.next_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(next(t for t in grid.tiles if t.label == label), Qt.MouseButton.LeftButton)

    def home() -> None:
        qtbot.mouseClick(window.home_button, Qt.MouseButton.LeftButton)
        assert window.navigator.current == HOME

    def shown() -> list[str]:
        return [w.text for w in window.screen_widget.findChildren(SymbolText)]

    # Compare three jobs.
    tap("Compare jobs")
    tap("Nurse")
    tap("Add another job")
    tap("Plumber")
    tap("Add another job")
    tap("Electrician")
    assert window.navigator.current == Target("compare", "nurse,plumber,electrician")
    assert {"Nurse", "Plumber", "Electrician", "All jobs (UK average)"} <= set(shown())

    # Find which route leads to one of them (nurse: a degree), and a former student's story on that route.
    home()
    tap("Routes after school")
    tap("Bachelor's degree")
    tap("Jobs it can lead to")
    assert "Nurse" in [c.label for c in window.screen_widget.page.choices]
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    tap("Daniel's story")
    assert window.navigator.current == Target("story", "daniel-2018")
    assert any("I said I wanted to be a nurse" in text for text in shown())

    # Find an open day.
    home()
    tap("Open days and events")
    tap("Riverside College open evening")
    assert window.navigator.current.kind == "event"
    assert any("3 December 2026" in text for text in shown())

    # Keep it, and leave with a QR code for it and a printed sheet.
    tap("Add to my list")
    tap("Take this home")
    assert window.screen_widget.findChild(QrWidget) is not None
    home()
    assert window.top_bar.my_list_button.label == "My list (1)"  # in the top bar, on every page
    qtbot.mouseClick(window.top_bar.my_list_button, Qt.MouseButton.LeftButton)
    tap("Print my sheet")
    sheets = list((tmp_path / "sheets").glob("*.pdf"))
    assert len(sheets) == 1 and sheets[0].read_bytes().startswith(b"%PDF")

"""On every page, in both symbol modes, no two choice tiles on screen share a symbol (issue 14, part 3).

The stand-in symbol set gives every concept a picture and all its pictures look alike, so tiles are compared by the
symbol file each one shows, not by pixels.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.access.coverage import every_page_target
from kiosk.app import load_symbols
from kiosk.config import load_settings
from kiosk.content.pages.page import HOME, Target
from kiosk.ui.session_display import Display
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.list_tools import SortBar
from kiosk.ui.widgets.tile_grid import TileGrid
from tests.helpers.symbols import install_every_concept_symbol


@pytest.fixture(scope="module")
def symbol_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder holding only the stand-in symbol set (the pages come from the shared sample)."""
    root = tmp_path_factory.mktemp("symbols")
    install_every_concept_symbol(root / "data", root)
    return root / "data"


def pictured_tiles(window) -> list[KioskButton]:
    """The buttons on the page a pupil can see now that carry a symbol (whatever lays them out)."""
    QApplication.processEvents()
    return [b for b in window.screen_widget.findChildren(KioskButton)
            if b.isVisibleTo(window) and not b.visibleRegion().isEmpty() and b.picture_symbol is not None]


def shared(tiles: list[KioskButton]) -> list[str]:
    seen: dict[Path, str] = {}
    twins = []
    for tile in tiles:
        if tile.picture_symbol in seen:
            twins.append(f"{seen[tile.picture_symbol]!r} and {tile.label!r} both show {tile.picture_symbol.name}")
        seen.setdefault(tile.picture_symbol, tile.label)
    return twins


def symbol_window(make_window, sample_data_dir, sample_reader, symbol_data, mode: str):
    window = make_window(load_settings(sample_data_dir, environ={}), sample_reader)
    window._load_symbols = lambda: load_symbols(load_settings(symbol_data, environ={}))
    window.set_display(Display(mode=mode))
    return window


@pytest.mark.parametrize("mode", ["picture", "large"])
def test_no_two_tiles_on_any_screen_share_a_symbol(qtbot, make_window, sample_data_dir, sample_reader,
                                                    symbol_data, mode) -> None:
    window = symbol_window(make_window, sample_data_dir, sample_reader, symbol_data, mode)
    problems: dict[str, list[str]] = {}
    screens = pictures = 0
    targets = [HOME, Target("display"), *every_page_target(sample_reader)]
    if mode == "large":  # big pictures offers no typing, and shows each list as one screen of cells (no pages)
        targets = [t for t in targets if t.kind != "search"]
    for target in targets:
        window.open(HOME)
        window.open(target)
        grids = window.screen_widget.findChildren(TileGrid)
        for turn in range(max([1, *(g.page_count for g in grids)])):
            for grid in grids:  # every screenful of a grid's tiles
                grid.show_page(turn)
            tiles = pictured_tiles(window)
            screens, pictures = screens + 1, pictures + len(tiles)
            if shared(tiles):
                problems[f"{target} screen {turn + 1}"] = shared(tiles)
    assert not problems, problems
    # The walk saw every screen (in picture mode, more than one of long lists), full of pictures.
    assert screens >= len(targets) + (mode == "picture") and pictures > 3 * len(targets)


def test_the_pictures_say_what_a_choice_is_about(qtbot, make_window, sample_data_dir, sample_reader,
                                                 symbol_data) -> None:
    window = symbol_window(make_window, sample_data_dir, sample_reader, symbol_data, "picture")
    window.open(Target("stories"))
    stories = {t.label: t.picture_concept for t in pictured_tiles(window)}
    # A story shows the job it is about, never a word of its label (the person's name, or "left").
    jobs = {f"{s.first_name}, left in {s.year_left}": s.occupation for s in sample_reader.alumni()}
    assert stories and all(concept not in ("", "leave", "left") for concept in stories.values()), stories
    with_jobs = [label for label in stories if jobs.get(label)]
    assert with_jobs and len({stories[label] for label in with_jobs}) == len(with_jobs)
    window.open(Target("a-z"))  # the sort control above the list keeps its symbols, the sort in use marked
    sorts = {s.label: (s.picture_concept, s.current) for s in window.screen_widget.findChild(SortBar).segments}
    assert sorts == {"A to Z": ("a-to-z", True), "Pay": ("pay", False), "Growth": ("growing", False)}
    assert all(s in pictured_tiles(window) for s in window.screen_widget.findChild(SortBar).segments)
    window.open(Target("display"))
    looks = {t.label: (t.picture_concept, t.current) for t in pictured_tiles(window)}
    assert looks["Words and pictures"] == ("picture", True) and looks["Words"] == ("text-words", False)
    assert looks["Big pictures"] == ("big-pictures", False)
    assert looks["Bigger text"][0] != looks["Smaller text"][0] != looks["Words"][0]

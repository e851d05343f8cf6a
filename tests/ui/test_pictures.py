"""Picture mode with real (test-built) symbols: pictures on words and tiles, and choosing another picture."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, Qt

from kiosk.access.openmoji import install_openmoji
from kiosk.app import load_symbols
from kiosk.content.pages.page import Target
from kiosk.ui.session_display import Display
from kiosk.ui.widgets.symbol_text import SymbolText
from tests.access.test_symbol_sets import fake_openmoji, lock_file
from tests.helpers.packs import make_pack


@pytest.fixture
def pictured(make_window, settings, reader, tmp_path: Path):
    """A window in picture mode with an OpenMoji-shaped set holding the health-worker symbol (nurse)."""
    tarball = fake_openmoji()
    install_openmoji(settings.data_dir, lock_file(tmp_path, tarball), fetch=lambda pin: tarball)
    window = make_window(settings, reader)
    window._load_symbols = lambda: load_symbols(settings)
    window.set_display(Display(mode="picture"))
    window.open(Target("occupation", "nurse"))
    return window


def nurse_word(window) -> tuple[SymbolText, int]:
    title = window.screen_widget.findChildren(SymbolText)[0]
    index = next(i for i, t in enumerate(title.tokens) if t.symbols)
    return title, index


def test_key_words_get_pictures_and_hostile_text_stays_text(pictured) -> None:
    title, index = nurse_word(pictured)
    assert title.text == "Nurse" and title.tokens[index].symbol.name == "1F9D1-200D-2695-FE0F.svg"
    assert len(title.tokens[index].symbols) == 2  # the colour picture and its line art


def test_holding_a_picture_opens_the_chooser_and_the_choice_lasts_the_visit(qtbot, pictured, monkeypatch) -> None:
    title, index = nurse_word(pictured)
    cell = next(c for c in title._cells(title.width()) if title.pieces[c.index].token == index)
    monkeypatch.setattr(QElapsedTimer, "elapsed", lambda self: 1000)  # held for a second
    qtbot.mouseClick(title, Qt.MouseButton.LeftButton, pos=cell.symbol.center().toPoint())
    chooser = pictured.chooser
    assert chooser is not None and [t.label for t in chooser.tiles] == ["Picture 1 (now)", "Picture 2"]
    qtbot.mouseClick(chooser.tiles[1], Qt.MouseButton.LeftButton)
    assert pictured.chooser is None
    concept = title.tokens[index].concept_id
    assert pictured.picture_choices == {concept: 1}
    pictured.open(Target("sectors"))
    pictured.open(Target("occupation", "nurse"))
    again, _ = nurse_word(pictured)
    assert again._choices[concept] == 1  # still the pupil's choice on the next visit to the page
    pictured.reset_session()
    assert pictured.picture_choices == {}


def test_change_a_picture_without_a_long_press(qtbot, pictured) -> None:
    pictured.open(Target("display"))
    grid_tile = next(t for t in pictured.screen_widget.findChildren(type(pictured.home_button))
                     if t.label == "Change a picture")
    qtbot.mouseClick(grid_tile, Qt.MouseButton.LeftButton)
    assert pictured.navigator.current == Target("occupation", "nurse") and pictured.changing_pictures
    title, index = nurse_word(pictured)
    cell = next(c for c in title._cells(title.width()) if title.pieces[c.index].token == index)
    qtbot.mouseClick(title, Qt.MouseButton.LeftButton, pos=cell.symbol.center().toPoint())
    assert pictured.chooser is not None
    qtbot.mouseClick(pictured.chooser.keep, Qt.MouseButton.LeftButton)
    assert pictured.chooser is None and not pictured.picture_choices


def test_hostile_text_in_picture_mode_is_drawn_as_text(qtbot, make_window, settings, tmp_path: Path) -> None:
    from kiosk.content.pack_store import PackStore
    from kiosk.content.reader import open_reader
    from tests.helpers.packs import figures, occupation

    hostile = '<b>Bold</b> <img src="/etc/hosts"> & nurse'
    tables = {"sectors": [{"id": "odd", "name": "Odd"}],
              "occupations": [occupation("odd", "Odd", sector="odd", summary=hostile, easy_read=[hostile])],
              **figures("odd")}
    make_pack(tmp_path / "h.zip", tables)
    PackStore(tmp_path / "d").install(tmp_path / "h.zip")
    reader = open_reader(tmp_path / "d" / "kiosk.db")
    window = make_window(settings, reader)
    window._load_symbols = lambda: load_symbols(settings)
    window.set_display(Display(mode="picture"))
    window.open(Target("occupation", "odd"))
    paragraph = next(p for p in window.screen_widget.findChildren(SymbolText) if p.text == hostile)
    assert "".join(p.text for p in paragraph.pieces).replace(" ", "") == hostile.replace(" ", "")
    window.close()
    reader.close()

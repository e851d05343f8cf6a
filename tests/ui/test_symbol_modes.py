"""Picture mode keeps its promise (issue 14, part 5): search results, the idle warning, the top bar and the home
page's question carry symbols in the symbol modes, and words mode stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt

from kiosk.app import load_symbols
from kiosk.content.pages.page import SEARCH, Target
from kiosk.ui.session_display import Display
from kiosk.ui.speech_controller import SpeechController
from kiosk.ui.widgets.plain_label import PlainLabel
from kiosk.ui.widgets.symbol_text import SymbolText
from kiosk.ui.widgets.top_bar import CONTROLS
from tests.helpers.symbols import install_every_concept_symbol
from tests.ui.test_speech_ui import FakePlayer, FakeWorker

SYMBOL_MODES = ["picture", "large"]


@pytest.fixture
def open_window(make_window, settings, reader, tmp_path: Path):
    """A window in a mode, with a stand-in picture for every concept and speech on (so Speak, Repeat and Stop show)."""
    install_every_concept_symbol(settings.data_dir, tmp_path)

    def open_in(mode: str, size: tuple[int, int] = (1920, 1080), content=None):
        window = make_window(settings, content or reader, size=size)
        window._load_symbols = lambda: load_symbols(settings)
        window.set_speaker(SpeechController(FakeWorker(), FakePlayer(), "gmw/en", 130, 50))
        window.set_display(Display(mode=mode))
        return window

    return open_in


def type_in(window, word: str) -> None:
    for letter in word.upper():
        window.screen_widget.keyboard.keys[letter].click()


# -- search --------------------------------------------------------------------------------------------------


def test_search_results_show_their_pictures_in_picture_mode(open_window) -> None:
    window = open_window("picture")
    window.open(SEARCH)
    type_in(window, "nurse")
    screen = window.screen_widget
    assert screen.results.tiles, "the search found nothing to look at"
    assert all(tile.picture is not None for tile in screen.results.tiles)
    # The line saying what was found is symbol-supported, and Speak reads it.
    assert isinstance(screen.message, SymbolText) and any(t.symbols for t in screen.message.tokens)
    assert screen.message.isVisible()  # rebuilt with each keystroke, and shown at once
    assert screen.speech_parts()[0] == (screen.message, screen.message_text)
    assert "found" in screen.message_text


def test_search_results_have_no_pictures_in_words_mode(open_window) -> None:
    window = open_window("standard")
    window.open(SEARCH)
    type_in(window, "nurse")
    screen = window.screen_widget
    assert screen.results.tiles and all(tile.picture is None for tile in screen.results.tiles)
    assert isinstance(screen.message, PlainLabel) and screen.message.text() == screen.message_text


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
def test_the_search_pager_fits_its_column(qtbot, open_window, sample_reader, size) -> None:
    window = open_window("picture", size, sample_reader)  # the sample has 24 nurses: pages of them
    window.open(SEARCH)
    type_in(window, "nurse")
    grid = window.screen_widget.results
    qtbot.waitUntil(grid.next_button.isVisible)
    for button in (grid.previous_button, grid.next_button):
        where = button.rect().translated(button.mapTo(window, QPoint(0, 0)))
        assert window.rect().contains(where), (button.label, where)
        assert button.width() >= button._theme.min_target
    label = grid.page_label  # "Page 1 of 5" between them, whole: not squeezed to nothing
    widest = max(label.fontMetrics().horizontalAdvance(word) for word in label.text().split())
    assert label.width() >= widest and label.heightForWidth(label.width()) <= label.height(), label.text()


# -- the idle warning ----------------------------------------------------------------------------------------


def page_corner(window):
    """The colour on screen at the page's top-left corner, just under the top bar."""
    return window.grab().toImage().pixelColor(3, window.top_bar.height() + 3)


def warn(window, settings, clock) -> None:
    clock.advance(settings.idle_timeout_s - settings.idle_warning_s)
    window.idle.check()
    assert window.overlay.isVisible()


@pytest.mark.parametrize("mode", SYMBOL_MODES)
def test_the_idle_warning_carries_symbols_and_hides_the_page(qtbot, open_window, settings, clock, mode) -> None:
    window = open_window(mode)
    window.open(Target("sectors"))
    warn(window, settings, clock)
    overlay = window.overlay
    for words in (overlay.question, overlay.countdown):
        assert isinstance(words, SymbolText) and any(t.symbols for t in words.tokens), words
    assert "in 30 seconds" in overlay.countdown_text()
    assert overlay.button.picture is not None
    clock.advance(1)
    window.idle.check()
    assert "in 29 seconds" in overlay.countdown.text  # the symbol text follows the count
    assert overlay.geometry() == window.rect()
    # Nothing of the page shows through: its light ground under the warning is the warning's own colour.
    assert page_corner(window) == window.theme.color("overlay")
    # A tap on its words is a tap on the warning: the pupil is still here.
    qtbot.mouseClick(overlay.question, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not overlay.isVisible()


def test_the_idle_warning_has_no_symbols_in_words_mode(open_window, settings, clock) -> None:
    window = open_window("standard")
    warn(window, settings, clock)
    overlay = window.overlay
    assert isinstance(overlay.question, PlainLabel) and isinstance(overlay.countdown, PlainLabel)
    assert overlay.countdown.text() == overlay.countdown_text() and "in 30 seconds" in overlay.countdown_text()
    assert overlay.button.picture is None
    assert page_corner(window) != window.theme.color("overlay")  # words mode leaves a hint of the page


# -- the top bar ---------------------------------------------------------------------------------------------


def bar_buttons(window) -> dict:
    bar = window.top_bar
    return {"back": bar.back_button, "home": bar.home_button, "speak": bar.speak_button,
            "repeat": bar.repeat_button, "stop": bar.stop_button}


def painted(button):
    """Where the button paints its picture, and its words as laid out in the room left (as paintEvent does)."""
    t = button._theme
    pad = t.px(18)
    inner = QRectF(button.rect()).adjusted(2, 2, -2, -2).adjusted(pad, pad * 0.6, -pad, -pad * 0.6)
    box, above = button._picture_box(inner)
    if box is not None:
        inner.setTop(box.bottom() + t.px(8)) if above else inner.setLeft(box.right() + t.px(10))
    return box, button.text_layout(inner)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
@pytest.mark.parametrize("mode", SYMBOL_MODES)
def test_top_bar_controls_carry_symbols_and_whole_words(qtbot, open_window, mode, size) -> None:
    words_mode = {name: button.width() for name, button in bar_buttons(open_window("standard", size)).items()}
    window = open_window(mode, size)
    qtbot.waitUntil(lambda: window.top_bar.stop_button.isVisible())
    for name, button in bar_buttons(window).items():
        assert button.picture is not None, name
        box, words = painted(button)
        assert box is not None and box.width() >= button._theme.px(40), f"{name}: no room for its symbol"
        assert words.label == button.label == CONTROLS[name][1], f"{name}: its word is cut off"
        assert words.font.pixelSize() == button._label_font.pixelSize(), f"{name}: its word had to shrink"
        assert button.width() >= words_mode[name] and button.height() >= button._theme.min_target
        assert window.top_bar.rect().contains(button.geometry()), f"{name} runs off the bar"
    assert window.top_bar.rect().contains(window.display_button.geometry())


def test_top_bar_controls_keep_their_typed_signs_in_words_mode(open_window) -> None:
    window = open_window("standard")
    for name, button in bar_buttons(window).items():
        assert button.picture is None and button.label == CONTROLS[name][0]


def test_each_top_bar_control_has_its_own_symbol(open_window) -> None:
    window = open_window("picture")
    lexicon = window.symbols.lexicon
    firsts = [lexicon.concepts[concept].candidates[0] for _, _, concept, _ in CONTROLS.values()]
    assert len(set(firsts)) == len(firsts), firsts  # a back arrow, a house, a loudspeaker, repeat, a stop sign


# -- the home page -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", SYMBOL_MODES)
def test_the_home_page_asks_a_question_in_symbols(open_window, mode) -> None:
    window = open_window(mode)
    page = window.screen_widget.page
    assert page.target == Target("home") and page.title.endswith("?")
    title = window.screen_widget.findChildren(SymbolText)[0]
    assert title.text == page.title
    key_words = [t for t in window.symbols.lexicon.symbolise(page.title) if t.key_word]
    pictured = [t for t in title.tokens if t.symbols]
    assert len(key_words) >= 2 and len(pictured) == len(key_words), (key_words, pictured)
    assert "picture" in page.subtitle


def test_the_home_page_in_words_mode_does_not_ask_for_a_picture(open_window) -> None:
    window = open_window("standard")
    page = window.screen_widget.page
    assert page.title.endswith("?") and "picture" not in page.subtitle.lower()

"""Nothing a pupil chooses by is dropped (issue 15, part 3): an event tile always shows its date, a resource its
shelf, a story its job, whole, at the small screen with the biggest text, in words, high contrast and pictures."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPixmap

from kiosk.app import load_symbols
from kiosk.content.pages.page import Choice, Target
from kiosk.ui.session_display import Display
from kiosk.ui.theme import TEXT_SCALES, Theme
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.tile_grid import TileGrid
from kiosk.ui.widgets.tile_words import flags_for
from tests.helpers.symbols import install_every_concept_symbol

BIGGEST = len(TEXT_SCALES) - 1
DISPLAYS = {"words": Display(text_step=BIGGEST), "high-contrast": Display(high_contrast=True, text_step=BIGGEST),
            "picture": Display(mode="picture", text_step=BIGGEST)}
PAGES = [Target("events"), Target("library", "all"), Target("stories"), Target("route", "advanced-apprenticeship")]
LONG_TITLE = "A really very long title for an evening of talks about working in health, care and the NHS"


def key_is_whole(tile: KioskButton) -> tuple[bool, str]:
    """Whether the tile lays out its key line in full (not dropped, not cut, inside the tile), and what it shows."""
    words, room, _ = tile.shown_words()
    if words.detail not in (tile.key_detail, tile.detail) or tile.key_detail not in words.detail:
        return False, f"{tile.label!r} shows {words.detail!r}, not its key line {tile.key_detail!r}"
    gap = tile._theme.px(8)
    metrics = QFontMetricsF(words.detail_font)
    flags = flags_for(words.detail_font, words.detail, room.width())
    need = metrics.boundingRect(QRectF(0, 0, room.width(), 1e6), flags, words.detail)
    inside = (need.width() <= room.width() + 0.5 and need.height() <= words.detail_height - gap + 0.5
              and words.label_height + words.detail_height <= room.height() + 0.5)
    return inside, f"{tile.label!r}: {words.detail!r} needs {need.width():.0f}x{need.height():.0f} in {room}"


def key_tiles(window) -> list[KioskButton]:
    return [t for t in window.screen_widget.findChildren(KioskButton) if t.key_detail and t.isVisible()]


@pytest.fixture
def open_window(make_window, settings, sample_reader, tmp_path: Path):
    """The sample school's content on the small screen, with a stand-in picture for every concept."""
    install_every_concept_symbol(settings.data_dir, tmp_path)

    def open_in(display: Display):
        window = make_window(settings, sample_reader, size=(1280, 800))
        window._load_symbols = lambda: load_symbols(settings)
        window.set_display(display)
        return window

    return open_in


@pytest.mark.parametrize("display", list(DISPLAYS.values()), ids=list(DISPLAYS))
def test_every_key_line_is_shown_whole_on_the_small_screen_with_the_biggest_text(open_window, display) -> None:
    window = open_window(display)
    checked, problems = {}, []
    for target in PAGES:
        window.open(Target("home"))
        window.open(target)
        for tile in key_tiles(window):
            ok, why = key_is_whole(tile)
            checked[target] = checked.get(target, 0) + 1
            if not ok:
                problems.append(why)
    assert not problems, problems
    assert set(checked) == set(PAGES), checked  # events, resources and stories (on a route's page too) were seen


@pytest.mark.parametrize("display", list(DISPLAYS.values()), ids=list(DISPLAYS))
def test_a_long_title_gives_way_to_the_date(qtbot, open_window, display) -> None:
    window = open_window(display)
    window.open(Target("events"))
    grid = window.screen_widget.findChild(TileGrid)
    date = "Wednesday 27 January 2027, 16:00"
    grid.set_choices([Choice(LONG_TITLE, Target("event", f"e{i}"), f"{date} · Riverside College, Learning Support "
                             "Centre, the big room at the back", key_detail=date) for i in range(12)])
    for tile in grid.tiles:
        ok, why = key_is_whole(tile)
        words, _, _ = tile.shown_words()
        assert ok, why
        assert words.detail == date  # the place went first ...
        assert words.font.pixelSize() < tile._label_font.pixelSize()  # ... then the title shrank (and maybe was cut)


@pytest.mark.parametrize("size", [(300, 110), (380, 150), (240, 90), (520, 120)])
def test_the_title_shrinks_and_is_cut_before_the_key_line_in_any_tile(qtbot, size) -> None:
    theme = Theme.for_height(800, text_scale=TEXT_SCALES[-1])
    shelf = "Careers office, bottom drawer"
    tile = KioskButton(LONG_TITLE, theme, f"Made by our school · {shelf}")
    tile.set_content(LONG_TITLE, f"Made by our school · {shelf}", key=shelf)
    qtbot.addWidget(tile)
    tile.resize(*size)
    ok, why = key_is_whole(tile)
    assert ok, why
    plain = KioskButton(LONG_TITLE, theme, f"Made by our school · {shelf}")  # no key line: the detail goes first
    qtbot.addWidget(plain)
    plain.resize(*size)
    assert plain.shown_words()[0].detail == ""


def test_a_key_line_keeps_its_tile_over_the_picture(qtbot) -> None:
    theme = Theme.for_height(800, text_scale=TEXT_SCALES[-1])
    picture = QPixmap(200, 200)
    picture.fill(QColor("#2E8B3E"))
    job = "Qualified electrician fitting solar panels and car chargers"
    tile = KioskButton("Chloe's story", theme, job, picture=picture)
    tile.set_content("Chloe's story", job, picture, key=job)
    tile.set_picture_beside(True)
    qtbot.addWidget(tile)
    tile.resize(260, 90)
    ok, why = key_is_whole(tile)
    assert ok, why

"""The first journey by touch alone: home, sectors, a sector, an occupation; and search with the on-screen keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.content.pages.browse import HOME_QUESTION
from kiosk.content.pages.page import SEARCH, Target
from kiosk.ui.screens.page_screen import PageScreen
from kiosk.ui.screens.search_screen import SearchScreen
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.tile_grid import TileGrid


def tap(qtbot, button: KioskButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.label
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def tile(window, label: str) -> KioskButton:
    grid = window.screen_widget.findChild(TileGrid)
    for t in grid.tiles:
        if t.label == label:
            return t
    raise AssertionError(f"no tile {label!r} among {[t.label for t in grid.tiles]}")


def test_explore_by_sector_to_an_occupation_and_back(qtbot, make_window, settings, reader) -> None:
    window = make_window(settings, reader)
    assert window.screen_widget.page.title == HOME_QUESTION
    assert not window.back_button.isEnabled()
    tap(qtbot, tile(window, "Kinds of work"))
    assert window.screen_widget.page.target == Target("sectors")
    tap(qtbot, tile(window, "Health"))
    tap(qtbot, tile(window, "Nurse"))
    screen = window.screen_widget
    assert isinstance(screen, PageScreen) and screen.page.title == "Nurse"
    tap(qtbot, window.back_button)
    assert window.screen_widget.page.target == Target("sector", "health")
    tap(qtbot, window.home_button)
    assert window.navigator.current.kind == "home" and not window.back_button.isEnabled()


def test_search_with_the_on_screen_keyboard(qtbot, make_window, settings, reader) -> None:
    window = make_window(settings, reader)
    tap(qtbot, tile(window, "Search for a job"))
    screen = window.screen_widget
    assert isinstance(screen, SearchScreen)
    for letter in "PLUMER":
        tap(qtbot, screen.keyboard.keys[letter])
    assert screen.field.text() == "plumer"
    assert [t.label for t in screen.results.tiles] == ["Plumber"]
    tap(qtbot, screen.keyboard.keys["Delete"])
    assert screen.field.text() == "plume"
    tap(qtbot, screen.keyboard.keys["Clear"])
    assert screen.field.text() == "" and screen.results.tiles == []
    assert screen.message.text() == "Type the name of a job, like nurse or plumber."
    for letter in "VET":
        tap(qtbot, screen.keyboard.keys[letter])
    tap(qtbot, screen.results.tiles[0])
    assert window.screen_widget.page.title == "Veterinarian"


def searched(qtbot, window, letters: str):
    """The search screen after tapping the letters on its keyboard."""
    window.open(SEARCH)
    for letter in letters:
        tap(qtbot, window.screen_widget.keyboard.keys[letter])
    return window.screen_widget


def test_a_search_that_finds_nothing_says_so(qtbot, make_window, settings, reader) -> None:
    window = make_window(settings, reader)
    screen = searched(qtbot, window, "QQQ")
    assert screen.message.text().startswith("No jobs match “qqq”")
    # Never a dead end (issue 13): home's ways to browse instead (issue 15), not counted as jobs found, each a tile.
    ways = ["a-z", "sectors", "interests", "subjects"]
    assert [c.target.kind for c in screen.page.choices] == ways
    assert [t.label for t in screen.results.tiles] == [c.label for c in screen.page.choices]
    tap(qtbot, screen.results.tiles[3])
    assert window.navigator.current == Target("subjects")


def test_a_corrected_search_says_did_you_mean(qtbot, make_window, settings, reader) -> None:
    screen = searched(qtbot, make_window(settings, reader), "NURCE")
    assert screen.message.text().startswith("Did you mean “nurse”? These are jobs for “nurse”. 2 jobs")


def test_long_lists_page_with_previous_and_next(qtbot, make_window, settings, sample_reader) -> None:
    window = make_window(settings, sample_reader, (1280, 800))
    window.open(Target("a-z"))
    grid = window.screen_widget.findChild(TileGrid)
    qtbot.waitUntil(lambda: grid.page_count > 1)
    first = [t.label for t in grid.tiles]
    assert not grid.previous_button.isEnabled()
    tap(qtbot, grid.next_button)
    assert grid.current_page == 1 and [t.label for t in grid.tiles] != first
    seen = set(first)
    while grid.next_button.isEnabled():
        seen |= {t.label for t in grid.tiles}
        tap(qtbot, grid.next_button)
    seen |= {t.label for t in grid.tiles}
    assert seen >= {o.title for o in sample_reader.occupations()}  # every job, besides the tiles that re-sort


def test_back_and_home_are_in_the_same_place_on_every_screen(qtbot, make_window, settings, sample_reader) -> None:
    window = make_window(settings, sample_reader)
    targets = [Target("home"), Target("sectors"), Target("sector", "health-care"), Target("occupation", "nurse"),
               SEARCH, Target("growing"), Target("a-z"), Target("occupation", "gone")]
    places = set()
    for target in targets:
        window.open(target)
        qtbot.waitUntil(lambda: window.screen_widget.isVisible())
        places.add((window.back_button.mapTo(window, window.back_button.rect().topLeft()).toTuple(),
                    window.back_button.size().toTuple(),
                    window.home_button.mapTo(window, window.home_button.rect().topLeft()).toTuple(),
                    window.home_button.size().toTuple()))
    assert len(places) == 1


def test_the_sample_ribbon_shows_only_with_sample_content(qtbot, make_window, settings, reader, sample_reader) -> None:
    assert not make_window(settings, reader).ribbon.isVisible()
    sample = make_window(settings, sample_reader)
    assert sample.ribbon.isVisible() and "made up" in sample.ribbon.text() and "Job figures are real" in sample.ribbon.text()


def test_a_page_that_fails_to_build_says_sorry_and_home_still_works(qtbot, make_window, settings, reader, monkeypatch, caplog) -> None:
    window = make_window(settings, reader)

    def broken(occupation_id):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(reader, "occupation", broken)
    window.open(Target("occupation", "nurse"))
    assert window.screen_widget.page.title == "Sorry, that page is not here"
    assert "Something went wrong" in window.screen_widget.page.subtitle
    assert "the database went away" in caplog.text
    tap(qtbot, window.home_button)
    assert window.screen_widget.page.title == HOME_QUESTION


def test_the_credits_page_names_each_sets_licence_and_attribution(qtbot, make_window, settings, reader) -> None:
    import json

    from kiosk.access.symbol_sets import symbols_dir
    from kiosk.app import load_symbols

    folder = symbols_dir(settings.data_dir) / "openmoji"
    folder.mkdir(parents=True)
    (folder / "set.json").write_text(json.dumps({
        "format": 1, "id": "openmoji", "kind": "openmoji", "name": "OpenMoji", "version": "17.0.0",
        "licence": "CC BY-SA 4.0", "attribution": "All emojis designed by OpenMoji", "url": "https://openmoji.org",
        "symbols": {}}))
    window = make_window(settings, reader)
    window._load_symbols = lambda: load_symbols(settings)
    window.open(Target("display"))
    tap(qtbot, tile(window, "Who made the pictures"))
    text = window.screen_widget.page.text_blocks()
    assert "Pictures: OpenMoji 17.0.0" in text and "Licence: CC BY-SA 4.0." in text
    assert "All emojis designed by OpenMoji" in text
    assert "Test figures. Licence: CC0 1.0. Retrieved 1 November 2026." in text

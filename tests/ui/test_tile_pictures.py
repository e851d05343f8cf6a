"""Which picture a tile shows: the thing it names, not a describing word in front of it."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from kiosk.access.tokens import SymbolToken
from kiosk.ui.renderer import PageRenderer, Presentation
from kiosk.ui.theme import Theme

LEXICON = {"more": "descriptor", "events": "noun", "add": "verb", "new": "descriptor"}


class WordSymbols:
    """A symboliser with one picture per known word, named after the word."""

    def tokens(self, text: str) -> tuple[SymbolToken, ...]:
        out = []
        for m in re.finditer(r"\S+", text):
            pos = LEXICON.get(m.group().lower(), "")
            symbols = (SimpleNamespace(path=Path(f"{m.group().lower()}.svg")),) if pos else ()
            out.append(SymbolToken(m.group(), m.start(), m.end(), pos, symbols))
        return tuple(out)


class NamedPixmaps:
    def get(self, path: Path, size: int) -> str:
        return path.stem  # which picture was asked for is all this test needs


def renderer() -> PageRenderer:
    return PageRenderer(Theme.for_height(1080), Presentation(mode="picture"), WordSymbols(), NamedPixmaps())


def test_a_describing_word_gives_way_to_the_thing_named() -> None:
    assert renderer().picture("More events") == "events"
    assert renderer().picture("Add to my list") == "add"  # a doing word is the picture when it comes first


def test_a_describing_word_alone_still_gets_its_picture_and_no_picture_is_none() -> None:
    assert renderer().picture("New ideas") == "new"
    assert renderer().picture("Nothing known here") is None
    words = PageRenderer(Theme.for_height(1080), Presentation(mode="standard"), WordSymbols(), NamedPixmaps())
    assert words.picture("More events") is None  # words mode has no pictures


# -- no two tiles on a screen alike ------------------------------------------------------------------------------

def ref(set_id: str, name: str, line_art: bool = False) -> SimpleNamespace:
    folder = "black" if line_art else "color"
    return SimpleNamespace(set_id=set_id, name=name, path=Path(f"{set_id}/{folder}/{name}.svg"))


def test_a_symbol_used_on_the_screen_is_not_used_again_the_next_candidate_is() -> None:
    from kiosk.ui.widgets.tile_pictures import distinct_pictures

    office, ledger, abacus = ref("om", "office"), ref("om", "ledger"), ref("om", "abacus")
    options = {"Accountant": ("accountant", (office, ledger)), "Admin assistant": ("admin", (office,)),
               "Bookkeeper": ("bookkeeper", (office, ledger, abacus)), "Words": ("", ())}
    chosen = distinct_pictures(list(options), options.__getitem__)
    # The admin assistant's only symbol is taken: no picture rather than the accountant's; a tile without a
    # picture stays without one.
    assert [(p.concept, p.symbol.name) if p else None for p in chosen] == [
        ("accountant", "office"), None, ("bookkeeper", "ledger"), None]


def test_a_line_art_copy_is_the_same_picture_and_a_school_symbol_without_a_name_goes_by_its_file() -> None:
    from kiosk.ui.widgets.tile_pictures import distinct_pictures

    plain = SimpleNamespace(path=Path("school/nurse.png"))
    options = {"A": ("a", (ref("om", "pen"),)), "B": ("b", (ref("om", "pen", line_art=True), ref("om", "ink"))),
               "C": ("c", (plain,)), "D": ("d", (SimpleNamespace(path=Path("school/nurse.png")),))}
    chosen = distinct_pictures(list(options), options.__getitem__)
    assert [p.symbol.name if p and hasattr(p.symbol, "name") else p and p.path.name for p in chosen] == [
        "pen", "ink", "nurse.png", None]


def test_the_renderer_gives_a_choice_the_picture_of_the_words_it_names() -> None:
    from kiosk.content.pages.page import Choice, Target

    pictures = renderer().tile_pictures([Choice("More events", Target("events")),
                                         Choice("Daniel, left in 2019", Target("story", "d"), picture="Add events"),
                                         Choice("New ideas", Target("x"))])
    assert [p.path.stem if p else None for p in pictures] == ["events", "add", "new"]

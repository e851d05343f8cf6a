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

"""How much of what the kiosk says gets a symbol: the picture-mode coverage measure, and the words that miss."""

from __future__ import annotations

from collections import Counter
from typing import Iterable, NamedTuple

from kiosk.access.lexicon import Lexicon
from kiosk.access.symbol_library import SymbolLibrary
from kiosk.content.pages import build_page
from kiosk.content.pages.audiences import AUDIENCES
from kiosk.content.pages.page import SEARCH, Target
from kiosk.content.reader import ContentReader


class Coverage(NamedTuple):
    """Key words seen, how many got a symbol, and the words that did not (with how often)."""

    key_words: int
    with_symbol: int
    missing: Counter[str]

    @property
    def share(self) -> float:
        return self.with_symbol / self.key_words if self.key_words else 1.0


def every_page_target(reader: ContentReader) -> list[Target]:
    """Every page a pupil can reach on the installed content."""
    targets = [Target("home"), Target("sectors"), Target("growing"), Target("a-z"), SEARCH, Target("missing"),
               Target("display"), Target("interests")]
    targets += [Target("interest", name) for name, _ in reader.interests()]
    targets += [Target("sector", s.id) for s in reader.sectors()]
    occupations = reader.occupations()
    targets += [Target("occupation", o.id) for o in occupations]
    targets += [Target("subjects"), Target("route-kinds"), Target("local"), Target("routes"), Target("rqf"),
                Target("stories"), Target("events"), Target("library"), Target("compare-pick"), Target("my-list"),
                Target("myths")]
    targets += [Target("subject", s.id) for s in reader.subjects()]
    targets += [Target("route-kind", k.kind) for k in reader.route_kinds()]
    for route in reader.routes():
        targets += [Target("route", route.id), Target("route-jobs", route.id)]
    targets += [Target("story", story.id) for story in reader.alumni()]
    targets += [Target("event", event.id) for event in reader.upcoming_events("1970-01-01")]  # past ones too
    targets += [Target("library", audience) for audience in (*AUDIENCES, "all")]
    targets += [Target("resource", resource.id) for resource in reader.resources()]
    if occupations:
        targets += [Target("compare", ",".join(o.id for o in occupations[:3])),
                    Target("take-home", f"occupation:{occupations[0].id}")]
    return targets


def picture_mode_texts(reader: ContentReader, region: str = "UK") -> list[str]:
    """Everything picture mode shows with symbols, on every page (the home page in both its forms)."""
    texts = [t for target in every_page_target(reader)
             for t in build_page(target, reader, region, easy=True).symbol_texts()]
    return texts + build_page(Target("home"), reader, region, easy=True, typing=False).symbol_texts()


def measure(texts: Iterable[str], lexicon: Lexicon, library: SymbolLibrary) -> Coverage:
    key = found = 0
    missing: Counter[str] = Counter()
    for text in texts:
        for token in lexicon.symbolise(text):
            if not token.key_word:
                continue
            key += 1
            if library.first(token.concept) is not None:
                found += 1
            else:
                missing[token.text.lower()] += 1
    return Coverage(key, found, missing)

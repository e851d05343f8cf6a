"""The gold list: symbol precision and coverage on words in context, and its file checked line by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.access.gold import GoldError, read_gold, score
from kiosk.access.lexicon import Lexicon
from kiosk.access.symbol_library import SymbolLibrary
from kiosk.access.symbol_sets import installed_sets
from kiosk.config import LEXICON_DIR
from tests.helpers.symbols import install_every_concept_symbol

TARGET_PRECISION = 0.97  # issue 14: never traded for coverage


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> SymbolLibrary:
    data = tmp_path_factory.mktemp("data")
    install_every_concept_symbol(data, tmp_path_factory.mktemp("scratch"))
    return SymbolLibrary(installed_sets(data))


def write(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "gold.csv"
    path.write_text("text,words,concept,part\n" + rows)
    return path


def test_precision_counts_symbols_shown_and_coverage_counts_words_that_need_one(tmp_path: Path, library) -> None:
    lexicon = Lexicon.load(LEXICON_DIR)
    gold = read_gold(write(tmp_path, (
        "Nurses care for people.,Nurses,nurse,tuning\n"  # right
        "They work well.,well,approved,tuning\n"  # a symbol, the wrong one
        "Tap a job to see more.,see,none,held-out\n"  # a symbol where none is right
        "They type letters and help.,help,+helping,held-out\n"  # no symbol where one was wanted
    )), set(lexicon.concepts))
    result = score(gold, lexicon, library)
    assert (result.entries, result.shown, result.right, result.wanted) == (4, 3, 1, 3)
    assert [m.entry.words for m in result.misses] == ["well", "see", "help"]
    assert result.precision == pytest.approx(1 / 3) and result.coverage == pytest.approx(1 / 3)


@pytest.mark.parametrize(("row", "message"), [
    ("Nurses care.,doctors,nurse,tuning", "line 2: the words 'doctors' are not in the text"),
    ("Nurses care.,Nurses,nurze,tuning", "line 2: concept 'nurze' is not in concepts.csv"),
    ("Nurses care.,Nurses,nurse,training", "line 2: part 'training' must be one of tuning, held-out"),
    ("Nursery nurses care.,Nurse,nurse,tuning", "line 2: the words 'Nurse' are not in the text"),  # whole words
])
def test_a_broken_gold_list_names_the_line(tmp_path: Path, row: str, message: str) -> None:
    with pytest.raises(GoldError, match=message):
        read_gold(write(tmp_path, row + "\n"), {"nurse"})


def test_the_projects_gold_list_is_several_hundred_words_with_both_parts() -> None:
    gold = read_gold(LEXICON_DIR / "gold.csv", set(Lexicon.load(LEXICON_DIR).concepts))
    assert len(gold) >= 500 and {g.part for g in gold} == {"tuning", "held-out"}
    assert sum(g.concept == "none" for g in gold) >= 50  # it asks for no symbol as often as real pages need


def test_the_vocabulary_keeps_its_precision_on_the_gold_list(library) -> None:
    lexicon = Lexicon.load(LEXICON_DIR)
    gold = read_gold(LEXICON_DIR / "gold.csv", set(lexicon.concepts))
    for part in ("tuning", "held-out"):
        result = score([g for g in gold if g.part == part], lexicon, library)
        wrong = [(m.entry.words, m.shown, m.entry.text) for m in result.misses if m.shown]
        assert result.precision >= TARGET_PRECISION, f"{part}: {result.precision:.1%}, wrong: {wrong}"

"""The lexicon: phrases before words, inflections understood, function words left without symbols."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.access.inflection import base_forms
from kiosk.access.lexicon import Concept, Lexicon, LexiconError, read_concepts
from kiosk.config import LEXICON_DIR

CSV = """concept,phrases,pos,keyword,candidates
care-worker,care worker|care assistant,people,care worker,openmoji:1F9D1-200D-2695-FE0F
care,care|look after,verb,care,openmoji:1F917
car-mechanic,car mechanic,people,car mechanic,openmoji:1F9D1-200D-1F527
car,car,noun,car,openmoji:1F697
nurse,nurse,people,nurse,openmoji:1F9D1-200D-2695-FE0F|mulberry:nurse_1a
child,child,people,child,openmoji:1F9D2
work,work,verb,work,openmoji:1F4BC
open-day,open day,noun,open day,openmoji:1F3EB
to-do,to,other,to,openmoji:27A1
"""


@pytest.fixture
def lexicon(tmp_path: Path) -> Lexicon:
    (tmp_path / "concepts.csv").write_text(CSV)
    (tmp_path / "function_words.txt").write_text("# comment\nthe\na\nand\nto\nof\n")
    return Lexicon.load(tmp_path)


def concepts(lexicon: Lexicon, text: str) -> list[tuple[str, str | None]]:
    return [(t.text, t.concept.id if t.concept else None) for t in lexicon.symbolise(text)]


def test_phrases_are_matched_before_single_words(lexicon: Lexicon) -> None:
    assert concepts(lexicon, "A car mechanic fixes a car.") == [
        ("A", None), ("car mechanic", "car-mechanic"), ("fixes", None), ("a", None), ("car", "car")]
    assert concepts(lexicon, "Care workers look after children") == [
        ("Care workers", "care-worker"), ("look after", "care"), ("children", "child")]


def test_inflections_find_the_base_form(lexicon: Lexicon) -> None:
    assert concepts(lexicon, "nurses working cared")[:2] == [("nurses", "nurse"), ("working", "work")]
    assert concepts(lexicon, "open days")[0] == ("open days", "open-day")


def test_function_words_get_no_symbol_unless_a_concept_claims_them(lexicon: Lexicon) -> None:
    tokens = lexicon.symbolise("the nurse and the car")
    assert [t.function_word for t in tokens] == [True, False, True, True, False]
    assert "to" not in lexicon.function_words  # claimed by the concept "to-do"
    assert [t.key_word for t in lexicon.symbolise("£20,000 and 2035")] == [False, False, False, False]


def test_offsets_point_into_the_original_text(lexicon: Lexicon) -> None:
    text = "  Care   workers’ pay: nurse!"
    for token in lexicon.symbolise(text):
        assert text[token.start : token.end] == token.text


@pytest.mark.parametrize(
    ("word", "base"),
    [("nurses", "nurse"), ("nurseries", "nursery"), ("boxes", "box"), ("running", "run"), ("caring", "care"),
     ("planned", "plan"), ("carried", "carry"), ("children", "child"), ("taught", "teach"), ("nurse's", "nurse")],
)
def test_base_forms(word: str, base: str) -> None:
    assert base in base_forms(word)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Bad Id,x,noun,x,", "concept id 'Bad Id'"),
        ("x,x,thing,x,", "pos 'thing'"),
        ("x,a b c d e,noun,x,", "1 to 4 words"),
        ("x,x,noun,x,openmoji", "set:name"),
    ],
)
def test_a_broken_lexicon_names_the_line(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "concepts.csv"
    path.write_text("concept,phrases,pos,keyword,candidates\n" + row + "\n")
    with pytest.raises(LexiconError, match=f"concepts.csv line 2: .*{message}"):
        read_concepts(path)


def test_wrong_columns(tmp_path: Path) -> None:
    path = tmp_path / "concepts.csv"
    path.write_text("word,picture\nnurse,x\n")
    with pytest.raises(LexiconError, match="the columns must be"):
        read_concepts(path)


def test_the_projects_own_lexicon_loads() -> None:
    lexicon = Lexicon.load(LEXICON_DIR)
    assert lexicon.concepts and all(isinstance(c, Concept) for c in lexicon.concepts.values())

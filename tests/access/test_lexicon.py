"""The lexicon: phrases before words, inflections understood, function words left without symbols."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kiosk.access.inflection import base_forms
from kiosk.access.lexicon import Concept, Lexicon, LexiconError, read_concepts
from kiosk.config import LEXICON_DIR

CSV = """concept,phrases,pos,keyword,candidates,review
care-worker,care worker|care assistant,people,care worker,openmoji:1F9D1-200D-2695-FE0F,
care,care|look after,verb,care,openmoji:1F917,
car-mechanic,car mechanic,people,car mechanic,openmoji:1F9D1-200D-1F527,
car,car,noun,car,openmoji:1F697,
nurse,nurse,people,nurse,openmoji:1F9D1-200D-2695-FE0F|mulberry:nurse_1a,
child,child,people,child,openmoji:1F9D2,
work,work,verb,work,openmoji:1F4BC,
open-day,open day,noun,open day,openmoji:1F3EB,
to-do,to,other,to,openmoji:27A1,
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
    path.write_text("concept,phrases,pos,keyword,candidates,review\n" + row + ",\n")
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


def negated(lexicon: Lexicon, text: str) -> list[str]:
    return [t.text for t in lexicon.symbolise(text) if t.negated]


@pytest.mark.parametrize(("text", "crossed"), [
    ("Care workers do not care for cars", ["care"]),
    ("No car mechanic", ["car mechanic"]),
    ("A nurse without a car", ["car"]),
    ("Never work with a child", ["work"]),
    ("I don't like the car", ["car"]),
    ("A nurse and a car", []),
])
def test_the_key_word_after_not_no_without_or_never_is_negated(lexicon: Lexicon, text: str, crossed: list[str]) -> None:
    assert negated(lexicon, text) == crossed


def test_negation_reaches_only_the_next_key_word(lexicon: Lexicon) -> None:
    assert negated(lexicon, "Not a nurse but a car mechanic") == ["nurse"]


def test_negation_never_reaches_past_its_sentence(lexicon: Lexicon) -> None:
    assert negated(lexicon, "Is it hard? No. Nurses work long hours.") == []
    assert negated(lexicon, "No: the nurse") == []


# Every symbol the issue saw stand for the wrong thing (issue 14), in the sentences it came from.
WRONG_SENSES = [
    ("What do you want to do next?", {"do", "next"}),
    ("Start here", {"start"}),
    ("Type: apprenticeship", {"type"}),
    ("First, choose a subject", {"first"}),
    ("Open day at the college", set()),
    ("Key Stage 3 and Key Stage 4", {"key stage"}),
    ("SEND: special educational needs and disabilities", {"send", "special educational needs", "disabilities"}),
    ("Scan the QR code", {"qr code"}),
    ("Full-time or part-time", {"full time", "part time"}),
    ("Help and support from the careers service", {"help", "support", "service"}),
    ("That route is not in the kiosk any more.", {"any more"}),
    ("Finish without student debt", {"student debt"}),
]
MISLEADING = {"openmoji:E083", "openmoji:1F9D1-200D-1F9BD", "openmoji:267F", "openmoji:1F6D1", "openmoji:270B",
              "openmoji:1F590", "openmoji:1F4E4", "openmoji:1F4E7", "openmoji:1F511", "openmoji:1F513",
              "openmoji:23ED", "openmoji:25B6", "openmoji:2328", "openmoji:1F947", "openmoji:E1C1", "openmoji:2795",
              "openmoji:2B24", "openmoji:25D0", "mulberry:part", "mulberry:wheelchair"}


@pytest.mark.parametrize(("text", "without"), WRONG_SENSES)
def test_no_symbol_rather_than_a_wrong_one(text: str, without: set[str]) -> None:
    lexicon = Lexicon.load(LEXICON_DIR)
    tokens = lexicon.symbolise(text)
    pictured = {t.text.lower().replace("-", " "): t.concept.candidates for t in tokens if t.concept}
    for words in without:  # each of these gets no symbol at all
        assert not pictured.get(words), (words, pictured)
    for words, candidates in pictured.items():  # and nothing in the sentence gets a misleading one
        assert not MISLEADING & set(candidates), (words, candidates)


def test_the_wheelchair_stop_hand_and_mail_never_stand_for_help_do_or_send() -> None:
    lexicon = Lexicon.load(LEXICON_DIR)
    for words in ("help", "helping", "support", "do", "doing", "send", "SEND", "special educational needs"):
        for token in lexicon.symbolise(words):
            assert token.concept is None or not MISLEADING & set(token.concept.candidates), (words, token.concept)


def test_every_concept_changed_for_its_symbol_says_why_in_the_review_column() -> None:
    with (LEXICON_DIR / "concepts.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    no_symbol = [r["concept"] for r in rows if not r["candidates"]]
    assert no_symbol and all(r["review"] for r in rows if not r["candidates"]), no_symbol


def test_every_concept_has_been_reviewed_in_the_vocabulary_file() -> None:
    with (LEXICON_DIR / "concepts.csv").open(encoding="utf-8", newline="") as f:
        unreviewed = [r["concept"] for r in csv.DictReader(f) if len(r["review"].split()) < 5]
    assert unreviewed == []


def test_a_phrase_starting_with_the_article_a_still_matches_in_lower_case() -> None:
    lexicon = Lexicon.load(LEXICON_DIR)
    tokens = {t.text: t.concept.id for t in lexicon.symbolise("They must stop for a break.") if t.concept}
    assert tokens.get("a break") == "break-time"
    assert "A levels" not in {t.text for t in lexicon.symbolise("Each course has a level")}


def test_no_phrase_is_claimed_by_two_concepts() -> None:
    claimed: dict[str, list[str]] = {}
    for concept in read_concepts(LEXICON_DIR / "concepts.csv"):
        for phrase in concept.phrases:
            claimed.setdefault(phrase, []).append(concept.id)
    assert {p: ids for p, ids in claimed.items() if len(ids) > 1} == {}

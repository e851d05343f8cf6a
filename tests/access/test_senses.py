"""Word senses from context: senses.csv picks a word's concept from its neighbours, or gives it none."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.access.lexicon import Lexicon
from kiosk.access.senses import SenseError, read_senses
from kiosk.config import LEXICON_DIR

CONCEPTS = """concept,phrases,pos,keyword,candidates,review
train,goods train,noun,train,openmoji:1F686,
teach,teach|training,verb,teach,openmoji:1F9D1-200D-1F3EB,
a-levels,a levels|a level,noun,A levels,openmoji:1F4DA,
level,level,noun,level,openmoji:E202,
degree,degree,noun,degree,openmoji:1F393,
apprenticeship,apprenticeship,noun,apprenticeship,openmoji:1F6E0,
degree-apprenticeship,degree apprenticeship,noun,degree apprenticeship,openmoji:1F6E0,
post,post,noun,post,openmoji:2709,
"""
SENSES = """words,concept,when,review
train|trains,train,railway|station|passengers,A train only beside railways.
train|trains,teach,,Otherwise training.
post|posts,post,letters|parcels,An envelope only beside letters.
post|posts,none,,A job post is not an envelope.
a level,shorter,>1|>2|>3,A Level 2 course is not an A level.
"""


@pytest.fixture
def lexicon(tmp_path: Path) -> Lexicon:
    (tmp_path / "concepts.csv").write_text(CONCEPTS)
    (tmp_path / "function_words.txt").write_text("the\na\nand\nto\nof\non\nat\nfor\nsome\nin\n")
    (tmp_path / "senses.csv").write_text(SENSES)
    return Lexicon.load(tmp_path)


def shown(lexicon: Lexicon, text: str) -> list[tuple[str, str]]:
    """(words, concept) for every token that gets a symbol."""
    return [(t.text, t.concept.id) for t in lexicon.symbolise(text) if t.concept is not None]


@pytest.mark.parametrize(("text", "expected"), [
    ("Trains stop at the station", [("Trains", "train")]),
    ("Apply to a company that trains you", [("trains", "teach")]),
    ("Train on the job", [("Train", "teach")]),
    ("They drive goods trains", [("goods trains", "train")]),  # a listed phrase still wins
])
def test_the_words_around_a_word_choose_its_sense(lexicon: Lexicon, text: str, expected: list) -> None:
    assert shown(lexicon, text) == expected


def test_a_cue_in_the_next_sentence_does_not_count(lexicon: Lexicon) -> None:
    assert shown(lexicon, "Train hard. The station is near.") == [("Train", "teach")]


def test_none_gives_no_symbol_and_is_not_a_key_word(lexicon: Lexicon) -> None:
    tokens = {t.text: t for t in lexicon.symbolise("A degree helps for some posts")}
    assert tokens["posts"].concept is None and not tokens["posts"].key_word
    assert shown(lexicon, "Sort the post and the letters") == [("post", "post")]


def test_shorter_matches_the_words_of_a_phrase_on_their_own(lexicon: Lexicon) -> None:
    assert shown(lexicon, "One A level or a Level 2 course") == [("A level", "a-levels"), ("Level", "level")]
    assert shown(lexicon, "A level 3 course") == [("level", "level")]


def test_a_phrase_starting_with_a_needs_the_capital(lexicon: Lexicon) -> None:
    assert shown(lexicon, "Every course has a level") == [("level", "level")]


def test_a_phrase_never_spans_punctuation(lexicon: Lexicon) -> None:
    assert shown(lexicon, "a university degree · Apprenticeship: a paid job") == [
        ("degree", "degree"), ("Apprenticeship", "apprenticeship")]
    assert shown(lexicon, "a degree apprenticeship") == [("degree apprenticeship", "degree-apprenticeship")]


@pytest.mark.parametrize(("row", "message"), [
    ("train,rocket,,Why.", "line 2: concept 'rocket' is not in concepts.csv"),
    ("train,teach,,", "line 2: say in the review column why"),
    ("tra_in,teach,,Why.", "line 2: words must be words"),
])
def test_a_broken_senses_file_names_the_line(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "senses.csv"
    path.write_text(f"words,concept,when,review\n{row}\n")
    with pytest.raises(SenseError, match=message):
        read_senses(path, {"train", "teach"})


def test_wrong_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "senses.csv"
    path.write_text("word,concept\ntrain,teach\n")
    with pytest.raises(SenseError, match="the columns must be words, concept, when, review"):
        read_senses(path, {"teach"})


@pytest.mark.parametrize(("text", "words", "concept"), [
    ("You do not pay for the training.", "training", "teach"),
    ("Inspect trains and find faults", "trains", "train"),
    ("Being patient", "patient", "patience"),
    ("Keep patient records", "patient", "patient"),
    ("Practice managers run a GP, dental or vet surgery.", "Practice", "surgery"),
    ("Sweep chimneys and flues", "flues", "pipe"),
    ("They play for people at shows.", "play", "music"),
    ("Find out about fashion trends", "fashion", "clothes"),
    ("Being fit and active", "fit", "physical"),
    ("They type letters for doctors.", "type", "typing"),
])
def test_the_projects_senses_pick_the_right_concept(text: str, words: str, concept: str) -> None:
    lexicon = Lexicon.load(LEXICON_DIR)
    token = next(t for t in lexicon.symbolise(text) if t.text == words)
    assert token.concept is not None and token.concept.id == concept


@pytest.mark.parametrize(("text", "words"), [
    ("Figures are for all health care practice managers.", "practice"),
    ("A master's or PhD for many research posts", "posts"),
    ("Figures are for all energy plant operatives.", "plant"),
    ("Look after flowers so they stay fresh", "stay"),
    ("Some make signs and lights for shops.", "signs"),
    ("Run a private school or studio", "private"),
    ("Collect forms and diaries left with people", "left"),
    ("Careers office, green folder", "green"),
    ("These figures are for the group of jobs this one belongs to: Sales occupations.", "group"),
    ("Help drivers find places to park", "park"),
    ("Deliver babies in normal births", "Deliver"),
])
def test_the_projects_senses_give_no_symbol_where_every_picture_misleads(text: str, words: str) -> None:
    token = next(t for t in Lexicon.load(LEXICON_DIR).symbolise(text) if t.text == words)
    assert token.concept is None and not token.key_word

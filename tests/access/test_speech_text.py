"""Cleaning text for speech: tags, entities, control characters and whitespace, with a map back to the original."""

from __future__ import annotations

import pytest

from kiosk.access.speech.text import clean_for_speech
from kiosk.access.speech.timings import WordTiming


def original_of(original: str, clean_text: str, word: str) -> str:
    """The original characters behind the first `word` of the clean text."""
    clean = clean_for_speech(original)
    assert clean.text == clean_text
    start, length = clean.to_original(clean.text.index(word), len(word))
    return original[start : start + length]


def test_plain_text_is_unchanged_and_maps_to_itself() -> None:
    text = "Nurses look after people who are ill or hurt."
    clean = clean_for_speech(text)
    assert clean.text == text
    assert clean.starts == tuple(range(len(text)))
    assert clean.to_original(7, 4) == (7, 4)


def test_inline_tags_are_removed_and_words_still_point_at_the_original() -> None:
    text = "<b>Nurses</b> care for <em class='x'>people</em>."
    assert original_of(text, "Nurses care for people.", "Nurses") == "Nurses"
    assert original_of(text, "Nurses care for people.", "people") == "people"


def test_block_tags_separate_words() -> None:
    assert clean_for_speech("Pay<br>£20,000<p>a year</p>").text == "Pay £20,000 a year"
    assert clean_for_speech("one<!-- a note -->two").text == "one two"


def test_what_only_looks_like_a_tag_is_kept() -> None:
    assert clean_for_speech("a < b and c > d, 3<4").text == "a < b and c > d, 3<4"


def test_control_characters_are_dropped_and_whitespace_collapses() -> None:
    text = "\x00 Hello\x07\u00ad there\n\n\t  world\u200b \u2028"
    clean = clean_for_speech(text)
    assert clean.text == "Hello there world"
    start, length = clean.to_original(clean.text.index("world"), 5)
    assert text[start : start + length] == "world"


def test_entities_are_spoken_as_their_characters() -> None:
    text = "Fish &amp; chips&nbsp;&#163;5 &bogus; here"
    assert original_of(text, "Fish & chips £5 &bogus; here", "&") == "&amp;"
    assert original_of(text, "Fish & chips £5 &bogus; here", "£5") == "&#163;5"


def test_non_ascii_keeps_character_offsets() -> None:
    text = "A <i>café</i> job pays £20,000 😀 naïve"
    for word in ("café", "£20,000", "😀", "naïve"):
        assert original_of(text, "A café job pays £20,000 😀 naïve", word) == word


def test_remap_moves_word_timings_to_the_original() -> None:
    text = "<p>Chefs</p>  <b>cook</b>\tfood."
    clean = clean_for_speech(text)
    assert clean.text == "Chefs cook food."
    words = clean.remap([WordTiming(0, 5, 0), WordTiming(6, 4, 459), WordTiming(11, 4, 786)])
    assert [text[w.char_start : w.char_start + w.char_len] for w in words] == ["Chefs", "cook", "food"]
    assert [w.start_ms for w in words] == [0, 459, 786]


def test_empty_and_markup_only_text_is_empty() -> None:
    assert clean_for_speech("").text == ""
    assert clean_for_speech(" <br/> \x01 ").text == ""


def test_a_span_outside_the_clean_text_is_refused() -> None:
    with pytest.raises(ValueError):
        clean_for_speech("abc").to_original(2, 2)

"""espeak word events to word timings, on events recorded from espeak-ng 1.51 (no espeak needed)."""

from __future__ import annotations

from kiosk.access.speech.timings import WordTiming, char_index, word_timings


def spoken(text: str, words: tuple[WordTiming, ...]) -> list[tuple[str, int]]:
    return [(text[w.char_start : w.char_start + w.char_len], w.start_ms) for w in words]


def test_reference_sentence_at_130_wpm() -> None:
    text = "Would you like to be a chef? Chefs cook food."
    events = [(1, 5, 0), (7, 3, 220), (11, 4, 381), (16, 2, 746), (22, 1, 1074), (24, 4, 1178),
              (30, 5, 2112), (36, 4, 2571), (41, 4, 2898)]  # fmt: skip
    assert spoken(text, word_timings(text, events)) == [
        ("Would", 0), ("you", 220), ("like", 381), ("to", 746), ("a", 1074), ("chef", 1178),
        ("Chefs", 2112), ("cook", 2571), ("food", 2898),
    ]  # fmt: skip  ("be" gets no event from espeak)


def test_the_pieces_of_a_number_are_one_word() -> None:
    text = "It pays £20,000 a year."
    events = [(1, 2, 0), (4, 4, 208), (9, 1, 604), (10, 3, 1060), (11, 3, 1577), (17, 1, 2209), (19, 4, 2296)]
    expected = [("It", 0), ("pays", 208), ("£20,000", 604), ("a", 2209), ("year", 2296)]
    assert spoken(text, word_timings(text, events)) == expected


def test_numbers_whose_spans_run_into_the_next_space() -> None:
    text = "1,234 and 2024"
    events = [(1, 2, 0), (2, 2, 304), (3, 3, 978), (4, 3, 1904), (4, 3, 2374), (7, 3, 2974),
              (11, 4, 3226), (12, 4, 3515), (12, 4, 4098)]  # fmt: skip
    assert spoken(text, word_timings(text, events)) == [("1,234", 0), ("and", 2974), ("2024", 3226)]


def test_non_ascii_and_zero_length_events() -> None:
    text = "A café job."
    events = [(1, 1, 0), (3, 4, 84), (8, 3, 585), (0, 0, 1021)]
    assert spoken(text, word_timings(text, events)) == [("A", 0), ("café", 84), ("job", 585)]


def test_byte_positions_are_converted_to_characters() -> None:
    text = "café £5 tea"  # "é" and "£" are two bytes each in UTF-8
    events = [(1, 5, 0), (7, 3, 400), (11, 3, 900)]
    words = word_timings(text, events, positions_in_bytes=True)
    assert spoken(text, words) == [("café", 0), ("£5", 400), ("tea", 900)]
    to_char = char_index(text, positions_in_bytes=True)
    assert [to_char(b) for b in (0, 3, 5, 6, 8, 9, 99)] == [0, 3, 4, 5, 6, 7, len(text)]


def test_an_event_on_a_space_keeps_the_previous_word() -> None:
    text = "I 😀 emoji"  # espeak says two words for the emoji, the second pointing at the space after it
    events = [(1, 1, 0), (3, 1, 165), (4, 1, 412), (5, 5, 835)]
    assert spoken(text, word_timings(text, events)) == [("I", 0), ("😀", 165), ("emoji", 835)]


def test_spans_reach_the_end_of_the_written_word() -> None:
    text = "a well-known job, people's U.K. e-mail."
    events = [(1, 1, 0), (3, 4, 113), (14, 3, 761), (19, 6, 1000), (28, 1, 1500), (33, 1, 2000)]
    assert spoken(text, word_timings(text, events)) == [
        ("a", 0), ("well-known", 113), ("job", 761), ("people's", 1000), ("U.K", 1500), ("e-mail", 2000),
    ]  # fmt: skip


def test_start_times_are_strictly_increasing() -> None:
    text = "one two three four"
    events = [(1, 3, 0), (5, 3, 200), (9, 5, 200), (15, 4, 100)]
    words = word_timings(text, events)
    assert spoken(text, words) == [("one", 0), ("three", 200)]  # "two" lasted 0 ms; "four" went back in time
    assert all(a.start_ms < b.start_ms for a, b in zip(words, words[1:]))


def test_spans_are_clipped_to_the_text() -> None:
    text = "hi"
    assert spoken(text, word_timings(text, [(1, 40, 0), (9, 2, 50)])) == [("hi", 0)]

"""Cutting text into symbol pieces: the one-pass cut agrees with the plain definition on any text and tokens."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.access.tokens import SymbolToken
from kiosk.ui.widgets.symbol_text import Piece, pieces


def reference(text: str, tokens: list[SymbolToken]) -> list[Piece]:
    """The definition, spelled out: chunks at spaces; a token over several chunks joins them; each piece's token
    is the first (in token order) with a picture among those it touches, else the first it touches, else -1."""
    spans = [[m.start(), m.end()] for m in re.finditer(r"\S+", text)]
    for token in tokens:
        inside = [i for i, (a, b) in enumerate(spans) if a < token.end and b > token.start]
        if len(inside) > 1:
            spans[inside[0]:inside[-1] + 1] = [[spans[inside[0]][0], spans[inside[-1]][1]]]
    out = []
    for a, b in spans:
        within = [i for i, t in enumerate(tokens) if t.start < b and t.end > a]
        pictured = [i for i in within if tokens[i].symbols]
        out.append(Piece(text[a:b], a, b, (pictured or within or [-1])[0]))
    return out


@st.composite
def text_and_tokens(draw):
    text = draw(st.text(alphabet="ab £,.\u00a0\t", max_size=40))
    tokens = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        if end > start:
            tokens.append(SymbolToken(text[start:end], start, end, "noun", ("pic",) if draw(st.booleans()) else ()))
    if draw(st.booleans()):
        tokens.sort(key=lambda t: t.start)  # the usual case: tokens in reading order
    return text, tokens


@settings(max_examples=400, deadline=None)
@given(text_and_tokens())
def test_the_one_pass_cut_matches_the_definition(case) -> None:
    text, tokens = case
    assert pieces(text, tokens) == reference(text, tokens)


def test_a_phrase_across_a_space_stays_one_piece_and_prices_stay_whole() -> None:
    text = "A care worker earns £36,400, more or less."
    care = SymbolToken("care worker", 2, 13, "people", ("pic",))
    cut = pieces(text, [care])
    assert [p.text for p in cut] == ["A", "care worker", "earns", "£36,400,", "more", "or", "less."]
    assert cut[1].token == 0 and cut[0].token == -1

"""Fitting an outside source's text into a pack column: cut at a word, with an ellipsis, never mid-word."""

from __future__ import annotations


def fit(text: str, limit: int) -> str:
    """Text cut at a word boundary to fit a column, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"

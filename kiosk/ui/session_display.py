"""How the kiosk looks for one visit: words or pictures, contrast and text size; reset when the pupil leaves."""

from __future__ import annotations

from typing import NamedTuple

from kiosk.content.pages.page import Target
from kiosk.ui.theme import TEXT_SCALES

DISPLAY_ACTIONS = frozenset({"mode", "contrast", "text"})  # choices that change the display, not the page
MODES = ("standard", "picture", "large")


class Display(NamedTuple):
    """The pupil's choices for this visit."""

    mode: str = "standard"
    high_contrast: bool = False
    text_step: int = 0  # an index into TEXT_SCALES


def change_display(display: Display, action: Target) -> Display:
    """The display after one of the "How it looks" choices."""
    if action.kind == "mode" and action.key in MODES:
        return display._replace(mode=action.key)
    if action.kind == "contrast":
        return display._replace(high_contrast=not display.high_contrast)
    if action.kind == "text":
        step = display.text_step + (1 if action.key == "bigger" else -1)
        return display._replace(text_step=max(0, min(len(TEXT_SCALES) - 1, step)))
    return display

"""How the kiosk looks and sounds for one visit: words or pictures, contrast, text size and how loud speech is;
reset when the pupil leaves."""

from __future__ import annotations

from typing import NamedTuple

from kiosk.content.pages.page import Target
from kiosk.ui.theme import TEXT_SCALES

DISPLAY_ACTIONS = frozenset({"mode", "contrast", "text", "volume"})  # choices that change the display, not the page
MODES = ("standard", "picture", "large")
# The pupil's volume steps, as parts of the school's level (on a loudness scale): the top step is the school's level,
# so a pupil can make speech quieter but never louder than the school chose.
VOLUME_STEPS = (0.25, 0.5, 0.75, 1.0)


class Display(NamedTuple):
    """The pupil's choices for this visit."""

    mode: str = "standard"
    high_contrast: bool = False
    text_step: int = 0  # an index into TEXT_SCALES
    volume_step: int = len(VOLUME_STEPS) - 1  # an index into VOLUME_STEPS: each visit starts at the school's level


def change_display(display: Display, action: Target) -> Display:
    """The display after one of the "How it looks" choices."""
    if action.kind == "mode" and action.key in MODES:
        return display._replace(mode=action.key)
    if action.kind == "contrast":
        return display._replace(high_contrast=not display.high_contrast)
    if action.kind == "text":
        step = display.text_step + (1 if action.key == "bigger" else -1)
        return display._replace(text_step=max(0, min(len(TEXT_SCALES) - 1, step)))
    if action.kind == "volume":
        step = display.volume_step + (1 if action.key == "louder" else -1)
        return display._replace(volume_step=max(0, min(len(VOLUME_STEPS) - 1, step)))
    return display


def speech_loudness(school_volume: int, display: Display) -> float:
    """How loud speech is for this visit, from 0 to 1 on a loudness scale: the school's level (0-100) times the
    pupil's step, so never above the school's level."""
    return max(0, min(100, school_volume)) / 100 * VOLUME_STEPS[display.volume_step]

"""Contrast computed from the themes' own colours: text at least 4.5:1, and 7:1 in high contrast."""

from __future__ import annotations

import pytest

from kiosk.ui.theme import HIGH_CONTRAST, Palette

# (text colour, the background it is drawn on), as the widgets use them.
TEXT_PAIRS = [
    ("text", "window"), ("muted", "window"), ("bar_text", "bar"), ("tile_text", "tile"), ("tile_detail", "tile"),
    ("text", "tile"), ("muted", "tile"), ("accent", "tile"), ("warn", "tile"), ("ribbon_text", "ribbon"),
    ("overlay_text", "overlay"), ("tile_text", "tile_pressed"), ("primary_text", "primary"),
    ("disabled", "tile"), ("bar_disabled", "bar"), ("hint", "tile"),
]
# Edges, bars of charts and the focus ring are not text but must stand out (WCAG 1.4.11): 3:1.
GRAPHIC_PAIRS = [("tile_edge", "window"), ("tile_edge", "tile"), ("chart_bar", "tile"), ("chart_last", "tile"),
                 ("focus", "tile"), ("focus", "window"), ("focus_on_dark", "bar"), ("focus", "primary"),
                 ("primary_edge", "overlay")]


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula() -> None:
    assert round(contrast("#000000", "#FFFFFF"), 1) == 21.0
    assert round(contrast("#777777", "#FFFFFF"), 2) == 4.48


@pytest.mark.parametrize(("palette", "minimum"), [(Palette(), 4.5), (HIGH_CONTRAST, 7.0)], ids=["standard", "high"])
def test_every_text_colour_is_readable_on_its_background(palette: Palette, minimum: float) -> None:
    low = {f"{fg} on {bg}": round(contrast(getattr(palette, fg), getattr(palette, bg)), 2) for fg, bg in TEXT_PAIRS}
    assert all(ratio >= minimum for ratio in low.values()), {k: v for k, v in low.items() if v < minimum}


@pytest.mark.parametrize("palette", [Palette(), HIGH_CONTRAST], ids=["standard", "high"])
def test_edges_and_chart_bars_stand_out(palette: Palette) -> None:
    low = {f"{fg} on {bg}": round(contrast(getattr(palette, fg), getattr(palette, bg)), 2) for fg, bg in GRAPHIC_PAIRS}
    assert all(ratio >= 3.0 for ratio in low.values()), {k: v for k, v in low.items() if v < 3.0}

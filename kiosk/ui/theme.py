"""Colours, fonts and sizes for the current presentation, scaled to the screen."""

from __future__ import annotations

import math
import time
from typing import Callable, NamedTuple

from PySide6.QtGui import QColor, QFont, QPalette

FONT_FAMILIES = ["Open Sans", "DejaVu Sans", "Sans Serif"]
TARGET_MM = 20  # WCAG 2.5.5 / EN 301 549: every touch target at least 20 mm
DESIGN_HEIGHT = 1080  # sizes below are for a 1080-pixel-high screen and scale with the window


class Palette(NamedTuple):
    """The colours of one theme; text colours are chosen for contrast on their background."""

    window: str = "#F4F6FA"
    text: str = "#1B1F24"
    muted: str = "#414B57"
    bar: str = "#0B3D6E"  # the top bar
    bar_text: str = "#FFFFFF"
    tile: str = "#FFFFFF"
    tile_text: str = "#0B3D6E"
    tile_detail: str = "#414B57"
    tile_edge: str = "#6B7A8C"
    tile_pressed: str = "#DCE7F3"
    accent: str = "#0B6E4F"  # growing
    warn: str = "#A23B1D"  # shrinking
    focus: str = "#A04E00"  # the focus and scan ring on light ground
    focus_on_dark: str = "#FFD24D"  # ... and on the top bar and the call to action
    ribbon: str = "#FFD24D"
    ribbon_text: str = "#1B1F24"
    chart_bar: str = "#2F6DB5"
    chart_last: str = "#0B3D6E"
    overlay: str = "#0B3D6E"
    overlay_text: str = "#FFFFFF"
    primary: str = "#FFD24D"  # the one big call to action ("I'm still here"), bright on the dark warning
    primary_text: str = "#1B1F24"
    primary_edge: str = "#FFD24D"
    disabled: str = "#6B7480"
    bar_disabled: str = "#9DB4CC"
    hint: str = "#5E6A78"  # a hint in an empty box (grey, and italic where drawn): never taken for typed words


# Black ground, white and yellow text: every text pair at least 7:1 (tests/ui/test_theme.py computes it).
HIGH_CONTRAST = Palette(
    window="#000000", text="#FFFFFF", muted="#E0E0E0", bar="#000000", bar_text="#FFFF00",
    tile="#000000", tile_text="#FFFF00", tile_detail="#FFFFFF", tile_edge="#FFFFFF", tile_pressed="#303030",
    accent="#8CFF8C", warn="#FFB199", focus="#00FFFF", focus_on_dark="#00FFFF", ribbon="#FFFF00",
    ribbon_text="#000000",
    chart_bar="#FFFFFF", chart_last="#FFFF00", overlay="#000000", overlay_text="#FFFFFF",
    primary="#000000", primary_text="#FFFF00", primary_edge="#FFFF00", disabled="#BDBDBD", bar_disabled="#BDBDBD",
    hint="#BDBDBD",
)
TEXT_SCALES = (1.0, 1.25, 1.5)  # the text size steps a pupil can choose


class TouchRules(NamedTuple):
    """Touch filters staff set for pupils with tremor: how long a touch must be held, and how soon a button
    may be used again. Both off by default."""

    hold_s: float = 0.0
    debounce_s: float = 0.0
    clock: Callable[[], float] = time.monotonic


class Theme:
    """Sizes in pixels for one window height, with the palette and font family."""

    def __init__(self, scale: float, palette: Palette, text_scale: float = 1.0, min_target: int = 0) -> None:
        self.scale = scale
        self.palette = palette
        self.text_scale = text_scale
        self.high_contrast = palette == HIGH_CONTRAST
        self.min_target = min_target or self.px(72)  # the smallest tappable size, in pixels
        self.touch = TouchRules()

    @classmethod
    def for_height(cls, height: int, palette: Palette | None = None, text_scale: float = 1.0) -> "Theme":
        return cls(scale=max(0.6, height / DESIGN_HEIGHT), palette=palette or Palette(), text_scale=text_scale)

    @classmethod
    def for_screen(
        cls, size: tuple[int, int], screen_inches: float, palette: Palette | None = None, text_scale: float = 1.0
    ) -> "Theme":
        """Sizes for a window of `size` pixels on a screen of `screen_inches` diagonal (as staff set it).

        Qt's own idea of the screen's size is not to be trusted (offscreen reports 100 dpi), so targets are
        measured against the size staff give: every tappable target is at least TARGET_MM across.
        """
        px_per_mm = math.hypot(*size) / (screen_inches * 25.4)
        return cls(max(0.6, size[1] / DESIGN_HEIGHT), palette or Palette(), text_scale,
                   math.ceil(TARGET_MM * px_per_mm))

    def target(self, design_px: float) -> int:
        """A tappable size: the design size scaled to the window, never below the minimum target."""
        return max(self.px(design_px), self.min_target)

    def px(self, design_px: float) -> int:
        return max(1, round(design_px * self.scale))

    def font(self, design_px: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(FONT_FAMILIES)
        font.setPixelSize(self.px(design_px * self.text_scale))
        font.setBold(bold)
        return font

    def color(self, name: str) -> QColor:
        return QColor(getattr(self.palette, name))

    # Named sizes (design pixels at 1080 high)
    body = 26
    small = 20
    heading = 32
    title = 52
    tile_label = 32
    tile_detail = 22
    bar_height = 112
    button_height = 88
    margin = 28
    gap = 20

    def qpalette(self) -> QPalette:
        """The Qt palette every widget inherits from the window."""
        p = self.palette
        roles = {
            QPalette.ColorRole.Window: p.window, QPalette.ColorRole.WindowText: p.text,
            QPalette.ColorRole.Base: p.tile, QPalette.ColorRole.Text: p.text,
            QPalette.ColorRole.Button: p.tile, QPalette.ColorRole.ButtonText: p.tile_text,
            QPalette.ColorRole.Highlight: p.focus, QPalette.ColorRole.HighlightedText: p.text,
            QPalette.ColorRole.PlaceholderText: p.hint,
        }
        palette = QPalette()
        for role, colour in roles.items():
            palette.setColor(role, QColor(colour))
        return palette

"""Colours, fonts and sizes for the current presentation, scaled to the screen."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QFont, QPalette

FONT_FAMILIES = ["Open Sans", "DejaVu Sans", "Sans Serif"]
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
    tile_edge: str = "#8796A8"
    tile_pressed: str = "#DCE7F3"
    accent: str = "#0B6E4F"  # growing
    warn: str = "#A23B1D"  # shrinking
    focus: str = "#E0A100"
    ribbon: str = "#FFD24D"
    ribbon_text: str = "#1B1F24"
    chart_bar: str = "#2F6DB5"
    chart_last: str = "#0B3D6E"
    overlay: str = "#0B3D6E"
    overlay_text: str = "#FFFFFF"
    disabled: str = "#9AA4B0"


class Theme:
    """Sizes in pixels for one window height, with the palette and font family."""

    def __init__(self, scale: float, palette: Palette) -> None:
        self.scale = scale
        self.palette = palette

    @classmethod
    def for_height(cls, height: int, palette: Palette | None = None) -> "Theme":
        return cls(scale=max(0.6, height / DESIGN_HEIGHT), palette=palette or Palette())

    def px(self, design_px: float) -> int:
        return max(1, round(design_px * self.scale))

    def font(self, design_px: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(FONT_FAMILIES)
        font.setPixelSize(self.px(design_px))
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
            QPalette.ColorRole.PlaceholderText: p.muted,
        }
        palette = QPalette()
        for role, colour in roles.items():
            palette.setColor(role, QColor(colour))
        return palette

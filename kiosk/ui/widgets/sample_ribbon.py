"""The ribbon that says what is made up and what is real while the embedded sample content is installed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from kiosk.content.pages.careers_sheet import SAMPLE_NOTICE
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.plain_label import PlainLabel

SAMPLE_RIBBON = SAMPLE_NOTICE


def sample_ribbon(theme: Theme) -> PlainLabel:
    """A full-width band in the theme's ribbon colours."""
    t = theme
    ribbon = PlainLabel(SAMPLE_RIBBON, t.font(t.small, bold=True), t.color("ribbon_text"))
    ribbon.setAlignment(Qt.AlignmentFlag.AlignCenter)
    ribbon.setContentsMargins(t.px(12), t.px(10), t.px(12), t.px(10))
    ribbon.setAutoFillBackground(True)
    palette = ribbon.palette()
    palette.setColor(QPalette.ColorRole.Window, t.color("ribbon"))
    ribbon.setPalette(palette)
    return ribbon

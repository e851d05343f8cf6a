"""The bar across the top of every screen: Back, Home and "How it looks", always in the same places."""

from __future__ import annotations

from PySide6.QtGui import QPalette, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.plain_label import PlainLabel


class TopBar(QWidget):
    """Holds the controls that keep identical geometry on every screen (WCAG 3.2.3)."""

    def __init__(self, theme: Theme, display_picture: QPixmap | None = None, speech: bool = False) -> None:
        super().__init__()
        t = theme
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, t.color("bar"))
        self.setPalette(palette)
        pad = t.px(12)
        self.setFixedHeight(max(t.px(t.bar_height), t.target(t.button_height) + 2 * pad))
        row = QHBoxLayout(self)
        row.setContentsMargins(t.px(t.margin), pad, t.px(t.margin), pad)
        row.setSpacing(t.px(t.gap))
        self.back_button = KioskButton("◀  Back", t, role="bar")
        self.home_button = KioskButton("⌂  Home", t, role="bar")
        # One large control, with a picture, changes how the kiosk looks from any page.
        self.display_button = KioskButton("How it looks", t, role="bar", picture=display_picture)
        for button in (self.back_button, self.home_button):
            button.setFixedWidth(t.target(220))
        self.display_button.setFixedWidth(t.target(300))
        row.addWidget(self.back_button)
        row.addWidget(self.home_button)
        # Speak, Repeat and Stop: only where speech works, and then in the same place on every page.
        self.speak_button = self.repeat_button = self.stop_button = None
        if speech:
            self.speak_button = KioskButton("▶ Speak", t, role="bar")
            self.repeat_button = KioskButton("↻ Repeat", t, role="bar")
            self.stop_button = KioskButton("■ Stop", t, role="bar")
            for button in (self.speak_button, self.repeat_button, self.stop_button):
                button.setFixedWidth(t.target(190))
                row.addWidget(button)
        row.addStretch(1)
        if not speech:
            brand = PlainLabel("Careers kiosk", t.font(30, bold=True), t.color("bar_text"))
            brand.setWordWrap(False)
            row.addWidget(brand)
        row.addWidget(self.display_button)

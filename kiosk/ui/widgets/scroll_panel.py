"""A scrolling area that follows a finger (drag and flick), with large Up and Down buttons beside it for switch
users and pupils who cannot drag."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QScroller, QScrollerProperties, QVBoxLayout, QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kiosk_button import KioskButton


class ScrollPanel(QWidget):
    """Holds a content widget; the buttons beside it scroll by most of a screenful."""

    def __init__(self, content: QWidget, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setWidget(content)
        follow_a_finger(self.area)
        self.up_button = KioskButton("▲ Up", theme, role="tile")
        self.down_button = KioskButton("▼ Down", theme, role="tile")
        for button in (self.up_button, self.down_button):
            button.setFixedWidth(theme.target(150))
        self.up_button.clicked.connect(lambda: self.scroll_by(-1))
        self.down_button.clicked.connect(lambda: self.scroll_by(1))
        buttons = QVBoxLayout()
        buttons.setSpacing(theme.px(theme.gap))
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.px(theme.gap))
        layout.addWidget(self.area, 1)
        layout.addLayout(buttons)
        bar = self.area.verticalScrollBar()
        bar.rangeChanged.connect(self._update_buttons)
        bar.valueChanged.connect(self._update_buttons)
        self._update_buttons()

    def scroll_by(self, direction: int) -> None:
        bar = self.area.verticalScrollBar()
        bar.setValue(bar.value() + direction * int(self.area.viewport().height() * 0.8))

    def _update_buttons(self, *_: int) -> None:
        bar = self.area.verticalScrollBar()
        self.up_button.setEnabled(bar.value() > bar.minimum())
        self.down_button.setEnabled(bar.value() < bar.maximum())
        # Up and Down only when there is more to see: greyed buttons that never work puzzle a pupil. Hiding them
        # widens the text, which only makes it shorter, so the panel never flips back and forth.
        needed = bar.maximum() > bar.minimum()
        self.up_button.setVisible(needed)
        self.down_button.setVisible(needed)


def follow_a_finger(area: QScrollArea) -> None:
    """Let a touch drag the area's content and a flick carry on for a moment (Qt's kinetic scroller), without the
    elastic overshoot at the ends, which reads on a kiosk as the page coming loose. Only touch drags: a mouse
    press stays a tap on a word or a tile."""
    viewport = area.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.TouchGesture)
    scroller = QScroller.scroller(viewport)
    properties = scroller.scrollerProperties()
    off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, off)
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, off)
    scroller.setScrollerProperties(properties)

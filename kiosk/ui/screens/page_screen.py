"""The screen for any page that is read and tapped: its header, sections and choice tiles."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.pages.page import Choice, Page
from kiosk.ui.renderer import PageRenderer


class PageScreen(QWidget):
    """Shows one Page as the renderer lays it out."""

    def __init__(self, page: Page, renderer: PageRenderer, on_choice: Callable[[Choice], None]) -> None:
        super().__init__()
        self.page = page
        t = renderer.theme
        layout = QVBoxLayout(self)
        m = t.px(t.margin)
        layout.setContentsMargins(m, m, m, m)
        layout.setSpacing(t.px(t.gap))
        layout.addWidget(renderer.header(page))
        layout.addWidget(renderer.body(page, on_choice), 1)

"""The kiosk window: a top bar with Back and Home in fixed places, the current screen, and the idle warning."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QPalette, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.config import Settings
from kiosk.content.pages import missing_page
from kiosk.content.pages.page import Choice, Target
from kiosk.content.reader import ContentReader
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.navigator import Navigator
from kiosk.ui.renderer import PageRenderer, Presentation
from kiosk.ui.screens import make_screen
from kiosk.ui.screens.page_screen import PageScreen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.idle_overlay import IdleOverlay
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.plain_label import PlainLabel

SAMPLE_RIBBON = "Sample content: the figures shown are rounded and illustrative, not real statistics."
SORRY = "Something went wrong showing this page. Tap Home to start again, or ask a member of staff."


class KioskWindow(QWidget):
    """Frameless and full screen by default; refuses to close unless staff allow it."""

    def __init__(self, reader: ContentReader, settings: Settings, idle: IdleWatcher, size: tuple[int, int]) -> None:
        super().__init__()
        self.setWindowTitle("Careers kiosk")
        self.reader = reader
        self.settings = settings
        self.allow_close = False
        self.lockdown_active = False  # set once the app-wide input filters are in place
        self.resize(*size)
        self.theme = Theme.for_height(size[1])
        self.renderer = PageRenderer(self.theme, Presentation(width=size[0]))
        # A palette, not a style sheet: style sheets make every widget slower to build and paint.
        self.setPalette(self.theme.qpalette())
        self.setAutoFillBackground(True)
        self.navigator = Navigator(self)
        self.navigator.changed.connect(self._show)

        t = self.theme
        bar = QWidget()
        bar.setAutoFillBackground(True)
        bar_palette = bar.palette()
        bar_palette.setColor(QPalette.ColorRole.Window, t.color("bar"))
        bar.setPalette(bar_palette)
        bar.setFixedHeight(t.px(t.bar_height))
        row = QHBoxLayout(bar)
        pad = t.px(12)
        row.setContentsMargins(t.px(t.margin), pad, t.px(t.margin), pad)
        row.setSpacing(t.px(t.gap))
        self.back_button = KioskButton("◀  Back", t, role="bar")
        self.home_button = KioskButton("⌂  Home", t, role="bar")
        for button in (self.back_button, self.home_button):
            button.setFixedWidth(t.px(220))
        self.back_button.clicked.connect(self.navigator.back)
        self.home_button.clicked.connect(self.navigator.home)
        row.addWidget(self.back_button)
        row.addWidget(self.home_button)
        row.addStretch(1)
        brand = PlainLabel("Careers kiosk", t.font(30, bold=True), t.color("bar_text"))
        brand.setWordWrap(False)
        row.addWidget(brand)

        self.stack = QStackedWidget()
        self.ribbon = PlainLabel(SAMPLE_RIBBON, t.font(t.small, bold=True), t.color("ribbon_text"))
        self.ribbon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ribbon.setContentsMargins(t.px(12), t.px(10), t.px(12), t.px(10))
        self.ribbon.setAutoFillBackground(True)
        ribbon_palette = self.ribbon.palette()
        ribbon_palette.setColor(QPalette.ColorRole.Window, t.color("ribbon"))
        self.ribbon.setPalette(ribbon_palette)
        layout = QVBoxLayout(self)
        # The window is as big as the screen; its content must not push a minimum size onto it.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.ribbon)

        self._overlay: IdleOverlay | None = None
        self.idle = idle
        idle.warning.connect(lambda seconds: self.overlay.show_countdown(seconds))
        idle.resumed.connect(self._hide_overlay)
        idle.idle.connect(self.reset_session)
        self._show(self.navigator.current)

    @property
    def screen_widget(self) -> QWidget:
        return self.stack.currentWidget()

    @property
    def overlay(self) -> IdleOverlay:
        """The idle warning, built the first time it is needed (it is not part of the first screen)."""
        if self._overlay is None:
            self._overlay = IdleOverlay(self.theme, self)
            self._overlay.still_here.connect(self.idle.touch)
        return self._overlay

    def _hide_overlay(self) -> None:
        if self._overlay is not None:
            self._overlay.hide()

    def open(self, target: Target) -> None:
        self.navigator.go(target)

    def choose(self, choice: Choice) -> None:
        self.navigator.go(choice.target)

    def reset_session(self) -> None:
        """Forget everything about the last pupil: trail, screens, typed words, clipboard, warning."""
        self._hide_overlay()
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
        self.navigator.reset()

    def _show(self, target: Target) -> None:
        try:
            screen = make_screen(target, self.reader, self.settings.region, self.renderer, self.choose)
        except Exception:  # a kiosk says sorry and carries on; the traceback goes to the log for staff
            import logging  # only when something has gone wrong: not on the way to the first screen

            logging.getLogger(__name__).exception("could not show %s", target)
            screen = PageScreen(missing_page(SORRY), self.renderer, self.choose)
        old = self.stack.currentWidget()
        self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.back_button.setEnabled(self.navigator.can_go_back)
        self.home_button.setEnabled(target.kind != "home")
        self.ribbon.setVisible(self.reader.has_sample_content())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._overlay is not None and self._overlay.isVisible():
            self._overlay.setGeometry(self.rect())

    def closeEvent(self, event: QCloseEvent) -> None:
        # Alt+F4 and the like arrive as close requests: a pupil must not be able to leave the kiosk.
        if self.allow_close:
            event.accept()
        else:
            event.ignore()

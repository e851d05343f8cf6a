"""The kiosk window: the top bar, the current screen, the sample ribbon and the idle warning."""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING, Callable

from PySide6.QtGui import QCloseEvent, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.config import Settings
from kiosk.content.pages.figure_age import figure_age
from kiosk.content.pages.page import Choice, Target
from kiosk.content.reader import ContentReader
from kiosk.ui.big_pictures.page_steps import PageSteps
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.input_filters import AppInputFilters
from kiosk.ui.my_list import MyList, TakeHomeActions
from kiosk.ui.navigator import Navigator
from kiosk.ui.page_reading import PageReading
from kiosk.ui.picture_choices import PictureChoices
from kiosk.ui.renderer import PageRenderer, Presentation
from kiosk.ui.scan_targets import scan_buttons
from kiosk.ui.screens import credits_screen, make_screen, sorry_screen
from kiosk.ui.session_display import DISPLAY_ACTIONS, VOLUME_STEPS, Display, change_display, speech_loudness
from kiosk.ui.theme import HIGH_CONTRAST, TEXT_SCALES, Palette, Theme, TouchRules
from kiosk.ui.widgets.icons import display_icon
from kiosk.ui.widgets.idle_overlay import IdleOverlay
from kiosk.ui.widgets.plain_label import PlainLabel
from kiosk.ui.widgets.sample_ribbon import sample_ribbon
from kiosk.ui.widgets.top_bar import TopBar

if TYPE_CHECKING:
    from kiosk.access.symboliser import Symboliser
    from kiosk.staff.api import StaffApi
    from kiosk.ui.scanning import ScanController
    from kiosk.ui.screen_schedule import ScreenSchedule
    from kiosk.ui.speech_controller import SpeechController
    from kiosk.ui.staff.controller import StaffController
    from kiosk.ui.widgets.symbol_pixmaps import SymbolPixmaps


class KioskWindow(QWidget):
    """Frameless and full screen by default; refuses to close unless staff allow it."""

    def __init__(
        self,
        reader: ContentReader,
        settings: Settings,
        idle: IdleWatcher,
        size: tuple[int, int],
        load_symbols: Callable[[], Symboliser | None] | None = None,
        speaker: SpeechController | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle("Careers kiosk")
        self.reader = reader
        self.settings = settings
        self._load_symbols = load_symbols
        self._clock = clock or time.monotonic
        self.symbols: Symboliser | None = None
        self.pixmaps: SymbolPixmaps | None = None
        self.allow_close = False
        self.input_filters = AppInputFilters()  # installed just after the first paint (kiosk/app.py)
        self.resize(*size)
        self._size = size
        self.default_display = Display(mode=settings.default_mode)
        self.display = self.default_display
        self.navigator = Navigator(self)
        self.navigator.changed.connect(self._show)
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        # The window is as big as the screen; its content must not push a minimum size onto it.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._layout = layout
        self.top_bar: TopBar | None = None
        self.ribbon: PlainLabel | None = None
        self._overlay: IdleOverlay | None = None
        self.idle = idle
        self.page_steps = PageSteps(self)  # big pictures: steps within a page, and Back out of them
        self._armed: Choice | None = None  # tap to hear: the choice heard, waiting for its second tap
        self.scanner: ScanController | None = None  # set by the app when staff turn switch access on
        self.staff: StaffController | None = None  # the staff screen and its hidden way in (attach_staff)
        self.screen_schedule: ScreenSchedule | None = None  # opening hours: one attaches itself after the first paint
        self.pictures = PictureChoices(self, lambda: self.scanner.restart() if self.scanner else None)
        self.my_list = MyList()  # what the pupil keeps to take home: this visit only, never on disk
        self.today = dt.date.today  # which events are past (tests and the tour may pin it)
        self.take_home = TakeHomeActions(self, self._clock)
        self.speaker: SpeechController | None = None
        self._reading = PageReading()
        self._attach_speaker(speaker)
        idle.warning.connect(self._warn)
        idle.resumed.connect(self._hide_overlay)
        idle.idle.connect(self.reset_session)
        self._apply_display()

    # -- the parts ---------------------------------------------------------------------------------------

    @property
    def screen_widget(self) -> QWidget:
        return self.stack.currentWidget()

    @property
    def back_button(self):
        return self.top_bar.back_button

    @property
    def home_button(self):
        return self.top_bar.home_button

    @property
    def display_button(self):
        return self.top_bar.display_button

    @property
    def overlay(self) -> IdleOverlay:
        """The idle warning, built the first time it is needed (it is not part of the first screen)."""
        if self._overlay is None:
            self._overlay = IdleOverlay(self.theme, self, self.renderer)
            self._overlay.still_here.connect(self.idle.touch)
        return self._overlay

    def _warn(self, seconds: int) -> None:
        appearing = not self.overlay.isVisible()
        self.overlay.show_countdown(seconds)
        if appearing and self.scanner is not None:
            self.scanner.restart()  # the switch reaches "I'm still here" at once

    def _hide_overlay(self) -> None:
        if self._overlay is not None and self._overlay.isVisible():
            self._overlay.hide()
            if self.scanner is not None:
                self.scanner.restart()

    # -- how it looks ------------------------------------------------------------------------------------

    def set_display(self, display: Display) -> None:
        """Change how the kiosk looks for this visit (an idle reset returns to the school's default)."""
        if display != self.display:
            self.display = display
            self._apply_display()

    def _apply_display(self) -> None:
        """Build the theme, renderer, top bar and ribbon for the current display, then redraw the page."""
        d = self.display
        self.theme = Theme.for_screen(self._size, self.settings.screen_inches,
                                      HIGH_CONTRAST if d.high_contrast else Palette(), TEXT_SCALES[d.text_step])
        self.theme.touch = TouchRules(self.settings.touch_hold_s, self.settings.touch_debounce_s, self._clock)
        presentation = Presentation(mode=d.mode, width=self._size[0], symbol_size=self.settings.symbol_size,
                                    word_above=self.settings.word_position == "above",
                                    pos_borders=self.settings.colour_borders,
                                    volume=(d.volume_step, len(VOLUME_STEPS) - 1) if self.speaker else None)
        if d.mode != "standard":
            self._ensure_symbols()
        self.renderer = PageRenderer(self.theme, presentation, self.symbols, self.pixmaps)
        self.renderer.picture_choices = self.picture_choices
        self.renderer.on_tap = self._tapped_word
        self.renderer.on_hold = self._choose_picture
        if self.speaker is not None:  # symbol modes speak more slowly
            self.speaker.rate = self.settings.symbol_speech_rate if d.mode != "standard" else self.settings.speech_rate
            self.speaker.set_volume(speech_loudness(self.settings.speech_volume, d))  # never above the school's
        # A palette, not a style sheet: style sheets make every widget slower to build and paint.
        self.setPalette(self.theme.qpalette())
        self.setAutoFillBackground(True)
        bar = TopBar(self.theme, display_icon(self.theme.px(64)), speech=self.speaker is not None, renderer=self.renderer)
        bar.back_button.clicked.connect(self.page_steps.back)  # a big-pictures step first, then the page before
        bar.home_button.clicked.connect(self.navigator.home)
        bar.my_list_button.clicked.connect(lambda: self.navigator.go(Target("my-list")))
        bar.display_button.clicked.connect(lambda: self.navigator.go(Target("display")))
        if self.staff is not None:
            self.staff.gesture.watch(bar)
        if self.speaker is not None:
            bar.speak_button.clicked.connect(self.speak_page)
            bar.repeat_button.clicked.connect(self.speaker.repeat)
            bar.stop_button.clicked.connect(self.speaker.stop)
        ribbon = sample_ribbon(self.theme)
        if self.top_bar is None:
            self._layout.addWidget(bar)
            self._layout.addWidget(self.stack, 1)
            self._layout.addWidget(ribbon)
        else:
            for old, new in ((self.top_bar, bar), (self.ribbon, ribbon)):
                self._layout.replaceWidget(old, new)
                # Hidden and deleted where it is: unparenting would make it a window for a moment.
                old.hide()
                old.deleteLater()
                new.show()  # a layout only queues the show; the next paint (and switch scanning) needs it now
        self.top_bar, self.ribbon = bar, ribbon
        if self._overlay is not None:  # rebuilt in the new colours the next time it is needed
            self._overlay.hide()
            self._overlay.deleteLater()
            self._overlay = None
        target = self.navigator.current
        if d.mode == "large" and target.kind == "search":
            self.navigator.home()  # large-symbol mode asks for no typing
        else:
            self._show(target)

    def prepare(self) -> None:
        """Load what later pages need (symbol sets, QR and chart code), so each kind's first page opens quickly."""
        # The app calls this just after the first paint, while nobody is using the kiosk yet.
        from kiosk.ui.widgets import bar_chart, compare_table, qr_code, scroll_panel  # noqa: F401 - loaded now
        from kiosk.ui.widgets.symbol_text import SymbolText  # noqa: F401 - rather than on a pupil's tap

        qr_code.qr_modules("https://nationalcareers.service.gov.uk/")  # loads the QR library
        self._ensure_symbols()
        if self.symbols is None or self.pixmaps is None:
            return
        for token in self.symbols.tokens("Nurses look after people"):
            if token.symbols:
                self.pixmaps.get(token.symbols[0].path, self.theme.px(80))
                break

    def _ensure_symbols(self) -> None:
        # Loaded the first time a picture mode is used: a kiosk that starts in words need not wait for them.
        if self.pixmaps is None and self._load_symbols is not None:
            from kiosk.ui.widgets.symbol_pixmaps import SymbolPixmaps

            self.symbols = self._load_symbols()
            self.pixmaps = SymbolPixmaps()

    # -- staff -------------------------------------------------------------------------------------------

    def attach_staff(self, services: StaffApi) -> None:
        """Give staff their hidden way in (the gesture on the top bar) and count usage (the app does this)."""
        from kiosk.ui.staff.controller import StaffController
        from kiosk.ui.staff.usage_hooks import UsageRecorder

        self.staff = StaffController(self, services, self._clock)
        self.staff.gesture.watch(self.top_bar)
        UsageRecorder(self, services.usage)  # a child of the window, living as long as it

    def apply_settings(self, settings: Settings) -> None:
        """Use settings staff saved: all at once, except the default look (from the next visit)."""
        self.settings, self.default_display = settings, Display(mode=settings.default_mode)
        self.idle.timeout_s, self.idle.warning_s = settings.idle_timeout_s, settings.idle_warning_s
        self._apply_display()  # the theme follows the screen size, and the speech rate the settings
        if self.screen_schedule is not None:
            self.screen_schedule.check()  # new opening hours count from now

    # -- speech ------------------------------------------------------------------------------------------

    def set_speaker(self, speaker: SpeechController) -> None:
        """Turn speech on (the app does this just after the first paint), showing Speak, Repeat and Stop."""
        self._attach_speaker(speaker)
        self._apply_display()

    def _attach_speaker(self, speaker: SpeechController | None) -> None:
        self.speaker = speaker
        if speaker is not None:
            speaker.setParent(self)
            speaker.word_started.connect(lambda index: self._reading.follow(speaker.words, index))
            speaker.word_started.connect(lambda _: self.idle.touch())  # listening counts as being here

    def speak_page(self) -> None:
        """Read the page out, in order, highlighting each word as it is heard."""
        if self.speaker is not None:
            parts = getattr(self.screen_widget, "speech_parts", lambda: [])()
            self.speaker.speak(self._reading.start(parts))

    def _hear_first(self, choice: Choice) -> bool:
        """Large-symbol mode's "tap to hear, tap again to choose": True when this tap only spoke the choice."""
        if not (self.settings.tap_to_hear and self.display.mode == "large" and self.speaker is not None):
            return False
        if self._armed == choice:
            self._armed = None
            return False
        self._armed = choice
        self.speaker.speak(f"{choice.label}. {choice.detail}" if choice.detail else choice.label)
        from kiosk.ui.widgets.kiosk_button import KioskButton

        for tile in self.screen_widget.findChildren(KioskButton):
            tile.set_marked(tile.label == choice.label)  # shows which choice a second tap will open
        return True

    # -- words and pictures ------------------------------------------------------------------------------

    def _tapped_word(self, paragraph, index: int) -> None:
        """Hear a tapped word (or, after "Change a picture", choose its picture)."""
        token = paragraph.tokens[index]
        if self.pictures.waiting and token.symbols:
            self._choose_picture(paragraph, index)
        elif self.speaker is not None:
            self.speaker.speak(paragraph.text[token.start : token.end])

    def _choose_picture(self, paragraph, index: int) -> None:
        self.pictures.open(paragraph, index, self.theme, self.pixmaps)

    @property
    def chooser(self):
        return self.pictures.chooser

    @property
    def picture_choices(self) -> dict[str, int]:
        return self.pictures.chosen

    @property
    def changing_pictures(self) -> bool:
        return self.pictures.waiting

    # -- moving about ------------------------------------------------------------------------------------

    def open(self, target: Target) -> None:
        self.navigator.go(target)

    def choose(self, choice: Choice) -> None:
        if self._hear_first(choice):
            return
        if choice.target.kind == "change-picture":
            self.pictures.waiting = True  # a way to change a picture that needs no long press
            self.navigator.back()
        elif choice.target.kind in DISPLAY_ACTIONS:
            self.set_display(change_display(self.display, choice.target))
            if choice.target.kind != "volume":
                self.navigator.back()  # back to the page the pupil was reading, in its new look
            elif self.speaker is not None:
                self.speaker.speak(choice.label)  # heard at the new level; it stays to be tapped again
        elif choice.target.kind in TakeHomeActions.KINDS:
            self.take_home.act(choice.target)
        else:
            self.navigator.go(choice.target)

    def redraw(self) -> None:
        """Show the current page again, after something it shows (such as my list) changed."""
        self._show(self.navigator.current)

    def reset_session(self) -> None:
        """Forget everything about the last pupil: trail, screens, typed words, clipboard, display, warning."""
        self._hide_overlay()
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
        self.navigator.reset_trail()
        self.pictures.forget()
        self.my_list.clear()
        self.take_home.new_visit()
        if self.speaker is not None:
            self.speaker.stop()
        if self.display != self.default_display:
            self.set_display(self.default_display)
        else:
            self._show(self.navigator.current)

    def _show(self, target: Target) -> None:
        self._armed = None
        if self.speaker is not None:
            self.speaker.stop()  # any tap that changes the page interrupts speech
        self._reading.clear()
        with self.input_filters.paused():
            screen = self._screen_for(target)
            old = self.stack.currentWidget()
            self.stack.addWidget(screen)
            self.stack.setCurrentWidget(screen)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
        self.top_bar.follow(target.kind, self.navigator.can_go_back, len(self.my_list))
        self.ribbon.setVisible(self.reader.has_sample_content())
        if self.scanner is not None:
            self.scanner.restart()

    def _screen_for(self, target: Target) -> QWidget:
        """The screen for a target; a sorry page if it cannot be built."""
        try:
            if target.kind == "credits":
                self._ensure_symbols()
                return credits_screen(self.symbols, self.reader, self.renderer, self.choose)
            return make_screen(target, self.reader, self.settings.region, self.renderer, self.choose,
                               self.my_list.items, figure_age(self.settings.figures_old_after_years, self.today()),
                               self.today())
        except Exception:  # a kiosk says sorry and carries on; the traceback goes to the log for staff
            import logging  # only when something has gone wrong: not on the way to the first screen
            logging.getLogger(__name__).exception("could not show %s", target)
            return sorry_screen(self.renderer, self.choose)

    def scan_buttons(self) -> tuple[list, list]:
        """What switch scanning moves over: the page's buttons, then the top bar's (or what covers the page)."""
        return scan_buttons(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._overlay is not None and self._overlay.isVisible():
            self._overlay.setGeometry(self.rect())

    def closeEvent(self, event: QCloseEvent) -> None:
        # Alt+F4 and the like arrive as close requests: a pupil must not be able to leave the kiosk.
        if self.allow_close:
            if self.speaker is not None:
                self.speaker.stop()
            if self.staff is not None:
                self.staff.shutdown()
            event.accept()
        else:
            event.ignore()


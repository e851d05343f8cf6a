"""The staff side of the window: the hidden gesture, the PIN pad, the staff screen over the kiosk, and its jobs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from kiosk.config import Settings
from kiosk.recovery.exit_codes import STAFF_LEFT
from kiosk.staff.api import StaffApi
from kiosk.staff.pin import PinResult
from kiosk.ui.staff.gesture import HiddenGesture
from kiosk.ui.staff.jobs import JobRunner, Work
from kiosk.ui.staff.pin_pad import PinPad

CHECK_FAILED = "Staff sign-in is unavailable: the PIN could not be checked. Try again."

if TYPE_CHECKING:
    from kiosk.ui.staff.staff_screen import StaffScreen
    from kiosk.ui.window import KioskWindow


class StaffCover(QWidget):
    """Covers the whole kiosk window while staff use it; keeps to the window's size. The idle warning still
    shows above it, and the window's lockdown (no closing, no context menus) still holds."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAutoFillBackground(True)  # the window's palette: nothing of the pupils' page shows through
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.content: QWidget | None = None
        window.installEventFilter(self)
        self.setGeometry(window.rect())

    def put(self, content: QWidget) -> None:
        """Show `content` (the PIN pad, then the staff screen) in place of what was there."""
        if self.content is not None:
            self.content.hide()
            self.content.deleteLater()
        self.content = content
        self._layout.addWidget(content)
        content.show()  # a layout only queues the show of a widget added to a visible parent

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False


class StaffController(QObject):
    """Opens the PIN pad on the hidden gesture and the staff screen on the right PIN; runs staff jobs one at a
    time off the GUI thread; after an import or sync, shows the pupils a fresh home page with the new content."""

    opened = Signal()  # the staff screen is showing
    dismissed = Signal()  # back to the pupils' kiosk

    def __init__(self, window: KioskWindow, services: StaffApi, clock: Callable[[], float]) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self._clock = clock
        self.jobs = JobRunner(self)  # sync, import, export, USB scans: one at a time
        self.checks = JobRunner(self)  # PIN checks (argon2 is slow on purpose), apart from a running sync
        self.gesture = HiddenGesture(clock, self)
        self.gesture.triggered.connect(self.open_pin_pad)
        self.cover: StaffCover | None = None
        self.pin_pad: PinPad | None = None
        self.screen: StaffScreen | None = None
        self.jobs.succeeded.connect(self._job_succeeded)
        self.checks.succeeded.connect(self._checked)
        self.checks.failed.connect(self._check_failed)
        window.idle.idle.connect(self._dismiss)  # a staff member who walks away leaves nothing open

    @property
    def is_open(self) -> bool:
        """Whether the PIN pad or the staff screen covers the kiosk."""
        return self.cover is not None

    @property
    def usb_problem(self) -> str:
        """Why USB sticks cannot be listed, if they cannot."""
        return self.screen.usb.problem if self.screen is not None else ""

    def run(self, name: str, work: Work) -> bool:
        """Start a staff job on the worker thread; False if another is running."""
        return self.jobs.start(name, work)

    # -- opening and closing -----------------------------------------------------------------------------

    def open_pin_pad(self) -> None:
        """Cover the kiosk with the PIN pad (the hidden gesture does this)."""
        if self.is_open:
            return
        pins = self.services.pins
        pad = PinPad(self.window.theme, self._clock, pins.problem())
        pad.wait(pins.locked_for())
        pad.submitted.connect(self._check)
        pad.cancelled.connect(self.close)
        self._cover().put(pad)
        self.pin_pad = pad

    def open_staff_screen(self) -> None:
        """Show the staff screen (after the right PIN; the tour opens it directly)."""
        from kiosk.ui.staff.staff_screen import StaffScreen  # built only when staff come

        self._stop_parts()
        screen = StaffScreen(self, self.window.theme)
        self._cover().put(screen)
        self.pin_pad, self.screen = None, screen
        self.opened.emit()

    def close(self) -> None:
        """Back to the pupils' kiosk, at a fresh home page."""
        self._dismiss()
        self.window.reset_session()

    def _dismiss(self) -> None:
        if self.cover is None:
            return
        self._stop_parts()
        cover, self.cover, self.pin_pad, self.screen = self.cover, None, None, None
        self.window.removeEventFilter(cover)
        cover.hide()
        cover.deleteLater()
        self.dismissed.emit()

    def _cover(self) -> StaffCover:
        if self.cover is None:
            self.cover = StaffCover(self.window)
        self.cover.show()
        self.cover.raise_()
        return self.cover

    def _stop_parts(self) -> None:
        if self.pin_pad is not None:
            self.pin_pad.stop()
        if self.screen is not None:
            self.screen.stop()

    def shutdown(self) -> None:
        """The kiosk is stopping: close the staff screen and stop any job."""
        self._dismiss()
        self.jobs.shutdown()
        self.checks.shutdown()

    # -- the PIN -----------------------------------------------------------------------------------------

    def _check(self, pin: str) -> None:
        pins = self.services.pins
        self.checks.start("pin", lambda progress, cancelled: pins.check(pin))

    def _checked(self, _name: str, result: object) -> None:
        if self.pin_pad is None or not isinstance(result, PinResult):
            return  # the pad was closed (Cancel, or idle) while the PIN was checked
        if result.ok:
            self.open_staff_screen()
        else:
            self.pin_pad.show_result(result)

    def _check_failed(self, _name: str, _message: str) -> None:
        # The job runner logged what went wrong; its words may name a file, which the pad never shows.
        if self.pin_pad is not None:
            self.pin_pad.show_result(PinResult(False, 0.0, CHECK_FAILED))

    # -- what staff change -------------------------------------------------------------------------------

    def _job_succeeded(self, name: str, _result: object) -> None:
        if name in ("import", "sync", "remove"):
            # The live database was replaced in place, so the window's reader already sees the new content;
            # the window keeps no page cache, so a fresh home page is all it takes.
            self.window.reset_session()
            self._keep_on_top()

    def apply_settings(self, settings: Settings) -> None:
        """Use saved settings at once (the speech voice here: the window knows only the rates)."""
        if self.window.speaker is not None:
            from kiosk.access.speech import DEFAULT_VOICE

            self.window.speaker.voice = settings.speech_voice or DEFAULT_VOICE
        self.window.apply_settings(settings)
        self._keep_on_top()

    def _keep_on_top(self) -> None:
        # The window may have rebuilt its top bar (a new widget stacks above older siblings).
        if self.cover is not None:
            self.cover.raise_()

    def leave(self) -> None:
        """Leave the kiosk: the window may close now, and the app stops cleanly with STAFF_LEFT, so the service
        manager leaves it stopped (the run guard records it as left by staff)."""
        self.window.allow_close = True
        QApplication.exit(STAFF_LEFT)

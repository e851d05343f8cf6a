"""Around one run of the kiosk: the start record, fatal errors kept for the next start, systemd's notify
protocol, and the resting screen after repeated crashes."""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
from typing import Callable

from kiosk.config import Settings
from kiosk.recovery.crash_text import describe_exception
from kiosk.recovery.exit_codes import STAFF_LEFT
from kiosk.recovery.notify import VARIABLES
from kiosk.recovery.start_record import STEADY_S, StartRecord

log = logging.getLogger(__name__)


class RunGuard:
    """Records this start (and how it ends), keeps systemd told, and rests instead of running after repeated crashes."""

    def __init__(self, settings: Settings, may_rest: bool = True, capture_crashes: bool = True) -> None:
        self.settings = settings
        try:  # the first start makes the data directory; the record is its first file
            settings.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # a read-only disk: the record says it cannot be written, and the kiosk carries on
        self.record = StartRecord(settings.data_dir).begin(may_rest)
        # Read once and taken out of the environment: staff jobs and speech run child processes, which must
        # never speak to systemd for the kiosk.
        self._environ = {name: os.environ.pop(name) for name in VARIABLES if name in os.environ}
        self._watchdog = None
        self._capture = capture_crashes
        self._previous_hook = sys.excepthook
        if capture_crashes:
            fatal = self.record.open_fatal_file()
            faulthandler.enable(fatal or sys.stderr)
            sys.excepthook = self._uncaught

    @property
    def resting(self) -> bool:
        return self.record.resting

    def watchdog(self):
        """The systemd watchdog for this process, made once the QApplication exists."""
        if self._watchdog is None:
            from PySide6.QtWidgets import QApplication

            from kiosk.recovery.watchdog import Watchdog

            app = QApplication.instance()
            self._watchdog = Watchdog(self._environ, self.record.fatal_file if self._capture else None, app)
            app.aboutToQuit.connect(self._watchdog.stopping)
        return self._watchdog

    def painted(self, context) -> None:
        """The first screen is up: tell systemd, and count the run as steady if it stays up STEADY_S."""
        from PySide6.QtCore import QTimer

        self.watchdog().ready()
        QTimer.singleShot(STEADY_S * 1000, context, self.record.steady)

    def run(self, main: Callable[[], int]) -> int:
        """Rest if the record says so (until staff try again), else run `main`; record how the run ended."""
        try:
            code = self._rest() if self.resting else None
            if code is None:
                code = main()
        except BaseException as e:
            self.record.end("error", describe_exception(type(e), e, e.__traceback__))
            raise
        finally:
            sys.excepthook = self._previous_hook
        self.record.end("staff" if code == STAFF_LEFT else "clean", f"exit code {code}" if code else "")
        return code

    def _rest(self) -> int | None:
        """Show the resting screen until the kiosk is stopped (its exit code) or staff try again (None)."""
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QApplication

        from kiosk.app import present
        from kiosk.staff.pin import pin_store
        from kiosk.ui.resting import RestingScreen
        from kiosk.ui.stop_signals import StopSignals

        streak = self.record.streak
        log.warning("the kiosk stopped %d times in a row within minutes; it is resting: %s", len(streak),
                    streak[0]["detail"] if streak else "")
        app = QApplication.instance() or QApplication(["careers-kiosk"])
        geometry = app.primaryScreen().geometry()
        size = (1280, 800) if self.settings.windowed else (geometry.width(), geometry.height())
        screen = RestingScreen(pin_store(self.settings.data_dir), size, self.settings.screen_inches)
        loop = QEventLoop()  # not app.exec(): its aboutToQuit would tell systemd the kiosk is stopping
        tried: list[bool] = []
        screen.try_again.connect(lambda: (tried.append(True), loop.exit(0)))
        stops = StopSignals(screen)
        stops.stop_requested.connect(lambda number: (log.info("stopping on signal %d", number), loop.exit(0)))
        stops.install()
        watchdog = self.watchdog()
        present(screen, self.settings.windowed)
        screen.repaint()
        self.painted(screen)
        code = loop.exec()
        stops.uninstall()
        screen.shutdown()
        screen.allow_close = True
        screen.close()
        screen.deleteLater()
        if not tried:
            watchdog.stopping()
            return code
        log.info("staff tried the kiosk again")
        self.record.try_again()  # the pings go on: systemd already has READY=1 from the resting screen
        return None

    def _uncaught(self, kind, value, tb) -> None:
        self._previous_hook(kind, value, tb)  # the traceback to the journal, as always
        self.record.error(describe_exception(kind, value, tb))

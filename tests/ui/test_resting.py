"""The resting screen: calm words in big type, no way to close it, and staff (five taps, then the PIN) can try
again; the run guard then starts the full kiosk and records how that run ends."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.config import load_settings
from kiosk.recovery.exit_codes import STAFF_LEFT
from kiosk.recovery.start_record import REST_AFTER, RECORD_FILE, StartRecord, read_runs
from kiosk.staff.pin import PinStore
from kiosk.ui.resting import RESTING, TELL_STAFF, RestingScreen
from tests.staff.fake_services import QUICK_HASHER
from tests.staff.ui_helpers import tap


def resting_screen(qtbot, tmp_path: Path, clock, pin: str = "2468") -> RestingScreen:
    pins = PinStore(tmp_path / "staff-pin.json", hasher=QUICK_HASHER)
    pins.set_pin(pin)
    screen = RestingScreen(pins, (1280, 800), clock=clock)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def five_taps(qtbot, screen: RestingScreen, clock) -> None:
    for i in range(5):
        clock.advance(0.4)
        qtbot.mouseClick(screen.words, Qt.MouseButton.LeftButton)


def enter(qtbot, screen: RestingScreen, pin: str) -> None:
    for digit in pin:
        tap(qtbot, screen.pin_pad.keys[digit])
    tap(qtbot, screen.pin_pad.keys["OK"])


def test_the_words_are_big_plain_and_the_screen_will_not_close(qtbot, tmp_path: Path, clock) -> None:
    screen = resting_screen(qtbot, tmp_path, clock)
    assert (screen.title.text(), screen.tell.text()) == (RESTING, TELL_STAFF)
    assert screen.title.font().pixelSize() >= 2 * screen.theme.px(screen.theme.title) - 1
    assert screen.title.textFormat() == Qt.TextFormat.PlainText
    image = screen.grab().toImage()
    assert len({image.pixel(x, y) for x in range(0, 1280, 9) for y in range(0, 800, 7)}) > 2  # words are drawn
    screen.close()
    assert screen.isVisible()  # Alt+F4 and the like arrive as close requests
    screen.allow_close = True


def test_staff_try_again_after_the_gesture_and_the_pin(qtbot, tmp_path: Path, clock) -> None:
    screen = resting_screen(qtbot, tmp_path, clock)
    for _ in range(4):
        qtbot.mouseClick(screen.words, Qt.MouseButton.LeftButton)
    assert screen.pin_pad is None  # four taps are nothing
    five_taps(qtbot, screen, clock)
    assert screen.pin_pad is not None
    enter(qtbot, screen, "1111")
    qtbot.waitUntil(lambda: not screen.checks.busy)
    assert screen.staff is None and screen.pin_pad.entered == ""  # a wrong PIN opens nothing
    enter(qtbot, screen, "2468")
    qtbot.waitUntil(lambda: screen.staff is not None)
    with qtbot.waitSignal(screen.try_again, timeout=2000):
        tap(qtbot, screen.try_button)
    screen.allow_close = True


def test_cancel_goes_back_to_the_words(qtbot, tmp_path: Path, clock) -> None:
    screen = resting_screen(qtbot, tmp_path, clock)
    five_taps(qtbot, screen, clock)
    tap(qtbot, screen.pin_pad.cancel_button)
    assert screen.pin_pad is None and screen.pages.currentWidget() is screen.words
    screen.allow_close = True


def test_the_guard_rests_then_runs_the_kiosk_when_staff_try_again(qtbot, tmp_path: Path) -> None:
    from kiosk.run_guard import RunGuard

    data = tmp_path / "data"
    data.mkdir()
    for _ in range(REST_AFTER):
        StartRecord(data).begin()  # runs that never said how they ended: a crash loop
    guard = RunGuard(load_settings(data, environ={}, windowed=True), capture_crashes=False)
    assert guard.resting
    seen: list[str] = []

    def staff_try_again() -> None:
        screen = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RestingScreen) and w.isVisible())
        seen.append(screen.title.text())
        screen.try_again.emit()

    QTimer.singleShot(0, staff_try_again)
    assert guard.run(lambda: STAFF_LEFT) == STAFF_LEFT  # the full kiosk ran, and staff left it
    assert seen == [RESTING]
    runs = read_runs(data / RECORD_FILE)
    assert [(r["how"], r["resting"]) for r in runs[-2:]] == [("retry", True), ("staff", False)]
    guard.watchdog().stopping()

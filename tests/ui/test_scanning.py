"""Switch access: a pupil reaches a job and hears it with Space and Enter only, or with one switch."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from kiosk.config import load_settings
from kiosk.content.pages.page import Target
from tests.ui.test_speech_ui import FakePlayer, FakeWorker


def press(window, key: Qt.Key, repeat: bool = False) -> None:
    QApplication.sendEvent(window, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, "", repeat))
    QApplication.sendEvent(window, QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier, "", repeat))


def labels(window) -> list[str]:
    return [b.label for b in window.scanner.highlighted]


def step_to(window, clock, label: str) -> None:
    """Space until the row holding `label` is highlighted, Enter, then Space until it is, Enter."""
    for _ in range(20):
        if label in labels(window):
            break
        press(window, Qt.Key.Key_Space)
    assert label in labels(window), labels(window)
    if labels(window) != [label]:
        press(window, Qt.Key.Key_Return)
        clock.advance(1)  # a pupil's next press comes well after the debounce
        for _ in range(10):
            if labels(window) == [label]:
                break
            press(window, Qt.Key.Key_Space)
    clock.advance(1)  # past the debounce after the last selection
    press(window, Qt.Key.Key_Return)
    clock.advance(1)


def test_two_switches_reach_a_job_and_hear_it(qtbot, make_window, data_dir, reader, clock) -> None:
    from kiosk.ui.speech_controller import SpeechController

    settings = load_settings(data_dir, environ={}, scan_mode="step")
    window = make_window(settings, reader)
    worker, player = FakeWorker(), FakePlayer()
    window.set_speaker(SpeechController(worker, player, "gmw/en", 130, 50))
    assert labels(window) == ["Search for a job", "Kinds of work", "School subjects I like"]  # the first row
    step_to(window, clock, "Kinds of work")
    assert window.navigator.current == Target("sectors")
    step_to(window, clock, "Health")
    step_to(window, clock, "Nurse")
    assert window.navigator.current == Target("occupation", "nurse")
    step_to(window, clock, "▶ Speak")
    assert worker.requests and worker.requests[-1].startswith("Nurse\n") and player.is_playing
    window.speaker.stop()


def test_one_switch_automatic_scanning(qtbot, make_window, data_dir, reader, clock) -> None:
    settings = load_settings(data_dir, environ={}, scan_mode="auto", scan_interval_s=0.5)
    window = make_window(settings, reader)
    scanner = window.scanner
    assert scanner.timer.isActive() and scanner.timer.interval() == 750  # the first row rests longer
    scanner.advance()  # what the timer does
    assert labels(window) == ["Things I like doing", "Routes after school", "Jobs in the UK"]  # the place its figures describe
    assert scanner.timer.interval() == 500
    press(window, Qt.Key.Key_Space)  # the switch: into the row
    assert labels(window) == ["Things I like doing"]
    scanner.advance()
    clock.advance(1)
    press(window, Qt.Key.Key_Space)  # the switch again: press it
    assert window.navigator.current == Target("routes")
    scanner.stop()


def test_automatic_scanning_rests_after_three_silent_loops(qtbot, make_window, data_dir, reader, clock) -> None:
    settings = load_settings(data_dir, environ={}, scan_mode="auto")
    window = make_window(settings, reader)
    scanner = window.scanner
    for _ in range(30):
        if not scanner.timer.isActive():
            break
        scanner.advance()
    assert not scanner.timer.isActive()
    page = window.navigator.current
    clock.advance(1)
    press(window, Qt.Key.Key_Space)  # wakes scanning; presses nothing
    assert scanner.timer.isActive() and window.navigator.current == page
    scanner.stop()


def test_held_and_bouncing_switches_count_once(qtbot, make_window, data_dir, reader, clock) -> None:
    settings = load_settings(data_dir, environ={}, scan_mode="step")
    window = make_window(settings, reader)
    press(window, Qt.Key.Key_Space, repeat=True)  # auto-repeat from a held switch
    assert labels(window) == ["Search for a job", "Kinds of work", "School subjects I like"]
    press(window, Qt.Key.Key_Return)
    press(window, Qt.Key.Key_Return)  # a bounce, 0 ms later: ignored
    assert labels(window) == ["Search for a job"]
    clock.advance(1)
    press(window, Qt.Key.Key_Return)
    assert window.navigator.current == Target("search")


def test_every_button_on_every_page_can_be_reached(qtbot, make_window, data_dir, sample_reader, clock) -> None:
    from kiosk.access.coverage import every_page_target

    settings = load_settings(data_dir, environ={}, scan_mode="step")
    window = make_window(settings, sample_reader)
    kinds: dict[str, Target] = {}
    for target in every_page_target(sample_reader):
        kinds.setdefault(target.kind, target)
    for target in [*kinds.values(), Target("display")]:
        window.open(target)
        page, bar = window.scan_buttons()
        reached = set()
        for _ in range(len(window.scanner._groups)):
            reached.update(id(b) for b in window.scanner.highlighted)
            window.scanner.advance()
        assert reached == {id(b) for b in page + bar}, target


def test_one_switch_alone_reaches_a_job_and_hears_it(qtbot, make_window, data_dir, reader, clock) -> None:
    from kiosk.ui.speech_controller import SpeechController

    settings = load_settings(data_dir, environ={}, scan_mode="auto")
    window = make_window(settings, reader)
    worker, player = FakeWorker(), FakePlayer()
    window.set_speaker(SpeechController(worker, player, "gmw/en", 130, 50))

    def wait_for(label: str) -> None:  # the timer moves the highlight; the pupil waits, then presses
        for _ in range(40):
            if label in labels(window):
                return
            window.scanner.advance()
        raise AssertionError(f"scanning never reached {label!r}")

    def choose(label: str) -> None:
        wait_for(label)
        if labels(window) != [label]:
            clock.advance(1)
            press(window, Qt.Key.Key_Space)  # into the row
            wait_for(label)
            while labels(window) != [label]:
                window.scanner.advance()
        clock.advance(1)
        press(window, Qt.Key.Key_Space)

    choose("Kinds of work")
    choose("Trades")
    choose("Plumber")
    assert window.navigator.current == Target("occupation", "plumber")
    choose("▶ Speak")
    assert worker.requests[-1].startswith("Plumber\n") and player.is_playing
    window.speaker.stop()
    window.scanner.stop()

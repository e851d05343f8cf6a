"""Hundreds of page switches leave no widgets behind (a kiosk runs all day)."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from kiosk.content.pages.page import SEARCH, Target


def settle() -> None:
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def test_page_switches_do_not_leak_widgets(qtbot, make_window, settings, sample_reader) -> None:
    window = make_window(settings, sample_reader)
    walk = [Target("sectors"), Target("sector", "health-care"), Target("occupation", "nurse"), SEARCH,
            Target("a-z"), Target("growing"), Target("home")]
    for target in walk:  # warm-up: fonts, caches
        window.open(target)
    settle()
    baseline = len(QApplication.allWidgets())
    for target in itertools.islice(itertools.cycle(walk), 300):
        window.open(target)
        if target == SEARCH:
            window.screen_widget.keyboard.keys["N"].click()
    window.open(Target("home"))
    settle()
    assert len(QApplication.allWidgets()) == baseline

"""Every tappable target is at least 20 mm on the configured screen, on every page, in every mode."""

from __future__ import annotations

import math

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit

from kiosk.access.coverage import every_page_target
from kiosk.config import load_settings
from kiosk.content.pages.page import SEARCH, Target
from kiosk.ui.session_display import Display
from kiosk.ui.theme import TARGET_MM

SCREENS = [((1920, 1080), 24.0), ((1280, 800), 15.6)]
DISPLAYS = [Display(), Display(mode="picture"), Display(mode="large"), Display(high_contrast=True),
            Display(text_step=2)]


def too_small(window, px_per_mm: float) -> list[str]:
    QApplication.processEvents()
    need = TARGET_MM * px_per_mm - 0.5  # half a pixel for rounding
    small = []
    for widget in [*window.findChildren(QAbstractButton), *window.findChildren(QLineEdit)]:
        if widget.isVisibleTo(window) and min(widget.width(), widget.height()) < need:
            small.append(f"{type(widget).__name__} {widget.text()!r} {widget.width()}x{widget.height()}")
    return small


@pytest.mark.parametrize(("size", "inches"), SCREENS, ids=["24in-1080p", "15in-800p"])
def test_every_target_is_at_least_20_mm(qtbot, make_window, data_dir, sample_reader, size, inches) -> None:
    settings = load_settings(data_dir, environ={}, screen_inches=inches)
    window = make_window(settings, sample_reader, size)
    px_per_mm = math.hypot(*size) / (inches * 25.4)
    problems = {}
    # One page of each kind (every kind of widget a pupil can tap), and the occupations with the most to show.
    kinds: dict[str, Target] = {}
    for target in every_page_target(sample_reader):
        kinds.setdefault(target.kind, target)
    longest = sorted(sample_reader.occupations(), key=lambda o: -len(o.title))[:2]
    targets = [*kinds.values(), *(Target("occupation", o.id) for o in longest), Target("display"),
               Target("interests"), Target("interest", "helping people"), Target("search", "nur")]
    for display in DISPLAYS:
        window.set_display(display)
        for target in targets:
            if display.mode == "large" and target.kind == "search":
                continue  # large-symbol mode offers no typing
            window.open(Target("home"))
            window.open(target)
            small = too_small(window, px_per_mm)
            if small:
                problems[f"{display} {target}"] = small[:3]
    assert not problems, problems


def test_the_setting_changes_the_minimum(data_dir) -> None:
    from kiosk.ui.theme import Theme

    big = Theme.for_screen((1920, 1080), 24.0)
    small_screen = Theme.for_screen((1920, 1080), 12.0)  # the same pixels on half the size: targets double
    assert small_screen.min_target == pytest.approx(2 * big.min_target, abs=1)
    assert big.min_target == 73  # 20 mm at 3.64 px/mm

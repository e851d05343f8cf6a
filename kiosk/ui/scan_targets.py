"""What switch scanning moves over on the kiosk window, whatever is on top of the page just now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow


def scan_buttons(window: KioskWindow) -> tuple[list, list]:
    """The page's buttons, then the top bar's; or only those of what covers the page (a warning, staff, a chooser)."""
    from kiosk.ui.widgets.kiosk_button import KioskButton

    def on_show(parent: QWidget) -> list:
        return [b for b in parent.findChildren(KioskButton) if b.isVisibleTo(window) and b.isEnabled()]

    schedule = window.screen_schedule
    if schedule is not None and schedule.asleep:
        return [], []  # the closed screen has nothing to press: a switch press (a key) wakes it
    overlay = window._overlay
    if overlay is not None and overlay.isVisible():
        return [overlay.button], []
    if window.staff is not None and window.staff.cover is not None:
        return on_show(window.staff.cover), []
    if window.pictures.chooser is not None:
        return on_show(window.pictures.chooser), []
    return on_show(window.screen_widget), on_show(window.top_bar)

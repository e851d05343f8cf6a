"""A button in the staff screen's side list: the section on show is filled with the accent colour, a calm
"you are here" rather than the focus ring's orange, which reads as a warning."""

from __future__ import annotations

from PySide6.QtGui import QColor

from kiosk.ui.widgets.kiosk_button import KioskButton


class SectionButton(KioskButton):
    """A side-list button that can be the selected one."""

    _selected = False

    def set_selected(self, on: bool) -> None:
        """Fill the button (the section on show) or not."""
        if on != self._selected:
            self._selected = on
            self.update()

    @property
    def selected(self) -> bool:
        return self._selected

    def _colours(self) -> tuple[str, str, str, str]:
        fill, text, detail, edge = super()._colours()
        if self._selected and self.isEnabled() and not self.isDown():
            p = self._theme.palette
            # White on the dark accent; on high contrast's light green accent, the black of its ground.
            ink = "#FFFFFF" if QColor(p.accent).lightness() < 128 else p.window
            fill, text, detail, edge = p.accent, ink, ink, p.accent
        return fill, text, detail, edge

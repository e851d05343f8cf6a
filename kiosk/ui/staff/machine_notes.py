"""Notes on the Settings section for what this machine cannot do (no speaker, no printer), with how to fix it."""

from __future__ import annotations

from kiosk.staff.machine_words import printer_fix
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.plain_label import PlainLabel

__all__ = ["machine_notes", "printer_fix"]


def machine_notes(theme: Theme, speech: str | None, printer: str | None) -> dict[str, tuple[PlainLabel]]:
    """Bold notes for the settings this machine cannot honour, by the setting they go above."""
    found = {"speech_voice": speech, "printer": printer}
    return {name: (PlainLabel(text, theme.font(theme.body, bold=True), theme.color("text")),)
            for name, text in found.items() if text}

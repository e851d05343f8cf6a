"""The staff screen's Settings section: region, how visits start, idle time, speech, screen size and printer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.config import Settings, SettingsError
from kiosk.ui.staff.form_rows import ChoiceRow, NumberRow, TextRow
from kiosk.ui.staff.parts import MessagePanel, action_button, heading, lines_box
from kiosk.ui.staff.staff_keyboard import StaffKeyboard
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.scroll_panel import ScrollPanel

if TYPE_CHECKING:
    from kiosk.ui.staff.controller import StaffController

MODES = [("standard", "Words"), ("picture", "Words and pictures"), ("large", "Big pictures")]
SAVE_AS_PDF = "Save as PDF"
# When a saved setting takes effect (the window applies them at once where that is cheap).
APPLIES = {
    "region": "now", "default_mode": "from the next visit", "idle_timeout_s": "now", "speech_voice": "now",
    "speech_rate": "now", "screen_inches": "now", "printer": "for the next printed sheet",
}
NAMES = {
    "region": "Region", "default_mode": "How each visit starts", "idle_timeout_s": "Idle time",
    "speech_voice": "Speech voice", "speech_rate": "Speech rate", "screen_inches": "Screen size",
    "printer": "Printer",
}


def printer_names() -> list[str]:
    """The printers Qt knows here (CUPS on Debian); none where printing support is missing."""
    try:
        from PySide6.QtPrintSupport import QPrinterInfo
    except ImportError:
        return []
    return list(QPrinterInfo.availablePrinterNames())


class SettingsSection(QWidget):
    """A form of the settings staff change most, with Save; the message says when each change applies."""

    title = "Settings"

    def __init__(self, staff: StaffController, theme: Theme) -> None:
        super().__init__()
        t = theme
        self._staff = staff
        s = staff.services.settings
        voices = staff.services.voices()
        region_note = ("As the content names it, for example London; figures fall back to the UK where the "
                       "content has none for the region.")
        self.rows: dict[str, Any] = {
            "region": TextRow(t, "Region", s.region, region_note),
            "default_mode": ChoiceRow(t, "How each visit starts", MODES, s.default_mode,
                                      "Pupils can change it; an idle reset returns to this."),
            "idle_timeout_s": NumberRow(t, "Idle time", s.idle_timeout_s, 60, 1200, 30, "seconds",
                                        "Without a touch for this long, the kiosk forgets the visit."),
            "speech_voice": (ChoiceRow(t, "Speech voice", [("", "The default English voice"), *voices],
                                       s.speech_voice) if voices else
                             TextRow(t, "Speech voice", s.speech_voice,
                                     "An espeak-ng voice name such as en-gb; blank for the default. "
                                     "(Speech is off on this kiosk, so no list can be offered.)")),
            "speech_rate": NumberRow(t, "Speech rate", s.speech_rate, 80, 250, 10, "words a minute"),
            "screen_inches": NumberRow(t, "Screen size", s.screen_inches, 7, 100, 0.5, "inches",
                                       "The diagonal: every button is sized to at least 20 mm on it."),
            "printer": ChoiceRow(t, "Printer", [("", SAVE_AS_PDF), *[(n, n) for n in printer_names()]], s.printer,
                                 "For careers sheets; without a printer they are saved as PDF files."),
        }
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(t.px(14))
        layout.addWidget(heading(t, "Settings"))
        box, column = lines_box(t)
        for row in self.rows.values():
            column.insertWidget(column.count() - 1, row)
            if isinstance(row, TextRow):
                row.tapped.connect(self._type_into)
        layout.addWidget(ScrollPanel(box, t), 3)
        self.keyboard = StaffKeyboard(t)
        self.keyboard.setFixedHeight(5 * t.target(64) + 4 * t.px(8))
        self.keyboard.hide()
        self._typing: TextRow | None = None
        self.keyboard.typed.connect(lambda text: self._typing and self._typing.field.insert(text))
        self.keyboard.backspace.connect(lambda: self._typing and self._typing.field.backspace())
        self.keyboard.done.connect(self._done_typing)
        layout.addWidget(self.keyboard)
        row = QHBoxLayout()
        self.save_button = action_button(t, "Save", 240)
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        self.result = MessagePanel(t, "")
        row.addWidget(self.result, 1)
        layout.addLayout(row)

    def changes(self) -> dict[str, Any]:
        """The settings whose values in the form differ from those in force."""
        current: Settings = self._staff.services.settings
        values = {name: row.value for name, row in self.rows.items()}
        values["idle_timeout_s"] = int(values["idle_timeout_s"])
        values["speech_rate"] = int(values["speech_rate"])
        values["screen_inches"] = float(values["screen_inches"])
        return {k: v for k, v in values.items() if v != getattr(current, k)}

    def save(self) -> None:
        """Save what changed, apply it, and say when each change takes effect (or why it was refused)."""
        changes = self.changes()
        if not changes:
            self.result.set_text("Nothing to save: the settings are as they were.")
            return
        try:
            saved = self._staff.services.save_settings(changes)
        except (SettingsError, OSError) as e:
            self.result.set_text(f"Not saved: {e}")
            return
        self._staff.apply_settings(saved)
        self.result.set_text("Saved. " + " ".join(f"{NAMES[k]} applies {APPLIES[k]}." for k in changes))

    def refresh(self) -> None:
        """Nothing to read again: the form shows the settings as they were when it was built."""

    def set_busy(self, busy: bool) -> None:
        """Saving is quick and needs no worker, so a running job changes nothing here."""

    def _type_into(self, row: TextRow) -> None:
        self._typing = row
        self.keyboard.show()

    def _done_typing(self) -> None:
        if self._typing is not None:
            self._typing.field.clearFocus()
        self._typing = None
        self.keyboard.hide()

"""The settings form's row for the National Careers Service API key: a masked field and "Remove the key"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from kiosk.staff.ncs_key import MAX_KEY_LENGTH, NCS_KEY_ENV
from kiosk.ui.staff.form_rows import TextRow
from kiosk.ui.staff.parts import action_button
from kiosk.ui.theme import Theme

KEY_SET = "•••• set"
NOTES = {
    "": "Needed for Sync National Careers Service. Type it here; it is kept in a file only the kiosk can read "
        "and never shown again.",
    "file": "A key is kept (never shown). Type a new one to replace it; leave this empty to keep it.",
    "environment": f"The key in the {NCS_KEY_ENV} environment variable is used; a key saved here is used only "
                   "without it.",
}


class NcsKeyRow(TextRow):
    """Typed as dots, never filled in with the key kept: the field shows "•••• set" only as a faint hint."""

    def __init__(self, theme: Theme, source: str) -> None:
        # Room past the longest key, so a wrong paste is refused with a reason rather than silently cut short.
        super().__init__(theme, "NCS API key", "", NOTES[""], max_length=2 * MAX_KEY_LENGTH)
        t = theme
        self.field.setEchoMode(QLineEdit.EchoMode.Password)  # also stops copying the key out of the field
        self.field.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData
                                       | Qt.InputMethodHint.ImhNoPredictiveText)
        self.remove_button = action_button(t, "Remove the key", 200)
        self.controls.addWidget(self.remove_button)
        self.show_source(source)

    def show_source(self, source: str) -> None:
        """Say whether a key is kept, and where from ("environment", "file" or "")."""
        self.source = source
        self.field.setPlaceholderText(KEY_SET if source else "")
        self.note.setText(NOTES[source])
        self.remove_button.setEnabled(source == "file")  # only the file is the kiosk's to remove

    def clear(self) -> None:
        """Forget what was typed (after it is saved, or the key is removed)."""
        self.field.clear()

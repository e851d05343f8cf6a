"""The staff screen's Settings section: region, how visits start, idle time, speech and its volume, opening hours,
screen size, printer, the
careers sheet's contact and next steps (and where the last sheet went), and the National Careers Service API key."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.config import Settings, SettingsError
from kiosk.content.pages.careers_sheet import DEFAULT_CONTACT
from kiosk.schedule.opening_hours import EXAMPLE
from kiosk.settings_check import SHEET_WORDS
from kiosk.staff.ncs_key import NcsKeyError, check_ncs_key
from kiosk.ui.staff.form_rows import ChoiceRow, NumberRow, TextRow
from kiosk.ui.staff.key_row import NcsKeyRow
from kiosk.ui.staff.machine_notes import machine_notes, printer_fix
from kiosk.ui.staff.parts import MessagePanel, action_button, heading, lines_box
from kiosk.ui.staff.staff_keyboard import StaffKeyboard
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.plain_label import PlainLabel
from kiosk.ui.widgets.scroll_panel import ScrollPanel

if TYPE_CHECKING:
    from kiosk.ui.staff.controller import StaffController

MODES = [("standard", "Words"), ("picture", "Words and pictures"), ("large", "Big pictures")]
SAVE_AS_PDF = "Save as PDF"
# When a saved setting takes effect (the window applies them at once where that is cheap).
APPLIES = {
    "region": "now", "default_mode": "from the next visit", "idle_timeout_s": "now", "speech_voice": "now",
    "speech_rate": "now", "speech_volume": "now", "opening_hours": "now", "screen_inches": "now", "printer": "for the next printed sheet",
    "figures_old_after_years": "from the next page opened", "careers_contact": "for the next printed sheet",
    "next_steps": "for the next printed sheet",
}
NAMES = {
    "region": "Region", "default_mode": "How each visit starts", "idle_timeout_s": "Idle time",
    "speech_voice": "Speech voice", "speech_rate": "Speech rate", "speech_volume": "Speech volume",
    "opening_hours": "Opening hours", "screen_inches": "Screen size",
    "printer": "Printer", "figures_old_after_years": "Old figures", "careers_contact": "Careers contact",
    "next_steps": "Next steps",
}
HOURS_LENGTH = 200  # a whole week written out day by day, with room to spare
NO_FIGURES = "(no figures for it yet)"  # after a region the settings name but the content's figures do not


def region_options(known: Sequence[str] | None, *keep: str) -> list[tuple[str, str]]:
    """The regions to offer: those the content's figures name (None when they cannot be read), and any region in
    `keep` (the saved setting, the one chosen) that they do not, marked as having no figures, "UK" first then A-Z."""
    if known is None:
        return [(region, region) for region in dict.fromkeys(keep)]
    options = [(region, region) for region in known]
    for region in dict.fromkeys(keep):
        if region not in known:
            options.append((region, f"{region} {NO_FIGURES}"))
    return sorted(options, key=lambda o: (o[0] != "UK", o[0].casefold(), o[0]))


def problems_text(settings: Settings) -> str:
    """The settings the kiosk could not use, and what it uses instead, in words for staff ("" when none)."""
    if not settings.settings_problems:
        return ""
    lines = [f"• {p}." for p in settings.settings_problems]
    return "\n".join(["Some settings could not be used, so the kiosk is using other values. "
                      "Saving here writes a settings file without them.", *lines])


def printer_names() -> list[str]:
    """The printers Qt knows here (CUPS on Debian); none where printing support is missing."""
    try:
        from PySide6.QtPrintSupport import QPrinterInfo
    except ImportError:
        return []
    return list(QPrinterInfo.availablePrinterNames())


def sheets_note(settings: Settings, last: str) -> str:
    """Where pupils' careers sheets go, and where the last one went, in words for staff."""
    folder = settings.data_dir / "sheets"
    went = f"Careers sheets print on {settings.printer}; if it fails they are saved in {folder}." if settings.printer \
        else f"Careers sheets are saved as PDF files in {folder}, for staff to print."
    return f"{went} {last or 'No sheet yet since the kiosk started.'}"


class SettingsSection(QWidget):
    """A form of the settings staff change most, with Save; the message says when each change applies."""

    title = "Settings"

    def __init__(self, staff: StaffController, theme: Theme) -> None:
        super().__init__()
        t = theme
        self._staff = staff
        s = staff.services.settings
        voices = staff.services.voices()
        self.rows: dict[str, Any] = {
            "region": ChoiceRow(t, "Region", region_options(self._known_regions(), s.region), s.region,
                                "Pay and job figures for this region, where the content has them; else the UK's."),
            "default_mode": ChoiceRow(t, "How each visit starts", MODES, s.default_mode,
                                      "Pupils can change it; an idle reset returns to this."),
            "idle_timeout_s": NumberRow(t, "Idle time", s.idle_timeout_s, 60, 1200, 30, "seconds",
                                        "Without a touch for this long, the kiosk forgets the visit."),
            "speech_voice": (ChoiceRow(t, "Speech voice", [("", "The default English voice"), *voices],
                                       s.speech_voice) if voices else
                             TextRow(t, "Speech voice", s.speech_voice,
                                     "An espeak-ng voice name such as en-gb; blank for the default. "
                                     "(No list of voices can be offered here.)")),
            "speech_rate": NumberRow(t, "Speech rate", s.speech_rate, 80, 250, 10, "words a minute"),
            "speech_volume": NumberRow(t, "Speech volume", s.speech_volume, 0, 100, 10, "of 100",
                                       "Each visit starts at this level; pupils can make it quieter, never louder."),
            "opening_hours": TextRow(t, "Opening hours", s.opening_hours,
                                     f"Outside these the screen goes dark until touched, like {EXAMPLE}. "
                                     "Blank keeps it on all the time.", HOURS_LENGTH),
            "screen_inches": NumberRow(t, "Screen size", s.screen_inches, 7, 100, 0.5, "inches",
                                       "The diagonal: every button is sized to at least 20 mm on it."),
            "printer": ChoiceRow(t, "Printer", [("", SAVE_AS_PDF), *[(n, n) for n in printer_names()]], s.printer,
                                 "For careers sheets; without a printer they are saved as PDF files."),
            "careers_contact": TextRow(t, "Careers contact", s.careers_contact,
                                       "Printed on every careers sheet: who pupils ask, and where. Blank prints "
                                       f"\"{DEFAULT_CONTACT}\"", SHEET_WORDS["careers_contact"]),
            "next_steps": TextRow(t, "Next steps", s.next_steps,
                                  "Printed on every careers sheet: what the school suggests next. Blank prints the "
                                  "kiosk's own words.", SHEET_WORDS["next_steps"]),
            "figures_old_after_years": NumberRow(t, "Old figures", s.figures_old_after_years, 1, 20, 1, "years",
                                                 "Figures older than this are marked \"may be out of date\"."),
        }
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(t.px(14))
        layout.addWidget(heading(t, "Settings"))
        box, column = lines_box(t)
        if isinstance(self.rows["speech_voice"], TextRow):
            self.rows["speech_voice"].field.setPlaceholderText("The default English voice")
        # Where pupils' sheets go (a pupil only hears "ask at the careers desk"), under the printer's row.
        self.sheets_note = PlainLabel(sheets_note(s, self._last_sheet()), t.font(t.small),
                                      t.color("text"))
        self.ncs_key = NcsKeyRow(t, staff.services.ncs_key_source())
        self.ncs_key.remove_button.clicked.connect(self.remove_ncs_key)
        # Above the form, scrolling with it: a window whose least size grew would have to be laid out again.
        self.problems = PlainLabel(problems_text(s), t.font(t.body), t.color("text"))
        self.problems.setVisible(bool(s.settings_problems))
        # What cannot work on this machine, and how to fix it, just above the setting it spoils.
        self.machine_notes = machine_notes(t, staff.services.speech_problem(), printer_fix(printer_names()))
        rows = [note for name, row in self.rows.items() for note in (*self.machine_notes.get(name, ()), row)]
        rows.insert(rows.index(self.rows["printer"]) + 1, self.sheets_note)
        for row in [self.problems, *rows, self.ncs_key]:
            column.insertWidget(column.count() - 1, row)
            if isinstance(row, TextRow):
                row.tapped.connect(self._type_into)
        self.form_panel = ScrollPanel(box, t)
        layout.addWidget(self.form_panel, 3)
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
        values["speech_volume"] = int(values["speech_volume"])
        values["screen_inches"] = float(values["screen_inches"])
        values["figures_old_after_years"] = int(values["figures_old_after_years"])
        return {k: v for k, v in values.items() if v != getattr(current, k)}

    def save(self) -> None:
        """Save what changed, apply it, and say when each change takes effect (or why it was refused).

        A refused key or setting saves nothing, so staff see the form as it is and can put it right.
        """
        changes, key = self.changes(), self.ncs_key.value
        unusable = bool(self._staff.services.settings.settings_problems)  # saving writes a file without them
        if not changes and not key and not unusable:
            self.result.set_text("Nothing to save: the settings are as they were.")
            return
        try:
            if key:
                check_ncs_key(key)
            saved = self._staff.services.save_settings(changes) if changes or unusable else None
        except (SettingsError, NcsKeyError, OSError) as e:
            self.result.set_text(f"Not saved: {e}")
            return
        said = [f"{NAMES[k]} applies {APPLIES[k]}." for k in changes]
        if saved is not None:
            self._staff.apply_settings(saved)
            self._show_problems()
        if key:
            said.append(self._save_key(key))
        self.result.set_text(" ".join(["Saved.", *said]))

    def _save_key(self, key: str) -> str:
        try:
            self._staff.services.save_ncs_key(key)
        except (NcsKeyError, OSError) as e:  # the message names the file, never the key
            return f"The NCS API key was not saved: {e}"
        finally:
            self.ncs_key.clear()  # typed once: the field holds the key no longer than it must
        self.ncs_key.show_source(self._staff.services.ncs_key_source())
        return "The NCS API key is kept for the next sync."

    def remove_ncs_key(self) -> None:
        """Delete the kept NCS API key (syncing the National Careers Service then needs one again)."""
        try:
            self._staff.services.remove_ncs_key()
        except OSError as e:
            self.result.set_text(f"The NCS API key was not removed: {e}")
            return
        self.ncs_key.clear()
        self.ncs_key.show_source(self._staff.services.ncs_key_source())
        self.result.set_text("The NCS API key was removed. Syncing the National Careers Service needs a key again.")

    def _show_problems(self) -> None:
        settings = self._staff.services.settings
        self.problems.setText(problems_text(settings))
        self.problems.setVisible(bool(settings.settings_problems))

    def refresh(self) -> None:
        """Offer the regions the content names now (an import or sync may have brought more); the rest of the
        form stays as staff left it."""
        self._show_problems()
        self.sheets_note.setText(sheets_note(self._staff.services.settings, self._last_sheet()))
        region = self.rows["region"]
        region.set_options(region_options(self._known_regions(), self._staff.services.settings.region, region.value))

    def _last_sheet(self) -> str:
        take_home = getattr(self._staff.window, "take_home", None)  # a staff screen without pupils has none
        return getattr(take_home, "last_sheet", "")

    def _known_regions(self) -> list[str] | None:
        try:
            return self._staff.window.reader.regions()
        except Exception:  # a damaged database must not keep staff from the settings: offer what is set
            return None

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

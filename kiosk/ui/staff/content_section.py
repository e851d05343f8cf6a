"""The staff screen's first section, "Is my kiosk up to date?": each source's age or what to do, with the buttons
that update it and a sync's progress; Details shows the installed packs (the sample removable once real content is
in) and the last sync's full report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from kiosk.staff.api import SYNC_SOURCES, PackStatus, SyncResult
from kiosk.staff.freshness import Freshness, freshness
from kiosk.ui.staff.freshness_rows import FreshnessCard, summary_words
from kiosk.ui.staff.parts import (
    MessagePanel, action_button, add_line, clear_column, heading, lines_box, lines_card,
)
from kiosk.ui.staff.sample_removal import SampleRemoval
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.plain_label import PlainLabel
from kiosk.ui.widgets.scroll_panel import ScrollPanel

if TYPE_CHECKING:
    from kiosk.ui.staff.controller import StaffController

USB_BUTTON = "Official figures from a USB stick"
DETAILS, SUMMARY = "Details", "Back to the summary"
NO_REPORT = "No sync has run since the staff screen opened."


def short_time(iso: str) -> str:
    """An ISO time as staff read it: "2026-11-24 10:45" (dates alone stay as they are)."""
    return iso[:16].replace("T", " ") if len(iso) >= 16 else iso or "unknown"


def pack_lines(p: PackStatus) -> list[str]:
    """What staff see of one pack, line by line."""
    sources = "; ".join(f"{name} (retrieved {short_time(when)})" for name, when in p.sources) or "none listed"
    return [
        f"{p.title}{'  (sample content)' if p.sample else ''}",
        f"{p.pack_id}, version {p.version}, from {p.publisher or 'an unnamed publisher'}",
        f"Made {short_time(p.created)}; installed {short_time(p.installed)}; "
        f"last-known-good version: {p.last_known_good or 'none kept'}",
        f"Sources: {sources}",
    ]


def sync_text(result: SyncResult) -> str:
    """A sync's message, then its problems one per line."""
    n = len(result.problems)
    problems = "\n".join(f"• {p}" for p in result.problems)
    return result.message + (f"\n\n{n} problem{'s' if n != 1 else ''}:\n{problems}" if n else "")


class ContentSection(QWidget):
    """The answer in a line with Details beside it, a card per source saying how fresh it is (with its Sync
    buttons), a progress bar with Cancel while a sync runs, and the result; Details swaps the cards for the
    technical lines (with Remove on the sample's card)."""

    title = "Up to date?"

    def __init__(self, staff: StaffController, theme: Theme) -> None:
        super().__init__()
        t = self._theme = theme
        self._staff = staff
        self.sample_removals: dict[str, SampleRemoval] = {}  # by pack id: the sample packs' cards' actions
        self.details_shown = False
        self.lines: list[Freshness] = []
        self.cards: list[FreshnessCard] = []
        self.report = NO_REPORT  # the last sync's full report, kept for Details
        self._syncing: str | None = None
        self._failed_syncs: set[str] = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(t.px(14))
        layout.addWidget(heading(t, "Is my kiosk up to date?"))
        top = QHBoxLayout()
        top.setSpacing(t.px(t.gap))
        self.summary = PlainLabel("", t.font(t.body, bold=True), t.color("text"))
        top.addWidget(self.summary, 1)
        self.details_button = action_button(t, SUMMARY, 220)  # sized for the longer of its two labels
        self.details_button.set_content(DETAILS)
        self.details_button.clicked.connect(self.toggle_details)
        top.addWidget(self.details_button)
        layout.addLayout(top)
        box, self._packs = lines_box(t)
        self.packs = ScrollPanel(box, t)
        layout.addWidget(self.packs, 3)  # with a result shown the cards scroll, and the report has the room
        # Each online source's Sync button sits on its own card; the stick's button on the official figures' card.
        self.sync_buttons = {}
        for source, name in SYNC_SOURCES.items():
            button = action_button(t, f"Sync {name}", 420)
            button.clicked.connect(lambda _=False, s=source: self.sync(s))
            self.sync_buttons[source] = button
        self.usb_button = action_button(t, USB_BUTTON, 420)
        self.usb_button.clicked.connect(self.sync_from_usb)
        widest = max(b.width() for b in (*self.sync_buttons.values(), self.usb_button))
        for button in (*self.sync_buttons.values(), self.usb_button):
            button.setFixedWidth(widest)  # one width: a tidy column, each label on one line
            button.setParent(self)
            button.hide()
        # The progress bar, Cancel and the item being fetched: only while a sync runs, leaving the cards the room.
        self.progress_box = QWidget()
        column = QVBoxLayout(self.progress_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(t.px(8))
        row = QHBoxLayout()
        row.setSpacing(t.px(t.gap))
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(t.px(22))
        row.addWidget(self.progress, 1)
        self.cancel_button = action_button(t, "Cancel", 220)
        self.cancel_button.clicked.connect(self._cancel)
        row.addWidget(self.cancel_button)
        column.addLayout(row)
        self.item = PlainLabel("", t.font(t.body), t.color("text"))
        column.addWidget(self.item)
        self.progress_box.hide()
        layout.addWidget(self.progress_box)
        # Shown once there is something to say, so that at first every source's card has the room.
        self.result = MessagePanel(t, "")
        self.result.hide()
        layout.addWidget(self.result, 2)
        staff.jobs.progressed.connect(self._progressed)
        staff.jobs.succeeded.connect(self._succeeded)
        staff.jobs.failed.connect(self._failed)
        self.set_busy(staff.jobs.busy)

    def refresh(self) -> None:
        """Read the packs again (cheap: the index and one query) and show the summary or the details."""
        for button in (*self.sync_buttons.values(), self.usb_button):
            button.hide()
            button.setParent(self)  # out of the cards about to go, which would take the buttons with them
        clear_column(self._packs)
        self.cards = []
        self.sample_removals = {}
        try:
            packs = self._staff.services.pack_status()
        except Exception as e:  # a damaged index or database is shown to staff, not raised
            packs, problem = [], f"The pack list cannot be read: {e}"
        else:
            problem = "" if packs else "No packs are installed."
        self.lines = freshness(packs, self._staff.services.today(), self._failed_syncs)
        self.summary.setText(summary_words(self.lines))
        if self.details_shown:
            self._show_details(packs)
        else:
            for line in self.lines:
                buttons = [self.sync_buttons[line.sync]] if line.sync else []
                if line.sync == "official":
                    buttons.append(self.usb_button)
                card = FreshnessCard(self._theme, line, buttons)
                self.cards.append(card)
                add_line(self._packs, card)
        if problem:
            add_line(self._packs, PlainLabel(problem, self._theme.font(self._theme.body), self._theme.color("text")))
        self.packs.area.verticalScrollBar().setValue(0)

    def _show_details(self, packs: list[PackStatus]) -> None:
        t = self._theme
        # The sample may go only when something else is left for pupils to see.
        removable = any(not p.sample for p in packs)
        for p in packs:
            card, row = lines_card(t, pack_lines(p))
            if p.sample:
                removal = SampleRemoval(t, removable)
                removal.confirmed.connect(lambda pack_id=p.pack_id: self.remove(pack_id))
                removal.set_busy(self._staff.jobs.busy)
                row.addWidget(removal)
                self.sample_removals[p.pack_id] = removal
            add_line(self._packs, card)
        add_line(self._packs, lines_card(t, ["The last sync's report", *self.report.split("\n")])[0])

    def toggle_details(self) -> None:
        """Swap the summary for the details, or back."""
        self.details_shown = not self.details_shown
        self.details_button.set_content(SUMMARY if self.details_shown else DETAILS)
        self.refresh()
    def sync(self, source: str) -> None:
        """Start syncing one source on the worker thread."""
        services = self._staff.services
        if self._staff.run("sync", lambda progress, cancelled: services.sync(source, progress, cancelled)):
            self._syncing = source
            self._started(f"Syncing {SYNC_SOURCES[source]}. You can leave this screen: it carries on.")

    def sync_from_usb(self) -> None:
        """Start building the official figures from the release files on a USB stick, on the worker thread (as a
        sync: the same progress and Cancel)."""
        services = self._staff.services
        if self._staff.run("sync", lambda progress, cancelled: services.sync_official_from_usb(progress, cancelled)):
            self._syncing = "official"
            self._started("Reading the official figures from the USB stick. You can leave this screen: it carries "
                          "on; leave the stick in until it has finished.")

    def _started(self, text: str) -> None:
        self.progress.setRange(0, 0)  # busy until the first progress report says how many
        self.progress_box.show()
        self.item.setText("Starting…")
        self._say(text)

    def remove(self, pack_id: str) -> None:
        """Remove a pack on the worker thread (as an import runs), then show pupils what is left."""
        services = self._staff.services
        if self._staff.run("remove", lambda progress, cancelled: services.remove_pack(pack_id)):
            self._say(f"Removing {pack_id}…")

    def set_busy(self, busy: bool) -> None:
        """Sync and remove only when no job runs; Cancel only while a sync runs."""
        for button in (*self.sync_buttons.values(), self.usb_button):
            button.setEnabled(not busy)
        for removal in self.sample_removals.values():
            removal.set_busy(busy)
        self.cancel_button.setEnabled(busy and self._staff.jobs.name == "sync" and not self._staff.jobs.cancelling)
        if not busy:
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.progress_box.hide()

    def _cancel(self) -> None:
        self._staff.jobs.cancel()
        self.cancel_button.setEnabled(False)
        self.item.setText("Stopping after the items under way…")

    def _progressed(self, done: int, total: int, item: str) -> None:
        if self._staff.jobs.name != "sync":
            return
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        if not self._staff.jobs.cancelling:
            self.item.setText(f"{item} ({done} of {total})" if total else item)

    def _succeeded(self, name: str, result: object) -> None:
        if name == "sync" and isinstance(result, SyncResult):
            self.item.setText("")
            self.report = sync_text(result)
            self._say(self.report)
            self._sync_ended(result.installed is not None or not result.problems)
        if name == "remove":
            self._say(str(result))  # the staff controller gives pupils a fresh home page
        if name in ("sync", "import", "remove"):
            self.refresh()

    def _failed(self, name: str, message: str) -> None:
        if name == "sync":
            self.item.setText("")
            self.report = f"The sync stopped: {message}"
            self._say(self.report)
            self._sync_ended(False)
            self.refresh()
        elif name == "remove":
            self._say(f"The pack was not removed: {message}")

    def _sync_ended(self, worked: bool) -> None:
        """Remember whether the source synced last worked, so its card says what to do."""
        if self._syncing is not None:
            (self._failed_syncs.discard if worked else self._failed_syncs.add)(self._syncing)
        self._syncing = None

    def _say(self, text: str) -> None:
        """Show what an action said under the cards."""
        self.result.set_text(text)
        self.result.setVisible(bool(text))

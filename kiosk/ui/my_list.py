"""The pupil's "my list" for one visit: kept in memory only, never on disk, and wiped by the idle reset."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from kiosk.content.pages.page import Target
from kiosk.content.pages.take_home import KEEP, KEEPABLE, PRINT_SHEET, SHEET_DONE, UNKEEP, parse_target_key
from kiosk.staff.sheet_folder import PrintAllowance, SheetFolder, SheetLimits

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow

MAX_ITEMS = 30  # more than fits on one printed sheet already; a list this long is a pupil tapping for fun


class MyList:
    """The occupations, routes, events and resources kept this visit, in the order they were added."""

    def __init__(self) -> None:
        self._items: list[Target] = []

    @property
    def items(self) -> tuple[Target, ...]:
        return tuple(self._items)

    def __contains__(self, target: object) -> bool:
        return target in self._items

    def __len__(self) -> int:
        return len(self._items)

    def add(self, target: Target) -> bool:
        """Keep an item; False (and nothing kept) for a kind that cannot be kept, a repeat or a full list."""
        if target.kind not in KEEPABLE or not target.key or target in self._items or len(self._items) >= MAX_ITEMS:
            return False
        self._items.append(target)
        return True

    def remove(self, target: Target) -> None:
        if target in self._items:
            self._items.remove(target)

    def clear(self) -> None:
        """Forget everything kept (the idle reset: the next pupil starts with an empty list)."""
        self._items.clear()


class TakeHomeActions:
    """What the window does with "Add to my list", "remove" and "Print my careers sheet" choices."""

    KINDS = frozenset({KEEP, UNKEEP, PRINT_SHEET})

    def __init__(self, window: KioskWindow, clock: Callable[[], float], limits: SheetLimits = SheetLimits()) -> None:
        self.window = window
        # Where sheets go instead of the staff's printer and the data folder: (printer, folder), for the tour,
        # which is not a pupil: its sheets are not counted against the limits.
        self.sheet_place: tuple[str, Path] | None = None
        self.limits = limits
        self.allowance = PrintAllowance(limits, clock)
        self.now: Callable[[], dt.datetime] = dt.datetime.now  # the wall clock, for sheets' names and ages
        # Where the last sheet went, in words for staff (their Settings show it; a pupil is never shown a path).
        self.last_sheet = ""
        self.last_path: Path | None = None  # the last sheet's PDF (None when it went to the printer)

    def new_visit(self) -> None:
        """The idle reset: the next pupil may print their own sheets."""
        self.allowance.new_visit()

    def act(self, action: Target) -> None:
        """Keep or remove an item and redraw the page to say so; or print the sheet and say where it went."""
        window = self.window
        if action.kind == PRINT_SHEET:
            window.navigator.go(Target(SHEET_DONE, self.print_sheet(parse_target_key(action.key))))
            return
        item = parse_target_key(action.key)
        if action.kind == UNKEEP:
            window.my_list.remove(item)
        else:
            window.my_list.add(item)
        window.redraw()  # the same page, now saying whether its item is kept

    def print_sheet(self, also: Target | None = None) -> str:
        """Print (or save as a PDF) the careers sheet of my list, with `also` added; says what to do next.

        In the picture modes the sheet is the symbol one; the school's contact and next steps come from Settings.
        """
        from kiosk.content.pages.careers_sheet import sheet_entries, sheet_footer
        from kiosk.ui.careers_sheet import print_sheet

        window = self.window
        targets = list(window.my_list.items)
        if also is not None and also.kind and also not in targets:
            targets.append(also)
        entries = sheet_entries(targets, window.reader, window.settings.region)
        if not entries:
            return "Your list is empty, so there is nothing to print yet. Add a job, route, event or resource first."
        refusal = "" if self.sheet_place else self.allowance.refusal()
        if refusal:
            return refusal
        printer, folder = self.sheet_place or (window.settings.printer, window.settings.data_dir / "sheets")
        settings = window.settings
        try:
            message, path = print_sheet(entries, "Careers kiosk", window.reader.has_sample_content(), printer,
                                        SheetFolder(folder, self.limits, self.now), self.now(),
                                        footer=sheet_footer(settings.careers_contact, settings.next_steps),
                                        pictures=self._pictures())
        except OSError as e:  # a full or read-only disk: nothing half-written is left; say so, and carry on
            logging.getLogger(__name__).error("could not save the careers sheet: %s", e)
            return "Sorry, your careers sheet could not be printed. Please ask a member of staff."
        except Exception:  # a sheet that cannot be drawn: the kiosk says sorry, the log has the traceback
            logging.getLogger(__name__).exception("could not make the careers sheet")
            return "Sorry, your careers sheet could not be printed. Please ask a member of staff."
        if not self.sheet_place:
            self.allowance.counted()
        self.last_path = path
        self.last_sheet = sheet_went(self.now(), printer, path)
        return message

    def _pictures(self):
        """Picture mode's symbols for the symbol sheet, in the picture modes; None (the words sheet) otherwise."""
        window = self.window
        # The picture modes load the symbols as they start, so a sheet asked for in one finds them there.
        if window.display.mode == "standard":
            return None
        if window.symbols is None or window.pixmaps is None or not window.symbols.has_symbols:
            return None
        from kiosk.ui.symbol_sheet import SheetPictures

        return SheetPictures(window.symbols.tokens, window.pixmaps.get)


def sheet_went(when: dt.datetime, printer: str, path: Path | None) -> str:
    """Where a sheet went, in words for staff: the printer, or the PDF staff can print (and why, if not printed)."""
    if path is None:
        return f"The last careers sheet ({when:%H:%M}) was printed on {printer}."
    why = f" because the printer “{printer}” did not print it (see the log)" if printer else ""
    return f"The last careers sheet ({when:%H:%M}) was saved as {path}{why}."

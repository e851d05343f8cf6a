"""`kiosk tour`: render every screen offscreen to a PNG, for documentation and review."""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

from kiosk.config import Settings
from kiosk.content.folder_write import Folder, open_folder
from kiosk.tour_area import area_steps
from kiosk.tour_files import name_sheet, save_screen, sheet_pictures
from kiosk.tour_staff import staff_steps, tour_staff


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{3,5})x(\d{3,5})", text.strip())
    if not match:
        raise ValueError(f"--size must look like 1920x1080, not {text!r}")
    return int(match[1]), int(match[2])


MODES = {  # folder name -> (display mode, high contrast)
    "standard": ("standard", False),
    "picture": ("picture", False),
    "large-symbols": ("large", False),
    "high-contrast": ("standard", True),
}


def run_tour(settings: Settings, out: Path, size_text: str, manifest: bool = False) -> int:
    try:
        size = parse_size(size_text)
    except ValueError as e:
        print(f"kiosk: {e}", file=sys.stderr)
        return 2
    # The tour always renders offscreen, whatever screen (if any) this machine has.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:  # the folder named is followed once; nothing beneath it is written through a link
        target = open_folder(out)
    except OSError as e:
        print(f"kiosk: cannot write to {out}: {e.strerror or e}", file=sys.stderr)
        return 1
    with target:
        return _render(settings, target, size, [] if manifest else None)


def _render(settings: Settings, out: Folder, size: tuple[int, int], entries: list | None) -> int:
    from PySide6.QtWidgets import QApplication

    from kiosk.app import build_window, open_content
    from kiosk.tour_manifest import write_manifest
    from kiosk.ui.session_display import Display

    try:  # each folder made now, and refused if a link or a file is in its place
        for name in ["sheets", *MODES, "staff"]:
            out.subfolder(name).close()
    except OSError as e:
        print(f"kiosk: cannot write to {out.path}: {e.strerror or e}", file=sys.stderr)
        return 1
    reader = open_content(settings)
    app = QApplication.instance() or QApplication(["kiosk-tour"])
    scratch = tempfile.TemporaryDirectory(prefix="kiosk-tour-")  # the tour's own PIN, usage counts and NCS key
    window = build_window(settings, reader, size, staff=tour_staff(settings, Path(scratch.name)))
    window.allow_close = True
    window.take_home.sheet_place = ("", out.real / "sheets")  # a PDF in the tour's folder, never the staff's printer
    _show_speech_bar(window)
    window.show()
    written = []
    for folder, (mode, contrast) in MODES.items():
        window.reset_session()
        window.set_display(Display(mode=mode, high_contrast=contrast))
        for number, (name, step) in enumerate(tour_steps(window, reader, mode), 1):
            step()
            app.processEvents()
            if not save_screen(out, f"{folder}/{number:02d}-{name}.png", window, written, entries):
                return 1
        window.overlay.hide()
        name_sheet(window.take_home, folder)
    window.reset_session()
    window.set_display(Display())
    try:
        for number, (name, step) in enumerate(staff_steps(window), 1):
            step()
            app.processEvents()
            if not save_screen(out, f"staff/{number:02d}-{name}.png", window, written, entries):
                return 1
    finally:
        window.staff.services.finish_sync.set()  # a pictured sync never outlives the tour
        window.staff.shutdown()  # the USB watch and any staff job stop before the window goes
    window.close()
    window.deleteLater()
    reader.close()
    scratch.cleanup()
    with out.subfolder("sheets") as sheets:
        papers = sheet_pictures(sheets)
    if entries is not None and not write_manifest(out, entries):
        return 1
    print(f"wrote {len(written)} screens to {out.path} ({', '.join([*MODES, 'staff'])}) and {len(papers)} printed "
          "careers sheets (sheets)")
    return 0


def tour_steps(window, reader, mode: str):
    """(name, action) pairs that bring each screen up in turn, for one display mode."""
    from kiosk.content.pages.page import HOME, SEARCH, Target

    sectors = sorted(reader.sectors(), key=lambda s: -s.occupation_count)
    occupations = reader.occupations()
    showcase = next((o.id for o in occupations if o.id == "nurse"), occupations[0].id if occupations else "")
    interests = reader.interests()

    def scroll_to_end():
        panel = _scroll_panel(window)
        if panel is not None:
            bar = panel.area.verticalScrollBar()
            bar.setValue(bar.maximum())

    def type_into_search(text):
        def step():
            window.open(HOME)
            window.open(SEARCH)
            for letter in text:
                window.screen_widget.keyboard.keys[letter.upper()].click()
        return step

    steps = [
        ("home", lambda: window.open(HOME)),
        ("how-it-looks", lambda: window.open(Target("display"))),
        ("sectors", lambda: window.open(Target("sectors"))),
    ]
    if sectors:
        steps.append(("sector", lambda: window.open(Target("sector", sectors[0].id))))
    steps += [
        ("occupation", lambda: window.open(Target("occupation", showcase))),
        ("occupation-end", scroll_to_end),
    ]
    shown = reader.occupation(showcase) if showcase else None
    group = shown.unit_group.group if shown is not None else None
    if group is not None:  # the job library's page for the showcase's whole unit group, listing its everyday jobs
        steps += [("occupation-group", lambda: window.open(Target("occupation", group.id))),
                  ("occupation-group-end", scroll_to_end)]
    steps += _compare_steps(window, occupations, showcase, mode)
    steps += _school_steps(window, reader, scroll_to_end)
    steps += [("things-i-like", lambda: window.open(Target("interests")))]
    if interests:
        steps.append(("things-i-like-jobs", lambda: window.open(Target("interest", interests[0][0]))))
    if mode != "large":
        steps += [
            ("search", lambda: window.open(SEARCH)),
            ("search-results", type_into_search("nurce")),
            ("search-nothing-found", type_into_search("qqq")),
            ("search-same-kind", type_into_search("rabbi")),  # a title only ONS's index holds
        ]
    steps += _explore_steps(window, scroll_to_end)
    here = window.settings
    steps += area_steps(window, reader, showcase, scroll_to_end)
    steps += [
        ("growing-jobs", lambda: (window.apply_settings(here), window.open(Target("growing")))),
        ("jobs-a-to-z", lambda: window.open(Target("a-z"))),
        *([("jobs-a-to-z-letter", _tap_letter(window, "M"))] if mode != "large" else []),  # big pictures narrows
        *_take_home_steps(window, showcase),
        ("missing-page", lambda: window.open(Target("occupation", "no-such-job"))),
        ("idle-warning", lambda: (window.open(HOME), window.overlay.show_countdown(27))),
    ]
    return steps


def _take_home_steps(window, showcase: str):
    """A job's QR code, then "my list" with that job kept (the idle reset before each mode empties it)."""
    from kiosk.content.pages.page import Target

    def my_list():
        window.my_list.add(Target("occupation", showcase))
        window.open(Target("my-list"))

    def printed():
        from kiosk.content.pages.take_home import PRINT_SHEET

        window.take_home.act(Target(PRINT_SHEET, ""))  # as the pupil's tap: the sheet, then where it went

    return [("take-this-home", lambda: window.open(Target("take-home", f"occupation:{showcase}"))),
            ("my-list", my_list), ("home-with-my-list", lambda: window.open(Target("home"))),
            ("careers-sheet-printed", printed)]


def _tap_letter(window, letter: str):
    """A step that taps a letter of the A to Z list's letter strip (the list as it was if there is none)."""
    def step():
        from kiosk.ui.widgets.list_tools import LetterStrip

        strip = window.screen_widget.findChild(LetterStrip)
        if strip is not None and strip.buttons[letter].isEnabled():
            strip.buttons[letter].click()
    return step


def _school_steps(window, reader, scroll_to_end):
    """Routes after school, the levels, alumni stories, events and the careers library: each list and one of its
    pages (the richest route, the first story, event and resource), whatever content is installed."""
    import datetime as dt

    from kiosk.content.pages.page import Target

    routes = reader.routes()
    route = max(routes, key=lambda r: (len(reader.alumni(route=r.id)), len(reader.providers_for(r.id))),
                default=None)
    stories = reader.alumni()
    events = reader.upcoming_events(dt.date.today().isoformat())
    library = reader.resources()
    return [
        ("routes", lambda: window.open(Target("routes"))),
        ("route", lambda: window.open(Target("route", route.id if route else ""))),
        ("route-end", scroll_to_end),
        ("route-jobs", lambda: window.open(Target("route-jobs", route.id if route else ""))),
        ("levels", lambda: window.open(Target("rqf"))),
        ("stories", lambda: window.open(Target("stories"))),
        ("story", lambda: window.open(Target("story", stories[0].id if stories else ""))),
        ("events", lambda: window.open(Target("events"))),
        ("event", lambda: window.open(Target("event", events[0].id if events else ""))),
        ("library", lambda: window.open(Target("library"))),
        ("library-send", lambda: window.open(Target("library", "send"))),
        ("resource", lambda: window.open(Target("resource", library[0].id if library else ""))),
    ]


def _compare_steps(window, occupations, showcase: str, mode: str):
    """The compare picker, then three jobs side by side; in big pictures first the showcase job's facts (each a
    cell that opens one big picture), the picker's first kind of jobs, and two jobs as cards."""
    from kiosk.content.pages.page import HOME, Target

    others = [o.id for o in occupations if o.id != showcase][:2]
    three = ",".join([showcase, *others])

    def tap(label: str, then=None):
        def step():
            if then is not None:
                then()
            cells = getattr(window.screen_widget, "cells", [])
            cell = next((c for c in cells if c.label == label or label == "" and c.detail.endswith(" jobs")), None)
            if cell is not None:  # content without this cell shows the step before it again
                cell.click()
        return step

    def job():  # the job's page afresh, at its cells (opening the page on show would keep the fact open)
        window.open(HOME)
        window.open(Target("occupation", showcase))

    steps = []
    if mode == "large":
        steps += [("occupation-pay", tap("Pay", job)),
                  ("occupation-jobs-in-the-future", tap("Jobs in the future", job)),
                  ("occupation-more", tap("More", job))]
    steps += [("compare-pick", lambda: window.open(Target("compare-pick", showcase)))]
    if mode == "large":
        steps.append(("compare-pick-kind", tap("")))  # the first kind of jobs: a long list narrowed, not paged
    steps.append(("compare", lambda: window.open(Target("compare", three))))
    if mode == "large":
        steps.append(("compare-two-jobs", lambda: window.open(Target("compare", ",".join([showcase, *others[:1]])))))
    return steps


def _explore_steps(window, scroll_to_end):
    """Exploring by school subject and by route, a list sorted by pay, and "Jobs in our area" (top and end)."""
    from kiosk.content.pages.page import Target

    return [
        ("subjects", lambda: window.open(Target("subjects"))),
        ("subject-by-pay", lambda: window.open(Target("subject", "maths|pay"))),
        ("route-kinds", lambda: window.open(Target("route-kinds"))),
        ("route-kind", lambda: window.open(Target("route-kind", "apprenticeship"))),
        ("local", lambda: window.open(Target("local"))),
        ("local-end", scroll_to_end),
        ("myths", lambda: window.open(Target("myths"))),
    ]


class _Silent:
    """A player and a speech worker that do nothing: the tour shows the speech bar, it does not speak."""

    def request(self, *args) -> None: ...
    def load(self, wav) -> None: ...
    def set_volume(self, loudness: float) -> None: ...
    def play(self) -> None: ...
    def pause(self) -> None: ...
    def stop(self) -> None: ...
    def seek(self, ms: int) -> None: ...
    def position(self) -> int: return 0
    def playing(self) -> bool: return False


def _show_speech_bar(window) -> None:
    """Where espeak-ng is installed, picture the kiosk as a pupil with speech sees it."""
    from kiosk.access.speech import DEFAULT_PITCH, DEFAULT_RATE, DEFAULT_VOICE, problem

    if problem() is None:
        from kiosk.ui.speech_controller import SpeechController

        window.set_speaker(SpeechController(_Silent(), _Silent(), DEFAULT_VOICE, DEFAULT_RATE, DEFAULT_PITCH))


def _scroll_panel(window):
    from kiosk.ui.widgets.scroll_panel import ScrollPanel

    return window.screen_widget.findChild(ScrollPanel)

"""The composition root: the only place that builds the concrete pieces and wires them together."""

from __future__ import annotations

import gc
import time
from pathlib import Path

from kiosk.config import Settings
from kiosk.content.pack_store import PackStore
from kiosk.content.reader import ContentReader, open_reader
from kiosk.content.trust import TrustPolicy

DEFAULT_WINDOW = (1280, 800)
USAGE_FLUSH_MS = 5 * 60 * 1000  # usage counts are written at every idle reset, and at least this often


def log(message: str, *args: object) -> None:
    """Log to stderr (the journal, under systemd). Logging is imported on first use, after the first paint."""
    import logging

    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger(__name__).info(message, *args)


def prepare_content(settings: Settings) -> tuple[PackStore, list[str]]:
    """Install the sample on first run and repair the database if it needs it; say what was done."""
    if not settings.data_dir.is_dir():  # on a read-only disk the folder is there already, and cannot be made
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    store = PackStore(settings.data_dir, TrustPolicy.for_data_dir(settings.data_dir, settings.require_signed))
    sample: Path | None = settings.sample_dir if settings.sample_dir.is_dir() else None
    notes = store.start(sample, settings.builtin_dirs)
    for note in notes:
        log(note)
    return store, notes


def open_content(settings: Settings) -> ContentReader:
    store, _ = prepare_content(settings)
    return open_reader(store.db_path, immutable=store.db_immutable)


def load_symbols(settings: Settings):
    """The vocabulary and the installed symbol sets, or None (pages then show words only) if they cannot load."""
    from kiosk.access.lexicon import Lexicon, LexiconError
    from kiosk.access.symbol_library import SymbolLibrary
    from kiosk.access.symbol_sets import installed_sets
    from kiosk.access.symboliser import Symboliser
    from kiosk.config import LEXICON_DIR

    try:
        return Symboliser(Lexicon.load(LEXICON_DIR), SymbolLibrary(installed_sets(settings.data_dir)))
    except (OSError, LexiconError) as e:
        log("symbols are off: %s", e)
        return None


def make_speaker(settings: Settings):
    """Speech, if this machine can speak: espeak-ng for the words and an audio output to play them.

    Returns (speaker, worker) or None; `kiosk doctor` says why speech is off.
    """
    from kiosk.access.speech import DEFAULT_PITCH, DEFAULT_RATE, DEFAULT_VOICE, SpeechWorker
    from kiosk.ui.qt_player import QtPlayer
    from kiosk.ui.speech_controller import SpeechController

    off = speech_off()
    if off.engine or off.audio:
        log("speech is off: %s", off.engine or off.audio)
        return None
    worker = SpeechWorker(settings.data_dir / "speech-cache")
    worker.start()
    voice = settings.speech_voice or DEFAULT_VOICE
    return SpeechController(worker, QtPlayer(), voice, DEFAULT_RATE, DEFAULT_PITCH), worker


def speech_off():
    """Why speech cannot start here (the speech program's problem, else the audio output's), for the log and staff."""
    from kiosk.access.speech import problem
    from kiosk.staff.machine_words import SpeechOff
    from kiosk.ui.qt_player import audio_output_problem

    engine = problem()
    return SpeechOff(engine, None if engine else audio_output_problem())


def speech_voices(worker) -> list[tuple[str, str]]:
    """The English espeak-ng voices as (id, name), once the speech worker has opened espeak-ng; else none."""
    if worker is None or not worker.wait_until_ready(0) or worker.problem() is not None:
        return []
    from kiosk.access.speech.espeak import open_espeak

    # Already open on the worker's thread: this only reads the list it made then.
    return [(v.id, v.name) for v in open_espeak().voices() if v.language.startswith("en")]


def make_staff(settings: Settings, store: PackStore, speech_worker=lambda: None, speech_problems=None):
    """The staff services over the data directory: PIN, usage counts, packs, USB sticks, sync and settings."""
    from kiosk.staff.pin import pin_store
    from kiosk.staff.services import StaffServices
    from kiosk.staff.usage import USAGE_FILE, UsageLog

    return StaffServices(settings, store, pin_store(settings.data_dir), UsageLog(settings.data_dir / USAGE_FILE),
                         voices=lambda: speech_voices(speech_worker()), speech_off=speech_problems)


def flush_usage(usage) -> None:
    """Write the usage counts out; a disk that cannot take them is logged, and they wait in memory."""
    try:
        usage.flush()
    except Exception as e:
        log("usage counts could not be written: %s", e)


def build_window(settings: Settings, reader: ContentReader, size: tuple[int, int], clock=time.monotonic, staff=None):
    """The kiosk window with its idle watcher (and the staff services, if given), on the running QApplication."""
    from PySide6.QtCore import QTimer

    from kiosk.ui.idle import IdleWatcher
    from kiosk.ui.lockdown import NoContextMenus, UrlSink
    from kiosk.ui.no_way_out import NoWayOutKeys
    from kiosk.ui.window import KioskWindow

    idle = IdleWatcher(settings.idle_timeout_s, settings.idle_warning_s, clock=clock)
    window = KioskWindow(reader, settings, idle, size, load_symbols=lambda: load_symbols(settings), clock=clock)
    idle.setParent(window)
    if staff is not None:
        window.attach_staff(staff)
    guards = NoContextMenus(window)
    sink = UrlSink(window)
    sink.install()

    if settings.scan_mode != "off":
        from kiosk.ui.scanning import ScanController

        window.scanner = ScanController(window, window.scan_buttons, settings.scan_mode, settings.scan_interval_s,
                                        clock=clock, parent=window)

    def install_filters() -> None:
        filters = [NoWayOutKeys(window), guards, idle, *([window.scanner] if window.scanner is not None else [])]
        window.input_filters.install(filters)
        if window.scanner is not None:
            window.scanner.restart()

    # The app-wide filters go in as soon as the event loop turns, just after the first paint: no pupil can
    # touch the screen before then, and the hundreds of start-up events need not pass through Python.
    QTimer.singleShot(0, window, install_filters)
    return window


def present(window, windowed: bool) -> None:
    """Show the window: frameless, on top and full screen for a kiosk, or a normal window on a desktop."""
    from PySide6.QtCore import Qt

    if windowed:
        window.show()
    else:
        from kiosk.ui.no_way_out import KeepFullScreen

        window.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        window.showFullScreen()
        KeepFullScreen(window)


def run_kiosk(settings: Settings, *, quit_after_first_paint: bool = False) -> int:
    """Run the kiosk until it is closed by staff (or, for benchmarks, until the first paint), or rest after crashes."""
    from kiosk.run_guard import RunGuard

    guard = RunGuard(settings, may_rest=not quit_after_first_paint)
    return guard.run(lambda: _run(settings, guard, quit_after_first_paint))


def _run(settings: Settings, guard, quit_after_first_paint: bool) -> int:
    store, _ = prepare_content(settings)
    reader = open_reader(store.db_path, immutable=store.db_immutable)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["careers-kiosk"])
    guard.watchdog()  # says STOPPING=1 as the event loop ends
    screen = app.primaryScreen().geometry()
    size = DEFAULT_WINDOW if settings.windowed else (screen.width(), screen.height())
    window = build_window(settings, reader, size)
    present(window, settings.windowed)
    window.idle.start()
    stops = []  # the SIGINT/SIGTERM bridge, made after the first paint (it needs the socket module)
    workers = []  # the speech worker's thread, stopped when the kiosk stops
    staffs = []  # the staff services, whose usage counts are written when the kiosk stops

    def stop(number: int) -> None:
        log("stopping on signal %d", number)
        window.allow_close = True
        app.quit()

    def after_first_paint() -> None:
        from kiosk.ui.stop_signals import StopSignals

        stops.append(StopSignals(window))
        stops[0].stop_requested.connect(stop)
        stops[0].install()
        window.prepare()  # after the first paint: the symbol sets take a moment to load
        speech = make_speaker(settings)  # likewise QtMultimedia and espeak
        off = None if speech is not None else speech_off()  # for staff: why, and how to fix it
        if speech is not None:
            window.set_speaker(speech[0])
            workers.append(speech[1])
        # Staff and usage counting come in before any pupil can touch the screen, but after the first paint.
        staff = make_staff(settings, store, lambda: workers[0] if workers else None, off)
        window.attach_staff(staff)
        staffs.append(staff)
        from kiosk.ui.screen_schedule import ScreenSchedule

        ScreenSchedule(window)  # dark outside opening hours, a touch wakes it; it attaches itself to the window
        flusher = QTimer(window)
        flusher.timeout.connect(lambda: flush_usage(staff.usage))
        flusher.start(USAGE_FLUSH_MS)
        # What start-up built (symbol sets included) lives all day: freeze it out of the collector's way, so a
        # full collection during a page switch walks only what pages make; then collect as usual.
        gc.freeze()
        gc.enable()
        counts = reader.counts()
        log(
            "kiosk running on Qt platform %s at %dx%d: %d occupations in %d sectors from packs %s",
            app.platformName(), *size, counts["occupations"], counts["sectors"],
            ", ".join(f"{p.pack_id} {p.content_version}" for p in reader.packs()),
        )
        guard.painted(window)  # READY=1 to systemd, then the watchdog's pings from this thread

    QTimer.singleShot(0, after_first_paint)
    if quit_after_first_paint:
        window.allow_close = True
        window.repaint()
        print(f"first-paint {time.perf_counter():.6f}", flush=True)
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    for bridge in stops:
        bridge.uninstall()
    for worker in workers:
        worker.stop()
    for staff in staffs:
        staff.usage.end_visit()  # stopping ends the visit, if there was one
        flush_usage(staff.usage)
    window.idle.stop()
    window.close()
    reader.close()
    return code

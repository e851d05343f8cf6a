"""`kiosk doctor`: what is installed, whether the database is sound, and what this machine can do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict, dataclass

from kiosk.access.speech_engine import speech_engine_problem
from kiosk.access.symbol_sets import read_sets
from kiosk.config import Settings
from kiosk.content.db_install import DatabaseFault, check_database, needs_immutable
from kiosk.content.pack_store import PackStore
from kiosk.doctor_state import state_findings
from kiosk.settings_check import settings_findings
from kiosk.staff.pin_health import pin_findings
from kiosk.staff.sheet_folder import SheetFolder

AUDIO_PROBE = """
from PySide6.QtGui import QGuiApplication
from PySide6.QtMultimedia import QMediaDevices
app = QGuiApplication([])
print(len(QMediaDevices.audioOutputs()))
"""
QT_PROBE = """
import PySide6, sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
print(app.platformName(), PySide6.__version__)
"""
KNOWN_BAD_PYSIDE = {"6.12.0"}  # leaks references to None on Python < 3.12 (kiosk-operations.md §1.1)


@dataclass(frozen=True)
class Check:
    """One line of the report: what was checked, ok / warning / fault, and what was found."""

    name: str
    status: str
    detail: str


def run_checks(settings: Settings) -> list[Check]:
    from kiosk.doctor_storage import storage_checks

    store = PackStore(settings.data_dir)
    checks = [*storage_checks(store), *_packs(store), *_pack_owners(store), *_pack_files(store), _database(store),
              _speech(), _symbols(settings),
              _symbol_images(settings), _qt(), _sheets(settings)]
    checks += [Check(*finding) for finding in pin_findings(settings.data_dir)]
    checks += [Check(*finding) for finding in settings_findings(settings)]
    checks += [Check(*finding) for finding in state_findings(settings)]
    log = store.log_lines(5)
    if log:
        checks.append(Check("content log", "ok", " | ".join(log)))
    return checks


def _packs(store: PackStore) -> list[Check]:
    entries = store.entries()
    if not entries:
        return [Check("packs", "fault", f"no packs are installed in {store.data_dir} (run the kiosk once to install the sample)")]
    made = _pack_dates(store)
    return [
        Check(
            f"pack {e.pack_id}",
            "ok",
            f"version {e.content_version}"
            + (f", made {made[e.pack_id]}" if e.pack_id in made else "")
            + f", installed {e.installed}"
            + (f", last-known-good {e.previous_version}" if e.previous_version else ""),
        )
        for e in entries.values()
    ]


def _pack_owners(store: PackStore) -> list[Check]:
    """Packs bound to a publisher's key that is no longer trusted: nothing but that key's packs can replace them."""
    from kiosk.content.pack_owner import held_by_untrusted_keys
    from kiosk.content.trust import trusted_keys, trusted_keys_dir

    keys, problems = trusted_keys(trusted_keys_dir(store.data_dir))
    unread = f" (a trusted key file cannot be read: {'; '.join(problems)})" if problems else ""
    return [Check(f"pack {pack_id} owner", "warning", words + unread)
            for pack_id, words in held_by_untrusted_keys(store.entries(), keys).items()]


def _pack_files(store: PackStore) -> list[Check]:
    """Each installed pack file read as an import would read it (within today's bounds on size and rows): a file
    that no longer passes is dropped, or replaced by its last-known-good, at the next change of content."""
    from kiosk.content.errors import PackRejected
    from kiosk.content.pack_file import read_pack

    faults = []
    for e in store.entries().values():
        try:
            read_pack(store.packs_dir / e.current)
        except PackRejected as problem:
            faults.append(Check(f"pack file {e.pack_id}", "fault",
                                f"version {e.content_version} does not pass this kiosk's checks ({problem}); it is "
                                "dropped at the next import or removal: import a good copy of it"))
    return faults or [Check("pack files", "ok", "every installed pack file passes the checks an import makes")]


def _pack_dates(store: PackStore) -> dict[str, str]:
    """When each installed pack was made, as its manifest says (read from the database, if it opens)."""
    from kiosk.content.reader import open_reader

    try:
        reader = open_reader(store.db_path, immutable=needs_immutable(store.db_path))
        try:
            return {p.pack_id: p.created for p in reader.packs()}
        finally:
            reader.close()
    except Exception:  # the database check below reports what is wrong with it
        return {}


def _database(store: PackStore) -> Check:
    fault = store.database_fault()
    if fault is None:
        try:
            check_database(store.db_path, full=True, immutable=store.db_immutable)
        except DatabaseFault as e:
            fault = str(e)
    if fault:
        return Check("database", "fault", f"{store.db_path}: {fault}")
    return Check("database", "ok", f"{store.db_path}: integrity ok, built from the installed packs")


def _speech() -> Check:
    problem = speech_engine_problem() or _audio_problem()
    if problem:
        return Check("speech", "warning", f"speech is off, and its buttons hidden: {problem}")
    return Check("speech", "ok", "espeak-ng (through pyttsx3) and an audio output are available")


def _audio_problem() -> str | None:
    # In a child process: Qt's multimedia start-up is noisy, and a broken audio stack must not hang doctor.
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    try:
        probe = subprocess.run([sys.executable, "-c", AUDIO_PROBE], capture_output=True, text=True, timeout=60, env=env)
    except subprocess.TimeoutExpired:
        return "looking for an audio output did not finish in 60 s"
    lines = probe.stdout.split()
    if probe.returncode != 0 or not lines:
        return "Qt's multimedia support could not start"
    return None if int(lines[-1]) > 0 else "no audio output device was found (is a sound server running?)"


def _symbols(settings: Settings) -> Check:
    sets = read_sets(settings.data_dir)[0]  # a set left out is named by kiosk.doctor_state
    if not sets:
        return Check("symbols", "warning", "no symbol sets are installed: the kiosk shows text only "
                     "(kiosk symbols install openmoji)")
    return Check("symbols", "ok", "in this order: " + ", ".join(f"{s.name} ({len(s.symbols):,})" for s in sets))


def _symbol_images(settings: Settings) -> Check:
    from kiosk.access.symbol_audit import costly_symbols

    found = costly_symbols(settings.data_dir)
    if found:
        return Check("symbol images", "fault", "an installed image would take gigabytes or minutes to draw; "
                     "import its set again to leave it out: " + "; ".join(found))
    return Check("symbol images", "ok", "every installed symbol image is safe to draw")


def _qt() -> Check:
    platform = os.environ.get("QT_QPA_PLATFORM", "(Qt's default)")
    try:
        probe = subprocess.run([sys.executable, "-c", QT_PROBE], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return Check("qt", "fault", f"starting Qt on platform {platform} did not finish in 60 s")
    if probe.returncode != 0:
        lines = probe.stderr.strip().splitlines() or ["no message"]
        # Qt's first complaint names the cause ("could not connect to display"); the last only lists plugins.
        cause = next((l for l in lines if "could not" in l.lower() or "needed" in l), lines[-1])
        return Check("qt", "fault", f"Qt cannot start on platform {platform}: {cause.strip()}")
    name, version = probe.stdout.split()
    if version in KNOWN_BAD_PYSIDE and sys.version_info < (3, 12):
        return Check("qt", "fault", f"PySide6 {version} on Python 3.11 crashes after hours (none_dealloc); install 6.11.3")
    return Check("qt", "ok", f"platform {name}, PySide6 {version}")


def _sheets(settings: Settings) -> Check:
    """Careers sheets saved for staff: none half-written, and the folder within its limits."""
    folder = SheetFolder(settings.data_dir / "sheets")
    problems = folder.problems()
    if problems:
        return Check("careers sheets", "warning", "; ".join(problems))
    return Check("careers sheets", "ok", f"{len(folder.sheets())} saved for staff to print in {folder.folder}")


def run_doctor(settings: Settings, as_json: bool = False) -> int:
    checks = run_checks(settings)
    if as_json:
        print(json.dumps([asdict(c) for c in checks], indent=1))
    else:
        for c in checks:
            print(f"{c.status.upper():8} {c.name}: {c.detail}")
    return 1 if any(c.status == "fault" for c in checks) else 0

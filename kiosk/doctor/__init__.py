"""`kiosk doctor`: what is installed, whether the database is sound, what this machine can do, and every bad
state the kiosk can meet in its data directory, each named with what to do."""

from __future__ import annotations

import json
from dataclasses import asdict

from kiosk.config import Settings
from kiosk.content.pack_store import PackStore
from kiosk.doctor.check import Check
from kiosk.doctor.machine import machine_checks
from kiosk.doctor.package import package_checks
from kiosk.doctor.packs import pack_checks
from kiosk.doctor.recovery import recovery_checks
from kiosk.doctor.state import state_findings
from kiosk.doctor.storage import storage_checks
from kiosk.settings_check import settings_findings
from kiosk.staff.pin_health import pin_findings
from kiosk.staff.sheet_folder import SheetFolder

__all__ = ["Check", "run_checks", "run_doctor"]


def run_checks(settings: Settings) -> list[Check]:
    """Every check, in the order staff read them: the disk, the kiosk's own files, the content, the machine, then
    state files."""
    store = PackStore(settings.data_dir)
    checks = [*storage_checks(store), *package_checks(), *pack_checks(store), *machine_checks(settings),
              _sheets(settings)]
    checks += [Check(*finding) for finding in pin_findings(settings.data_dir)]
    checks += [Check(*finding) for finding in settings_findings(settings)]
    checks += [Check(*finding) for finding in state_findings(settings)]
    checks += recovery_checks(settings.data_dir)
    log = store.log_lines(5)
    if log:
        checks.append(Check("content log", "ok", " | ".join(log)))
    return checks


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

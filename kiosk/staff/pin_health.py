"""`kiosk doctor`'s look at staff sign-in: a PIN set, its file readable, and room to count wrong tries."""

from __future__ import annotations

from pathlib import Path

from kiosk.staff.atomic import folder_write_problem
from kiosk.staff.pin import pin_store

Finding = tuple[str, str, str]  # name, "ok" / "warning" / "fault", what was found: one line of doctor's report


def pin_findings(data_dir: Path) -> list[Finding]:
    """The staff PIN's lines for `kiosk doctor`: whether it is set and sound, and whether its lockout can be saved."""
    store = pin_store(data_dir)
    damage = store.damage()
    if damage:
        pin = ("staff pin", "fault", f"{damage}: staff cannot sign in until it is set (kiosk staff set-pin)")
    elif not store.is_set:
        pin = ("staff pin", "warning", "no staff PIN is set, so the staff screen cannot be opened "
                                       "(kiosk staff set-pin)")
    else:
        pin = ("staff pin", "ok", f"set, kept as an argon2 hash in {store.path}")
    return [pin, *lockout_findings(store.path.parent)]


def lockout_findings(folder: Path) -> list[Finding]:
    """A fault when wrong PIN tries cannot be counted in `folder` (then the pad refuses every PIN); else nothing."""
    if not folder.is_dir():
        return []  # nothing is installed yet: the packs check says so
    problem = folder_write_problem(folder)
    if problem is None:
        return []
    return [("staff pin lockout", "fault", f"wrong PIN tries cannot be counted in {folder} ({problem}), so the "
                                           "PIN pad refuses every PIN until the kiosk can save to its disk")]

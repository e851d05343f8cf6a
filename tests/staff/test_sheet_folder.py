"""The careers sheets folder: `kiosk doctor` names half-written sheets and a folder past its limits."""

from __future__ import annotations

from pathlib import Path

from kiosk import doctor
from kiosk.config import load_settings
from kiosk.staff.sheet_folder import SheetFolder, SheetLimits


def test_doctor_names_half_written_sheets_and_a_folder_past_its_limits(tmp_path: Path) -> None:
    settings = load_settings(tmp_path, environ={})
    assert doctor._sheets(settings).status == "ok"
    folder = tmp_path / "sheets"
    folder.mkdir()
    for i in range(SheetLimits().most_sheets + 5):  # what the kiosk wrote before it had limits
        (folder / f"careers-sheet-20261101-{i:06d}.pdf").write_bytes(b"%PDF-1.4")
    (folder / ".careers-sheet-20261101-999999.pdf.part").write_bytes(b"%PDF-")
    check = doctor._sheets(settings)
    assert check.status == "warning"
    assert "1 half-written careers sheets" in check.detail and "holds 105 careers sheets" in check.detail
    SheetFolder(folder).tidy()
    assert doctor._sheets(settings).status == "ok"

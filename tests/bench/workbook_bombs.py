"""Decompression bombs in spreadsheets and symbol images, and the largest real workbooks: time and peak memory of
reading each, in a fresh child process with its memory capped at 1 GiB.

Peak memory is the child's own high-water mark (VmHWM). Its ru_maxrss is not: Linux carries the parent's peak
across fork and exec, so every child reported the runner's 58 or 121 MiB, whatever it read.

Target: every bomb refused within a second and under 200 MiB; every real workbook accepted."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

from tests.bench.catalogue import REPO, kiosk_env
from tests.bench.stats import log, r2
from tests.helpers import zip_bombs
from tests.helpers.workbooks import full_school_workbook

FIXTURES = REPO.parent / "shared" / "fixtures"
TARGET_S = 1.0
TARGET_MIB = 200
MEMORY_CAP = 1 << 30


def read_alone(reader: str, path: Path, env: dict[str, str]) -> dict[str, object]:
    """One read in a fresh child (imports not timed): outcome, the start of any message, seconds, peak MiB."""
    found = zip_bombs.read_in_child([(reader, path)], env, REPO, MEMORY_CAP)[0]
    found["message"] = str(found["message"])[:160]
    return {k: r2(v) if isinstance(v, float) else v for k, v in found.items()}


def bombs(folder: Path) -> list[tuple[str, str, Path]]:
    """(case, reader, file) for every bomb, written to `folder`."""
    cases = []
    for name, make in zip_bombs.XLSX_BOMBS.items():
        path = folder / f"{name}.xlsx"
        path.write_bytes(make())
        cases += [(f"{name} (school)", "school", path), (f"{name} (official)", "official", path)]
    png = folder / "huge.png"
    png.write_bytes(zip_bombs.png_bomb())
    svg = folder / "use_tree.svg"
    svg.write_bytes(zip_bombs.svg_use_bomb())
    cases += [("png 50000x50000", "image", png), ("svg <use> tree", "image", svg)]
    xls = zip_bombs.xls_far_cell_bomb(FIXTURES)
    if xls is not None:
        (folder / "far_cell.xls").write_bytes(xls)
        cases.append(("xls cell at row 65,536 column IV (official)", "official", folder / "far_cell.xls"))
    return cases


def real_workbooks(folder: Path) -> list[tuple[str, str, Path]]:
    """(case, reader, file) for the largest real workbooks of each kind, and the school template at its limit."""
    cases = [("school template, 5,000 rows a sheet", "school", full_school_workbook(folder / "school-full.xlsx"))]
    for case, rel in [("DfE Skills Imperative EN_MainTables (largest official)",
                       "dfe-skills-imperative-2035/EN_MainTables.Main.xlsm"),
                      ("ONS SOC 2020 Volume 1", "ons/soc2020volume1structureanddescriptionofunitgroups.xlsx"),
                      ("ONS APS employment by SOC", "ons/employmentby4digitsoc1digitindustryatosuk20212024final.xlsx")]:
        if (FIXTURES / rel).is_file():
            cases.append((case, "official", FIXTURES / rel))
    for zip_name, case in [("ashetable142024provisional.zip", "ONS ASHE 2024 table 14.1a (.xlsx)"),
                           ("ashetable142023provisional.zip", "ONS ASHE 2023 table 14.1a (.xls)")]:
        if (FIXTURES / "ons" / zip_name).is_file():
            with zipfile.ZipFile(FIXTURES / "ons" / zip_name) as zf:
                member = next(n for n in sorted(zf.namelist()) if "14.1a" in n)
                path = folder / Path(member).name
                path.write_bytes(zf.read(member))
            cases.append((case, "official", path))
    return cases


def run(quick: bool) -> dict[str, object]:
    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="kiosk-bombs-") as tmp:
        folder = Path(tmp)
        env = kiosk_env(folder / "pycache")
        worst_s = worst_mib = 0.0
        all_refused = True
        for case, reader, path in bombs(folder):
            found = read_alone(reader, path, env)
            found["file_bytes"] = path.stat().st_size
            result[case] = found
            all_refused &= found["outcome"] == "refused"
            worst_s = max(worst_s, float(found.get("seconds", 1e9)))
            worst_mib = max(worst_mib, float(found.get("peak_mib", 1e9)))
            log(f"workbook_bombs: {case}: {found['outcome']} in {found.get('seconds')} s, {found.get('peak_mib')} MiB")
        all_accepted = True
        for case, reader, path in real_workbooks(folder):
            found = read_alone(reader, path, env)
            found["file_bytes"] = path.stat().st_size
            result[case] = found
            all_accepted &= found["outcome"] == "accepted"
            log(f"workbook_bombs: {case}: {found['outcome']} in {found.get('seconds')} s, {found.get('peak_mib')} MiB")
    result["bombs_worst"] = {"seconds": r2(worst_s), "peak_mib": r2(worst_mib)}
    result["meets_target"] = all_refused and all_accepted and worst_s <= TARGET_S and worst_mib <= TARGET_MIB
    result["target"] = f"every bomb refused within {TARGET_S:g} s and under {TARGET_MIB} MiB; real workbooks accepted"
    return result

"""Time and peak memory of `kiosk pack verify` and `kiosk pack import` on hostile packs (each bomb should be
refused within a second and under 200 MiB), on the largest pack the bounds accept and on the official pack.

Each command runs in a fresh child process; its peak is that child's ru_maxrss (from wait4), which includes the
interpreter and the kiosk's imports (`startup` gives that floor: `kiosk pack verify` of the sample).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from kiosk.config import ASSETS_DIR
from kiosk.content.pack_limits import MAX_EXPANDED_BYTES, MAX_PACK_ROWS, MAX_TABLE_ROWS
from kiosk.content.pack_source import build_pack
from tests.bench.catalogue import REPO, kiosk_env
from tests.bench.stats import log, r2
from tests.helpers.bomb_packs import MiB, lying_directory, many_rows, ratio_bomb, recompressed

TARGET_S = 1.0
TARGET_MIB = 200
BOMB_EXPANDED = 60 * MiB  # under the per-member limit, so that the ratio bound is what refuses it


# A small process that starts each measured command: a child forked from the benchmark itself would inherit its
# resident size as the floor of its ru_maxrss (Linux carries the high-water mark across fork and exec).
SPAWNER = """
import json, os, subprocess, sys, tempfile, time
for line in sys.stdin:
    args, env = json.loads(line)
    with tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        child = subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - t0
        out.seek(0)
        said = [x for x in out.read().decode(errors="replace").splitlines() if " INFO " not in x]
    print(json.dumps({"s": seconds, "peak_kib": usage.ru_maxrss, "exit": os.waitstatus_to_exitcode(status),
                      "said": said[-1] if said else ""}), flush=True)
"""


class Spawner:
    """Runs `python -m kiosk ARGS` from the small spawner process; reports wall time, peak memory, exit code and
    the last line the command printed."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self._proc = subprocess.Popen([sys.executable, "-c", SPAWNER], cwd=REPO, stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, text=True)

    def kiosk(self, *args: str) -> dict[str, object]:
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(json.dumps([[sys.executable, "-m", "kiosk", *args], self.env]) + "\n")
        self._proc.stdin.flush()
        done = json.loads(self._proc.stdout.readline())
        return {"s": r2(done["s"]), "peak_mib": r2(done["peak_kib"] / 1024), "exit": done["exit"],
                "said": done["said"][:160]}

    def close(self) -> None:
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        self._proc.wait()


def bombs(folder: Path) -> dict[str, Path]:
    """Each hostile pack, built in `folder` (not timed)."""
    each = MAX_PACK_ROWS // 3 + 1
    return {
        "ratio_bomb": ratio_bomb(folder / "ratio.zip", BOMB_EXPANDED),
        # 16 MiB: what it claims to use must lie inside the file, or zipfile itself stops at the end of it.
        "lying_directory": lying_directory(folder / "liar.zip", 16 * MiB, claimed_ratio=20),
        "rows_over_table_limit": many_rows(folder / "table-rows.zip", {"sectors": MAX_TABLE_ROWS + 1}),
        "rows_over_pack_limit": many_rows(folder / "pack-rows.zip", {"sectors": each, "subjects": each,
                                                                     "industries": each}),
        "rows_understated": many_rows(folder / "understated.zip", {"sectors": MAX_TABLE_ROWS},
                                      counts={"sectors": 5}),
        "bzip2_member": recompressed(ratio_bomb(folder / "ratio-bz.zip", BOMB_EXPANDED), folder / "bzip2.zip",
                                     zipfile.ZIP_BZIP2),
    }


def largest_accepted(folder: Path) -> Path:
    """The most the bounds accept: the most rows a pack may hold (two tables at their limit), each long enough
    that the pack expands to nearly the most it may."""
    words = (MAX_EXPANDED_BYTES * 0.93 / MAX_PACK_ROWS - 45) / 7.5  # a row's fixed part, then about 7.5 bytes a word
    path = many_rows(folder / "largest.zip", {"sectors": MAX_TABLE_ROWS, "subjects": MAX_TABLE_ROWS},
                     words=int(words))
    expanded = sum(i.file_size for i in zipfile.ZipFile(path).infolist())
    log(f"pack_bombs: the largest accepted pack is {path.stat().st_size / MiB:.1f} MiB, expanding to "
        f"{expanded / MiB:.1f} MiB ({MAX_PACK_ROWS:,} rows)")
    return path


def official_pack(folder: Path) -> Path:
    """The shipped official figures as a pack file of another id (as a hub might pass them on): a real pack's size,
    which a kiosk imports (its own `official` id it makes itself, and refuses from files: pack_owner)."""
    source = shutil.copytree(ASSETS_DIR / "official", folder / "official-src")
    toml = source / "pack.toml"
    toml.write_text(re.sub(r'(?m)^id = "official"$', 'id = "official-copy"', toml.read_text()))
    build_pack(source, folder / "official.zip")
    return folder / "official.zip"


def run(quick: bool) -> dict[str, object]:
    result: dict[str, object] = {"target": {"s": TARGET_S, "peak_mib": TARGET_MIB}}
    with tempfile.TemporaryDirectory(prefix="kiosk-bombs-") as tmp:
        folder = Path(tmp)
        spawner = Spawner(kiosk_env(folder / "pycache"))
        try:
            data = folder / "data"
            spawner.kiosk("pack", "list", "--data-dir", str(data))  # first start: the sample and official figures
            build_pack(ASSETS_DIR / "sample", folder / "sample.zip")
            spawner.kiosk("pack", "verify", str(folder / "sample.zip"))  # compiles the modules: not measured
            startup = spawner.kiosk("pack", "verify", str(folder / "sample.zip"))
            result["startup"] = startup
            cases = {**bombs(folder), "official": official_pack(folder)}
            if not quick:
                cases["largest_accepted"] = largest_accepted(folder)
            met = True
            for name, path in cases.items():
                fresh = folder / f"data-{name}"
                shutil.copytree(data, fresh)
                verify = spawner.kiosk("pack", "verify", str(path))
                install = spawner.kiosk("pack", "import", str(path), "--data-dir", str(fresh))
                shutil.rmtree(fresh)
                result[name] = {"pack_kib": r2(path.stat().st_size / 1024), "verify": verify, "import": install}
                log(f"pack_bombs: {name}: verify {verify['s']} s {verify['peak_mib']} MiB, "
                    f"import {install['s']} s {install['peak_mib']} MiB: {install['said']}")
                if name in ("official", "largest_accepted"):
                    met = met and verify["exit"] == install["exit"] == 0
                else:
                    # The time to refuse: the command's, less what starting Python and the kiosk's modules takes.
                    met = met and all(r["exit"] == 1 and r["s"] - startup["s"] <= TARGET_S
                                      and r["peak_mib"] <= TARGET_MIB for r in (verify, install))
            result["targets_met"] = met
        finally:
            spawner.close()
    return result

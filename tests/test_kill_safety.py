"""Never half-updated: an import or a sync killed (kill -9) at random moments leaves the previous content intact.

Each round starts the update in a child process and kills it after a seeded random delay drawn across the time an
uncut run takes, then starts the content the way the kiosk does and checks it is wholly old or wholly new
(kiosk-operations.md §7.5). KIOSK_KILL_ROUNDS sets the number of rounds (say 200 for a long run).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.config import ASSETS_DIR
from kiosk.content.leftovers import damaged_copies
from kiosk.content.pack_file import write_pack
from kiosk.content.pack_store import PackStore
from kiosk.content.reader import open_reader
from tests.doubles.lmi_double import LmiDouble
from tests.helpers.packs import identity

pytestmark = pytest.mark.slow
ROUNDS = int(os.environ.get("KIOSK_KILL_ROUNDS", "16"))
SEED = int(os.environ.get("KIOSK_KILL_SEED", "20261124"))
SAMPLE = ASSETS_DIR / "sample"
YEARS = range(2005, 2026)
REGIONS = ["UK", "London", "North East", "Wales", "Scotland", "South West", "East Midlands"]


def bulk_pack(path: Path, version: str, occupations: list[str], pay: float) -> dict[str, int | float]:
    """A national pack of pay and hours for every occupation, region and year; what its rows add up to."""
    rows = [{"occupation": o, "region": r, "year": y, "weekly_pay": pay + y - 2000, "source": "ashe"}
            for o in occupations for r in REGIONS for y in YEARS]
    hours = [{"occupation": o, "region": r, "year": y, "weekly_hours": 37.5, "source": "ashe"}
             for o in occupations for r in REGIONS for y in YEARS]
    ident = identity("bulk", version, sources=[{"id": "ashe", "name": "Bulk figures", "licence": "OGL v3.0",
                                                   "retrieved": "2026-11-24"}])
    write_pack(ident, {"pay": rows, "hours": hours}, path)
    return {"rows": len(rows), "total": sum(r["weekly_pay"] for r in rows)}


def kiosk(*args: str) -> list[str]:
    return [sys.executable, "-m", "kiosk", *args]


def run_and_kill(command: list[str], delay: float, env: dict[str, str]) -> bool:
    """Start the command and kill -9 it after `delay` seconds unless it has finished; True if it was killed."""
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        child.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait()
        return True


def uncut_seconds(command: list[str], env: dict[str, str]) -> float:
    """How long the command takes when nothing stops it (the range the kill moments are drawn from)."""
    started = time.monotonic()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - started


def content_after_restart(data: Path) -> dict[str, object]:
    """Start the content as the kiosk does (repairing what it must), check the database, and say what it holds."""
    store = PackStore(data)
    store.start(SAMPLE)
    assert store.database_fault() is None
    assert_no_leftovers(store)
    conn = sqlite3.connect(f"file:{data / 'kiosk.db'}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
        versions = dict(conn.execute("SELECT pack_id, content_version FROM packs"))
        installed = {pack_id: e.content_version for pack_id, e in store.entries().items()}
        assert versions == installed, "the database was built from exactly the installed packs"
        pay = conn.execute("SELECT count(*), coalesce(sum(weekly_pay), 0) FROM pay WHERE pack_id = 'bulk'").fetchone()
        lmi = conn.execute("SELECT count(*) FROM outlook WHERE pack_id = 'lmiforall'").fetchone()[0]
        sample = conn.execute("SELECT count(*) FROM occupations WHERE pack_id = 'sample'").fetchone()[0]
    finally:
        conn.close()
    reader = open_reader(data / "kiosk.db")
    try:
        assert reader.occupation("nurse") is not None, "the kiosk can still show its pages"
    finally:
        reader.close()
    return {"versions": versions, "bulk": {"rows": pay[0], "total": pay[1]}, "lmi_outlook": lmi, "sample": sample}


def assert_no_leftovers(store: PackStore) -> None:
    """After a start, nothing a killed change left remains: every pack file is one the index names, no staged
    pack, no half-built database, at most one damaged copy."""
    named = {f for e in store.entries().values() for f in (e.current, e.previous) if f}
    on_disk = {p.relative_to(store.packs_dir).as_posix() for p in store.packs_dir.glob("*/*.zip*")}
    assert on_disk == named, f"pack files left by an unfinished change: {sorted(on_disk - named)}"
    assert not list(store.packs_dir.glob(".*.part")) and not (store.packs_dir / ".uncommitted.json").exists()
    assert not (store.data_dir / "kiosk.db.new").exists()
    assert not list((store.data_dir / "incoming").glob("*.zip"))
    assert len(damaged_copies(store.data_dir)) <= 1


@pytest.fixture
def kiosk_env(sample_data_dir: Path, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    data = tmp_path / "data"
    shutil.copytree(sample_data_dir, data)
    env = {**os.environ, "KIOSK_DATA_DIR": str(data), "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    return data, env


def test_an_import_killed_at_random_moments_leaves_wholly_old_or_wholly_new_content(kiosk_env, tmp_path) -> None:
    data, env = kiosk_env
    occupations = [o.id for o in open_reader(data / "kiosk.db").occupations()]
    bulk_pack(tmp_path / "bulk-1.zip", "1.0", occupations, 500)
    bulk_pack(tmp_path / "bulk-2.zip", "2.0", occupations, 700)
    store = PackStore(data)
    store.install(tmp_path / "bulk-1.zip")
    # What each version shows once installed whole (the official pay, matched on SOC 2020, replaces the bulk pay
    # of the jobs it covers, so the database holds fewer bulk rows than the pack).
    before = content_after_restart(data)
    old, sample_rows = before["bulk"], before["sample"]
    command = kiosk("pack", "import", str(tmp_path / "bulk-2.zip"))
    span = uncut_seconds(command, env)
    new = content_after_restart(data)["bulk"]
    assert old["rows"] and new != old, "the two versions must differ where the kiosk shows them"
    rng = random.Random(SEED)
    outcomes = {"old": 0, "new": 0}
    # A few rounds run to the end, to show the range covers the commit; on a busy machine an import can take
    # longer than the uncut run did, so if none has yet, later rounds wait longer (up to three times the span).
    delays = [rng.uniform(0, span * 1.25) for _ in range(ROUNDS)] + [rng.uniform(span, 3 * span) for _ in range(4)]
    for round_, delay in enumerate(delays):
        if round_ >= ROUNDS and outcomes["new"]:
            break
        if PackStore(data).entries()["bulk"].content_version == "2.0":  # put the old version back for the next try
            store.remove("bulk")
            store.install(tmp_path / "bulk-1.zip")
        run_and_kill(command, delay, env)
        seen = content_after_restart(data)
        where = f"round {round_} (seed {SEED}, killed after {delay:.3f} s of {span:.3f} s)"
        assert seen["sample"] == sample_rows, where
        assert seen["bulk"] in (old, new), where
        version = seen["versions"]["bulk"]
        assert seen["bulk"] == (old if version == "1.0" else new), where
        outcomes["old" if version == "1.0" else "new"] += 1
    print(f"kill test, import: {sum(outcomes.values())} rounds (seed {SEED}) over {span:.2f} s: {outcomes}")
    assert outcomes["old"] and outcomes["new"], "kills must land on both sides of the commit, or the test proves less"


def test_a_sync_killed_at_random_moments_keeps_the_content_and_then_finishes(kiosk_env, tmp_path) -> None:
    data, env = kiosk_env
    with LmiDouble(latency_s=0.002) as double:
        socs = tmp_path / "socs.txt"
        socs.write_text("\n".join(map(str, double.socs[:40])))
        command = kiosk("sync", "lmiforall", "--base-url", double.base_url, "--socs", str(socs), "--full")
        rng = random.Random(SEED + 1)
        rounds = max(4, ROUNDS // 2)
        # The first run's length sets the range; it also gives the complete content to compare with.
        span = uncut_seconds(command, env)
        complete = content_after_restart(data)
        assert complete["lmi_outlook"] > 0
        outcomes = {"previous": 0, "new": 0}
        for round_ in range(rounds):
            before = content_after_restart(data)["versions"]["lmiforall"]
            delay = rng.uniform(0, span)
            run_and_kill(command, delay, env)
            seen = content_after_restart(data)
            where = f"round {round_} (seed {SEED + 1}, killed after {delay:.3f} s of {span:.3f} s)"
            assert seen["lmi_outlook"] == complete["lmi_outlook"], where  # a whole pack, old or new
            outcomes["previous" if seen["versions"]["lmiforall"] == before else "new"] += 1
        result = subprocess.run(command[:-1], env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    print(f"kill test, sync: {rounds} rounds over {span:.2f} s: {outcomes}")
    assert outcomes["previous"]

"""Packs made to exhaust the kiosk (members that expand a thousandfold, a zip directory that lies, millions of
valid rows) are refused with a message naming the member and the limit, before they are read into memory."""

from __future__ import annotations

import sqlite3
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from kiosk.content import pack_limits
from kiosk.content.errors import PackRejected
from kiosk.content.pack_file import read_pack
from kiosk.content.pack_limits import MAX_PACK_ROWS, MAX_RATIO, MAX_TABLE_ROWS
from tests.helpers.bomb_packs import MiB, lying_directory, many_rows, ratio_bomb, recompressed


def refusal_and_peak(path: Path) -> tuple[str, int]:
    """Why read_pack refuses the file, and the most memory Python held while it did (bytes)."""
    tracemalloc.start()
    try:
        with pytest.raises(PackRejected) as refused:
            read_pack(path)
        return str(refused.value), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_member_that_expands_a_thousand_times_is_refused_from_the_directory(tmp_path: Path) -> None:
    bomb = ratio_bomb(tmp_path / "bomb.zip")  # its manifest's sizes and sha256 are right: only its ratio is not
    with zipfile.ZipFile(bomb) as zf:
        info = zf.getinfo("tables/sectors.jsonl")
    assert info.file_size > 500 * info.compress_size
    message, peak = refusal_and_peak(bomb)
    assert "'tables/sectors.jsonl' expands" in message and f"the limit is {MAX_RATIO} times" in message
    assert peak < 4 * MiB  # refused before it was expanded


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_a_member_compressed_with_a_method_zipfile_expands_all_at_once_is_refused_before_reading(
        tmp_path: Path, method: int) -> None:
    bomb = recompressed(ratio_bomb(tmp_path / "good.zip", expanded=0), tmp_path / "bzip.zip", method)
    message, peak = refusal_and_peak(bomb)
    assert "is compressed with a method packs do not use" in message and f"zip method {method}" in message
    assert peak < 4 * MiB


def test_a_directory_that_understates_the_expansion_is_caught_while_reading(tmp_path: Path) -> None:
    bomb = lying_directory(tmp_path / "liar.zip", claimed_ratio=20)
    with zipfile.ZipFile(bomb) as zf:
        info = zf.getinfo("tables/sectors.jsonl")
    assert info.file_size == 20 * info.compress_size + info.file_size % 20  # the directory looks harmless
    message, peak = refusal_and_peak(bomb)
    # Python's zipfile spots the lie itself where it has the overlapping-entries check (Debian's 3.11.2 has it
    # backported, some later 3.11 builds do not); where it does not, the kiosk's count of bytes produced stops it.
    overlap = "Overlapped entries: 'tables/sectors.jsonl' (possible zip bomb)" in message
    ours = "'tables/sectors.jsonl' expands" in message and "so far" in message
    assert overlap or (ours and f"the limit is {MAX_RATIO} times" in message), message
    assert peak < 8 * MiB  # stopped after a few megabytes of its 16


def test_members_that_together_expand_too_far_are_refused_before_reading(tmp_path: Path, monkeypatch) -> None:
    pack = many_rows(tmp_path / "wide.zip", {"sectors": 2000, "subjects": 2000, "industries": 2000}, words=20)
    size = sum(i.file_size for i in zipfile.ZipFile(pack).infolist())
    monkeypatch.setattr(pack_limits, "MAX_EXPANDED_BYTES", size - 1)  # a pack just past the bound
    with pytest.raises(PackRejected, match=f"members expand to {size:,} bytes; the limit is {size - 1:,}"):
        read_pack(pack)


def test_a_table_of_more_valid_rows_than_the_limit_is_refused_before_its_rows_are_read(tmp_path: Path) -> None:
    pack = many_rows(tmp_path / "rows.zip", {"sectors": MAX_TABLE_ROWS + 1})
    message, peak = refusal_and_peak(pack)
    assert message == (f"tables/sectors.jsonl has {MAX_TABLE_ROWS + 1:,} rows; "
                       f"the limit is {MAX_TABLE_ROWS:,} rows a table")
    assert peak < 4 * MiB


def test_a_pack_of_more_valid_rows_than_the_limit_is_refused(tmp_path: Path) -> None:
    each = MAX_PACK_ROWS // 3 + 1  # every table within its own limit; the pack is not
    pack = many_rows(tmp_path / "rows.zip", {"sectors": each, "subjects": each, "industries": each})
    message, peak = refusal_and_peak(pack)
    assert message == f"the pack has {3 * each:,} rows; the limit is {MAX_PACK_ROWS:,} rows a pack"
    assert peak < 4 * MiB


def test_a_manifest_that_understates_its_rows_is_refused_at_the_first_row_too_many(tmp_path: Path) -> None:
    pack = many_rows(tmp_path / "rows.zip", {"sectors": 200_000}, counts={"sectors": 5})
    message, peak = refusal_and_peak(pack)
    assert message == "tables/sectors.jsonl has more than 5 rows; the manifest says 5"
    assert peak < 4 * MiB  # not 200,000 rows held to be counted


def test_a_row_longer_than_any_real_one_is_refused_without_holding_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(pack_limits, "MAX_LINE_BYTES", 64 * 1024)
    pack = many_rows(tmp_path / "long.zip", {"sectors": 3}, words=40_000)  # rows of about 300 KB
    with pytest.raises(PackRejected, match="tables/sectors.jsonl has a line longer than 65,536 bytes"):
        read_pack(pack)


def test_the_largest_real_packs_are_well_within_the_bounds(tmp_path: Path) -> None:
    pack = many_rows(tmp_path / "big.zip", {"sectors": 60_000}, words=12)  # a full LMI for All sync's rows
    assert len(read_pack(pack).tables["sectors"]) == 60_000


def test_doctor_names_an_installed_pack_that_the_bounds_now_refuse(tmp_path: Path, monkeypatch) -> None:
    from kiosk.config import load_settings
    from kiosk.doctor import run_checks
    from kiosk.content.pack_store import PackStore
    from tests.helpers.packs import make_pack

    store = PackStore(tmp_path / "data")
    make_pack(tmp_path / "national.zip")
    store.install(tmp_path / "national.zip")  # installed by a kiosk whose bounds were wider
    settings = load_settings(tmp_path / "data", environ={})
    assert {c.name: c.status for c in run_checks(settings)}["pack files"] == "ok"
    monkeypatch.setattr(pack_limits, "MAX_TABLE_ROWS", 10)
    fault = {c.name: c for c in run_checks(settings)}["pack file national"]
    assert fault.status == "fault"
    assert fault.detail == ("version 1.0 does not pass this kiosk's checks (tables/outlook.jsonl has 60 rows; "
                            "the limit is 10 rows a table); it is dropped at the next import or removal: "
                            "import a good copy of it")


def test_an_import_streams_rows_into_the_database_rather_than_holding_them(tmp_path: Path) -> None:
    from kiosk.config import ASSETS_DIR
    from kiosk.content.pack_store import PackStore
    store = PackStore(tmp_path / "data")
    store.start(ASSETS_DIR / "sample")
    pack = many_rows(tmp_path / "rows.zip", {"subjects": 60_000}, words=12)  # about the rows of a full LMI sync
    tracemalloc.start()
    try:
        store.install(pack)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    conn = sqlite3.connect(store.db_path)
    try:  # beside the sample's (a page lists at most MOST_IN_A_LIST of them, so they are counted here)
        assert conn.execute("SELECT count(*) FROM subjects WHERE id LIKE 'sub-%'").fetchone()[0] == 60_000
    finally:
        conn.close()
    assert peak < 16 * MiB  # the rows as Python values would take several times this

"""Pack files: a good pack verifies, and every kind of bad pack is refused with a message naming the problem."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from kiosk.content.errors import PackRejected
from kiosk.content.pack_file import MAX_MEMBER_BYTES, read_pack, write_pack
from tests.helpers.packs import identity, make_pack, national_tables


def rezip(src: Path, dst: Path, change) -> Path:
    """Copy a pack, letting `change(name, data)` return new bytes (or None to drop the member)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info.filename))
            if data is not None:
                zout.writestr(info.filename, data)
    return dst


def with_manifest(src: Path, dst: Path, edit) -> Path:
    def change(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        edit(manifest)
        return json.dumps(manifest).encode()

    return rezip(src, dst, change)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    make_pack(tmp_path / "good.zip")
    return tmp_path / "good.zip"


def test_a_written_pack_reads_back_with_all_its_rows(good: Path) -> None:
    pack = read_pack(good)
    assert pack.pack_id == "national"
    assert len(pack.tables["occupations"]) == 5
    assert pack.manifest.counts["outlook"] == 60
    assert pack.sha256 == hashlib.sha256(good.read_bytes()).hexdigest()


def test_building_the_same_content_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    a = make_pack(tmp_path / "a.zip")
    b = make_pack(tmp_path / "b.zip")
    assert a.sha256 == b.sha256


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "notes.zip"
    path.write_text("just some text")
    with pytest.raises(PackRejected, match="not a zip file"):
        read_pack(path)


def test_truncated(good: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.zip"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(PackRejected, match="truncated or damaged"):
        read_pack(cut)


def test_a_flipped_byte_in_a_member_is_caught(good: Path, tmp_path: Path) -> None:
    def change(name, data):
        return data.replace(b"Nurse", b"Norse", 1) if name == "tables/occupations.jsonl" else data

    with pytest.raises(PackRejected, match="occupations.jsonl.*checksum|size"):
        read_pack(rezip(good, tmp_path / "bad.zip", change))


def test_wrong_checksum_in_the_manifest(good: Path, tmp_path: Path) -> None:
    def edit(m):
        m["members"]["tables/pay.jsonl"]["sha256"] = "0" * 64

    with pytest.raises(PackRejected, match="tables/pay.jsonl.*checksum"):
        read_pack(with_manifest(good, tmp_path / "bad.zip", edit))


def test_missing_manifest(good: Path, tmp_path: Path) -> None:
    bad = rezip(good, tmp_path / "bad.zip", lambda n, d: None if n == "manifest.json" else d)
    with pytest.raises(PackRejected, match="no manifest.json"):
        read_pack(bad)


def test_unknown_format_version(good: Path, tmp_path: Path) -> None:
    with pytest.raises(PackRejected, match="format version 7 is not supported"):
        read_pack(with_manifest(good, tmp_path / "bad.zip", lambda m: m.update(format_version=7)))


def test_manifest_that_is_not_json(good: Path, tmp_path: Path) -> None:
    bad = rezip(good, tmp_path / "bad.zip", lambda n, d: b"{not json" if n == "manifest.json" else d)
    with pytest.raises(PackRejected, match="manifest.json is not valid JSON"):
        read_pack(bad)


@pytest.mark.parametrize("name", ["../evil.jsonl", "/etc/passwd", "tables/../../x", "C:/x", "a\\b"])
def test_member_paths_that_escape_are_refused(good: Path, tmp_path: Path, name: str) -> None:
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
        zout.writestr(zipfile.ZipInfo(name), b"x")
    with pytest.raises(PackRejected, match="escapes the pack"):
        read_pack(bad)


def test_oversized_member(good: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w", compression=zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
        # Zeros compress to almost nothing: a small file that would unpack past the limit (a zip bomb).
        with zout.open("tables/events.jsonl", "w", force_zip64=True) as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(MAX_MEMBER_BYTES // len(chunk) + 1):
                f.write(chunk)
    assert bad.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(PackRejected, match="events.jsonl.*limit"):
        read_pack(bad)


def test_member_not_in_the_manifest(good: Path, tmp_path: Path) -> None:
    def edit(m):
        del m["members"]["tables/hours.jsonl"]

    with pytest.raises(PackRejected, match="hours.jsonl.*not listed"):
        read_pack(with_manifest(good, tmp_path / "bad.zip", edit))


def test_row_count_that_does_not_match(good: Path, tmp_path: Path) -> None:
    with pytest.raises(PackRejected, match="pay.jsonl has 15 rows; the manifest says 16"):
        read_pack(with_manifest(good, tmp_path / "bad.zip", lambda m: m["counts"].update(pay=16)))


def _pack_with_row(tmp_path: Path, table: str, line: bytes) -> Path:
    """A pack whose table has one extra raw line, with the manifest's checksum and count made to match."""
    make_pack(tmp_path / "base.zip")

    def change(name, data):
        if name == f"tables/{table}.jsonl":
            return data + line + b"\n"
        if name == "manifest.json":
            m = json.loads(data)
            with zipfile.ZipFile(tmp_path / "base.zip") as z:
                new = z.read(f"tables/{table}.jsonl") + line + b"\n"
            m["members"][f"tables/{table}.jsonl"] = {"sha256": hashlib.sha256(new).hexdigest(), "size": len(new)}
            m["counts"][table] += 1
            return json.dumps(m).encode()
        return data

    return rezip(tmp_path / "base.zip", tmp_path / "row.zip", change)


@pytest.mark.parametrize(
    ("table", "row", "message"),
    [
        ("pay", {"occupation": "nurse", "region": "UK", "year": 2025, "weekly_pay": -5, "source": "test-lmi"},
         "pay.jsonl line 16: column 'weekly_pay' must be between"),
        ("pay", {"occupation": "nurse", "region": "UK", "year": 2025, "weekly_pay": 500, "source": "nowhere"},
         "source 'nowhere' is not among the manifest's sources"),
        ("occupations", {"id": "Bad Id", "title": "x", "sector": "health", "summary": "s"},
         "column 'id' must be an id"),
        ("occupations", {"id": "chef", "sector": "health", "summary": "s"}, "column 'title' is missing"),
        ("occupations", {"id": "chef", "title": "Chef", "sector": "health", "summary": "s", "colour": "red"},
         "unknown columns"),
        ("occupations", {"id": "chef", "title": "Chef", "sector": "nowhere", "summary": "s"},
         "sector 'nowhere' is not in sectors"),
        ("occupations", {"id": "nurse", "title": "Nurse again", "sector": "health", "summary": "s"},
         "a second row for nurse"),
        ("occupations", {"id": "chef", "title": "Chef\x07", "sector": "health", "summary": "s"},
         "column 'title' contains a control character"),
        ("occupations", {"id": "chef", "title": "Chef\u202e", "sector": "health", "summary": "s"},
         "column 'title' contains a bidirectional override character, which can disguise text"),
        ("occupations", {"id": "chef", "title": "Chef\x9b", "sector": "health", "summary": "s"},
         "column 'title' contains a control character"),
        ("occupations", {"id": "chef", "title": " \u200b\ufeff ", "sector": "health", "summary": "s"},
         "column 'title' is blank (only spaces or invisible characters)"),
        ("pay", {"occupation": "nurse", "region": "UK", "year": "soon", "weekly_pay": 5, "source": "test-lmi"},
         "column 'year' must be a number"),
    ],
)
def test_rows_that_break_the_schema_are_refused(tmp_path: Path, table: str, row: dict, message: str) -> None:
    with pytest.raises(PackRejected, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_pack(_pack_with_row(tmp_path, table, json.dumps(row).encode()))


def test_a_line_that_is_not_json(tmp_path: Path) -> None:
    with pytest.raises(PackRejected, match="events.jsonl|sectors.jsonl line 3: not valid JSON"):
        read_pack(_pack_with_row(tmp_path, "sectors", b"{oops"))


def test_write_pack_refuses_rows_it_could_not_read_back(tmp_path: Path) -> None:
    tables = national_tables()
    tables["hours"][0]["weekly_hours"] = 500
    with pytest.raises(PackRejected, match="hours row 1 .*weekly_hours"):
        write_pack(identity(), tables, tmp_path / "x.zip")
    assert list(tmp_path.iterdir()) == []  # neither the pack nor its temporary file


def test_urls_must_be_http(tmp_path: Path) -> None:
    tables = national_tables()
    tables["resources"] = [{"id": "r", "title": "R", "kind": "online", "url": "javascript:alert(1)"}]
    with pytest.raises(PackRejected, match="must be an http"):
        write_pack(identity(), tables, tmp_path / "x.zip")

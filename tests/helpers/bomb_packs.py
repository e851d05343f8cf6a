"""Hostile packs built in code: members made to expand, a zip directory that lies, and runs of valid rows."""

from __future__ import annotations

import hashlib
import json
import random
import struct
import zipfile
from pathlib import Path

from kiosk.content.pack_file import MANIFEST, ZIP_TIME, member_name
from tests.helpers.packs import identity, make_pack

MiB = 1024 * 1024


def _write(path: Path, manifest: dict, members: dict[str, bytes]) -> Path:
    """A pack whose manifest promises exactly these members (sizes and sha256 right): only its shape is hostile."""
    manifest = {**manifest, "members": {n: {"sha256": hashlib.sha256(b).hexdigest(), "size": len(b)}
                                        for n, b in members.items()}}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, blob in [(MANIFEST, json.dumps(manifest).encode()), *sorted(members.items())]:
            zf.writestr(zipfile.ZipInfo(name, ZIP_TIME), blob, compress_type=zipfile.ZIP_DEFLATED)
    return path


def ratio_bomb(path: Path, expanded: int = 16 * MiB, subjects: int = 0) -> Path:
    """A good pack whose sectors member is padded with `expanded` blank lines: valid, and a thousand times
    smaller packed than unpacked; with `subjects` rows of ordinary text after it."""
    base = path.with_name(path.stem + "-base.zip")
    make_pack(base)
    with zipfile.ZipFile(base) as zf:
        manifest = json.loads(zf.read(MANIFEST))
        members = {n: zf.read(n) for n in manifest["members"]}
    base.unlink()
    members[member_name("sectors")] += b"\n" * expanded
    manifest = {k: v for k, v in manifest.items() if k != "members"}
    if subjects:
        members[member_name("subjects")] = _rows("subjects", subjects, 30)
        manifest["counts"]["subjects"] = subjects
    return _write(path, manifest, members)


def lying_directory(path: Path, expanded: int = 16 * MiB, claimed_ratio: int = 20) -> Path:
    """A ratio bomb whose zip directory claims the member is `claimed_ratio` times smaller than it expands to
    (the member after it gives the claimed compressed bytes somewhere to be)."""
    ratio_bomb(path, expanded, subjects=8000)
    name = member_name("sectors").encode()
    data = bytearray(path.read_bytes())
    at = struct.unpack_from("<I", data, data.rindex(b"PK\x05\x06") + 16)[0]  # where the directory starts
    while data[at + 46:at + 46 + struct.unpack_from("<H", data, at + 28)[0]] != name:
        at += 46 + sum(struct.unpack_from("<HHH", data, at + 28))  # the next entry (name, extra, comment)
    real = struct.unpack_from("<I", data, at + 24)[0]
    struct.pack_into("<I", data, at + 20, real // claimed_ratio)  # the compressed size it claims
    path.write_bytes(bytes(data))
    return path


_RNG = random.Random(7)
_VOCABULARY = ["".join(_RNG.choices("bcdfghjklmnprstvwaeiou", k=_RNG.randint(3, 9))) for _ in range(5000)]


def _rows(table: str, n: int, words: int) -> bytes:
    """`n` valid rows of an id-and-name table, each with `words` pseudo-random words of description (text that
    compresses about as well as real content does)."""
    rng = random.Random(n)
    lines = []
    for i in range(n):
        row = {"id": f"{table[:3]}-{i}", "name": f"Row {i}"}
        if words:
            row["description"] = " ".join(rng.choices(_VOCABULARY, k=words))
        lines.append(json.dumps(row))
    return ("\n".join(lines) + "\n").encode()


def many_rows(path: Path, rows: dict[str, int], counts: dict[str, int] | None = None, words: int = 0) -> Path:
    """A pack of `rows[table]` valid rows in each id-and-name table ("sectors", "subjects", "industries"); the
    manifest's counts are `counts` if given (a lie), else the truth. `words` pseudo-random words of description a
    row make it longer without making it compress much better than real content does."""
    members = {member_name(table): _rows(table, n, words) for table, n in rows.items()}
    return _write(path, {**identity(), "counts": counts or dict(rows)}, members)


def recompressed(source: Path, path: Path, method: int) -> Path:
    """`source` with every member packed by another zip method (bzip2, LZMA): zipfile expands those a whole
    input chunk at a time, so a small member can expand hugely in one read."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info), compress_type=method)
    return path

"""Reading, verifying and writing pack files (zip: manifest.json plus JSON-lines tables)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Iterable

from kiosk.content.errors import PackRejected
from kiosk.content.file_replace import replace_file
from kiosk.content.json_lines import decode_line, encode_line, split_lines
from kiosk.content.manifest import Manifest, Member, parse_manifest
from kiosk.content.pack_signature import MAX_SIGNATURE_BYTES, SIGNATURE, Signer, verify_signature
from kiosk.content.schema import TABLES, RowError, check_row, row_key

MANIFEST = "manifest.json"
MAX_PACK_BYTES = 512 * 1024 * 1024
MAX_MEMBERS = 64
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_MEMBER_BYTES = 256 * 1024 * 1024
# A fixed timestamp makes a pack's bytes depend only on its content.
ZIP_TIME = (2020, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Pack:
    """A verified pack: its manifest, its checked rows, the sha256 of the whole file, and who signed it.

    `signer` is None for an unsigned pack; a pack whose signature does not verify is never read at all.
    """

    manifest: Manifest
    tables: dict[str, list[dict[str, Any]]]
    sha256: str
    signer: Signer | None = None

    @property
    def pack_id(self) -> str:
        return self.manifest.pack_id


def member_name(table: str) -> str:
    return f"tables/{table}.jsonl"


def _safe_name(name: str) -> bool:
    parts = name.split("/")
    return (
        bool(name)
        and not name.startswith("/")
        and "\\" not in name
        and ":" not in parts[0]
        and all(p not in ("", ".", "..") for p in parts)
    )


def read_pack(path: str | os.PathLike[str]) -> Pack:
    """Verify a pack file completely and return its content, or raise PackRejected naming the problem."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(4)
    except OSError as e:
        raise PackRejected(f"cannot read {path}: {e.strerror or e}") from None
    if size > MAX_PACK_BYTES:
        raise PackRejected(f"the pack is {size:,} bytes; the limit is {MAX_PACK_BYTES:,}")
    if not zipfile.is_zipfile(path):
        if head.startswith(b"PK"):
            raise PackRejected("the pack is truncated or damaged: its zip directory cannot be read")
        raise PackRejected("the file is not a pack: it is not a zip file")
    try:
        with zipfile.ZipFile(path) as zf:
            manifest, tables, signer = _read_zip(zf)
    except zipfile.BadZipFile as e:
        raise PackRejected(f"the pack is truncated or damaged: {e}") from None
    except (EOFError, zipfile.LargeZipFile, NotImplementedError, RuntimeError, ValueError) as e:
        if isinstance(e, PackRejected):
            raise
        raise PackRejected(f"the pack is truncated or damaged: {e}") from None
    return Pack(manifest=manifest, tables=tables, sha256=file_sha256(path), signer=signer)


def _read_zip(zf: zipfile.ZipFile) -> tuple[Manifest, dict[str, list[dict[str, Any]]], Signer | None]:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise PackRejected(f"the pack has {len(infos)} members; the limit is {MAX_MEMBERS}")
    names = [i.filename for i in infos]
    for name in names:
        if not _safe_name(name):
            raise PackRejected(f"member {name!r} has a path that escapes the pack")
    if len(set(names)) != len(names):
        raise PackRejected("the pack holds two members with the same name")
    for info in infos:
        if info.file_size > MAX_MEMBER_BYTES:
            raise PackRejected(
                f"member {info.filename!r} is {info.file_size:,} bytes; the limit is {MAX_MEMBER_BYTES:,}"
            )
    if MANIFEST not in names:
        raise PackRejected("the pack has no manifest.json")
    if zf.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES:
        raise PackRejected("manifest.json is too large")
    manifest_bytes = zf.read(MANIFEST)
    signer = None
    if SIGNATURE in names:
        # Checked before the manifest is parsed: a signed manifest that was changed is named as tampering.
        signer = verify_signature(manifest_bytes, _read_signature(zf))
    try:
        manifest = parse_manifest(json.loads(manifest_bytes.decode("utf-8")))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        if isinstance(e, PackRejected):
            raise
        raise PackRejected(f"manifest.json is not valid JSON: {e}") from None
    listed = set(manifest.members)
    present = set(names) - {MANIFEST, SIGNATURE}
    if present - listed:
        raise PackRejected(f"member {sorted(present - listed)[0]!r} is not listed in the manifest")
    if listed - present:
        raise PackRejected(f"member {sorted(listed - present)[0]!r} is listed in the manifest but missing")
    tables: dict[str, list[dict[str, Any]]] = {}
    for name in sorted(listed):
        table = _table_of(name)
        data = _read_member(zf, name, manifest.members[name])
        tables[table] = _parse_rows(table, name, data, manifest)
    for table, rows in tables.items():
        if manifest.counts.get(table) != len(rows):
            raise PackRejected(
                f"{member_name(table)} has {len(rows)} rows; the manifest says {manifest.counts.get(table)}"
            )
    extra = set(manifest.counts) - set(tables)
    if extra:
        raise PackRejected(f"the manifest counts table {sorted(extra)[0]!r}, which the pack does not hold")
    check_references(tables)
    return manifest, tables, signer


def _read_signature(zf: zipfile.ZipFile) -> bytes:
    if zf.getinfo(SIGNATURE).file_size > MAX_SIGNATURE_BYTES:
        raise PackRejected(f"{SIGNATURE} is damaged: it is larger than a signature can be")
    return zf.read(SIGNATURE)


def _table_of(name: str) -> str:
    if name.startswith("tables/") and name.endswith(".jsonl") and name[7:-6] in TABLES:
        return name[7:-6]
    raise PackRejected(f"member {name!r} is not a table this kiosk knows")


def _read_member(zf: zipfile.ZipFile, name: str, promised: Member) -> bytes:
    if zf.getinfo(name).file_size != promised.size:
        raise PackRejected(f"member {name!r} is not the size the manifest says")
    digest = hashlib.sha256()
    buf = io.BytesIO()
    with zf.open(name) as f:
        while chunk := f.read(1 << 20):
            if buf.tell() + len(chunk) > promised.size:
                raise PackRejected(f"member {name!r} is larger than the manifest says")
            digest.update(chunk)
            buf.write(chunk)
    if digest.hexdigest() != promised.sha256:
        raise PackRejected(f"member {name!r} does not match its checksum in the manifest")
    return buf.getvalue()


def _parse_rows(table: str, name: str, data: bytes, manifest: Manifest) -> list[dict[str, Any]]:
    spec = TABLES[table]
    sources = manifest.source_ids()
    source_columns = [c.name for c in spec.columns if c.source]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise PackRejected(f"{name} is not UTF-8 text") from None
    rows, seen = [], set()
    for n, line in split_lines(text):
        try:
            row = check_row(spec, decode_line(line))
        except RowError as e:
            raise PackRejected(f"{name} line {n}: {e}") from None
        except (ValueError, RecursionError):
            raise PackRejected(f"{name} line {n}: not valid JSON") from None
        for col in source_columns:
            if row[col] not in sources:
                raise PackRejected(f"{name} line {n}: source {row[col]!r} is not among the manifest's sources")
        key = row_key(spec, row)
        if key in seen:
            raise PackRejected(f"{name} line {n}: a second row for {', '.join(map(str, key))}")
        seen.add(key)
        rows.append(row)
    return rows


def check_references(tables: dict[str, list[dict[str, Any]]]) -> None:
    """Every id a row names must exist, where the table it names travels in the same pack (figures excepted)."""
    ids = {name: {r["id"] for r in rows} for name, rows in tables.items() if TABLES[name].key == ("id",)}
    for name, rows in tables.items():
        for column in TABLES[name].columns:
            target = column.refers_to
            if target is None or column.across_packs or target not in ids:
                continue
            for n, row in enumerate(rows, 1):
                value = row[column.name]
                if value is not None and value not in ids[target]:
                    raise PackRejected(
                        f"{member_name(name)} row {n}: {column.name} {value!r} is not in {target}"
                    )


def file_sha256(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def encode_table(rows: Iterable[dict[str, Any]]) -> bytes:
    return "".join(encode_line(r, sort_keys=True) for r in rows).encode("utf-8")


def write_pack(identity: dict[str, Any], tables: dict[str, list[dict[str, Any]]], out: str | os.PathLike[str]) -> Pack:
    """Check the rows, write a pack file atomically, and return it as read back and verified."""
    out = Path(out)
    checked: dict[str, list[dict[str, Any]]] = {}
    for table, rows in tables.items():
        if not rows:
            continue
        spec = TABLES[table]
        clean = []
        for n, row in enumerate(rows, 1):
            try:
                clean.append(check_row(spec, row))
            except RowError as e:
                raise PackRejected(f"{table} row {n} ({_describe(row)}): {e}") from None
        checked[table] = clean
    blobs = {member_name(t): encode_table(rows) for t, rows in sorted(checked.items())}
    manifest = {
        **identity,
        "members": {n: {"sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for n, b in blobs.items()},
        "counts": {t: len(rows) for t, rows in checked.items()},
    }
    parse_manifest(manifest)  # refuse to write what the kiosk would refuse to read
    def write(f: BinaryIO) -> None:
        with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, blob in [(MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode()), *blobs.items()]:
                zf.writestr(zipfile.ZipInfo(name, ZIP_TIME), blob, compress_type=zipfile.ZIP_DEFLATED)

    packs: list[Pack] = []
    out.parent.mkdir(parents=True, exist_ok=True)
    # `out` may be on a stick (`kiosk pack build -o`): written whole, never through a link planted there.
    replace_file(out, write, lambda part: packs.append(read_pack(part)))
    return packs[0]


def _describe(row: Any) -> str:
    if isinstance(row, dict):
        for key in ("id", "occupation", "provider"):
            if key in row:
                return f"{key} {row[key]!r}"
    return "unnamed"

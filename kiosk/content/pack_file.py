"""Reading, verifying and writing pack files (zip: manifest.json plus JSON-lines tables)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator

from kiosk.content.errors import PackRejected
from kiosk.content.file_replace import replace_file
from kiosk.content.json_lines import decode_line, encode_line
from kiosk.content.manifest import Manifest, parse_manifest
from kiosk.content.pack_limits import (
    MAX_PACK_ROWS, MAX_TABLE_ROWS, CountingFile, Expansion, check_counts, check_directory, lines, member_chunks,
    open_regular,
)
from kiosk.content.pack_signature import MAX_SIGNATURE_BYTES, SIGNATURE, Signer, verify_signature
from kiosk.content.schema import TABLES, RowError, check_row, row_key

MANIFEST = "manifest.json"
MAX_PACK_BYTES = 512 * 1024 * 1024
MAX_MEMBERS = 64
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # ten times the largest real table (pack_limits)
# A fixed timestamp makes a pack's bytes depend only on its content.
ZIP_TIME = (2020, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Pack:
    """A verified pack: its manifest, the sha256 of the whole file, the file, and who signed it.

    `signer` is None for an unsigned pack; a pack whose signature does not verify is never read at all. The
    rows stay in the file: `rows` streams one table, checked again against the verified manifest as it goes.
    """

    manifest: Manifest
    sha256: str
    path: Path
    signer: Signer | None = None

    @property
    def pack_id(self) -> str:
        return self.manifest.pack_id

    def table_names(self) -> list[str]:
        """The tables the pack holds, in the order they are read."""
        return [_table_of(name) for name in sorted(self.manifest.members)]

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """One table's checked rows, streamed from the file; PackRejected if the file no longer matches."""
        name = member_name(table)
        promised = self.manifest.members.get(name)
        if promised is None:
            return
        with open_regular(self.path) as f:
            source = CountingFile(f)
            try:
                with zipfile.ZipFile(source) as zf:  # type: ignore[arg-type]
                    chunks = member_chunks(zf, source, name, promised.size, promised.sha256)
                    for _, row in _parse_rows(table, name, chunks, self.manifest):
                        yield row
            except (zipfile.BadZipFile, EOFError, KeyError, OSError) as e:
                raise PackRejected(f"pack {self.pack_id} changed after it was checked: {e}") from None

    @property
    def tables(self) -> dict[str, list[dict[str, Any]]]:
        """Every table's rows, read from the file (for small packs and tests: the build streams instead)."""
        return {table: list(self.rows(table)) for table in self.table_names()}


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
    """Verify a pack file completely and return it, or raise PackRejected naming the problem."""
    path = Path(path)
    with open_regular(path) as f:
        try:
            size = os.fstat(f.fileno()).st_size
            head = f.read(4)
        except OSError as e:
            raise PackRejected(f"cannot read {path}: {e.strerror or e}") from None
        if size > MAX_PACK_BYTES:
            raise PackRejected(f"the pack is {size:,} bytes; the limit is {MAX_PACK_BYTES:,}")
        if not zipfile.is_zipfile(f):
            if head.startswith(b"PK"):
                raise PackRejected("the pack is truncated or damaged: its zip directory cannot be read")
            raise PackRejected("the file is not a pack: it is not a zip file")
        source = CountingFile(f)
        try:
            with zipfile.ZipFile(source) as zf:  # type: ignore[arg-type]
                manifest, signer = _read_zip(zf, source)
        except zipfile.BadZipFile as e:
            raise PackRejected(f"the pack is truncated or damaged: {e}") from None
        except (EOFError, zipfile.LargeZipFile, NotImplementedError, RuntimeError, ValueError, OSError) as e:
            if isinstance(e, PackRejected):
                raise
            raise PackRejected(f"the pack is truncated or damaged: {e}") from None
        f.seek(0)
        return Pack(manifest=manifest, sha256=_stream_sha256(f), path=path, signer=signer)


def _read_zip(zf: zipfile.ZipFile, source: CountingFile) -> tuple[Manifest, Signer | None]:
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
    check_directory(infos)  # before anything is expanded
    if MANIFEST not in names:
        raise PackRejected("the pack has no manifest.json")
    if zf.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES:
        raise PackRejected("manifest.json is too large")
    spent = Expansion()
    manifest_bytes = _read_small(zf, source, MANIFEST, MAX_MANIFEST_BYTES, spent)
    signer = None
    if SIGNATURE in names:
        # Checked before the manifest is parsed: a signed manifest that was changed is named as tampering.
        if zf.getinfo(SIGNATURE).file_size > MAX_SIGNATURE_BYTES:
            raise PackRejected(f"{SIGNATURE} is damaged: it is larger than a signature can be")
        signer = verify_signature(manifest_bytes, _read_small(zf, source, SIGNATURE, MAX_SIGNATURE_BYTES, spent))
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
    check_counts(manifest.counts)  # before any row is read
    refs = References()
    total = 0
    for name in sorted(listed):
        table = _table_of(name)
        promised = manifest.members[name]
        if zf.getinfo(name).file_size != promised.size:
            raise PackRejected(f"member {name!r} is not the size the manifest says")
        # Two passes: the checksum before any row is read (a changed member is named as such), then the rows,
        # one line at a time. Expanding twice is cheap beside parsing; holding the member would not be.
        for _ in member_chunks(zf, source, name, promised.size, promised.sha256, spent):
            pass
        expected = manifest.counts.get(table)
        n = 0
        for n, row in _parse_rows(table, name, member_chunks(zf, source, name, promised.size, promised.sha256),
                                  manifest, expected):
            refs.add(table, n, row)
        total += n
        if total > MAX_PACK_ROWS:
            raise PackRejected(f"the pack has more than {MAX_PACK_ROWS:,} rows (at {name}); "
                               f"the limit is {MAX_PACK_ROWS:,} rows a pack")
        if expected != n:
            raise PackRejected(f"{name} has {n} rows; the manifest says {expected}")
    extra = set(manifest.counts) - {_table_of(name) for name in listed}
    if extra:
        raise PackRejected(f"the manifest counts table {sorted(extra)[0]!r}, which the pack does not hold")
    refs.check()
    return manifest, signer


def _read_small(zf: zipfile.ZipFile, source: CountingFile, name: str, limit: int, spent: Expansion) -> bytes:
    """A small member (the manifest, the signature) whole, within its limit and the expansion bounds."""
    with zf.open(name) as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise PackRejected(f"{name} is larger than the {limit:,} bytes it may be")
    spent.spend(len(data), name)
    return data


def _table_of(name: str) -> str:
    if name.startswith("tables/") and name.endswith(".jsonl") and name[7:-6] in TABLES:
        return name[7:-6]
    raise PackRejected(f"member {name!r} is not a table this kiosk knows")


def _parse_rows(
    table: str, name: str, chunks: Iterator[bytes], manifest: Manifest, expected: int | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each checked row of a member with its number, streamed; refused past the manifest's count or the limit."""
    spec = TABLES[table]
    sources = manifest.source_ids()
    source_columns = [c.name for c in spec.columns if c.source]
    most = min(MAX_TABLE_ROWS, MAX_TABLE_ROWS if expected is None else expected)
    seen: set[tuple[Any, ...]] = set()
    count = 0
    for n, raw in enumerate(lines(chunks, name), 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise PackRejected(f"{name} is not UTF-8 text") from None
        if not line.strip():
            continue
        count += 1
        if count > most:
            if count > MAX_TABLE_ROWS:
                raise PackRejected(f"{name} has more than {MAX_TABLE_ROWS:,} rows; "
                                   f"the limit is {MAX_TABLE_ROWS:,} rows a table")
            raise PackRejected(f"{name} has more than {expected} rows; the manifest says {expected}")
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
        yield count, row


class References:
    """The ids each table holds and the ids its rows name, gathered row by row and checked once all are read."""

    def __init__(self) -> None:
        self.ids: dict[str, set[Any]] = {}
        self.named: dict[str, dict[str, dict[Any, int]]] = {}  # table -> column -> value -> first row naming it

    def add(self, table: str, n: int, row: dict[str, Any]) -> None:
        spec = TABLES[table]
        if spec.key == ("id",):
            self.ids.setdefault(table, set()).add(row["id"])
        named = self.named.setdefault(table, {})
        for column in spec.columns:
            if column.refers_to is not None and not column.across_packs and row[column.name] is not None:
                named.setdefault(column.name, {}).setdefault(row[column.name], n)

    def check(self) -> None:
        """Every id a row names must exist, where the table it names travels in the same pack."""
        for name, columns in self.named.items():
            for column in TABLES[name].columns:
                target = column.refers_to
                if target not in self.ids or column.name not in columns:
                    continue
                missing = [(n, v) for v, n in columns[column.name].items() if v not in self.ids[target]]
                if missing:
                    n, value = min(missing)
                    raise PackRejected(f"{member_name(name)} row {n}: {column.name} {value!r} is not in {target}")


def file_sha256(path: str | os.PathLike[str]) -> str:
    with open_regular(path) as f:
        return _stream_sha256(f)


def _stream_sha256(f: BinaryIO) -> str:
    digest = hashlib.sha256()
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
    return dataclasses.replace(packs[0], path=out)


def _describe(row: Any) -> str:
    if isinstance(row, dict):
        for key in ("id", "occupation", "provider"):
            if key in row:
                return f"{key} {row[key]!r}"
    return "unnamed"

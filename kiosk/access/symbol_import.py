"""Importing symbol sets as a school downloads them: Mulberry Symbols, or any folder of images with a word list."""

from __future__ import annotations

import contextlib
import csv
import io
import re
import zipfile
from pathlib import Path
from typing import Any, Callable, Iterator, NamedTuple

from kiosk.access.image_check import MAX_IMAGE_BYTES, ImageProblem, check_image
from kiosk.access.symbol_sets import MAX_SYMBOLS, SymbolSet, SymbolSetError, install_set, staging_folder
from kiosk.content.zip_checks import ArchiveRefused, CappedZipFile, ZipLimits, check_directory

MULBERRY_ATTRIBUTION = (
    "Mulberry Symbols by Steve Lee are licenced under the Creative Commons Attribution-ShareAlike 4.0 "
    "License. See https://mulberrysymbols.org for details."
)
MULBERRY_COLUMNS = {"symbol-id", "symbol", "grammar", "category", "rated", "tags"}
FOLDER_COLUMNS = ["word", "file", "credit", "licence_note"]
MAX_CSV_BYTES = 8 * 1024 * 1024


class Imported(NamedTuple):
    """The installed set, and what was skipped on the way, in words."""

    symbol_set: SymbolSet
    skipped: list[str]


class Source(NamedTuple):
    """Where an import reads from, a folder or a zip, behind the same two calls."""

    read: Callable[[str], bytes | None]  # a relative path's bytes (at most READ_CAP + 1), or None if absent
    names: list[str]  # every file's relative path


READ_CAP = max(MAX_IMAGE_BYTES, MAX_CSV_BYTES)  # reading one byte past a cap is enough to refuse the file
# Mulberry's release zip holds about 3,500 SVGs, 35 MB expanded. Every read is capped (READ_CAP), and all the
# reads of one import share one budget, so a zip of 2 MB members repeated 20,000 times cannot take minutes.
ZIP_LIMITS = ZipLimits(members=4 * MAX_SYMBOLS, total_bytes=512 * 1024 * 1024, member_bytes=2 * READ_CAP,
                       max_ratio=200, ratio_from=1024 * 1024)


@contextlib.contextmanager
def open_source(path: Path) -> Iterator[Source]:
    if path.is_dir():
        def read_file(name: str) -> bytes | None:
            target = path / name
            if not target.is_file():
                return None
            with open(target, "rb") as f:
                return f.read(READ_CAP + 1)

        yield Source(read_file, [p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()])
    elif zipfile.is_zipfile(path):
        with open(path, "rb") as f:
            try:
                # Members past the read cap are refused one by one when read, not the whole zip: no member cap here.
                check_directory(f, ZIP_LIMITS._replace(member_bytes=ZIP_LIMITS.total_bytes))
            except (ArchiveRefused, zipfile.BadZipFile) as e:
                raise SymbolSetError(f"{path.name} is refused: {e}") from None
            archive = CappedZipFile(f, ZIP_LIMITS, lambda name: 2 * READ_CAP)  # room for read-ahead past the cap
            with archive:
                def read_member(name: str) -> bytes | None:
                    try:
                        with archive.open(name) as member:
                            return member.read(READ_CAP + 1)
                    except KeyError:
                        return None
                    except ArchiveRefused as e:
                        raise SymbolSetError(f"{path.name} is refused: {e}") from None

                yield Source(read_member, [i.filename for i in archive.infolist() if not i.is_dir()])
    else:
        raise SymbolSetError(f"{path} is neither a folder nor a zip file")


def read_csv(data: bytes, name: str) -> list[dict[str, str]]:
    """A CSV's rows; UTF-8 (with or without a byte-order mark), else Windows-1252 as spreadsheets save it."""
    if len(data) > MAX_CSV_BYTES:
        raise SymbolSetError(f"{name} is larger than {MAX_CSV_BYTES:,} bytes")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SymbolSetError(f"{name} is neither UTF-8 nor Windows-1252 text")
    return list(csv.DictReader(io.StringIO(text)))


def import_mulberry(data_dir: Path, path: Path) -> Imported:
    """Import Mulberry Symbols from a clone, the symbols folder with its index, or the release zip."""
    with open_source(path) as source, staging_folder(data_dir, "mulberry") as staging:
        return _import_mulberry(data_dir, path, source, staging)


def _import_mulberry(data_dir: Path, path: Path, source: Source, staging: Path) -> Imported:
    layouts = [("scripts/data/symbol-info-en.csv", "EN/", "symbol"), ("symbol-info-en.csv", "EN/", "symbol"),
               ("symbol-info.csv", "EN-symbols/", "symbol-en")]
    for index_name, images, name_column in layouts:
        index = source.read(index_name)
        if index is not None:
            break
    else:
        raise SymbolSetError(f"{path}: no Mulberry index (symbol-info-en.csv or symbol-info.csv) was found")
    rows = read_csv(index, index_name)
    columns = set(rows[0]) if rows else set()
    wanted = (MULBERRY_COLUMNS - {"symbol", "category"}) | {name_column}
    if not rows or not wanted <= columns:
        raise SymbolSetError(f"{index_name}: the columns must include {', '.join(sorted(wanted))}")
    if len(rows) > MAX_SYMBOLS:
        raise SymbolSetError(f"{index_name} lists {len(rows):,} symbols; the limit is {MAX_SYMBOLS:,}")
    symbols: dict[str, list[dict[str, Any]]] = {}
    skipped: list[str] = []
    listed = set()
    for row in rows:
        name = (row.get(name_column) or "").strip()
        listed.add(f"{images}{name}.svg")
        if not name or row.get("rated", "0").strip() == "1":
            continue  # rated symbols (anatomical) are not for a school kiosk
        data = source.read(f"{images}{name}.svg")
        if data is None:
            skipped.append(f"{name}: listed in {index_name} but {images}{name}.svg is missing")
            continue
        try:
            check_image(data, f"{name}.svg")
        except ImageProblem as e:
            skipped.append(str(e))
            continue
        safe = _safe_file_name(name) + ".svg"
        (staging / "EN").mkdir(exist_ok=True)
        (staging / "EN" / safe).write_bytes(data)
        words = [_mulberry_word(name)] + (row.get("tags") or "").split()
        symbols[name] = [{"file": f"EN/{safe}", "words": [w for w in words if w]}]
    extra = [n for n in source.names if n.startswith(images) and n.endswith(".svg") and n not in listed]
    skipped += [f"{n}: an image that {index_name} does not list" for n in sorted(extra)[:20]]
    licence = source.read("LICENSE.txt")
    if licence:
        (staging / "LICENSE.txt").write_bytes(licence[: 1 << 20])
    if not symbols:
        raise SymbolSetError(f"{path}: no usable Mulberry symbols were found")
    installed = install_set(data_dir, staging, {
        "id": "mulberry", "kind": "mulberry", "name": "Mulberry Symbols", "version": "",
        "licence": "CC BY-SA 4.0", "attribution": MULBERRY_ATTRIBUTION, "url": "https://mulberrysymbols.org",
        "symbols": symbols,
    })
    return Imported(installed, skipped)


def import_folder(data_dir: Path, path: Path, set_id: str = "school", name: str = "Our school's symbols") -> Imported:
    """Import a school's own set: images and a local.csv of word, file, credit, licence_note."""
    with open_source(path) as source, staging_folder(data_dir, set_id) as staging:
        return _import_folder(data_dir, path, source, staging, set_id, name)


def _import_folder(data_dir: Path, path: Path, source: Source, staging: Path, set_id: str, name: str) -> Imported:
    index = source.read("local.csv")
    if index is None:
        raise SymbolSetError(f"{path}: no local.csv (columns {', '.join(FOLDER_COLUMNS)}) was found")
    rows = read_csv(index, "local.csv")
    if not rows or list(rows[0]) != FOLDER_COLUMNS:
        found = list(rows[0]) if rows else []
        raise SymbolSetError(f"local.csv: the columns must be {', '.join(FOLDER_COLUMNS)}, not {found}")
    if len(rows) > MAX_SYMBOLS:
        raise SymbolSetError(f"local.csv lists {len(rows):,} symbols; the limit is {MAX_SYMBOLS:,}")
    symbols: dict[str, list[dict[str, Any]]] = {}
    skipped: list[str] = []
    for line, row in enumerate(rows, 2):
        word = " ".join((row["word"] or "").lower().split())
        file_name, credit = (row["file"] or "").strip(), (row["credit"] or "").strip()
        if not word or not file_name:
            skipped.append(f"local.csv line {line}: the word or the file is empty")
            continue
        if not credit:
            skipped.append(f"local.csv line {line}: {file_name} has no credit; every symbol must say whose it is")
            continue
        data = source.read(file_name) if ".." not in Path(file_name).parts else None
        if data is None:
            skipped.append(f"local.csv line {line}: {file_name} does not exist")
            continue
        try:
            check_image(data, file_name)
        except ImageProblem as e:
            skipped.append(f"local.csv line {line}: {e}")
            continue
        stored = f"images/{len(symbols.get(word, []))}-{_safe_file_name(word)}{Path(file_name).suffix.lower()}"
        (staging / "images").mkdir(exist_ok=True)
        (staging / stored).write_bytes(data)
        # Extra rows for the same word are alternatives; the first row is the default.
        symbols.setdefault(word, []).append({"file": stored, "words": [word], "credit": credit})
    if not symbols:
        raise SymbolSetError(f"{path}: none of the symbols in local.csv could be used: " + "; ".join(skipped[:3]))
    installed = install_set(data_dir, staging, {
        "id": set_id, "kind": "folder", "name": name, "version": "", "licence": "the school's own licence",
        "attribution": "; ".join(sorted({s[0]["credit"] for s in symbols.values()}))[:2000], "url": "",
        "symbols": symbols,
    })
    return Imported(installed, skipped)


def _mulberry_word(name: str) -> str:
    """The word a Mulberry name stands for: "cook_,_to" -> "cook", "teacher_1a" -> "teacher"."""
    name = name.split("_,_")[0]
    name = re.sub(r"_\d[ab]?$", "", name)  # person and skin-tone variants: _1a, _2b; alternatives: _2
    return name.replace("_", " ")


def _safe_file_name(name: str) -> str:
    # Mulberry names hold commas ("cook_,_to"); keep files plain so nothing downstream needs quoting.
    return re.sub(r"[^A-Za-z0-9_-]+", "_", name)[:120] or "symbol"

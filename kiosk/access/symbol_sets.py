"""Installed symbol sets: where they live, their manifests, the school's order, and installing one safely.

Each set is a folder under `<data dir>/symbols/<set id>/` with a `set.json`: the set's name, licence and
attribution, and its symbols by name (an OpenMoji hexcode, a Mulberry symbol name, or a word of a school's
own set), each with its file and the words it stands for.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from pathlib import Path
from typing import Any, Iterator, NamedTuple

from kiosk.content.path_ids import UnsafeId, check_path_id

SET_FORMAT = 1
KIND_ORDER = ("folder", "mulberry", "openmoji")  # by default a school's own set is looked in first
MAX_SYMBOLS = 20_000


class SymbolSetError(ValueError):
    """A symbol set that cannot be installed; the message names the file and the problem."""


class Symbol(NamedTuple):
    """One picture in a set: the file (relative to the set's folder), its line-art version, and its words."""

    file: str
    line_art: str = ""
    words: tuple[str, ...] = ()
    credit: str = ""


class SymbolSet(NamedTuple):
    """An installed set: identity, licence, attribution, its folder and its symbols by name."""

    id: str
    kind: str
    name: str
    version: str
    licence: str
    attribution: str
    url: str
    folder: Path
    symbols: dict[str, tuple[Symbol, ...]]  # a name may have alternatives (a school's set: several per word)

    def path(self, symbol: Symbol, line_art: bool = False) -> Path:
        return self.folder / (symbol.line_art if line_art and symbol.line_art else symbol.file)


def symbols_dir(data_dir: Path) -> Path:
    return data_dir / "symbols"


def set_folder(data_dir: Path, set_id: str) -> Path:
    """A set's folder under symbols/; an id that is not a plain name (a path, "..", empty) is refused."""
    try:
        return symbols_dir(data_dir) / check_path_id(set_id, "symbol set id")
    except UnsafeId as e:
        raise SymbolSetError(str(e)) from None


def read_set(folder: Path) -> SymbolSet:
    data = json.loads((folder / "set.json").read_text(encoding="utf-8"))
    return SymbolSet(
        id=data["id"], kind=data["kind"], name=data["name"], version=data.get("version", ""),
        licence=data["licence"], attribution=data["attribution"], url=data.get("url", ""), folder=folder,
        symbols={
            name: tuple(Symbol(s["file"], s.get("line_art", ""), tuple(s.get("words", ())), s.get("credit", ""))
                        for s in entries)
            for name, entries in data["symbols"].items()
        },
    )


def installed_sets(data_dir: Path) -> list[SymbolSet]:
    """The installed sets in the school's order (a set missing from the order goes by its kind)."""
    root = symbols_dir(data_dir)
    if not root.is_dir():
        return []
    sets = []
    for folder in sorted(root.iterdir()):
        if (folder / "set.json").is_file():
            try:
                sets.append(read_set(folder))
            except (OSError, ValueError, KeyError, TypeError):
                continue  # a damaged set is left out; `kiosk doctor` and the staff screen show what is there
    order = read_order(data_dir)
    return sorted(sets, key=lambda s: (order.index(s.id) if s.id in order else len(order), KIND_ORDER.index(s.kind)))


def read_order(data_dir: Path) -> list[str]:
    path = symbols_dir(data_dir) / "order.json"
    try:
        order = json.loads(path.read_text(encoding="utf-8"))
        return [s for s in order if isinstance(s, str)]
    except (OSError, ValueError):
        return []


def write_order(data_dir: Path, order: list[str]) -> None:
    """Set the order the kiosk looks for symbols in (set ids, first looked in first)."""
    from kiosk.content.file_replace import replace_bytes

    symbols_dir(data_dir).mkdir(parents=True, exist_ok=True)
    replace_bytes(symbols_dir(data_dir) / "order.json", json.dumps(order).encode())


def install_set(data_dir: Path, staging: Path, manifest: dict[str, Any]) -> SymbolSet:
    """Write the manifest into a fully prepared staging folder, then swap it in for any older copy.

    The old copy is replaced only once the new one is complete, so a failed import keeps the working set.
    """
    if len(manifest["symbols"]) > MAX_SYMBOLS:
        raise SymbolSetError(f"the set has {len(manifest['symbols']):,} symbols; the limit is {MAX_SYMBOLS:,}")
    target = set_folder(data_dir, manifest["id"])
    manifest = {"format": SET_FORMAT, **manifest}
    (staging / "set.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)
    return read_set(target)


@contextlib.contextmanager
def staging_folder(data_dir: Path, set_id: str) -> Iterator[Path]:
    """A fresh folder to prepare a set in; whatever is left of it afterwards (a refused import) is removed."""
    folder = set_folder(data_dir, set_id).with_name(f".{set_id}.incoming")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)

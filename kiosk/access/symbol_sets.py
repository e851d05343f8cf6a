"""Installed symbol sets: where they live, their manifests, the school's order, and installing one safely.

Each set is a folder under `<data dir>/symbols/<set id>/` with a `set.json`: the set's name, licence and
attribution, and its symbols by name (an OpenMoji hexcode, a Mulberry symbol name, or a word of a school's
own set), each with its file and the words it stands for.
"""

from __future__ import annotations

import contextlib
import json
import logging
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
    """A set's manifest; ValueError (naming what is wrong) for one that is not valid or not the shape a set has."""
    try:
        data = json.loads((folder / "set.json").read_text(encoding="utf-8"))
        return _parse_set(folder, data)
    except (KeyError, TypeError, AttributeError) as e:  # the wrong shape: a field missing, or of the wrong type
        raise ValueError(f"set.json is not a symbol set's manifest ({type(e).__name__}: {e})") from None


def _parse_set(folder: Path, data: Any) -> SymbolSet:
    if data.get("kind") not in KIND_ORDER:
        raise ValueError(f"set.json gives the kind {data.get('kind')!r}; a set's kind is one of "
                         f"{', '.join(KIND_ORDER)}")
    found = SymbolSet(
        id=data["id"], kind=data["kind"], name=data["name"], version=data.get("version", ""),
        licence=data["licence"], attribution=data["attribution"], url=data.get("url", ""), folder=folder,
        symbols={
            name: tuple(Symbol(s["file"], s.get("line_art", ""), tuple(s.get("words", ())), s.get("credit", ""))
                        for s in entries)
            for name, entries in data["symbols"].items()
        },
    )
    texts = [*found[:7], *(t for symbols in found.symbols.values() for s in symbols
                           for t in (s.file, s.line_art, *s.words, s.credit))]
    if not all(isinstance(t, str) for t in texts):
        raise ValueError("set.json holds a value that should be text and is not")
    return found


def installed_sets(data_dir: Path) -> list[SymbolSet]:
    """The installed sets in the school's order (a set missing from the order goes by its kind).

    A damaged set is left out and a damaged order means the default order; each is logged (`kiosk doctor` names them).
    """
    sets, problems = read_sets(data_dir)
    for problem in problems:
        logging.getLogger(__name__).warning("%s", problem)
    return sets


def read_sets(data_dir: Path) -> tuple[list[SymbolSet], list[str]]:
    """The installed sets that can be read, in order, and a problem (naming the file) for each that cannot."""
    root = symbols_dir(data_dir)
    if not root.is_dir():
        return [], []
    sets, problems = [], []
    for folder in sorted(root.iterdir()):
        manifest = folder / "set.json"
        if folder.name.startswith(".") or folder.name.endswith(".old") or not (
                manifest.exists() or manifest.is_symlink()):
            continue  # a set being imported, an older copy being replaced, order.json, or no set at all
        try:
            sets.append(read_set(folder))
        except (OSError, ValueError) as e:
            why = e.strerror if isinstance(e, OSError) else e
            problems.append(f"the symbol set {manifest} cannot be used ({why}); the set is left out")
    order, problem = order_and_problem(data_dir)
    problems += [problem] if problem else []
    sets.sort(key=lambda s: (order.index(s.id) if s.id in order else len(order), KIND_ORDER.index(s.kind)))
    return sets, problems


def read_order(data_dir: Path) -> list[str]:
    """The school's order of set ids; none (the default order) when there is none or it cannot be read."""
    return order_and_problem(data_dir)[0]


def order_and_problem(data_dir: Path) -> tuple[list[str], str | None]:
    """The school's order, and what is wrong with order.json (None when it is sound or absent)."""
    path = symbols_dir(data_dir) / "order.json"
    if not (path.exists() or path.is_symlink()):
        return [], None
    try:
        order = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        why = e.strerror if isinstance(e, OSError) else "it is not valid JSON text"
        return [], f"the symbol set order {path} cannot be read ({why}); the default order is used"
    if not isinstance(order, list) or not all(isinstance(s, str) for s in order):
        return [], f"the symbol set order {path} is not a list of set ids; the default order is used"
    return order, None


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

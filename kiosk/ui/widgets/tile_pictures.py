"""Pictures for one screen of tiles: each tile gets the best symbol not already used on that screen, or none."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Hashable, NamedTuple, Sequence, TypeVar

Item = TypeVar("Item")


class TilePicture(NamedTuple):
    """The symbol chosen for a tile: the concept it stands for and the symbol (a SymbolRef: set, name, file)."""

    concept: str
    symbol: object

    @property
    def path(self) -> Path:
        return self.symbol.path  # type: ignore[attr-defined]


def distinct_pictures(
    choices: Sequence[Item], options: Callable[[Item], tuple[str, Sequence[object]]],
) -> list[TilePicture | None]:
    """A picture for each choice, in order: its concept's best symbol that no tile before it on the screen shows,
    else its next candidate, else none. `options(choice)` gives the concept id and its symbols, best first.

    Two tiles that look alike cannot be told apart by a pupil who reads the pictures; a missing picture is better
    than one that says the same as its neighbour (or, for a different concept, says the wrong thing)."""
    used: set[Hashable] = set()
    return [unused_picture(*options(choice), used) for choice in choices]


def unused_picture(concept: str, symbols: Sequence[object], used: set[Hashable]) -> TilePicture | None:
    """The concept's best symbol not in `used` (which it then joins), or None when every one is on show."""
    pick = next((s for s in symbols if same_picture(s) not in used), None)
    if pick is None:
        return None
    used.add(same_picture(pick))
    return TilePicture(concept, pick)


def same_picture(symbol: object) -> Hashable:
    """What makes two symbols the same picture: the set and symbol name (a line-art copy of a symbol is the same
    drawing), or the file when a symbol has no name."""
    name = getattr(symbol, "name", "")
    if name:
        return getattr(symbol, "set_id", ""), name
    return str(getattr(symbol, "path"))

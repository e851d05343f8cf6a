"""Who school content is meant for (Key Stage 3, parents, SEND…), in plain words."""

from __future__ import annotations

from typing import Sequence

# audience id -> (name on a tile, a line of detail); in the order a library shelf would be.
AUDIENCES: dict[str, tuple[str, str]] = {
    "ks3": ("Key Stage 3", "Years 7, 8 and 9"),
    "ks4": ("Key Stage 4", "Years 10 and 11"),
    "post16": ("After 16", "Sixth form, college and beyond"),
    "parents": ("Parents and carers", "To help your child choose"),
    "send": ("SEND", "Special educational needs and disabilities, with easy read"),
}


def audience_name(audience: str) -> str:
    return AUDIENCES.get(audience, (audience, ""))[0]


def audience_words(audiences: Sequence[str]) -> str:
    """Audiences as a plain list: "Key Stage 4, After 16 and Parents and carers"."""
    names = [audience_name(a) for a in audiences]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"

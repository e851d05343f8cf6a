"""Which SOC groups to sync: a file of codes, else the codes installed, else the codes NCS profiles name."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from kiosk.sources.errors import SourceInputError

_CODE = re.compile(r"[1-9]\d{3}")
_SEPARATORS = re.compile(r"[\s,;]+")


class SocList(NamedTuple):
    """The codes to sync, in the order given, where they came from, and notes on anything skipped."""

    codes: tuple[int, ...]
    origin: str
    notes: tuple[str, ...] = ()


def read_soc_file(path: Path) -> SocList:
    """Codes from a text file: any mix of lines, commas and spaces; '#' starts a comment; repeats are synced once."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceInputError(f"SOC list {path}: cannot be read ({exc})") from None
    codes: dict[int, int] = {}
    notes: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        for token in _SEPARATORS.split(line.split("#", 1)[0]):
            if not token:
                continue
            if not _CODE.fullmatch(token):
                # Refuse the whole list: syncing fewer groups than staff asked for, silently, would be worse.
                raise SourceInputError(f"SOC list {path.name} line {number}: {token!r} is not a 4-digit SOC 2010 code")
            code = int(token)
            if code in codes:
                notes.append(f"SOC list {path.name} line {number}: {code} is already on line {codes[code]}; "
                             "synced once")
            else:
                codes[code] = number
    if not codes:
        raise SourceInputError(f"SOC list {path.name}: holds no SOC codes")
    return SocList(tuple(codes), f"the file {path.name}", tuple(notes))


def choose_socs(soc_file: Path | None, installed: Iterable[int], ncs_socs: Iterable[int] = ()) -> SocList:
    """The codes a sync should fetch: the file's, else the installed occupations', else the NCS profiles'."""
    if soc_file is not None:
        return read_soc_file(soc_file)
    installed = tuple(dict.fromkeys(installed))
    if installed:
        return SocList(installed, "the installed occupations")
    named = tuple(dict.fromkeys(code for code in ncs_socs if _CODE.fullmatch(str(code))))
    if named:
        return SocList(named, "the National Careers Service profiles")
    raise SourceInputError("LMI for All sync: no SOC codes to fetch; give --socs FILE, or install or sync "
                           "occupations first")

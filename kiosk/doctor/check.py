"""One line of `kiosk doctor`'s report."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Check:
    """One line of the report: what was checked, ok / warning / fault, and what was found."""

    name: str
    status: str
    detail: str

"""The symbol sets installed in the data directory (none means the kiosk runs text-only)."""

from __future__ import annotations

from pathlib import Path


def symbols_dir(data_dir: Path) -> Path:
    return data_dir / "symbols"


def installed_symbol_sets(data_dir: Path) -> list[str]:
    """Names of the installed symbol sets: folders under symbols/ that hold at least one image."""
    root = symbols_dir(data_dir)
    if not root.is_dir():
        return []
    return sorted(
        d.name for d in root.iterdir()
        if d.is_dir() and any(p.suffix.lower() in (".svg", ".png") for p in d.rglob("*"))
    )

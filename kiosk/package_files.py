"""Where the kiosk's own data (pack sources, vocabulary) is read from: inside the installed package, or the checkout."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# The project's checkout when the kiosk runs from one (PYTHONPATH, or `pip install -e .`); None when installed.
# pyproject.toml beside the package marks it, so an installed kiosk never reads a stray site-packages/assets.
CHECKOUT: Path | None = PACKAGE.parent if (PACKAGE.parent / "pyproject.toml").is_file() else None
FOLDERS = ("assets", "symbols")  # the checkout's folders; pyproject.toml puts them in the wheel as kiosk/<folder>


def data_folder(name: str) -> Path:
    """The folder `name` (one of FOLDERS): kiosk/<name> in an installed wheel, else <name>/ in the checkout."""
    if name not in FOLDERS:
        raise ValueError(f"{name!r} is not one of the kiosk's data folders {FOLDERS}")
    inside = PACKAGE / name
    if inside.is_dir() or CHECKOUT is None:
        return inside
    return CHECKOUT / name


def where_from() -> str:
    """One line for `kiosk doctor`: where the vocabulary and the pack sources are read from."""
    how = "the project's checkout" if CHECKOUT is not None and not (PACKAGE / "assets").is_dir() else "the package"
    return f"from {how}: vocabulary {data_folder('symbols')}, pack sources {data_folder('assets')}"

"""Finding installed symbol images that would take gigabytes or minutes to draw (installed before they were checked)."""

from __future__ import annotations

from pathlib import Path

from kiosk.access.image_check import MAX_IMAGE_BYTES, ImageProblem, check_cost
from kiosk.access.symbol_sets import installed_sets


def costly_symbols(data_dir: Path, most: int = 5) -> list[str]:
    """Up to `most` problems, each naming the set and the image; [] when every installed image is safe to draw."""
    found: list[str] = []
    for symbol_set in installed_sets(data_dir):
        files = {f for entries in symbol_set.symbols.values() for s in entries for f in (s.file, s.line_art) if f}
        for file in sorted(files):
            try:
                with open(symbol_set.folder / file, "rb") as f:
                    data = f.read(MAX_IMAGE_BYTES + 1)
            except OSError:
                continue  # a missing picture shows as its word; not this check's business
            try:
                check_cost(data, Path(file).name)
            except ImageProblem as e:
                found.append(f"{symbol_set.name}: {e}")
                if len(found) >= most:
                    return found
    return found

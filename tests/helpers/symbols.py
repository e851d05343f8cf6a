"""A stand-in OpenMoji with a (plain) picture for every symbol the kiosk's concepts name: pages as busy with
symbols as with the real set, without the network."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from kiosk.access.openmoji import install_openmoji
from tests.access.test_image_check import GOOD_SVG
from tests.access.test_symbol_sets import lock_file, openmoji_tarball

CONCEPTS = Path(__file__).resolve().parents[2] / "symbols" / "concepts.csv"


def every_concept_openmoji() -> bytes:
    """An OpenMoji-shaped tarball holding every OpenMoji code the concepts list."""
    codes = set()
    with CONCEPTS.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            codes |= {c.split(":", 1)[1] for c in row["candidates"].split("|") if c.startswith("openmoji:")}
    index = [{"hexcode": code, "annotation": code, "tags": "", "skintone": ""} for code in sorted(codes)]
    entries = {"data/openmoji.json": json.dumps(index).encode(), "LICENSE.txt": b"CC BY-SA 4.0"}
    for code in codes:
        entries[f"color/svg/{code}.svg"] = entries[f"black/svg/{code}.svg"] = GOOD_SVG
    return openmoji_tarball(entries)


def install_every_concept_symbol(data_dir: Path, scratch: Path) -> None:
    """Install that stand-in set into a kiosk data folder."""
    tarball = every_concept_openmoji()
    install_openmoji(data_dir, lock_file(scratch, tarball), fetch=lambda pin: tarball)

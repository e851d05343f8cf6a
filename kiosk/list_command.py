"""`kiosk list`: every occupation with its SOC codes, the kinds of figure it has and their sources."""

from __future__ import annotations

import json
from typing import Any

from kiosk.content.catalogue_reads import KINDS


def run_list(settings: Any, *, as_json: bool) -> int:
    """Print every occupation: one line each (sources numbered, named below), or JSON with every kind listed."""
    from kiosk.app import open_content

    reader = open_content(settings)
    try:
        entries = reader.catalogue()
    finally:
        reader.close()
    if as_json:
        print(json.dumps([{"id": e.id, "title": e.title, "soc2020": e.soc2020, "soc2010": e.soc2010,
                           "figures": {kind: list(e.figures.get(kind, ())) for kind in KINDS}} for e in entries],
                         indent=1, ensure_ascii=False))
        return 0
    # Source names are long and the same few recur on every line: each line carries numbers, named once below.
    numbers: dict[str, int] = {}
    for e in entries:
        kinds = "; ".join(
            f"{kind} [{', '.join(str(numbers.setdefault(name, len(numbers) + 1)) for name in names)}]"
            for kind, names in e.figures.items())
        print(f"{e.id:32}  {e.soc2020 or '-':>4}  {e.soc2010 or '-':>4}  {e.title}: {kinds or 'no figures'}")
    if numbers:
        print("\nSources:")
        for name, number in numbers.items():
            print(f"  [{number}] {name}")
    return 0

"""The vocabulary's CSV files read the same way: a size limit, the exact columns, and each row with its line."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterator


def checked_rows(path: Path, columns: list[str], max_bytes: int,
                 error: type[ValueError]) -> Iterator[tuple[int, dict[str, str]]]:
    """Each row of a CSV file with its line number, after checking its size and columns; `error` names the file."""
    if path.stat().st_size > max_bytes:
        raise error(f"{path.name}: larger than {max_bytes:,} bytes")
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != columns:
            raise error(f"{path.name}: the columns must be {', '.join(columns)}, not {reader.fieldnames}")
        for row in reader:
            yield reader.line_num, {k: v or "" for k, v in row.items()}

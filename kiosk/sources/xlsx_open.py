"""Opening an .xlsx or .xlsm workbook with openpyxl once its zip is within limits, and reading it within them."""

from __future__ import annotations

import io
from pathlib import PurePosixPath
from typing import Any

from kiosk.content.zip_checks import ArchiveRefused, CappedZipFile, ZipLimits, check_directory
from kiosk.sources.xml_shape import Shape, ShapeWatch

MiB = 1024 * 1024
# The limits stand well above the largest real workbooks, measured on the releases in ../shared/fixtures (ONS ASHE
# 2024 tables 14.x, APS employment by SOC, SOC 2020 Volume 1, the 43 DfE Skills Imperative 2035 workbooks and their
# LSIP lookup) and on the school template filled to its limit (5,000 rows a sheet, long text in every cell):
#                         largest official                    full school template    limit
#   parts in the zip      285 (DfE EN_MainTables)             15                      2,000
#   expanded in all       9.7 MB (DfE EN_MainTables)          33 MB                   128 MiB
#   one sheet's XML       1.0 MB (DfE EN_MainTables)          10.2 MB                 48 MiB
#   shared strings        0.7 MB, 3,050 texts (SOC Vol. 1)    (Excel: ~33 MB)         64 MiB, 250,000 texts
#   any other part        0.7 MB (DfE calcChain.xml)          10 KB                   8 MiB
#   expansion of a part   27 times (SOC Vol. 1's strings)     36 times                200 times
#   tags in one row       775 (with the sheet's head or tail) under 100               150,000
#   tags in other parts   46,128 (DfE calcChain.xml)          under 1,000             400,000
#   sheets without a size record (<dimension>): none of 1,706 real sheets              300,000 tags
# What they bound is memory: openpyxl holds a whole row, every shared string and each other part as it reads.
LIMITS = ZipLimits(members=2_000, total_bytes=128 * MiB, member_bytes=8 * MiB, max_ratio=200)
MAX_SHEET_XML = 48 * MiB
MAX_SHARED_STRINGS_XML = 64 * MiB
SHEET = Shape("row", b"row", max_items=1_048_576, max_marks=150_000, streams_if=b"dimension", held_from=b"sheetData",
              max_held_marks=300_000)
SHARED_STRINGS = Shape("shared text", b"si", max_items=250_000, max_marks=20_000)
OTHER = Shape("part", None, max_items=0, max_marks=400_000)


def _kind(part: str) -> str:
    name = PurePosixPath(part).name.lower()
    if name.startswith("sharedstrings"):
        return "shared"
    if "/worksheets/" in part.lower() or name.startswith("sheet"):
        return "sheet"
    return "xml" if name.endswith((".xml", ".rels", ".vml")) else "other"


def _cap(part: str) -> int:
    kind = _kind(part)
    return MAX_SHEET_XML if kind == "sheet" else MAX_SHARED_STRINGS_XML if kind == "shared" else LIMITS.member_bytes


def _watch(part: str) -> ShapeWatch | None:
    kind = _kind(part)
    if kind == "sheet":
        return ShapeWatch("", SHEET)  # the reader names the sheet; a part's path means nothing to staff
    if kind == "shared":
        return ShapeWatch("its shared text: ", SHARED_STRINGS)
    return ShapeWatch(f"{part}: ", OTHER) if kind == "xml" else None


def open_xlsx(data: bytes) -> Any:
    """The workbook (openpyxl, read-only, cached values) whose parts all open capped and watched; ArchiveRefused
    when the zip's directory is past a limit, or when a part read while opening it is (the shared strings)."""
    infos = check_directory(io.BytesIO(data), LIMITS, _cap)
    _scan_shared_strings(data, [i.filename for i in infos if _kind(i.filename) == "shared"])
    from openpyxl.reader.excel import ExcelReader  # what load_workbook uses; here so its archive can be swapped

    reader = ExcelReader(io.BytesIO(data), read_only=True, keep_vba=False, data_only=True, keep_links=False)
    reader.archive.close()
    # The read-only workbook keeps this archive and opens each sheet from it when the sheet is read.
    reader.archive = CappedZipFile(io.BytesIO(data), LIMITS, _cap, _watch)
    try:
        reader.read()  # reads the start of every sheet too (its dimensions)
    except ArchiveRefused as e:
        raise ArchiveRefused(_sheet_named(reader, e), e.part) from None
    return reader.wb


def _scan_shared_strings(data: bytes, parts: list[str]) -> None:
    """Watch the shared strings through once before openpyxl reads them: it spends 10 microseconds on each, so
    two million (a 2 MB file) took seconds before the watch, reading alongside, could stop it. The scan takes
    milliseconds, and its own budget (openpyxl's reading is counted again)."""
    with CappedZipFile(io.BytesIO(data), LIMITS, _cap, _watch) as archive:
        for part in parts:
            with archive.open(part) as f:
                while f.read(1024 * 1024):
                    pass


def _sheet_named(reader: Any, refused: ArchiveRefused) -> str:
    """The message, naming the sheet when a sheet's part was refused (its path means nothing to staff)."""
    if _kind(refused.part) != "sheet" or not hasattr(reader, "parser"):
        return str(refused)
    for sheet, rel in reader.parser.find_sheets():
        if rel is not None and rel.target == refused.part:
            return f'sheet "{sheet.name}": {refused}'
    return f"{refused.part}: {refused}"


__all__ = ["ArchiveRefused", "open_xlsx"]

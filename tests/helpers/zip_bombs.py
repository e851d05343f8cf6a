"""Decompression bombs built in memory in a few milliseconds: workbooks whose parts expand to hundreds of
megabytes, hold millions of rows or one endless row, or whose zip directory lies; and an image bomb."""

from __future__ import annotations

import bz2
import io
import random
import struct
import zipfile
import zlib
from pathlib import Path
from typing import NamedTuple

from tests.helpers.workbooks import xlsx_bytes

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHARED_STRINGS_TYPE = (b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                       b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')


class Member(NamedTuple):
    """One zip member as it is stored: its compressed bytes and what the directory says about it."""

    name: str
    stored: bytes
    method: int
    crc: int
    size: int  # the size the directory declares (a lie, if it differs from what the bytes expand to)


def deflated(name: str, data: bytes) -> Member:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return Member(name, packer.compress(data) + packer.flush(), zipfile.ZIP_DEFLATED, zlib.crc32(data), len(data))


def repeated(name: str, head: bytes, unit: bytes | list[bytes], times: int, tail: bytes) -> Member:
    """head + `times` units + tail, deflated without ever holding the expanded bytes: about 64 KB of units is
    compressed once (a sync flush makes its blocks self-contained) and its compressed blocks repeated.

    A list of units is drawn from at random (the same draw each time): the less alike they are, the lower the
    compression ratio, so a bomb can stay under a ratio limit and meet the checks made while reading."""
    units = [unit] if isinstance(unit, bytes) else unit
    draw = random.Random(len(units))

    def block(data: bytes) -> bytes:
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        return packer.compress(data) + packer.flush(zlib.Z_SYNC_FLUSH)

    per_group = max(1, 65536 // len(units[0]))
    groups, rest = divmod(times, per_group)
    group = b"".join(draw.choice(units) for _ in range(per_group))
    last = b"".join(draw.choice(units) for _ in range(rest))
    crc = zlib.crc32(head)
    for _ in range(groups):
        crc = zlib.crc32(group, crc)
    crc = zlib.crc32(tail, zlib.crc32(last, crc))
    final = zlib.compressobj(9, zlib.DEFLATED, -15)
    stored = block(head) + block(group) * groups + block(last) + final.compress(tail) + final.flush()
    return Member(name, stored, zipfile.ZIP_DEFLATED, crc, len(head) + len(group) * groups + len(last) + len(tail))


def raw_zip(members: list[Member]) -> bytes:
    """A zip of these members exactly as given (zipfile cannot write precompressed or lying members)."""
    out, directory = io.BytesIO(), io.BytesIO()
    for m in members:
        name = m.name.encode()
        offset = out.tell()
        fields = (20, 0, m.method, 0, 0x21, m.crc, len(m.stored), m.size, len(name))
        out.write(struct.pack("<4s5HIIIHH", b"PK\x03\x04", *fields, 0) + name + m.stored)
        directory.write(struct.pack("<4s6HIIIHHHHHII", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, 0, offset) + name)
    start, cd = out.tell(), directory.getvalue()
    out.write(cd + struct.pack("<4s4HIIH", b"PK\x05\x06", 0, 0, len(members), len(members), len(cd), start, 0))
    return out.getvalue()


def workbook_with(parts: list[Member], sheets: dict[str, list[list[object]]] | None = None) -> bytes:
    """A real openpyxl workbook (text in it, so it has shared strings) with some parts replaced or added."""
    base = xlsx_bytes(sheets or {"Resources": [["Title", "Kind"], ["Careers guide", "book"]]})
    replaced = {p.name for p in parts}
    kept = []
    with zipfile.ZipFile(io.BytesIO(base)) as zf:
        for info in zf.infolist():
            data = zf.read(info)
            if (info.filename == "[Content_Types].xml" and "xl/sharedStrings.xml" in replaced
                    and b"sharedStrings" not in data):
                # openpyxl writes its text inline; a shared strings part is read only when its type is listed
                data = data.replace(b"</Types>", SHARED_STRINGS_TYPE + b"</Types>")
            if info.filename not in replaced:
                kept.append(deflated(info.filename, data))
    return raw_zip(kept + parts)


def shared_strings_bomb(megabytes: int = 400) -> bytes:
    """The shared strings expand to `megabytes` (honestly declared): 400 MB is 24 million one-letter texts."""
    unit = b"<si><t>a</t></si>"
    times = megabytes * 1024 * 1024 // len(unit)
    head = f'<?xml version="1.0"?><sst xmlns="{MAIN_NS}">'.encode()
    return workbook_with([repeated("xl/sharedStrings.xml", head, unit, times, b"</sst>")])


def many_strings_bomb() -> bytes:
    """Shared strings within the byte and ratio limits but of 2 million texts (openpyxl keeps every one)."""
    units = [f"<si><t>{c}</t></si>".encode() for c in "abcdefghijklmnop"]
    head = f'<?xml version="1.0"?><sst xmlns="{MAIN_NS}">'.encode()
    return workbook_with([repeated("xl/sharedStrings.xml", head, units, 2_000_000, b"</sst>")])


def _sheet(rows: bytes, unit: bytes | list[bytes], times: int, tail: bytes = b"", size_record: bool = True) -> Member:
    size = '<dimension ref="A1:BZ1048576"/>' if size_record else ""
    head = f'<?xml version="1.0"?><worksheet xmlns="{MAIN_NS}">{size}<sheetData>'.encode() + rows
    return repeated("xl/worksheets/sheet1.xml", head, unit, times, tail + b"</sheetData></worksheet>")


def millions_of_rows_bomb(size_record: bool = True) -> bytes:
    """A sheet of a million rows (each with a cell past the columns read), within the size and ratio limits; with
    the size record (<dimension>) Excel writes first, or without, when openpyxl parses the whole sheet at once."""
    heading = b'<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c></row>'
    units = [f'<row><c r="BZ1"><v>{n}</v></c></row>'.encode() for n in range(10, 26)]
    return workbook_with([_sheet(heading, units, 1_000_000, size_record=size_record)])


def unsized_rows_bomb() -> bytes:
    return millions_of_rows_bomb(size_record=False)


def far_row_bomb() -> bytes:
    """Two rows: 1 and 1,048,576 (Excel's last); openpyxl fills in the million empty rows between."""
    rows = b'<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c></row><row r="1048576"><c r="A1048576">'
    return workbook_with([_sheet(rows, b"<v>1</v>", 1, b"</c></row>")])


def endless_row_bomb() -> bytes:
    """One row of two and a half million cells (within the size and ratio limits): openpyxl holds a whole row
    before it hands it over."""
    units = [f"<c><v>{n}</v></c>".encode() for n in range(16)]
    return workbook_with([_sheet(b'<row r="1">', units, 2_500_000, b"</row>")])


def lying_directory_bomb() -> bytes:
    """The sheet's directory entry says 2 KB; its 200-odd bytes are bzip2 expanding to 32 MB, which zipfile
    decompresses a whole input chunk at a time, whatever was asked for (bzip2 goes to 45 MB a block)."""
    head = f'<?xml version="1.0"?><worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1"><v>'.encode()
    packer = bz2.BZ2Compressor(9)
    stored = packer.compress(head)
    zeros = b"0" * (1024 * 1024)
    for _ in range(32):
        stored += packer.compress(zeros)
    stored += packer.flush()
    return workbook_with([Member("xl/worksheets/sheet1.xml", stored, zipfile.ZIP_BZIP2, 0, 2048)])


def many_parts_bomb() -> bytes:
    """A workbook carrying 5,000 tiny extra parts."""
    return workbook_with([deflated(f"xl/media/part{i}.bin", b"") for i in range(5_000)])


def high_ratio_bomb() -> bytes:
    """The stylesheet within the byte limit, but 6 MB of spaces squeezed into a few kilobytes."""
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes({"Resources": [["Title"]]}))) as zf:
        styles = zf.read("xl/styles.xml")
    at = styles.index(b"<numFmts") if b"<numFmts" in styles else styles.index(b"<fonts")
    return workbook_with([repeated("xl/styles.xml", styles[:at], b" " * 1024, 6 * 1024, styles[at:])])


def doctype_bomb() -> bytes:
    """A sheet whose document type defines an entity of ten thousand cells, used a thousand times."""
    cells = "<c/>" * 10_000
    uses = "&cells;" * 1000
    sheet = (f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY cells "{cells}">]>'
             f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1">{uses}</row></sheetData></worksheet>')
    return workbook_with([deflated("xl/worksheets/sheet1.xml", sheet.encode())])


XLSX_BOMBS = {
    "shared_strings": shared_strings_bomb, "many_strings": many_strings_bomb,
    "millions_of_rows": millions_of_rows_bomb, "unsized_rows": unsized_rows_bomb, "far_row": far_row_bomb,
    "endless_row": endless_row_bomb, "lying_directory": lying_directory_bomb,
    "many_parts": many_parts_bomb, "high_ratio": high_ratio_bomb, "doctype": doctype_bomb,
}


def png_bomb(width: int = 50_000, height: int = 50_000) -> bytes:
    """A PNG of about a kilobyte declaring width x height pixels (10 GB decoded at 50,000 square), all black."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    packer = zlib.compressobj(9)
    row = b"\0" * (1 + width)  # filter byte, then one grey byte a pixel
    rows = packer.compress(row * min(height, 64)) + packer.flush(zlib.Z_SYNC_FLUSH)  # the rest is left out
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows + packer.flush())
            + chunk(b"IEND", b""))


def svg_use_bomb(levels: int = 9, fan: int = 10) -> bytes:
    """A 2 KB SVG whose <use>s point at groups of <use>s: fan ** levels triangles to draw (10**8 took Qt past a
    minute)."""
    groups = ['<g id="g0"><path d="M0 0L10 10L0 10Z"/></g>']
    for i in range(1, levels):
        groups.append(f'<g id="g{i}">' + f'<use xlink:href="#g{i - 1}"/>' * fan + "</g>")
    return ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
            f'<defs>{"".join(groups)}</defs><use xlink:href="#g{levels - 1}"/></svg>').encode()


def xls_far_cell_bomb(fixtures: Path) -> bytes | None:
    """ONS's ASHE 2023 table 14.1a (.xls) with its first number moved to row 65,536, column IV (the last cell of
    an Excel 97-2003 sheet): xlrd padding every row to the widest took 173 MiB. None without the fixtures."""
    release = fixtures / "ons" / "ashetable142023provisional.zip"
    if not release.is_file():
        return None
    import xlrd

    with zipfile.ZipFile(release) as zf:
        data = bytearray(zf.read(next(n for n in sorted(zf.namelist()) if "14.1a" in n)))
    book = xlrd.open_workbook(file_contents=bytes(data), on_demand=True)
    # The workbook stream is stored contiguously here, so xlrd's offsets are the file's own.
    at = book._sh_abs_posn[1]  # the second sheet, "All"
    while at < len(data):
        code, length = struct.unpack_from("<HH", data, at)
        if code == 0x0203:  # NUMBER: row, column, format, value
            struct.pack_into("<HH", data, at + 4, 0xFFFF, 0xFF)
            return bytes(data)
        at += 4 + length
    raise AssertionError("no number cell found in the ASHE table")


# How each bomb is read in a child process with its memory capped: reader ("school", "official" or "image") and
# file on the command line, in pairs; one JSON line of outcome, message, seconds and peak memory for each.
READ_CHILD = """
import json, resource, sys, time, warnings
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[1]),) * 2)
warnings.simplefilter("ignore")
from kiosk.access.image_check import ImageProblem, check_image
from kiosk.content.errors import PackRejected
from kiosk.sources.errors import SourceInputError
from kiosk.sources.official.workbook import open_workbook
from kiosk.sources.school.sheet_files import read_workbook
import openpyxl, xlrd

def peak_mib():  # VmHWM: ru_maxrss would carry the parent's peak across fork and exec
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

for reader, path in zip(sys.argv[2::2], map(Path, sys.argv[3::2])):
    t0 = time.perf_counter()
    try:
        if reader == "school":
            read_workbook(path)
        elif reader == "official":
            book = open_workbook(path.read_bytes(), path.name)
            for sheet in book.sheet_names:
                book.rows(sheet)
        else:
            check_image(path.read_bytes(), path.name)
        outcome, message = "accepted", ""
    except (PackRejected, SourceInputError, ImageProblem) as e:
        outcome, message = "refused", str(e)
    except MemoryError:
        outcome, message = "out of memory", ""
    print(json.dumps({"outcome": outcome, "message": message, "seconds": time.perf_counter() - t0,
                      "peak_mib": peak_mib()}), flush=True)
"""


def read_in_child(cases: list[tuple[str, Path]], env: dict[str, str], cwd: Path,
                  memory_cap: int = 1 << 30, timeout: float = 600) -> list[dict[str, object]]:
    """Each (reader, file) read in turn by one child process whose address space is capped at `memory_cap`."""
    import subprocess
    import sys

    argv = [a for reader, path in cases for a in (reader, str(path))]
    try:
        proc = subprocess.run([sys.executable, "-c", READ_CHILD, str(memory_cap), *argv], cwd=cwd, env=env,
                              capture_output=True, text=True, timeout=timeout)
        out, problem = proc.stdout, f"exit {proc.returncode}: {proc.stderr.strip()[-300:]}"
    except subprocess.TimeoutExpired as e:
        out, problem = (e.stdout or b"").decode() if isinstance(e.stdout, bytes) else (e.stdout or ""), "timed out"
    import json

    found = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return found + [{"outcome": f"crashed ({problem})", "message": ""}] * (len(cases) - len(found))

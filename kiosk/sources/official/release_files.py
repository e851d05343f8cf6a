"""Finding the release workbooks in a folder staff chose (or a download folder): loose or inside zips, bounded."""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from kiosk.content.zip_checks import PLAIN_METHODS, ArchiveRefused, ZipLimits, check_end_record
from kiosk.sources.errors import SourceInputError

WORKBOOK_SUFFIXES = (".xls", ".xlsx", ".xlsm")
MAX_FILES = 400  # the fixtures hold about 50 workbooks; a folder with hundreds is not a set of releases
MAX_WORKBOOK_BYTES = 64 * 1024 * 1024  # the largest published workbook is under 3 MB
MAX_ZIP_BYTES = 256 * 1024 * 1024
MAX_EXPANSION = 200  # a member may expand at most this many times its compressed size (zip bombs)
MAX_DEPTH = 4  # folders below the one chosen
# Only the end record's counts are used: a 256 MB zip of empty entries would be millions of ZipInfos to parse.
# ONS's release zips list 6 to 12 workbooks.
ZIP_DIRECTORY = ZipLimits(members=4_000, total_bytes=0, member_bytes=0, max_ratio=0)


class ReleaseFile(NamedTuple):
    """One workbook found: how messages name it, and a way to read its bytes (read only when it is needed)."""

    name: str
    read: Callable[[], bytes]


def release_files(folder: Path) -> list[ReleaseFile]:
    """Every workbook under `folder` (never through a link), and those inside its zip files, in name order.

    Raises SourceInputError naming the folder when it cannot be read or holds far too many files.
    """
    if not folder.is_dir():
        raise SourceInputError(f"{folder} is not a folder of release files")
    found = sorted(_walk(folder, folder, 0), key=lambda f: f.name.casefold())
    if len(found) > MAX_FILES:
        raise SourceInputError(f"{folder} holds more than {MAX_FILES} workbooks; choose the folder of the releases")
    return found


def _walk(root: Path, folder: Path, depth: int) -> Iterator[ReleaseFile]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        raise SourceInputError(f"{folder} cannot be read: {e.strerror or e}") from None
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden files: partial downloads, system files
        # lstat: a link is never followed, so a stick cannot point the kiosk at files outside the folder
        mode = entry.stat(follow_symlinks=False).st_mode
        path = Path(entry.path)
        shown = path.relative_to(root).as_posix()
        if stat.S_ISDIR(mode) and depth < MAX_DEPTH:
            yield from _walk(root, path, depth + 1)
        elif stat.S_ISREG(mode) and entry.name.lower().endswith(WORKBOOK_SUFFIXES):
            yield ReleaseFile(shown, _file_reader(path, shown))
        elif stat.S_ISREG(mode) and entry.name.lower().endswith(".zip"):
            yield from _zip_members(path, shown)


def _file_reader(path: Path, shown: str) -> Callable[[], bytes]:
    def read() -> bytes:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as f:
            data = f.read(MAX_WORKBOOK_BYTES + 1)
        if len(data) > MAX_WORKBOOK_BYTES:
            raise SourceInputError(f"{shown} is larger than {MAX_WORKBOOK_BYTES:,} bytes; it is not a release table")
        return data

    return read


def _zip_members(path: Path, shown: str) -> Iterator[ReleaseFile]:
    if path.stat().st_size > MAX_ZIP_BYTES:
        raise SourceInputError(f"{shown} is larger than {MAX_ZIP_BYTES:,} bytes; it is not a release download")
    try:
        with open(path, "rb") as f:
            check_end_record(f, ZIP_DIRECTORY)
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.infolist()
                       if not m.is_dir() and m.filename.lower().endswith(WORKBOOK_SUFFIXES)
                       and not Path(m.filename).name.startswith(".")]
    except ArchiveRefused as e:
        raise SourceInputError(f"{shown} is refused: {e}") from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as e:
        raise SourceInputError(f"{shown} is damaged or not a zip file ({e}); download it again") from None
    for member in members:
        where = f"{shown}/{member.filename}"
        if member.compress_type not in PLAIN_METHODS:
            # zipfile decompresses bzip2 and LZMA a whole chunk at a time, past any size asked for
            raise SourceInputError(f"{where} is compressed in a way release zips do not use "
                                   f"(method {member.compress_type}); it is refused")
        if member.file_size > MAX_WORKBOOK_BYTES or member.file_size > MAX_EXPANSION * max(member.compress_size, 1):
            raise SourceInputError(f"{where} would expand to {member.file_size:,} bytes; it is not a release table")
        yield ReleaseFile(where, _member_reader(path, member.filename, where))


def _member_reader(path: Path, member: str, where: str) -> Callable[[], bytes]:
    def read() -> bytes:
        try:
            with zipfile.ZipFile(path) as zf, zf.open(member) as f:
                data = f.read(MAX_WORKBOOK_BYTES + 1)  # the header's size can lie; the bytes read cannot
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError) as e:
            raise SourceInputError(f"{where} cannot be read from its zip ({e}); download it again") from None
        if len(data) > MAX_WORKBOOK_BYTES:
            raise SourceInputError(f"{where} expands to more than {MAX_WORKBOOK_BYTES:,} bytes")
        return data

    return read

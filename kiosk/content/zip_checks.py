"""Opening zip files from outside (workbooks, release downloads, symbol sets) within limits on what they expand to."""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable
from typing import IO, Any, NamedTuple

# Excel, LibreOffice and every zip tool write members stored or deflated. zipfile bounds a deflated member's
# output by the size its directory declares, but decompresses bzip2 and LZMA a whole input chunk at a time:
# a 285-byte bzip2 member asked for 4 KB expanded 200 MB at once. Only the two plain methods are read.
PLAIN_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflated"}
END_RECORD = b"PK\x05\x06"
END_RECORD_SIZE = 22
MAX_COMMENT = 0xFFFF


class ArchiveRefused(Exception):
    """A zip (or something in it) that would expand past a limit; the message says what and where.

    Not a ValueError: openpyxl turns ValueErrors into its own "invalid XML" message, which would hide this one."""

    def __init__(self, message: str, part: str = "") -> None:
        super().__init__(message)
        self.part = part  # the member being read when it was refused, if any


class ZipLimits(NamedTuple):
    """What one zip may hold and expand to. `member_bytes` is the default cap on one member's expanded size."""

    members: int
    total_bytes: int
    member_bytes: int
    max_ratio: float
    ratio_from: int = 64 * 1024  # tiny members have meaningless ratios and cannot hurt; check ratios above this
    directory_bytes: int = 1024 * 1024


def check_directory(file: IO[bytes], limits: ZipLimits,
                    member_cap: Callable[[str], int] | None = None) -> list[zipfile.ZipInfo]:
    """The zip's members once its directory is within `limits`, else ArchiveRefused naming the member.

    The end record is read first, so a directory of a million entries is refused before zipfile parses it.
    A damaged zip raises zipfile.BadZipFile, as zipfile itself would."""
    check_end_record(file, limits)
    file.seek(0)
    with zipfile.ZipFile(file) as zf:
        infos = zf.infolist()
    if len(infos) > limits.members:
        raise ArchiveRefused(f"it holds {len(infos):,} parts; the limit is {limits.members:,}")
    total = 0
    for info in infos:
        if info.compress_type not in PLAIN_METHODS:
            raise ArchiveRefused(f"{info.filename} is compressed in a way spreadsheets and zip tools do not use "
                                 f"(method {info.compress_type}); it is refused")
        cap = member_cap(info.filename) if member_cap else limits.member_bytes
        if info.file_size > cap:
            raise ArchiveRefused(f"{info.filename} would expand to {info.file_size:,} bytes; the limit is {cap:,}")
        if info.file_size > limits.ratio_from and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise ArchiveRefused(f"{info.filename} would expand {info.file_size / max(info.compress_size, 1):,.0f} "
                                 f"times its size; the limit is {limits.max_ratio:,.0f} times")
        total += info.file_size
        if total > limits.total_bytes:
            raise ArchiveRefused(f"its parts would expand to more than {limits.total_bytes:,} bytes in all")
    return infos


def check_end_record(file: IO[bytes], limits: ZipLimits) -> None:
    """Refuse a directory too big to parse (limits.members, limits.directory_bytes), from the zip's end record."""
    size = file.seek(0, io.SEEK_END)
    tail_start = max(0, size - END_RECORD_SIZE - MAX_COMMENT)
    file.seek(tail_start)
    tail = file.read()
    at = tail.rfind(END_RECORD)
    if at < 0 or len(tail) - at < END_RECORD_SIZE:
        return  # no end record: zipfile says the file is damaged, in its own words
    entries, directory_size = struct.unpack("<HI", tail[at + 10:at + 16])
    # 0xFFFF / 0xFFFFFFFF mean "see the ZIP64 record": only files of gigabytes need it, so such a value is refused.
    if entries > limits.members or directory_size > limits.directory_bytes:
        raise ArchiveRefused(f"its directory lists {entries:,} parts in {directory_size:,} bytes; the limit is "
                             f"{limits.members:,} parts in {limits.directory_bytes:,} bytes")


class CappedStream(io.RawIOBase):
    """A member being read, refused (ArchiveRefused) as soon as it passes its cap or the zip's shared budget.

    zipfile already stops a deflated member at its declared size; this holds even if a directory lies or a
    library reads a member twice. `watch`, if given, sees every chunk (an XML shape check)."""

    def __init__(self, raw: IO[bytes], name: str, cap: int, budget: list[int],
                 watch: Callable[[bytes], None] | None = None) -> None:
        super().__init__()
        self._raw, self._name, self._cap, self._budget, self._watch = raw, name, cap, budget, watch
        self._read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(min(len(buffer), self._cap + 1 - self._read))
        self._read += len(data)
        self._budget[0] -= len(data)
        if self._read > self._cap:
            raise ArchiveRefused(f"{self._name} expands past {self._cap:,} bytes", self._name)
        if self._budget[0] < 0:
            raise ArchiveRefused(f"{self._name}: the parts read so far expand past the limit for the whole file",
                                 self._name)
        if self._watch is not None and data:
            try:
                self._watch(data)
            except ArchiveRefused as e:
                raise ArchiveRefused(str(e), self._name) from None
        buffer[:len(data)] = data
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()


class CappedZipFile(zipfile.ZipFile):
    """A ZipFile whose members open as CappedStreams: each capped, all drawing on one budget of expanded bytes."""

    def __init__(self, file: IO[bytes], limits: ZipLimits, member_cap: Callable[[str], int] | None = None,
                 watch: Callable[[str], Callable[[bytes], None] | None] | None = None) -> None:
        super().__init__(file)
        self._member_cap = member_cap or (lambda name: limits.member_bytes)
        self._watch = watch or (lambda name: None)
        self._budget = [limits.total_bytes]

    def open(self, name: Any, mode: str = "r", pwd: bytes | None = None, **kwargs: Any) -> Any:
        raw = super().open(name, mode, pwd, **kwargs)
        if mode != "r":
            return raw
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        if info.compress_type not in PLAIN_METHODS:
            raw.close()
            raise ArchiveRefused(f"{info.filename} is compressed in a way spreadsheets and zip tools do not use")
        stream = CappedStream(raw, info.filename, self._member_cap(info.filename), self._budget,
                              self._watch(info.filename))
        return io.BufferedReader(stream, buffer_size=64 * 1024)

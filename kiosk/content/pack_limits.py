"""What reading one pack may cost: the bytes its members expand to, the rows it holds, and the kind of file read.

A pack is refused as soon as it passes a bound, naming the member and the limit, so that a small file built to
expand (a zip bomb) or a huge run of valid rows never gets to use the machine's memory or minutes.
"""

from __future__ import annotations

import hashlib
import os
import stat
import zipfile
from typing import BinaryIO, Iterator

from kiosk.content.errors import PackRejected
from kiosk.content.zip_checks import PLAIN_METHODS

# The bounds sit far above the largest real packs, measured on what the project builds: a full LMI for All sync
# (the double's 311 SOC groups: 58,558 rows, 6.9 MB expanded, its largest table `outlook` 43,173 rows in 4.9 MB;
# the live service's 369 groups would make about 70,000 rows and 8.2 MB), the `official` pack built from
# assets/official (34,955 rows, 5.2 MB, largest table 19,188 rows) and the sample (580 rows, 134 KB). Their
# members compress 2 to 22 times. Each bound leaves five to fifteen times that for years of growth; what
# lies beyond is not careers content but a file made to exhaust the kiosk.
MAX_RATIO = 100  # bytes a member may expand to per compressed byte (deflate can reach 1,032)
RATIO_FREE_BYTES = 1024 * 1024  # below this much output a member's ratio is not looked at: it cannot hurt
MAX_EXPANDED_BYTES = 128 * 1024 * 1024  # all members together, expanded
MAX_TABLE_ROWS = 250_000
MAX_PACK_ROWS = 500_000
# The longest row the schema allows (5,000-character texts, lists of 300 short texts) is well under a megabyte.
MAX_LINE_BYTES = 4 * 1024 * 1024
# Bytes expanded at a time. Small on purpose: zipfile reads at most this much compressed data ahead, so the
# compressed bytes counted are close to those really used even when the directory overstates them.
CHUNK = 16 * 1024

_KINDS = (
    (stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"),
)


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a file to read, refusing at once anything but a plain file (a named pipe would block for ever and
    a device like /dev/zero never ends). Opened without blocking and then checked, so the file checked is the
    file read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as e:
        raise PackRejected(f"cannot read {path}: {e.strerror or e}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a plain file")
            raise PackRejected(f"{path} is not a pack file: it is {kind}")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def copy_regular(origin: str | os.PathLike[str], target: str | os.PathLike[str], limit: int) -> None:
    """Copy a plain file of at most `limit` bytes to a new file, refusing a pipe or device (never blocking on
    one, never copying /dev/zero until the disk is full) and a file that grows past the limit while copied."""
    with open_regular(origin) as src, open(target, "xb") as dst:
        copied = 0
        while chunk := src.read(1 << 20):
            copied += len(chunk)
            if copied > limit:
                raise PackRejected(f"the pack is more than {limit:,} bytes; the limit is {limit:,}")
            dst.write(chunk)


class CountingFile:
    """A file that counts the bytes read from it: the compressed bytes a member has really used, whatever its
    zip directory says."""

    def __init__(self, f: BinaryIO) -> None:
        self._f = f
        self.bytes_read = 0

    def read(self, n: int = -1) -> bytes:
        data = self._f.read(n)
        self.bytes_read += len(data)
        return data

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._f.seek(offset, whence)

    def tell(self) -> int:
        return self._f.tell()

    def seekable(self) -> bool:
        return True


class Expansion:
    """The bytes all of a pack's members have expanded to so far, against MAX_EXPANDED_BYTES."""

    def __init__(self) -> None:
        self.total = 0

    def spend(self, n: int, name: str) -> None:
        self.total += n
        if self.total > MAX_EXPANDED_BYTES:
            raise PackRejected(f"the pack expands to more than {MAX_EXPANDED_BYTES:,} bytes (at member {name!r}); "
                               f"the limit is {MAX_EXPANDED_BYTES:,}")


def check_directory(infos: list[zipfile.ZipInfo]) -> None:
    """Refuse, from the zip directory alone, a pack whose members claim to expand too far or are packed in a way
    zipfile cannot expand a little at a time (bzip2, LZMA: see zip_checks.PLAIN_METHODS)."""
    for info in infos:
        if info.compress_type not in PLAIN_METHODS:
            raise PackRejected(f"member {info.filename!r} is compressed with a method packs do not use "
                               f"(zip method {info.compress_type}); a pack's members are stored or deflated")
        if info.file_size > max(RATIO_FREE_BYTES, MAX_RATIO * info.compress_size):
            raise PackRejected(_ratio_problem(info.filename, info.file_size, info.compress_size))
    total = sum(info.file_size for info in infos)
    if total > MAX_EXPANDED_BYTES:
        raise PackRejected(f"the pack's members expand to {total:,} bytes; the limit is {MAX_EXPANDED_BYTES:,}")


def check_counts(counts: dict[str, int]) -> None:
    """Refuse a manifest that promises more rows than a pack may hold."""
    for table, n in sorted(counts.items()):
        if n > MAX_TABLE_ROWS:
            raise PackRejected(f"tables/{table}.jsonl has {n:,} rows; the limit is {MAX_TABLE_ROWS:,} rows a table")
    total = sum(counts.values())
    if total > MAX_PACK_ROWS:
        raise PackRejected(f"the pack has {total:,} rows; the limit is {MAX_PACK_ROWS:,} rows a pack")


def member_chunks(
    zf: zipfile.ZipFile, source: CountingFile, name: str, size: int, sha256: str, spent: Expansion | None = None
) -> Iterator[bytes]:
    """A member's bytes, a chunk at a time, checked as they are produced: never more than `size` (what the
    manifest promises), never more than MAX_RATIO times the compressed bytes really read, and matching `sha256`
    at the end (a mismatch raises after the last chunk)."""
    digest = hashlib.sha256()
    produced = 0
    with zf.open(name) as f:
        start = source.bytes_read
        while chunk := f.read(CHUNK):
            produced += len(chunk)
            if produced > size:
                raise PackRejected(f"member {name!r} is larger than the manifest says")
            used = source.bytes_read - start
            if produced > max(RATIO_FREE_BYTES, MAX_RATIO * used):
                raise PackRejected(_ratio_problem(name, produced, used, so_far=True))
            if spent is not None:
                spent.spend(len(chunk), name)
            digest.update(chunk)
            yield chunk
    if digest.hexdigest() != sha256:
        raise PackRejected(f"member {name!r} does not match its checksum in the manifest")


def lines(chunks: Iterator[bytes], name: str) -> Iterator[bytes]:
    """The lines of a member (JSON lines end at "\\n"), never holding more than one chunk and one line."""
    pending = b""
    for chunk in chunks:
        *done, pending = (pending + chunk).split(b"\n")
        if len(pending) > MAX_LINE_BYTES:
            raise PackRejected(f"{name} has a line longer than {MAX_LINE_BYTES:,} bytes, the limit for one row")
        yield from done
    if pending:
        yield pending


def _ratio_problem(name: str, expanded: int, compressed: int, so_far: bool = False) -> str:
    ratio = expanded / max(compressed, 1)
    return (f"member {name!r} expands {ratio:,.0f} times ({expanded:,} bytes from {compressed:,}"
            f"{' so far' if so_far else ''}); the limit is {MAX_RATIO} times: it looks like a zip bomb")

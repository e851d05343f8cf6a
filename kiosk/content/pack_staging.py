"""Copying a pack file into the data directory before it is checked, where it cannot change or vanish meanwhile."""

from __future__ import annotations

import errno
import uuid
from pathlib import Path

from kiosk.content.errors import PackRejected

# A full disk, a full quota, or a file larger than the system allows.
NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def stage_pack(origin: Path, data_dir: Path) -> Path:
    """A private copy of `origin` in `data_dir`/incoming (a pipe or device is refused at once, never read)."""
    from kiosk.content.pack_file import MAX_PACK_BYTES
    from kiosk.content.pack_limits import copy_regular

    try:
        size = origin.stat().st_size
        if size > MAX_PACK_BYTES:
            raise PackRejected(f"the pack is {size:,} bytes; the limit is {MAX_PACK_BYTES:,}")
        incoming = data_dir / "incoming"
        incoming.mkdir(parents=True, exist_ok=True)
        staged = incoming / f"{uuid.uuid4().hex}.zip"
    except OSError as e:
        raise PackRejected(f"cannot read {origin}: {e.strerror or e}") from None
    try:
        copy_regular(origin, staged, MAX_PACK_BYTES)
    except PackRejected:
        staged.unlink(missing_ok=True)
        raise
    except OSError as e:
        staged.unlink(missing_ok=True)
        if e.errno in NO_ROOM:
            raise PackRejected(f"no room to copy the pack into {data_dir} ({write_problem(e)}); "
                               "nothing was changed") from None
        raise PackRejected(f"cannot read {origin}: {e.strerror or e}") from None
    return staged


def write_problem(e: BaseException) -> str:
    """A failed write in words: most often a full disk, which SQLite reports as "disk I/O error" or "full"."""
    if isinstance(e, OSError) and e.errno in NO_ROOM:
        return "the disk is full"
    return f"{e.strerror if isinstance(e, OSError) and e.strerror else e}; is the disk full?"

"""Signing keys and zip surgery for the signing, trust, export and USB tests: real key files, real packs."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Callable

from kiosk.content.signing_keys import SigningKey, generate_key_files, read_private_key


def make_key(folder: Path, publisher: str = "Riverside Careers Hub", name: str = "hub.key") -> SigningKey:
    """A new key pair written to `folder` as the keygen command writes it, read back as a signing key."""
    folder.mkdir(parents=True, exist_ok=True)
    generate_key_files(folder / name, publisher)
    return read_private_key(folder / name)


def rewrite_member(src: Path, dst: Path, name: str, change: Callable[[bytes], bytes]) -> Path:
    """Copy a pack zip, passing one member's bytes through `change` and keeping every other member as it was."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", compression=zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info.filename, change(data) if info.filename == name else data)
    return dst


def edit_json_member(src: Path, dst: Path, name: str, edit: Callable[[dict], None]) -> Path:
    """Copy a pack zip with one JSON member decoded, edited in place by `edit`, and encoded again."""
    def change(data: bytes) -> bytes:
        value = json.loads(data)
        edit(value)
        return json.dumps(value, indent=1, sort_keys=True).encode()

    return rewrite_member(src, dst, name, change)


def member_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        return zf.namelist()


def member(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name)

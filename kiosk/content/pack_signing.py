"""Signing a pack file in place: add (or replace) its signature.json, atomically."""

from __future__ import annotations

import dataclasses
import os
import zipfile
from pathlib import Path
from typing import BinaryIO

from kiosk.content.errors import PackRejected
from kiosk.content.file_replace import replace_file
from kiosk.content.pack_file import MANIFEST, ZIP_TIME, Pack, read_pack
from kiosk.content.pack_signature import SIGNATURE, signature_document
from kiosk.content.signing_keys import SigningKey


def sign_pack(path: str | os.PathLike[str], key: SigningKey) -> Pack:
    """Sign a pack file with `key`, replacing any earlier signature, and return it as read back.

    A pack that does not verify (including one whose earlier signature fails) is refused: signing it
    would vouch for content nobody has checked. The file is rewritten through a temporary file and
    os.replace, so it is always either the old pack or the new signed one.
    """
    path = Path(path)
    read_pack(path)
    with zipfile.ZipFile(path) as zin:
        manifest = zin.read(MANIFEST)
        # The manifest is copied byte for byte: the signature is over exactly these bytes.
        members = [(MANIFEST, manifest)] + [
            (info.filename, zin.read(info.filename))
            for info in zin.infolist() if info.filename not in (MANIFEST, SIGNATURE)
        ]
    members.append((SIGNATURE, signature_document(manifest, key)))

    def write(f: BinaryIO) -> None:
        with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as zout:
            for name, data in members:
                zout.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, compress_type=zipfile.ZIP_DEFLATED)

    signed: list[Pack] = []

    def check(part: Path) -> None:
        pack = read_pack(part)
        if pack.signer is None or pack.signer.public_key != key.public.raw:
            raise PackRejected(f"{path}: the signed copy did not read back with the new signature")
        signed.append(pack)

    try:
        replace_file(path, write, check)
    except OSError as e:
        raise PackRejected(f"cannot sign {path}: {e.strerror or e}") from None
    return dataclasses.replace(signed[0], path=path)  # read back from the temporary copy, now renamed

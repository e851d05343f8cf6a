"""Exporting the installed packs to a folder (a USB stick) for staff to import on another kiosk."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Mapping

from kiosk.content.errors import PackRejected
from kiosk.content.folder_write import Folder, open_folder
from kiosk.content.pack_file import Pack, file_sha256, read_pack
from kiosk.content.pack_store import InstalledPack, PackStore
from kiosk.content.signer_words import signer_words
from kiosk.content.trust import keys_trusted_by

if TYPE_CHECKING:
    from kiosk.content.signing_keys import PublicKey

README = "README.txt"


def export_file_name(entry: InstalledPack) -> str:
    """The name a pack is exported under: `<pack_id>-<content_version>.zip` (ids and versions are file-safe)."""
    return f"{entry.pack_id}-{entry.content_version}.zip"


def export_packs(store: PackStore, folder: Path) -> list[Path]:
    """Copy each installed pack's current file into `folder`, verify each copy, and add a README for staff.

    Each file is written under a hidden temporary name, synced and then renamed, so a stick pulled out
    half-way never holds a file that looks complete. An earlier export's files of the same name are
    replaced; other files in the folder are left alone. A link planted on the stick at any name the export
    uses is replaced or refused, never written through (kiosk.content.folder_write).
    """
    folder = Path(folder)
    with _open_writable(folder) as target:
        exported: list[tuple[Path, Pack]] = []
        with store.locked():  # an install meanwhile could remove the very file being copied
            entries = store.entries()
            if not entries:
                raise PackRejected("no packs are installed, so there is nothing to export")
            for entry in sorted(entries.values(), key=lambda e: e.pack_id):
                exported.append(_export_one(store.packs_dir / entry.current, target, entry))
        try:
            target.write_bytes(README, _readme_text(exported, keys_trusted_by(store.data_dir)).encode("utf-8"))
        except OSError as e:
            raise PackRejected(f"cannot write {folder / README}: {e.strerror or e}") from None
    return [path for path, _ in exported]


def _open_writable(folder: Path) -> Folder:
    """The folder, open; refused, naming it, before anything is copied if nothing can be written there."""
    if folder.exists() and not folder.is_dir():
        raise PackRejected(f"cannot export to {folder}: it is a file, not a folder")
    try:
        target = open_folder(folder)
    except OSError as e:
        raise PackRejected(f"cannot write to {folder}: {e.strerror or e}") from None
    try:
        target.check_writable()
    except OSError as e:
        target.close()
        raise PackRejected(f"cannot write to {folder}: {e.strerror or e} (is the stick read-only or full?)") from None
    return target


def _export_one(source: Path, folder: Folder, entry: InstalledPack) -> tuple[Path, Pack]:
    name = export_file_name(entry)
    target = folder.path / name

    def copy(f: BinaryIO) -> None:
        with open(source, "rb") as src:
            shutil.copyfileobj(src, f, 1 << 20)

    def check(part: Path) -> None:
        _forget_cached(part)
        if file_sha256(part) != entry.sha256:
            if file_sha256(source) != entry.sha256:
                raise PackRejected(f"the installed file of {entry.pack_id} {entry.content_version} is damaged "
                                   "(it is not the file that was installed): import that pack again")
            raise PackRejected(f"the copy of {entry.pack_id} {entry.content_version} on {folder.path} does not "
                               "match the installed pack; the stick may be failing")
        checked.append(read_pack(part))  # the whole pack, signature and all, as an importing kiosk will

    checked: list[Pack] = []
    try:
        folder.write(name, copy, check)
    except OSError as e:
        raise PackRejected(f"cannot export {entry.pack_id} to {target}: {e.strerror or e}") from None
    return target, dataclasses.replace(checked[0], path=target)  # read back as the temporary copy


def _forget_cached(path: Path) -> None:
    """Drop a synced file's pages from memory so that reading it back reads the stick, not a cache."""
    if not hasattr(os, "posix_fadvise"):
        return
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)
    except OSError:
        pass  # only a better check lost, not a worse export


def _readme_text(exported: list[tuple[Path, Pack]], keys: Mapping[str, PublicKey]) -> str:
    """What staff read on the stick: how to import the packs on another kiosk, and what each file holds."""
    lines = [
        "Careers kiosk content packs",
        "===========================",
        "",
        "These files are content packs exported from a careers kiosk. To put them on another kiosk:",
        "",
        "  1. Plug this stick into the kiosk (or copy the .zip files to it).",
        "  2. For each .zip file, run:   kiosk pack import FILE",
        f"     for example:               kiosk pack import /media/USER/STICK/{exported[0][0].name}",
        "",
        "The kiosk checks every file completely before installing it. A pack that is older than (or the same",
        "as) the version the kiosk already has is refused, and nothing changes. The kiosk keeps the version it",
        "replaces as its last-known-good. A kiosk set to accept only signed packs refuses a pack that is not",
        "signed by a publisher it trusts.",
        "",
        "Files:",
    ]
    for path, pack in exported:
        m = pack.manifest
        # A signer's name is its own claim unless this kiosk trusts its key: say which (signer_words).
        about = f"{m.title}, version {m.content_version}, from {m.publisher}; {signer_words(pack.signer, keys)}"
        lines += [f"  {path.name}", f"      {_one_line(about)}", f"      sha256 {pack.sha256}"]
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    # Titles may hold line breaks; on the stick's README each pack stays on its own lines.
    return " ".join(text.split())

"""Who owns each installed pack id, and whether a new pack may take that id from its owner.

Each entry of packs/installed.json records its owner:
    "kiosk"     the kiosk made the pack itself (a sync, the sample, the built-in job library and official figures)
    "unsigned"  installed from a pack file that no trusted key signed: nobody holds the id yet
    KEY_ID      the 16 hex digits of the trusted key that first installed it

A pack file may replace an id only if it comes from the same owner, or the id is held by nobody yet (a trusted key
then takes it). The kiosk's own install of its own pack (a sync) always takes the id, whatever the version of a
pack file installed under it before: a pack file can never block a sync.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping

from kiosk.content.errors import PackRejected
from kiosk.content.signer_words import owner_words, signer_words, trusted_key

if TYPE_CHECKING:
    from kiosk.content.pack_file import Pack
    from kiosk.content.pack_signature import Signer
    from kiosk.content.pack_store import InstalledPack
    from kiosk.content.signing_keys import PublicKey

KIOSK = "kiosk"
UNSIGNED = "unsigned"
# The packs the kiosk makes itself, by id (kiosk.sources' PACK_IDs and the folders of assets/), and what makes each.
KIOSK_PACKS = {
    "library": "its job library (built in)",
    "lmiforall": "its LMI for All sync",
    "ncs": "its National Careers Service sync",
    "official": "its official figures (built in, or from a sync)",
    "sample": "its sample content",
}
_KEY_ID = re.compile(r"[0-9a-f]{16}")


def is_owner(value: object) -> bool:
    """Whether a value read from installed.json is an owner at all (anything else is worked out again)."""
    return isinstance(value, str) and (value in (KIOSK, UNSIGNED) or _KEY_ID.fullmatch(value) is not None)


def owner_of(pack: Pack, keys: Mapping[str, PublicKey], *, made_here: bool) -> str:
    """The owner an install of `pack` records: the kiosk for its own packs, else the trusted key that signed it."""
    if made_here:
        return KIOSK
    key = trusted_key(pack.signer, keys)
    return key.key_id if key is not None else UNSIGNED


def check_replace(pack: Pack, old_owner: str, new_owner: str, keys: Mapping[str, PublicKey]) -> None:
    """Refuse a pack file that would take an id another owner holds; the message names both and what staff can do."""
    pack_id = pack.pack_id
    if old_owner in (UNSIGNED, new_owner):
        return
    remove = f"staff can remove it first with `kiosk pack remove {pack_id}`"
    if old_owner == KIOSK:
        made_by = KIOSK_PACKS.get(pack_id, "itself")
        raise PackRejected(
            f"this kiosk makes the pack {pack_id!r} itself ({made_by}), so a pack file cannot replace it, whatever "
            f"its version or signature; nothing was changed. To take {pack_id!r} from pack files instead, {remove} "
            "(a later sync makes the kiosk's own again)"
        )
    raise PackRejected(
        f"pack {pack_id!r} belongs to {owner_words(old_owner, keys)}, and this pack is "
        f"{signer_words(pack.signer, keys)}; one publisher cannot replace another's pack, so nothing was changed. "
        f"If {pack_id!r} should now come from this pack's publisher, {remove} and import this file again"
    )


def fill_owners(entries: dict[str, InstalledPack], packs_dir: Path, keys: Callable[[], Mapping[str, PublicKey]]
                ) -> dict[str, InstalledPack]:
    """Give each entry without a valid owner (an index written before owners were recorded) the one its current pack
    file shows; `keys` is called only if one is missing."""
    missing = [k for k, e in entries.items() if not is_owner(e.owner)]
    if missing:
        trusted = keys()
        for k in missing:
            entries[k] = entries[k]._replace(owner=derive_owner(packs_dir / entries[k].current, trusted))
    return entries


def derive_owner(path: Path, keys: Mapping[str, PublicKey]) -> str:
    """The owner an installed pack file shows by itself: the trusted key that signed it, else "unsigned".

    For entries written before owners were recorded, and for an index rebuilt from the pack files. A file cannot
    show that this kiosk made it (an exported copy is the very same bytes), so "kiosk" is never derived: the
    kiosk's next install of its own pack takes the id back, whatever version is installed.
    """
    key = trusted_key(file_signer(path), keys)
    return key.key_id if key is not None else UNSIGNED


def file_signer(path: Path) -> Signer | None:
    """Who signed an installed pack file (its signature checked against its manifest), without reading its tables;
    None if unsigned or unreadable."""
    import zipfile  # here: an ordinary start reads owners from the index, and must stay quick

    from kiosk.content.pack_file import MANIFEST, MAX_MANIFEST_BYTES
    from kiosk.content.pack_signature import MAX_SIGNATURE_BYTES, SIGNATURE, verify_signature

    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if SIGNATURE not in names or MANIFEST not in names:
                return None
            if (zf.getinfo(SIGNATURE).file_size > MAX_SIGNATURE_BYTES
                    or zf.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES):
                return None
            return verify_signature(zf.read(MANIFEST), zf.read(SIGNATURE))
    except (OSError, zipfile.BadZipFile, PackRejected, ValueError, EOFError, RuntimeError, NotImplementedError):
        return None  # a damaged file binds nobody: the store falls back from it as it reads it


def held_by_untrusted_keys(entries: Mapping[str, InstalledPack], keys: Mapping[str, PublicKey]) -> dict[str, str]:
    """For each pack whose id is held by a key this kiosk no longer trusts, what that means, in words for staff."""
    return {
        pack_id: f"held by key {e.owner}, which this kiosk no longer trusts: only a pack signed with that key can "
                 f"replace it; to take {pack_id!r} from another publisher, remove it (`kiosk pack remove {pack_id}`) "
                 "or trust the key again"
        for pack_id, e in entries.items() if e.owner not in (KIOSK, UNSIGNED) and e.owner not in keys
    }

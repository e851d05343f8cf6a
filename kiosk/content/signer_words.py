"""Who signed a pack, or owns a pack id, in words for staff: a publisher's name only where this kiosk trusts its key.

The name in a signature travels beside it, not under it: it is the signer's own claim. A trusted key's name comes
from the kiosk's own copy of that key; an untrusted signer's claim is always shown as a claim.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:
    from kiosk.content.pack_signature import Signer
    from kiosk.content.signing_keys import PublicKey


def trusted_key(signer: Signer | None, keys: Mapping[str, PublicKey]) -> PublicKey | None:
    """The trusted key that made this signature, comparing the whole key (the short id is only a label)."""
    if signer is None:
        return None
    key = keys.get(signer.key_id)
    return key if key is not None and key.raw == signer.public_key else None


def signer_words(signer: Signer | None, keys: Mapping[str, PublicKey]) -> str:
    """"signed by a trusted key: NAME (key ID)", "signed by a key this kiosk does not trust …", or "not signed"."""
    if signer is None:
        return "not signed"
    key = trusted_key(signer, keys)
    if key is not None:
        return f"signed by a trusted key: {key.publisher} (key {key.key_id})"
    return f"signed by a key this kiosk does not trust (key {signer.key_id}); it calls itself {signer.publisher!r}"


def owner_words(owner: str, keys: Mapping[str, PublicKey]) -> str:
    """Who holds an installed pack's id, in words (see kiosk.content.pack_owner for the values)."""
    if owner == "kiosk":
        return "this kiosk (it makes this pack itself)"
    if owner == "unsigned":
        return "no publisher yet (no trusted key has installed it)"
    key = keys.get(owner)
    if key is not None:
        return f"the trusted publisher {key.publisher} (key {owner})"
    return f"the publisher of key {owner}, which this kiosk no longer trusts"

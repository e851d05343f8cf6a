"""A pack's signature: signature.json, an Ed25519 signature over the exact bytes of manifest.json.

The manifest lists the sha256 and size of every other member, and reading a pack checks them, so a
signature over the manifest covers the whole pack.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kiosk.content.errors import PackRejected
from kiosk.content.signing_keys import SigningKey, check_publisher, decode_public_key, key_id

SIGNATURE = "signature.json"
SIGNATURE_FORMAT = "careers-kiosk-pack-signature-1"
MAX_SIGNATURE_BYTES = 4096
SIGNATURE_BYTES = 64
TAMPERED = (
    "the pack's signature does not match its content: it was changed after signing, or the signature is damaged"
)


@dataclass(frozen=True)
class Signer:
    """Who signed a pack, from a signature that verified: the key's short id, its publisher and raw key.

    The publisher's name travels beside the signature, not under it (the signature covers the manifest
    alone), so it is the signer's own claim: trust compares the whole public key, and a trusted key's name
    comes from the kiosk's own copy of that key.
    """

    key_id: str
    publisher: str
    public_key: bytes


def signature_document(manifest: bytes, key: SigningKey) -> bytes:
    """The bytes of signature.json signing `manifest` (the exact bytes of manifest.json) with `key`."""
    public = key.public
    document = {
        "format": SIGNATURE_FORMAT,
        "publisher": public.publisher,
        "key_id": public.key_id,
        "public_key": base64.b64encode(public.raw).decode("ascii"),
        "signature": base64.b64encode(key.private_key.sign(manifest)).decode("ascii"),
    }
    return json.dumps(document, indent=1, sort_keys=True).encode("utf-8")


def verify_signature(manifest: bytes, document: bytes) -> Signer:
    """Check signature.json against the exact bytes of manifest.json; PackRejected if it does not verify."""
    fields = _parse(document)
    raw = fields["public_key"]
    try:
        Ed25519PublicKey.from_public_bytes(raw).verify(fields["signature"], manifest)
    except (InvalidSignature, ValueError):
        raise PackRejected(TAMPERED) from None
    return Signer(key_id=key_id(raw), publisher=fields["publisher"], public_key=raw)


def _parse(document: bytes) -> dict[str, Any]:
    def damaged(problem: str) -> PackRejected:
        return PackRejected(f"{SIGNATURE} is damaged: {problem}")

    if len(document) > MAX_SIGNATURE_BYTES:
        raise damaged(f"it is {len(document):,} bytes; a signature is under {MAX_SIGNATURE_BYTES:,}")
    try:
        data = json.loads(document.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise damaged("it is not valid JSON") from None
    if not isinstance(data, dict):
        raise damaged("it is not a JSON object")
    if data.get("format") != SIGNATURE_FORMAT:
        raise damaged(f"its format is {data.get('format')!r}, not {SIGNATURE_FORMAT!r}")
    try:
        publisher = check_publisher(data.get("publisher"))
        raw = decode_public_key(data.get("public_key"))
    except ValueError as e:
        raise damaged(str(e)) from None
    if data.get("key_id") != key_id(raw):
        raise damaged("its key id does not belong to its public key")
    signature = data.get("signature")
    try:
        signature = base64.b64decode(signature, validate=True) if isinstance(signature, str) else b""
    except (binascii.Error, ValueError):
        signature = b""
    if len(signature) != SIGNATURE_BYTES:
        raise damaged(f"the signature is not {SIGNATURE_BYTES} bytes of base64")
    return {"publisher": publisher, "public_key": raw, "signature": signature}

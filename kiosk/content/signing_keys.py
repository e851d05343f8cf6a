"""Key files for signing packs: a private key (PEM, PKCS8) with a publisher header, and a one-line public key.

Private key file (`KEYFILE`, mode 0600), a comment header then an unencrypted PKCS8 PEM block:

    # careers-kiosk pack signing key. Keep it secret: whoever holds it can sign packs as this publisher.
    # publisher: Riverside Careers Hub
    # key-id: 1a2b3c4d5e6f7a8b
    -----BEGIN PRIVATE KEY-----
    ...
    -----END PRIVATE KEY-----

Public key file (`KEYFILE.pub`), one line: the key type, the raw 32-byte key in base64, the publisher:

    careers-kiosk-ed25519 AAAA…= Riverside Careers Hub
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

# cryptography is imported only where a private key is made or used: trusting and checking public keys
# needs base64 alone, and the kiosk's start (which builds its trust policy) must stay quick.

PUBLIC_KEY_TYPE = "careers-kiosk-ed25519"
PRIVATE_HEADER = "# careers-kiosk pack signing key. Keep it secret: whoever holds it can sign packs as this publisher."
KEY_BYTES = 32
MAX_PUBLISHER = 100
MAX_KEY_FILE_BYTES = 16 * 1024
# A publisher's name is shown to staff and pupils on one line: no control characters at all.
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class SigningKeyError(ValueError):
    """A key file that cannot be made, read or used; the message names the file and the problem."""


def key_id(public_key: bytes) -> str:
    """A short fingerprint of a raw public key (16 hex digits of its sha256), for people to compare."""
    return hashlib.sha256(public_key).hexdigest()[:16]


def check_publisher(value: Any) -> str:
    """A publisher's name as a key carries it, or ValueError saying what is wrong with it."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError("the publisher's name is missing")
    value = value.strip()
    if CONTROL.search(value):
        raise ValueError("the publisher's name must be one line of plain text")
    if len(value) > MAX_PUBLISHER:
        raise ValueError(f"the publisher's name is {len(value)} characters long; the limit is {MAX_PUBLISHER}")
    return value


def decode_public_key(value: Any) -> bytes:
    """The raw 32 bytes of a base64 public key, or ValueError."""
    try:
        raw = base64.b64decode(value, validate=True) if isinstance(value, str) else b""
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != KEY_BYTES:
        raise ValueError("the public key is not 32 bytes of base64")
    return raw


@dataclass(frozen=True)
class PublicKey:
    """A publisher's public key: the publisher's name, the key's short id and its raw 32 bytes."""

    publisher: str
    raw: bytes

    @property
    def key_id(self) -> str:
        return key_id(self.raw)

    def line(self) -> str:
        """The key as one line of a .pub file."""
        return f"{PUBLIC_KEY_TYPE} {base64.b64encode(self.raw).decode('ascii')} {self.publisher}\n"


@dataclass(frozen=True)
class SigningKey:
    """A publisher's private key with the publisher's name, as read from a private key file."""

    publisher: str
    private_key: Ed25519PrivateKey

    @property
    def public(self) -> PublicKey:
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

        raw = self.private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return PublicKey(self.publisher, raw)


def public_key_path(private_path: Path) -> Path:
    """Where the public key of a private key file goes: beside it, with .pub added."""
    return private_path.with_name(private_path.name + ".pub")


def parse_public_key(text: str, where: str) -> PublicKey:
    """A public key from the text of a .pub file; SigningKeyError names `where` and the problem."""
    if "PRIVATE KEY" in text:
        raise SigningKeyError(
            f"{where} is a private key: keep it with the publisher, and give the kiosk the .pub file instead"
        )
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if len(lines) != 1:
        raise SigningKeyError(f"{where} is not a pack public key file: it should hold one line")
    parts = lines[0].strip().split(" ", 2)
    if parts[0] != PUBLIC_KEY_TYPE or len(parts) < 3:
        raise SigningKeyError(f"{where} is not a pack public key file: the line must read "
                              f"'{PUBLIC_KEY_TYPE} KEY PUBLISHER'")
    try:
        return PublicKey(check_publisher(parts[2]), decode_public_key(parts[1]))
    except ValueError as e:
        raise SigningKeyError(f"{where}: {e}") from None


def read_public_key(path: Path) -> PublicKey:
    """Read a .pub file; SigningKeyError names the file and the problem."""
    return parse_public_key(_read_text(path), str(path))


def generate_key_files(path: Path, publisher: str) -> PublicKey:
    """Make a new Ed25519 key: the private key at `path` (mode 0600) and its public key beside it.

    Refuses to overwrite either file: a lost private key cannot be got back, and packs signed with it
    would no longer match any key the publisher holds.
    """
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    try:
        publisher = check_publisher(publisher)
    except ValueError as e:
        raise SigningKeyError(str(e)) from None
    pub_path = public_key_path(path)
    for existing in (path, pub_path):
        if existing.exists() or existing.is_symlink():
            raise SigningKeyError(f"{existing} already exists; a key file is never overwritten (choose another name)")
    key = SigningKey(publisher, Ed25519PrivateKey.generate())
    public = key.public
    pem = key.private_key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()).decode("ascii")
    header = f"{PRIVATE_HEADER}\n# publisher: {publisher}\n# key-id: {public.key_id}\n"
    _write_new(path, (header + pem).encode("ascii"), 0o600)
    try:
        _write_new(pub_path, public.line().encode("utf-8"), 0o644)
    except SigningKeyError:
        path.unlink(missing_ok=True)  # a private key without its public half is of no use to anyone
        raise
    return public


def read_private_key(path: Path) -> SigningKey:
    """Read a private key file; SigningKeyError names the file and the problem."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    text = _read_text(path)
    start = text.find("-----BEGIN")
    if start < 0:
        if text.startswith(PUBLIC_KEY_TYPE):
            raise SigningKeyError(f"{path} is a public key; signing needs the private key file (without .pub)")
        raise SigningKeyError(f"{path} is not a pack signing key: it holds no PEM private key")
    publisher = None
    for line in text[:start].splitlines():
        if line.startswith("# publisher:"):
            publisher = line.split(":", 1)[1]
    try:
        publisher = check_publisher(publisher)
    except ValueError as e:
        raise SigningKeyError(f"{path}: the '# publisher:' line is missing or wrong ({e})") from None
    try:
        private = load_pem_private_key(text[start:].encode("ascii"), password=None)
    except TypeError:
        raise SigningKeyError(f"{path} is encrypted with a password; pack signing keys are not") from None
    except (ValueError, UnicodeEncodeError) as e:
        raise SigningKeyError(f"{path} is not a readable PEM private key ({e})") from None
    if not isinstance(private, Ed25519PrivateKey):
        raise SigningKeyError(f"{path} holds a {type(private).__name__}; pack signing keys are Ed25519")
    return SigningKey(publisher, private)


def _read_text(path: Path) -> str:
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_KEY_FILE_BYTES + 1)
    except OSError as e:
        raise SigningKeyError(f"cannot read {path}: {e.strerror or e}") from None
    if len(data) > MAX_KEY_FILE_BYTES:
        raise SigningKeyError(f"{path} is too large to be a key file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise SigningKeyError(f"{path} is not a key file: it is not text") from None


def _write_new(path: Path, data: bytes, mode: int) -> None:
    """Create a file that must not exist yet (O_EXCL: no overwrite even in a race), with exactly `mode`."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except FileExistsError:
        raise SigningKeyError(f"{path} already exists; a key file is never overwritten (choose another name)") from None
    except OSError as e:
        raise SigningKeyError(f"cannot write {path}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), mode)  # exactly `mode`, whatever the umask
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except OSError as e:
        path.unlink(missing_ok=True)
        raise SigningKeyError(f"cannot write {path}: {e.strerror or e}") from None

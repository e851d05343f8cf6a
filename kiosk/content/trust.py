"""Trusted publishers' keys (`<data_dir>/trusted-keys/<key_id>.pub`) and the policy deciding which packs to accept."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content.errors import PackRejected

if TYPE_CHECKING:
    from kiosk.content.pack_file import Pack
    from kiosk.content.signing_keys import PublicKey

# The kiosk builds its policy on every start, so reading keys (base64, hashlib) is imported only to use them.

TRUSTED_KEYS = "trusted-keys"


def trusted_keys_dir(data_dir: Path) -> Path:
    """The folder of a data directory that holds the public keys its kiosk trusts."""
    return Path(data_dir) / TRUSTED_KEYS


def trusted_keys(keys_dir: Path) -> tuple[dict[str, PublicKey], list[str]]:
    """The trusted keys by key id, and a message for each file in the folder that could not be read."""
    from kiosk.content.signing_keys import SigningKeyError, read_public_key

    keys: dict[str, PublicKey] = {}
    problems: list[str] = []
    if not keys_dir.is_dir():
        return keys, problems
    for path in sorted(keys_dir.glob("*.pub")):
        try:
            key = read_public_key(path)
        except SigningKeyError as e:
            problems.append(str(e))
            continue
        keys[key.key_id] = key  # by the key's own id: the file's name is only a label
    return keys, problems


def keys_trusted_by(data_dir: Path) -> dict[str, PublicKey]:
    """The keys a data directory's kiosk trusts now, to name signers (an unreadable key file trusts nobody)."""
    return trusted_keys(trusted_keys_dir(data_dir))[0]


def trust_key(data_dir: Path, public_key_file: Path) -> PublicKey:
    """Trust a publisher's public key: copy it (atomically) into the data directory's trusted keys."""
    from kiosk.content.file_replace import replace_file
    from kiosk.content.signing_keys import SigningKeyError, read_public_key

    key = read_public_key(public_key_file)
    folder = trusted_keys_dir(data_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        replace_file(folder / f"{key.key_id}.pub", lambda f: f.write(key.line().encode("utf-8")))
    except OSError as e:
        raise SigningKeyError(f"cannot write to {folder}: {e.strerror or e}") from None
    return key


class TrustPolicy:
    """Which packs an import accepts: any (a signature must still verify), or only those signed by a trusted key.

    The policy is applied when a pack is imported. Packs installed before it was turned on stay installed
    (staff can remove them), and the sample the kiosk builds itself from its own assets is exempt.
    """

    __slots__ = ("require_signed", "keys_dir")

    def __init__(self, require_signed: bool, keys_dir: Path) -> None:
        self.require_signed = require_signed
        self.keys_dir = Path(keys_dir)

    @classmethod
    def for_data_dir(cls, data_dir: Path, require_signed: bool) -> TrustPolicy:
        return cls(require_signed=require_signed, keys_dir=trusted_keys_dir(data_dir))

    def check(self, pack: Pack) -> PublicKey | None:
        """Refuse a pack this kiosk must not accept; return the trusted key that signed it, if one did."""
        what = f"pack {pack.pack_id!r} {pack.manifest.content_version}"
        signer = pack.signer
        if signer is None:
            if self.require_signed:
                raise PackRejected(
                    f"{what} is not signed, and this kiosk accepts only packs signed by a trusted publisher"
                )
            return None
        from kiosk.content.signer_words import trusted_key

        keys, problems = trusted_keys(self.keys_dir)
        trusted = trusted_key(signer, keys)  # the whole key, not just its short id
        if trusted is not None:
            return trusted
        if self.require_signed:
            unread = f" ({'; '.join(problems)})" if problems else ""
            raise PackRejected(
                f"{what} is signed with key {signer.key_id}, which says it belongs to {signer.publisher!r}, "
                f"but this kiosk does not trust that key; staff can trust it with "
                f"`kiosk pack trust KEYFILE.pub`{unread}"
            )
        return None

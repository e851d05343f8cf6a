"""`kiosk pack keygen | sign | trust`: make a publisher's key pair, sign pack files, trust a publisher's key."""

from __future__ import annotations

import argparse
import stat
import sys

from kiosk.config import Settings
from kiosk.content.signing_keys import SigningKeyError


def run_pack_keys(args: argparse.Namespace, settings: Settings) -> int:
    """Run one of the key verbs (args.verb); a refused key or pack prints `kiosk: <the problem>` and returns 1."""
    try:
        if args.verb == "keygen":
            return _keygen(args)
        if args.verb == "sign":
            return _sign(args)
        if args.verb == "trust":
            return _trust(args, settings)
    except SigningKeyError as e:
        print(f"kiosk: {e}", file=sys.stderr)
        return 1
    raise AssertionError(args.verb)


def _keygen(args: argparse.Namespace) -> int:
    from kiosk.content.signing_keys import generate_key_files, public_key_path

    public = generate_key_files(args.output, args.publisher)
    print(f"wrote the private key {args.output} (keep it secret and safe: it cannot be made again)")
    print(f"wrote the public key {public_key_path(args.output)}: key id {public.key_id}, "
          f"publisher {public.publisher!r}")
    print("give the .pub file to each kiosk that should accept your packs: kiosk pack trust FILE.pub")
    return 0


def _sign(args: argparse.Namespace) -> int:
    from kiosk.content.pack_signing import sign_pack
    from kiosk.content.signing_keys import read_private_key

    key = read_private_key(args.key)
    mode = args.key.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        # Warn rather than refuse: a key on a FAT stick shows every file as readable by all.
        print(f"kiosk: warning: {args.key} can be read by other users; `chmod 600 {args.key}`", file=sys.stderr)
    pack = sign_pack(args.file, key)
    m = pack.manifest
    print(f"signed {args.file}: {m.pack_id} {m.content_version}, key {key.public.key_id} "
          f"({key.publisher}), sha256 {pack.sha256}")
    return 0


def _trust(args: argparse.Namespace, settings: Settings) -> int:
    from kiosk.content.signing_keys import read_public_key
    from kiosk.content.trust import trust_key, trusted_keys, trusted_keys_dir

    key = read_public_key(args.public_key)
    known, _ = trusted_keys(trusted_keys_dir(settings.data_dir))
    already = key.key_id in known and known[key.key_id].raw == key.raw
    trust_key(settings.data_dir, args.public_key)
    print(f"{'already trusted' if already else 'trusted'}: key {key.key_id} ({key.publisher}); "
          "packs signed with it are accepted")
    if not settings.require_signed:
        print("note: require_signed is off, so unsigned packs are accepted too "
              "(set require_signed = true in settings.toml to accept only signed packs)")
    return 0

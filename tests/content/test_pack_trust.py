"""Trusted publishers: what PackStore accepts with and without `require_signed`, and that refusals change nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.content.errors import PackRejected
from kiosk.content.pack_signing import sign_pack
from kiosk.content.pack_store import PackStore
from kiosk.content.signing_keys import SigningKey, SigningKeyError
from kiosk.content.trust import TrustPolicy, trust_key, trusted_keys, trusted_keys_dir
from tests.content.signed_packs import edit_json_member, make_key, rewrite_member
from tests.content.test_pack_store import snapshot
from tests.helpers.packs import make_pack


@pytest.fixture
def hub(tmp_path: Path) -> SigningKey:
    return make_key(tmp_path / "keys", publisher="Riverside Careers Hub")


@pytest.fixture
def strict(data_dir: Path) -> PackStore:
    """The conftest's data directory (an unsigned national 1.0 installed), now accepting only trusted packs."""
    return PackStore(data_dir, TrustPolicy.for_data_dir(data_dir, require_signed=True))


def signed_pack(tmp_path: Path, key: SigningKey, name: str = "v2.zip", version: str = "1.1") -> Path:
    make_pack(tmp_path / name, version=version)
    sign_pack(tmp_path / name, key)
    return tmp_path / name


def refused(store: PackStore, path: Path, match: str) -> None:
    """Install must refuse with `match`, and not one file of the data directory may change."""
    before = snapshot(store.data_dir)
    with pytest.raises(PackRejected, match=match):
        store.install(path)
    assert snapshot(store.data_dir) == before
    assert not any((store.data_dir / "incoming").iterdir())


def test_an_unsigned_pack_is_refused(strict: PackStore, tmp_path: Path) -> None:
    make_pack(tmp_path / "v2.zip", version="1.1")
    refused(strict, tmp_path / "v2.zip", "pack 'national' 1.1 is not signed, and this kiosk accepts only packs "
                                         "signed by a trusted publisher")


def test_a_pack_signed_by_an_untrusted_key_is_refused_naming_the_key(strict: PackStore, hub: SigningKey,
                                                                      tmp_path: Path) -> None:
    path = signed_pack(tmp_path, hub)
    refused(strict, path, f"signed with key {hub.public.key_id}, which says it belongs to 'Riverside Careers Hub', "
                          "but this kiosk does not trust that key")


def test_a_pack_signed_by_a_trusted_key_is_installed(strict: PackStore, hub: SigningKey, tmp_path: Path) -> None:
    trust_key(strict.data_dir, tmp_path / "keys" / "hub.key.pub")
    report = strict.install(signed_pack(tmp_path, hub))
    assert report.pack.signer.key_id == hub.public.key_id
    assert strict.entries()["national"].content_version == "1.1"
    assert any(f"signed by 'Riverside Careers Hub' (key {hub.public.key_id})" in line for line in strict.log_lines())


def test_a_trusted_pack_with_a_changed_table_byte_is_refused(strict: PackStore, hub: SigningKey,
                                                             tmp_path: Path) -> None:
    trust_key(strict.data_dir, tmp_path / "keys" / "hub.key.pub")
    bad = rewrite_member(signed_pack(tmp_path, hub), tmp_path / "bad.zip", "tables/pay.jsonl",
                         lambda d: d.replace(b"510", b"910", 1))
    refused(strict, bad, "tables/pay.jsonl.*(checksum|size)")


def test_a_trusted_pack_with_a_changed_manifest_is_refused(strict: PackStore, hub: SigningKey, tmp_path: Path) -> None:
    trust_key(strict.data_dir, tmp_path / "keys" / "hub.key.pub")
    bad = edit_json_member(signed_pack(tmp_path, hub), tmp_path / "bad.zip", "manifest.json",
                           lambda m: m.update(content_version="9.0"))
    refused(strict, bad, "the pack's signature does not match its content")


def test_a_signature_stripped_from_a_trusted_pack_leaves_an_unsigned_pack(strict: PackStore, hub: SigningKey,
                                                                           tmp_path: Path) -> None:
    import zipfile

    signed = signed_pack(tmp_path, hub)
    stripped = tmp_path / "stripped.zip"
    with zipfile.ZipFile(signed) as zin, zipfile.ZipFile(stripped, "w") as zout:
        for info in zin.infolist():
            if info.filename != "signature.json":
                zout.writestr(info.filename, zin.read(info.filename))
    trust_key(strict.data_dir, tmp_path / "keys" / "hub.key.pub")
    refused(strict, stripped, "is not signed")


def test_trust_compares_the_whole_key_not_the_file_name(strict: PackStore, hub: SigningKey, tmp_path: Path) -> None:
    # A trusted-keys file named after the hub's key id but holding another key must not make the hub trusted.
    other = make_key(tmp_path / "other", publisher="Someone else")
    folder = trusted_keys_dir(strict.data_dir)
    folder.mkdir()
    (folder / f"{hub.public.key_id}.pub").write_text(other.public.line())
    refused(strict, signed_pack(tmp_path, hub), "does not trust that key")


def test_a_damaged_trusted_key_file_is_named_in_the_refusal(strict: PackStore, hub: SigningKey, tmp_path: Path) -> None:
    folder = trusted_keys_dir(strict.data_dir)
    folder.mkdir()
    (folder / "broken.pub").write_text("careers-kiosk-ed25519 nonsense Hub\n")
    refused(strict, signed_pack(tmp_path, hub), "does not trust that key.*broken.pub: the public key is not 32 bytes")
    assert trusted_keys(folder) == ({}, [f"{folder / 'broken.pub'}: the public key is not 32 bytes of base64"])


def test_without_a_policy_unsigned_and_untrusted_packs_are_accepted(data_dir: Path, hub: SigningKey,
                                                                     tmp_path: Path) -> None:
    store = PackStore(data_dir)
    make_pack(tmp_path / "v2.zip", version="1.1")
    store.install(tmp_path / "v2.zip")
    store.install(signed_pack(tmp_path, hub, "v3.zip", version="1.2"))
    assert store.entries()["national"].content_version == "1.2"
    assert any("a key this kiosk does not trust" in line for line in store.log_lines())


@pytest.mark.parametrize("policy", [None, False], ids=["no policy", "require_signed off"])
def test_a_signature_that_fails_is_refused_even_when_signing_is_not_required(data_dir: Path, hub: SigningKey,
                                                                              tmp_path: Path, policy) -> None:
    store = PackStore(data_dir, None if policy is None else TrustPolicy.for_data_dir(data_dir, policy))
    bad = edit_json_member(signed_pack(tmp_path, hub), tmp_path / "bad.zip", "manifest.json",
                           lambda m: m.update(title="Changed"))
    refused(store, bad, "signature does not match its content")


def test_the_sample_the_kiosk_builds_itself_installs_when_signing_is_required(tmp_path: Path) -> None:
    from kiosk.config import ASSETS_DIR

    store = PackStore(tmp_path / "data", TrustPolicy.for_data_dir(tmp_path / "data", require_signed=True))
    notes = store.start(ASSETS_DIR / "sample")
    assert notes[0].startswith("installed the sample content")
    assert set(store.entries()) == {"sample"}


def test_a_pack_that_only_claims_to_be_the_sample_is_refused(tmp_path: Path) -> None:
    # The exemption belongs to the way the sample is installed (built from the kiosk's own assets), not to
    # what a pack says about itself.
    import re

    from kiosk.config import ASSETS_DIR
    from kiosk.content.pack_source import build_pack

    data = tmp_path / "data"
    store = PackStore(data, TrustPolicy.for_data_dir(data, require_signed=True))
    store.start(ASSETS_DIR / "sample")
    source = tmp_path / "sample"
    shutil.copytree(ASSETS_DIR / "sample", source)
    toml = source / "pack.toml"
    toml.write_text(re.sub(r'(?m)^content_version = ".*"$', 'content_version = "9999.1.1"', toml.read_text()))
    build_pack(source, tmp_path / "fake-sample.zip")
    refused(store, tmp_path / "fake-sample.zip", "pack 'sample' 9999.1.1 is not signed")


def test_trusting_a_key_copies_it_into_the_data_directory(tmp_path: Path, hub: SigningKey) -> None:
    key = trust_key(tmp_path / "data", tmp_path / "keys" / "hub.key.pub")
    copy = tmp_path / "data" / "trusted-keys" / f"{hub.public.key_id}.pub"
    assert key == hub.public
    assert copy.read_text() == (tmp_path / "keys" / "hub.key.pub").read_text()
    assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]  # no temporary file left beside it


def test_trusting_a_private_key_is_refused(tmp_path: Path, hub: SigningKey) -> None:
    with pytest.raises(SigningKeyError, match="hub.key is a private key"):
        trust_key(tmp_path / "data", tmp_path / "keys" / "hub.key")
    assert not (tmp_path / "data" / "trusted-keys").exists()


def test_a_signer_whose_short_id_matches_a_trusted_key_but_whose_key_differs_is_not_trusted(
        data_dir: Path, hub: SigningKey, tmp_path: Path) -> None:
    # Key ids are short fingerprints, for people; a forged collision must not borrow a trusted key's name.
    import dataclasses

    from kiosk.content.pack_file import read_pack
    from kiosk.content.pack_signature import Signer

    trust_key(data_dir, tmp_path / "keys" / "hub.key.pub")
    impostor = make_key(tmp_path / "impostor", publisher="Riverside Careers Hub").public
    pack = read_pack(signed_pack(tmp_path, hub))
    forged = dataclasses.replace(pack, signer=Signer(hub.public.key_id, "Riverside Careers Hub", impostor.raw))
    policy = TrustPolicy.for_data_dir(data_dir, require_signed=True)
    assert policy.check(pack) == hub.public
    with pytest.raises(PackRejected, match=f"signed with key {hub.public.key_id}.*does not trust that key"):
        policy.check(forged)

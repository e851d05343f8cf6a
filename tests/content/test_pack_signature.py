"""Signed packs: signing and verifying round trips, every kind of tampering is caught, and key files hold up."""

from __future__ import annotations

import base64
import hashlib
import json
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.content.errors import PackRejected
from kiosk.content.pack_file import read_pack
from kiosk.content.pack_signature import SIGNATURE, TAMPERED, verify_signature
from kiosk.content.pack_signing import sign_pack
from kiosk.content.signing_keys import (
    SigningKeyError,
    generate_key_files,
    read_private_key,
    read_public_key,
)
from tests.content.signed_packs import edit_json_member, make_key, member, member_names, rewrite_member
from tests.helpers.packs import make_pack


@pytest.fixture
def unsigned(tmp_path: Path) -> Path:
    make_pack(tmp_path / "national.zip")
    return tmp_path / "national.zip"


@pytest.fixture
def signed(unsigned: Path, tmp_path: Path) -> Path:
    sign_pack(unsigned, make_key(tmp_path / "keys"))
    return unsigned


def test_a_signed_pack_reads_back_with_its_signer_and_the_same_content(unsigned: Path, tmp_path: Path) -> None:
    before = read_pack(unsigned)
    manifest_before = member(unsigned, "manifest.json")
    key = make_key(tmp_path / "keys", publisher="Riverside Careers Hub")
    returned = sign_pack(unsigned, key)
    after = read_pack(unsigned)
    assert before.signer is None
    assert after.signer is not None
    assert after.signer.key_id == key.public.key_id == returned.signer.key_id
    assert after.signer.publisher == "Riverside Careers Hub"
    assert after.signer.public_key == key.public.raw
    assert after.tables == before.tables and after.manifest == before.manifest
    assert member(unsigned, "manifest.json") == manifest_before  # signed byte for byte, so never rewritten
    assert after.sha256 == returned.sha256 == hashlib.sha256(unsigned.read_bytes()).hexdigest()
    assert sorted(p.name for p in unsigned.parent.iterdir()) == ["keys", "national.zip"]  # no temporary file left


def test_signing_again_replaces_the_earlier_signature(signed: Path, tmp_path: Path) -> None:
    other = make_key(tmp_path / "other", publisher="Our school")
    sign_pack(signed, other)
    assert member_names(signed).count(SIGNATURE) == 1
    assert read_pack(signed).signer.key_id == other.public.key_id


def test_the_signature_document_names_its_key_and_publisher(signed: Path) -> None:
    doc = json.loads(member(signed, SIGNATURE))
    assert set(doc) == {"format", "publisher", "key_id", "public_key", "signature"}
    assert len(base64.b64decode(doc["public_key"])) == 32
    assert doc["key_id"] == hashlib.sha256(base64.b64decode(doc["public_key"])).hexdigest()[:16]


def test_a_changed_table_byte_in_a_signed_pack_fails_its_checksum(signed: Path, tmp_path: Path) -> None:
    bad = rewrite_member(signed, tmp_path / "bad.zip", "tables/occupations.jsonl",
                         lambda d: d.replace(b"Nurse", b"Norse", 1))
    with pytest.raises(PackRejected, match="tables/occupations.jsonl.*(checksum|size)"):
        read_pack(bad)


def test_a_changed_manifest_fails_the_signature(signed: Path, tmp_path: Path) -> None:
    bad = edit_json_member(signed, tmp_path / "bad.zip", "manifest.json", lambda m: m.update(title="Not yours"))
    with pytest.raises(PackRejected) as e:
        read_pack(bad)
    assert str(e.value) == TAMPERED


def test_a_manifest_changed_to_match_changed_tables_still_fails_the_signature(signed: Path, tmp_path: Path) -> None:
    # The attacker fixes up the member's checksum and size too: only the signature can catch this.
    changed = rewrite_member(signed, tmp_path / "step.zip", "tables/occupations.jsonl",
                             lambda d: d.replace(b"Nurse", b"Norse", 1))
    data = member(changed, "tables/occupations.jsonl")

    def fix(m: dict) -> None:
        m["members"]["tables/occupations.jsonl"] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

    bad = edit_json_member(changed, tmp_path / "bad.zip", "manifest.json", fix)
    with pytest.raises(PackRejected, match="signature does not match its content"):
        read_pack(bad)


def test_a_whitespace_change_to_the_manifest_fails_the_signature(signed: Path, tmp_path: Path) -> None:
    bad = rewrite_member(signed, tmp_path / "bad.zip", "manifest.json", lambda d: d + b"\n")
    with pytest.raises(PackRejected, match="signature does not match its content"):
        read_pack(bad)


def test_a_flipped_bit_in_the_signature_fails(signed: Path, tmp_path: Path) -> None:
    def flip(doc: dict) -> None:
        raw = bytearray(base64.b64decode(doc["signature"]))
        raw[10] ^= 0x01
        doc["signature"] = base64.b64encode(bytes(raw)).decode()

    with pytest.raises(PackRejected) as e:
        read_pack(edit_json_member(signed, tmp_path / "bad.zip", SIGNATURE, flip))
    assert str(e.value) == TAMPERED


def test_another_publishers_key_swapped_in_fails(signed: Path, tmp_path: Path) -> None:
    impostor = make_key(tmp_path / "impostor").public

    def swap(doc: dict) -> None:
        doc.update(public_key=base64.b64encode(impostor.raw).decode(), key_id=impostor.key_id)

    with pytest.raises(PackRejected, match="signature does not match its content"):
        read_pack(edit_json_member(signed, tmp_path / "bad.zip", SIGNATURE, swap))


@pytest.mark.parametrize("edit, message", [
    (lambda d: d.update(key_id="0000000000000000"), "key id does not belong to its public key"),
    (lambda d: d.update(format="something-else"), "its format is 'something-else'"),
    (lambda d: d.update(signature="c2hvcnQ="), "not 64 bytes of base64"),
    (lambda d: d.update(public_key="not base64!"), "not 32 bytes of base64"),
    (lambda d: d.update(publisher="two\nlines"), "one line of plain text"),
])
def test_a_damaged_signature_document_is_named(signed: Path, tmp_path: Path, edit, message: str) -> None:
    with pytest.raises(PackRejected, match=f"signature.json is damaged: .*{message}"):
        read_pack(edit_json_member(signed, tmp_path / "bad.zip", SIGNATURE, edit))


def test_a_signature_that_is_not_json_is_named(signed: Path, tmp_path: Path) -> None:
    bad = rewrite_member(signed, tmp_path / "bad.zip", SIGNATURE, lambda d: b"{nope")
    with pytest.raises(PackRejected, match="signature.json is damaged: it is not valid JSON"):
        read_pack(bad)


def test_a_signed_pack_still_refuses_any_other_unknown_member(signed: Path, tmp_path: Path) -> None:
    import zipfile

    bad = tmp_path / "bad.zip"
    bad.write_bytes(signed.read_bytes())
    with zipfile.ZipFile(bad, "a") as zf:
        zf.writestr("signature2.json", b"{}")
    with pytest.raises(PackRejected, match="'signature2.json' is not listed in the manifest"):
        read_pack(bad)


def test_signing_refuses_a_pack_that_does_not_verify_and_leaves_it_alone(unsigned: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.zip"
    cut.write_bytes(unsigned.read_bytes()[:500])
    before = cut.read_bytes()
    with pytest.raises(PackRejected, match="truncated or damaged"):
        sign_pack(cut, make_key(tmp_path / "keys"))
    assert cut.read_bytes() == before


def test_signing_refuses_a_pack_whose_earlier_signature_fails(signed: Path, tmp_path: Path) -> None:
    bad = edit_json_member(signed, tmp_path / "bad.zip", "manifest.json", lambda m: m.update(title="Changed"))
    before = bad.read_bytes()
    with pytest.raises(PackRejected, match="signature does not match"):
        sign_pack(bad, make_key(tmp_path / "keys2"))
    assert bad.read_bytes() == before


# -- key files ------------------------------------------------------------------------------------------


def test_keygen_writes_a_private_key_only_its_owner_can_read_and_a_one_line_public_key(tmp_path: Path) -> None:
    public = generate_key_files(tmp_path / "hub.key", "Riverside Careers Hub")
    assert stat.S_IMODE((tmp_path / "hub.key").stat().st_mode) == 0o600
    text = (tmp_path / "hub.key").read_text()
    assert "# publisher: Riverside Careers Hub\n" in text and "-----BEGIN PRIVATE KEY-----" in text
    line = (tmp_path / "hub.key.pub").read_text()
    assert line.count("\n") == 1 and line.startswith("careers-kiosk-ed25519 ")
    assert read_public_key(tmp_path / "hub.key.pub") == public
    assert read_private_key(tmp_path / "hub.key").public == public


@pytest.mark.parametrize("existing", ["hub.key", "hub.key.pub"])
def test_keygen_never_overwrites_a_key_file(tmp_path: Path, existing: str) -> None:
    (tmp_path / existing).write_text("precious")
    with pytest.raises(SigningKeyError, match=f"{existing} already exists"):
        generate_key_files(tmp_path / "hub.key", "Hub")
    assert (tmp_path / existing).read_text() == "precious"
    assert [p.name for p in tmp_path.iterdir()] == [existing]


@pytest.mark.parametrize("publisher, message", [("", "missing"), ("a\nb", "one line"), ("x" * 101, "limit is 100")])
def test_keygen_refuses_a_bad_publisher_name(tmp_path: Path, publisher: str, message: str) -> None:
    with pytest.raises(SigningKeyError, match=message):
        generate_key_files(tmp_path / "hub.key", publisher)
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize("text, message", [
    ("careers-kiosk-ed25519 AAAA Hub\n", "not 32 bytes of base64"),
    ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI foo@bar\n", "not a pack public key file"),
    ("", "should hold one line"),
    ("-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n", "is a private key"),
])
def test_a_bad_public_key_file_is_named(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "their.pub"
    path.write_text(text)
    with pytest.raises(SigningKeyError, match=f"their.pub.*{message}|{message}"):
        read_public_key(path)


def test_a_private_key_of_another_kind_is_refused(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed448 import Ed448PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    pem = Ed448PrivateKey.generate().private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    (tmp_path / "ed448.key").write_bytes(b"# publisher: Hub\n" + pem)
    with pytest.raises(SigningKeyError, match="ed448.key holds a .*Ed448.*; pack signing keys are Ed25519"):
        read_private_key(tmp_path / "ed448.key")


def test_a_private_key_with_a_password_is_refused(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, Encoding, PrivateFormat

    generate_key_files(tmp_path / "hub.key", "Hub")
    key = read_private_key(tmp_path / "hub.key").private_key
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, BestAvailableEncryption(b"secret"))
    (tmp_path / "locked.key").write_bytes(b"# publisher: Hub\n" + pem)
    with pytest.raises(SigningKeyError, match="locked.key is encrypted with a password"):
        read_private_key(tmp_path / "locked.key")


def test_a_private_key_without_its_publisher_line_is_refused(tmp_path: Path) -> None:
    generate_key_files(tmp_path / "hub.key", "Hub")
    text = (tmp_path / "hub.key").read_text()
    (tmp_path / "bare.key").write_text(text[text.index("-----BEGIN"):])
    with pytest.raises(SigningKeyError, match="bare.key: the '# publisher:' line is missing"):
        read_private_key(tmp_path / "bare.key")


@settings(deadline=None, max_examples=150)
@given(document=st.binary(max_size=300) | st.dictionaries(
    st.sampled_from(["format", "publisher", "key_id", "public_key", "signature", "other"]),
    st.none() | st.booleans() | st.integers() | st.text(max_size=90)).map(lambda d: json.dumps(d).encode()))
def test_any_signature_document_is_refused_with_the_packs_own_error(document: bytes) -> None:
    # Hypothesis cannot forge an Ed25519 signature: whatever it makes must be refused, and only as PackRejected.
    with pytest.raises(PackRejected):
        verify_signature(b'{"format": "careers-kiosk-pack"}', document)

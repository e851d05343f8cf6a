"""`kiosk pack keygen | sign | trust`, end to end through the command line, with require_signed on and off."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.pack_file import read_pack
from tests.helpers.packs import make_pack


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def key(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    code, out, err = run(capsys, "pack", "keygen", "-o", str(tmp_path / "hub.key"), "--publisher", "Riverside Hub")
    assert (code, err) == (0, "")
    assert f"wrote the public key {tmp_path / 'hub.key.pub'}: key id " in out
    return tmp_path / "hub.key"


def test_keygen_writes_both_files_and_never_overwrites_them(capsys, key: Path) -> None:
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    before = (key.read_bytes(), Path(f"{key}.pub").read_bytes())
    code, out, err = run(capsys, "pack", "keygen", "-o", str(key), "--publisher", "Someone else")
    assert (code, out) == (1, "")
    assert err == f"kiosk: {key} already exists; a key file is never overwritten (choose another name)\n"
    assert (key.read_bytes(), Path(f"{key}.pub").read_bytes()) == before


def test_sign_trust_and_import_with_require_signed(capsys, key: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.toml").write_text("require_signed = true\n")
    make_pack(tmp_path / "national.zip", version="1.1")
    make_pack(tmp_path / "unsigned.zip", version="1.2")

    code, out, _ = run(capsys, "pack", "sign", str(tmp_path / "national.zip"), "--key", str(key))
    signer = read_pack(tmp_path / "national.zip").signer
    assert code == 0 and out.startswith(f"signed {tmp_path / 'national.zip'}: national 1.1, key {signer.key_id} "
                                        "(Riverside Hub), sha256 ")
    code, out, _ = run(capsys, "pack", "verify", str(tmp_path / "national.zip"), "--data-dir", str(data))
    assert code == 0 and (f", signed by a key this kiosk does not trust (key {signer.key_id}); it calls itself "
                          "'Riverside Hub', sha256 ") in out  # not yet trusted: the name is only its claim

    code, _, err = run(capsys, "pack", "import", str(tmp_path / "national.zip"), "--data-dir", str(data))
    assert code == 1 and f"signed with key {signer.key_id}, which says it belongs to 'Riverside Hub'" in err

    code, out, _ = run(capsys, "pack", "trust", f"{key}.pub", "--data-dir", str(data))
    assert (code, out) == (0, f"trusted: key {signer.key_id} (Riverside Hub); packs signed with it are accepted\n")
    assert (data / "trusted-keys" / f"{signer.key_id}.pub").read_text() == Path(f"{key}.pub").read_text()
    code, out, _ = run(capsys, "pack", "trust", f"{key}.pub", "--data-dir", str(data))
    assert out.startswith("already trusted: ")

    code, out, _ = run(capsys, "pack", "verify", str(tmp_path / "national.zip"), "--data-dir", str(data))
    assert f", signed by a trusted key: Riverside Hub (key {signer.key_id}), sha256 " in out
    code, out, _ = run(capsys, "pack", "import", str(tmp_path / "national.zip"), "--data-dir", str(data))
    assert (code, out) == (0, "installed national 1.1\n")
    code, _, err = run(capsys, "pack", "import", str(tmp_path / "unsigned.zip"), "--data-dir", str(data))
    assert code == 1 and err == ("kiosk: pack 'national' 1.2 is not signed, and this kiosk accepts only packs "
                                 "signed by a trusted publisher\n")


def test_trust_says_when_unsigned_packs_are_still_accepted(capsys, key: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "pack", "trust", f"{key}.pub", "--data-dir", str(tmp_path / "data"))
    assert code == 0 and "note: require_signed is off, so unsigned packs are accepted too" in out


def test_the_wrong_key_file_is_named(capsys, key: Path, tmp_path: Path) -> None:
    make_pack(tmp_path / "national.zip")
    code, _, err = run(capsys, "pack", "sign", str(tmp_path / "national.zip"), "--key", f"{key}.pub")
    assert code == 1 and err == f"kiosk: {key}.pub is a public key; signing needs the private key file (without .pub)\n"
    code, _, err = run(capsys, "pack", "trust", str(key), "--data-dir", str(tmp_path / "data"))
    assert code == 1 and err.startswith(f"kiosk: {key} is a private key")
    code, _, err = run(capsys, "pack", "sign", str(tmp_path / "national.zip"), "--key", str(tmp_path / "nowhere"))
    assert code == 1 and err.startswith(f"kiosk: cannot read {tmp_path / 'nowhere'}: No such file")
    assert read_pack(tmp_path / "national.zip").signer is None


def test_signing_a_damaged_pack_is_refused_and_leaves_it_alone(capsys, key: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 not really")
    code, _, err = run(capsys, "pack", "sign", str(bad), "--key", str(key))
    assert code == 1 and "truncated or damaged" in err
    assert bad.read_bytes() == b"PK\x03\x04 not really"


def test_a_key_others_can_read_gets_a_warning(capsys, key: Path, tmp_path: Path) -> None:
    make_pack(tmp_path / "national.zip")
    key.chmod(0o644)
    code, _, err = run(capsys, "pack", "sign", str(tmp_path / "national.zip"), "--key", str(key))
    assert code == 0 and err == f"kiosk: warning: {key} can be read by other users; `chmod 600 {key}`\n"

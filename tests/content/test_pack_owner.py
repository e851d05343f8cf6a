"""Pack identity: each installed pack id is held by the kiosk, by the trusted key that first installed it, or by nobody
yet; a pack file cannot take an id from its holder, and can never block the kiosk's own sync."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.config import ASSETS_DIR, load_settings
from kiosk.content.errors import PackRejected
from kiosk.content.pack_owner import KIOSK, KIOSK_PACKS, UNSIGNED
from kiosk.content.pack_signing import sign_pack
from kiosk.content.pack_store import PackStore
from kiosk.content.signing_keys import SigningKey
from kiosk.content.trust import TrustPolicy, trust_key
from kiosk.sources.sync_pipeline import SOURCES, SyncJob, SyncReport, SyncSource, run_sync
from tests.content.signed_packs import make_key
from tests.content.test_pack_store import snapshot
from tests.helpers.packs import make_pack


@pytest.fixture
def hub(tmp_path: Path) -> SigningKey:
    return make_key(tmp_path / "keys", publisher="Riverside Careers Hub", name="hub.key")


@pytest.fixture
def other_hub(tmp_path: Path) -> SigningKey:
    return make_key(tmp_path / "keys", publisher="North East Careers Hub", name="north.key")


def kiosk(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main([*args, "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    return code, out, err


def lmi_sync(data_dir: Path, version: str) -> SyncReport:
    """A sync of LMI for All through the real pipeline, with a stand-in service whose pack has `version`."""
    def run(job: SyncJob) -> SyncReport:
        result = job.install("lmiforall", lambda out: make_pack(out, pack_id="lmiforall", version=version), [])
        return SyncReport(f"installed {result.pack.manifest.content_version}", [], installed=f"lmiforall {version}")

    return run_sync(load_settings(data_dir, environ={}), "lmiforall", sources=(SyncSource("lmiforall", "LMI for All",
                                                                                          run),))


def fake_lmi(tmp_path: Path, key: SigningKey | None = None) -> Path:
    """A pack file on a stick calling itself lmiforall, with a version no sync will ever reach."""
    path = tmp_path / "stick" / "lmiforall-9999.zip"
    make_pack(path, pack_id="lmiforall", version="9999")
    if key is not None:
        sign_pack(path, key)
    return path


def signed(tmp_path: Path, key: SigningKey, pack_id: str, version: str, name: str) -> Path:
    make_pack(tmp_path / name, pack_id=pack_id, version=version)
    sign_pack(tmp_path / name, key)
    return tmp_path / name


# -- the kiosk's own packs ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("signer", ["unsigned", "trusted"])
def test_a_fake_lmiforall_pack_from_a_stick_is_refused_once_the_kiosk_syncs_it(
        capsys, data_dir: Path, tmp_path: Path, hub: SigningKey, signer: str) -> None:
    trust_key(data_dir, tmp_path / "keys" / "hub.key.pub")
    assert lmi_sync(data_dir, "2026.11.24.1").installed == "lmiforall 2026.11.24.1"
    kiosk(capsys, data_dir, "pack", "list")  # the first command adds the built-in official figures
    before = snapshot(data_dir)
    code, _, err = kiosk(capsys, data_dir, "pack", "import", str(fake_lmi(tmp_path, hub if signer == "trusted" else None)))
    assert code == 1 and err == (
        "kiosk: this kiosk makes the pack 'lmiforall' itself (its LMI for All sync), so a pack file cannot replace "
        "it, whatever its version or signature; nothing was changed. To take 'lmiforall' from pack files instead, "
        "staff can remove it first with `kiosk pack remove lmiforall` (a later sync makes the kiosk's own again)\n")
    assert snapshot(data_dir) == before
    report = lmi_sync(data_dir, "2026.11.25.1")
    assert report.installed == "lmiforall 2026.11.25.1", report.message
    entry = PackStore(data_dir).entries()["lmiforall"]
    assert (entry.content_version, entry.owner, entry.previous_version) == ("2026.11.25.1", KIOSK, "2026.11.24.1")


def test_a_fake_installed_before_any_sync_cannot_block_the_sync(capsys, data_dir: Path, tmp_path: Path) -> None:
    # A kiosk fed by stick takes lmiforall from pack files (an exported copy is the very same bytes as the
    # original); the kiosk's own sync then takes the id back, whatever the version of the pack file.
    code, out, _ = kiosk(capsys, data_dir, "pack", "import", str(fake_lmi(tmp_path)))
    assert (code, out) == (0, "installed lmiforall 9999\n")
    report = lmi_sync(data_dir, "2026.11.24.1")
    assert report.installed == "lmiforall 2026.11.24.1", report.message
    entry = PackStore(data_dir).entries()["lmiforall"]
    assert (entry.content_version, entry.owner) == ("2026.11.24.1", KIOSK)
    assert entry.previous is None  # the pack file it replaced is not kept to fall back on
    assert not list((data_dir / "packs" / "lmiforall").glob("9999-*"))
    assert "its id passed from owner unsigned to kiosk" in PackStore(data_dir).log_lines(1)[0]


def test_the_built_in_packs_are_the_kiosks_own(capsys, sample_data_dir: Path, tmp_path: Path) -> None:
    entries = PackStore(sample_data_dir).entries()
    assert {k: e.owner for k, e in entries.items()} == {"sample": KIOSK, "library": KIOSK, "official": KIOSK}
    make_pack(tmp_path / "official.zip", pack_id="official", version="9999")
    code, _, err = kiosk(capsys, sample_data_dir, "pack", "import", str(tmp_path / "official.zip"))
    assert code == 1 and "this kiosk makes the pack 'official' itself (its official figures" in err


def test_every_pack_the_kiosk_makes_is_named_as_its_own() -> None:
    built_in = {tomllib.loads((ASSETS_DIR / d / "pack.toml").read_text())["id"] for d in ("sample", "library", "official")}
    assert {s.name for s in SOURCES} | built_in == set(KIOSK_PACKS)


# -- publishers --------------------------------------------------------------------------------------------------


def test_a_second_trusted_publisher_cannot_replace_the_first_ones_pack(data_dir: Path, tmp_path: Path,
                                                                       hub: SigningKey, other_hub: SigningKey) -> None:
    for name in ("hub.key.pub", "north.key.pub"):
        trust_key(data_dir, tmp_path / "keys" / name)
    store = PackStore(data_dir, TrustPolicy.for_data_dir(data_dir, require_signed=True))
    store.install(signed(tmp_path, hub, "hub-jobs", "1.0", "a1.zip"))
    before = snapshot(data_dir)
    with pytest.raises(PackRejected) as refused:
        store.install(signed(tmp_path, other_hub, "hub-jobs", "2.0", "b2.zip"))
    assert str(refused.value) == (
        f"pack 'hub-jobs' belongs to the trusted publisher Riverside Careers Hub (key {hub.public.key_id}), and this "
        f"pack is signed by a trusted key: North East Careers Hub (key {other_hub.public.key_id}); one publisher "
        "cannot replace another's pack, so nothing was changed. If 'hub-jobs' should now come from this pack's "
        "publisher, staff can remove it first with `kiosk pack remove hub-jobs` and import this file again")
    assert snapshot(data_dir) == before
    store.install(signed(tmp_path, hub, "hub-jobs", "1.1", "a2.zip"))  # its own publisher still can
    assert store.entries()["hub-jobs"].owner == hub.public.key_id
    store.remove("hub-jobs")
    store.install(signed(tmp_path, other_hub, "hub-jobs", "2.0", "b2.zip"))
    assert store.entries()["hub-jobs"].owner == other_hub.public.key_id


def test_an_unsigned_or_untrusted_pack_cannot_replace_a_trusted_publishers_pack(data_dir: Path, tmp_path: Path,
                                                                                 hub: SigningKey) -> None:
    # Signing is not required here, so both packs would be accepted as new; the id is the hub's.
    trust_key(data_dir, tmp_path / "keys" / "hub.key.pub")
    store = PackStore(data_dir, TrustPolicy.for_data_dir(data_dir, require_signed=False))
    store.install(signed(tmp_path, hub, "national", "1.1", "hub.zip"))  # nobody held it: the hub takes it
    impostor = make_key(tmp_path / "impostor", publisher="Riverside Careers Hub")
    make_pack(tmp_path / "plain.zip", version="1.2")
    before = snapshot(data_dir)
    with pytest.raises(PackRejected, match=r"belongs to the trusted publisher Riverside Careers Hub .*this pack is not "
                                        "signed; one publisher cannot replace another's pack"):
        store.install(tmp_path / "plain.zip")
    with pytest.raises(PackRejected, match=rf"this pack is signed by a key this kiosk does not trust \(key "
                                        rf"{impostor.public.key_id}\); it calls itself 'Riverside Careers Hub'"):
        store.install(signed(tmp_path, impostor, "national", "1.3", "impostor.zip"))
    assert snapshot(data_dir) == before
    assert store.entries()["national"].owner == hub.public.key_id


# -- words for staff ---------------------------------------------------------------------------------------------


def test_verify_names_an_untrusted_signer_only_as_its_own_claim(capsys, data_dir: Path, tmp_path: Path,
                                                                 hub: SigningKey) -> None:
    path = signed(tmp_path, hub, "hub-jobs", "1.0", "hub.zip")
    key = hub.public.key_id
    code, out, _ = kiosk(capsys, data_dir, "pack", "verify", str(path))
    assert code == 0 and (f", signed by a key this kiosk does not trust (key {key}); it calls itself "
                          "'Riverside Careers Hub', sha256 ") in out
    assert "signed by Riverside" not in out and "trusted key:" not in out
    trust_key(data_dir, tmp_path / "keys" / "hub.key.pub")
    code, out, _ = kiosk(capsys, data_dir, "pack", "verify", str(path))
    assert f", signed by a trusted key: Riverside Careers Hub (key {key}), sha256 " in out


def test_a_scan_labels_untrusted_signers_for_the_staff_screen(capsys, data_dir: Path, tmp_path: Path,
                                                              hub: SigningKey, other_hub: SigningKey) -> None:
    stick = tmp_path / "stick"
    signed(stick, hub, "hub-jobs", "1.0", "hub.zip")
    signed(stick, other_hub, "north-jobs", "1.0", "north.zip")
    trust_key(data_dir, tmp_path / "keys" / "hub.key.pub")
    code, out, _ = kiosk(capsys, data_dir, "pack", "scan", str(stick), "--json")
    packs = {p["pack_id"]: p for p in json.loads(out.strip().splitlines()[-1])["packs"]}
    assert code == 0
    assert (packs["hub-jobs"]["signer"], packs["hub-jobs"]["trusted"]) == (
        f"signed by a trusted key: Riverside Careers Hub (key {hub.public.key_id})", True)
    assert (packs["north-jobs"]["signer"], packs["north-jobs"]["trusted"]) == (
        f"signed by a key this kiosk does not trust (key {other_hub.public.key_id}); it calls itself "
        "'North East Careers Hub'", False)
    code, out, _ = kiosk(capsys, data_dir, "pack", "scan", str(stick))
    assert "north-jobs 1.0 by Test publisher, signed by a key this kiosk does not trust" in out


def test_the_staff_screen_shows_the_scans_words_and_says_an_untrusted_pack_will_be_refused() -> None:
    from kiosk.staff.api import UsbPack
    from kiosk.ui.staff.usb_sections import found_lines

    words = "signed by a key this kiosk does not trust (key 0123456789abcdef); it calls itself 'LMI hub'"
    pack = UsbPack(Path("/media/stick/hub.zip"), "hub", "2", "LMI hub", words, None, False)
    assert found_lines(pack)[1] == f"From LMI hub; {words}"
    assert found_lines(pack, require_signed=True)[1] == (
        f"From LMI hub; {words}, so this kiosk will refuse it (it accepts only packs signed with a key it trusts)")
    trusted = pack._replace(signer="signed by a trusted key: LMI hub (key 0123456789abcdef)", trusted=True)
    assert found_lines(trusted, require_signed=True)[1] == (
        "From LMI hub; signed by a trusted key: LMI hub (key 0123456789abcdef)")


def test_pack_list_says_who_holds_each_id(capsys, data_dir: Path, tmp_path: Path, hub: SigningKey) -> None:
    trust_key(data_dir, tmp_path / "keys" / "hub.key.pub")
    kiosk(capsys, data_dir, "pack", "import", str(signed(tmp_path, hub, "hub-jobs", "1.0", "hub.zip")))
    code, out, _ = kiosk(capsys, data_dir, "pack", "list")
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert code == 0
    assert lines["national"].endswith("; held by no publisher yet (no trusted key has installed it)")
    assert lines["official"].endswith("; held by this kiosk (it makes this pack itself)")
    assert lines["hub-jobs"].endswith(f"; held by the trusted publisher Riverside Careers Hub (key {hub.public.key_id})")
    code, out, _ = kiosk(capsys, data_dir, "pack", "list", "--json")
    assert {p["pack_id"]: p["owner"] for p in json.loads(out)} == {
        "national": UNSIGNED, "library": KIOSK, "official": KIOSK, "hub-jobs": hub.public.key_id}


# -- an index written before owners were recorded ---------------------------------------------------------------


def test_an_index_without_owners_gets_them_from_the_pack_files(data_dir: Path, tmp_path: Path,
                                                               hub: SigningKey) -> None:
    trust_key(data_dir, tmp_path / "keys" / "hub.key.pub")
    store = PackStore(data_dir)
    store.install(signed(tmp_path, hub, "hub-jobs", "1.0", "hub.zip"))
    index = json.loads(store.index_path.read_text())
    for entry in index["packs"].values():  # as an older kiosk wrote it, with a field from a newer one besides
        del entry["owner"]
        entry["rebuilt_from"] = "files"
    store.index_path.write_text(json.dumps(index))
    assert {k: e.owner for k, e in store.entries().items()} == {"national": UNSIGNED, "hub-jobs": hub.public.key_id}
    assert store.database_fault() is None  # nothing else about the entries changed
    make_pack(tmp_path / "plain.zip", pack_id="hub-jobs", version="1.1")
    with pytest.raises(PackRejected, match="belongs to the trusted publisher Riverside Careers Hub"):
        store.install(tmp_path / "plain.zip")
    store.install(signed(tmp_path, hub, "hub-jobs", "1.2", "hub2.zip"))  # the next write records the owners
    written = json.loads(store.index_path.read_text())["packs"]
    assert {k: e["owner"] for k, e in written.items()} == {"national": UNSIGNED, "hub-jobs": hub.public.key_id}


def test_a_damaged_owner_is_worked_out_again_and_a_damaged_file_binds_nobody(data_dir: Path) -> None:
    store = PackStore(data_dir)
    index = json.loads(store.index_path.read_text())
    index["packs"]["national"]["owner"] = "../../somebody"
    store.index_path.write_text(json.dumps(index))
    assert store.entries()["national"].owner == UNSIGNED
    (store.packs_dir / store.entries()["national"].current).write_bytes(b"PK\x03\x04 damaged")
    index["packs"]["national"]["owner"] = 7
    store.index_path.write_text(json.dumps(index))
    assert store.entries()["national"].owner == UNSIGNED


# -- doctor ------------------------------------------------------------------------------------------------------


def test_doctor_names_a_pack_held_by_a_key_no_longer_trusted(data_dir: Path, tmp_path: Path, hub: SigningKey) -> None:
    from kiosk.doctor.packs import _pack_owners

    key = trust_key(data_dir, tmp_path / "keys" / "hub.key.pub")
    store = PackStore(data_dir)
    store.install(signed(tmp_path, hub, "hub-jobs", "1.0", "hub.zip"))
    assert _pack_owners(store) == []
    (data_dir / "trusted-keys" / f"{key.key_id}.pub").unlink()
    [check] = _pack_owners(store)
    assert (check.name, check.status) == ("pack hub-jobs owner", "warning")
    assert check.detail == (f"held by key {key.key_id}, which this kiosk no longer trusts: only a pack signed with "
                            "that key can replace it; to take 'hub-jobs' from another publisher, remove it "
                            "(`kiosk pack remove hub-jobs`) or trust the key again")

"""Symbol sets: OpenMoji from a pinned, integrity-checked tarball; Mulberry and school folders as downloaded."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from pathlib import Path

import pytest

from kiosk.access.lexicon import Concept
from kiosk.access.openmoji import install_openmoji, integrity_of
from kiosk.access.symbol_import import import_folder, import_mulberry
from kiosk.access.symbol_library import SymbolLibrary
from kiosk.access.symbol_sets import SymbolSetError, installed_sets, symbols_dir, write_order
from tests.access.test_image_check import GOOD_SVG, png
from tests.conftest import SHARED

MULBERRY = SHARED / "fixtures" / "symbols" / "mulberry-subset"
NURSE = Concept("nurse", "people", "nurse", ("openmoji:1F9D1-200D-2695-FE0F", "mulberry:nurse_1a"), ("nurse",))


def openmoji_tarball(entries: dict[str, bytes]) -> bytes:
    """A tarball in the npm package's shape (everything under package/)."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for name, data in entries.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def fake_openmoji() -> bytes:
    index = [
        {"hexcode": "1F9D1-200D-2695-FE0F", "annotation": "health worker", "tags": "nurse, doctor", "skintone": ""},
        {"hexcode": "1F9D1-1F3FB-200D-2695-FE0F", "annotation": "health worker: light skin tone", "tags": "",
         "skintone": "1"},
    ]
    return openmoji_tarball({
        "data/openmoji.json": json.dumps(index).encode(),
        "LICENSE.txt": b"CC BY-SA 4.0",
        "color/svg/1F9D1-200D-2695-FE0F.svg": GOOD_SVG,
        "black/svg/1F9D1-200D-2695-FE0F.svg": GOOD_SVG,
        "color/svg/1F9D1-1F3FB-200D-2695-FE0F.svg": GOOD_SVG,
        "color/svg/BAD.svg": b"<svg><script>x</script></svg>",
    })


def lock_file(tmp_path: Path, tarball: bytes) -> Path:
    lock = tmp_path / "package-lock.json"
    lock.write_text(json.dumps({"packages": {"node_modules/openmoji": {
        "version": "17.0.0", "resolved": "https://registry.npmjs.org/openmoji/-/openmoji-17.0.0.tgz",
        "integrity": integrity_of(tarball)}}}))
    return lock


def test_openmoji_installs_from_a_tarball_that_matches_its_pin(tmp_path: Path) -> None:
    tarball = fake_openmoji()
    installed = install_openmoji(tmp_path / "data", lock_file(tmp_path, tarball), fetch=lambda pin: tarball)
    assert set(installed.symbols) == {"1F9D1-200D-2695-FE0F"}  # no skin-tone variant, no hostile SVG
    symbol = installed.symbols["1F9D1-200D-2695-FE0F"][0]
    assert installed.path(symbol).read_bytes() == GOOD_SVG
    assert installed.path(symbol, line_art=True).name == "1F9D1-200D-2695-FE0F.svg"
    assert "nurse" in symbol.words and "OpenMoji" in installed.attribution


def test_a_tarball_that_does_not_match_the_pin_is_refused_and_the_old_set_kept(tmp_path: Path) -> None:
    data = tmp_path / "data"
    good = fake_openmoji()
    lock = lock_file(tmp_path, good)
    install_openmoji(data, lock, fetch=lambda pin: good)
    before = sorted(p.relative_to(data) for p in symbols_dir(data).rglob("*"))
    tampered = good[:-10] + b"0123456789"
    with pytest.raises(SymbolSetError, match="does not match its pinned integrity"):
        install_openmoji(data, lock, fetch=lambda pin: tampered)
    assert sorted(p.relative_to(data) for p in symbols_dir(data).rglob("*")) == before


def test_a_failed_download_names_the_problem(tmp_path: Path) -> None:
    def offline(pin):
        raise OSError("network is unreachable")

    with pytest.raises(SymbolSetError, match="could not fetch openmoji 17.0.0: network is unreachable"):
        install_openmoji(tmp_path / "data", lock_file(tmp_path, b""), fetch=offline)


def test_the_projects_pin_is_the_published_integrity() -> None:
    from kiosk.access.openmoji import read_pin
    from kiosk.config import LEXICON_DIR

    pin = read_pin(LEXICON_DIR / "openmoji" / "package-lock.json")
    assert pin["version"] == "17.0.0"
    assert pin["integrity"] == ("sha512-EBnYrNGdcdw+OSXmENeNE1yBNRu6tOraTmoOyUbJkTmvT/+XETp8RZLSJFzD3lrPc5N9CzsyPnRTk0Vp4UaI9w==")


@pytest.mark.contract
def test_mulberry_as_a_school_downloads_it(tmp_path: Path) -> None:
    if not MULBERRY.is_dir():
        pytest.skip("../shared/fixtures/symbols/mulberry-subset is not present")
    done = import_mulberry(tmp_path / "data", MULBERRY)
    assert len(done.symbol_set.symbols) == 569
    assert done.skipped == ["zebra_crossing: listed in symbol-info-en.csv but EN/zebra_crossing.svg is missing"]
    chef = done.symbol_set.symbols["cook_chef_1a"][0]
    assert done.symbol_set.path(chef).is_file() and chef.words[0] == "cook chef"
    assert (done.symbol_set.folder / "LICENSE.txt").is_file()


@pytest.mark.contract
def test_mulberry_release_zip_and_clone_layouts(tmp_path: Path) -> None:
    if not MULBERRY.is_dir():
        pytest.skip("../shared/fixtures/symbols/mulberry-subset is not present")
    rows = (MULBERRY / "symbol-info-en.csv").read_text().splitlines()
    release = tmp_path / "mulberry-symbols.zip"
    with zipfile.ZipFile(release, "w") as z:
        # The release zip's index has English and French columns and keeps the images in EN-symbols/.
        z.writestr("symbol-info.csv", "symbol-id,category-id,grammar,rated,tags,symbol-en,category-en,symbol-fr,category-fr\n"
                   "1,92,Noun,0,job people,teacher_1a,People Profession,enseignant,Métiers\n")
        z.writestr("EN-symbols/teacher_1a.svg", (MULBERRY / "EN" / "teacher_1a.svg").read_bytes())
    assert set(import_mulberry(tmp_path / "a", release).symbol_set.symbols) == {"teacher_1a"}
    clone = tmp_path / "clone"
    (clone / "scripts" / "data").mkdir(parents=True)
    (clone / "EN").mkdir()
    # Verb names hold commas ("cook_,_to"): the index quotes them, and files keep them.
    (clone / "scripts" / "data" / "symbol-info-en.csv").write_text(
        rows[0] + "\n" + next(r for r in rows if ",teacher_1a," in r) + '\n3,"cook_,_to",Verb,1,Verb,0,cook\n')
    (clone / "EN" / "teacher_1a.svg").write_bytes((MULBERRY / "EN" / "teacher_1a.svg").read_bytes())
    (clone / "EN" / "cook_,_to.svg").write_bytes(GOOD_SVG)
    cloned = import_mulberry(tmp_path / "b", clone).symbol_set
    assert set(cloned.symbols) == {"teacher_1a", "cook_,_to"}
    assert cloned.symbols["cook_,_to"][0].words[0] == "cook" and cloned.symbols["teacher_1a"][0].words[0] == "teacher"


def school_folder(tmp_path: Path, csv_text: str, files: dict[str, bytes]) -> Path:
    folder = tmp_path / "ours"
    folder.mkdir()
    (folder / "local.csv").write_bytes(csv_text.encode("cp1252"))
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def test_a_school_folder_with_alternatives_credits_and_problems(tmp_path: Path) -> None:
    folder = school_folder(tmp_path, (
        "word,file,credit,licence_note\n"
        "Nurse,nurse.svg,Our art club,ok\n"
        "nurse,nurse2.png,Our art club,ok\n"
        "café,cafe.svg,Our art club,ok\n"
        "chef,missing.svg,Our art club,ok\n"
        "vet,vet.svg,,ok\n"
        "tiny,tiny.png,Our art club,ok\n"
    ), {"nurse.svg": GOOD_SVG, "nurse2.png": png(600, 600), "cafe.svg": GOOD_SVG, "vet.svg": GOOD_SVG,
        "tiny.png": png(16, 16)})
    done = import_folder(tmp_path / "data", folder)
    assert len(done.symbol_set.symbols["nurse"]) == 2
    assert "café" in done.symbol_set.symbols
    assert any("missing.svg does not exist" in m for m in done.skipped)
    assert any("vet.svg has no credit" in m for m in done.skipped)
    assert any("too small" in m for m in done.skipped)


def test_a_csv_with_wrong_columns_is_refused_and_nothing_is_left_behind(tmp_path: Path) -> None:
    folder = school_folder(tmp_path, "picture,name\nnurse.svg,nurse\n", {"nurse.svg": GOOD_SVG})
    with pytest.raises(SymbolSetError, match="local.csv: the columns must be word, file, credit, licence_note"):
        import_folder(tmp_path / "data", folder)
    assert not any(symbols_dir(tmp_path / "data").iterdir())


def test_lookup_follows_the_schools_order(tmp_path: Path) -> None:
    data = tmp_path / "data"
    tarball = fake_openmoji()
    install_openmoji(data, lock_file(tmp_path, tarball), fetch=lambda pin: tarball)
    import_folder(data, school_folder(tmp_path, "word,file,credit,licence_note\nnurse,n.svg,Us,ok\n", {"n.svg": GOOD_SVG}))
    assert [s.id for s in installed_sets(data)] == ["school", "openmoji"]  # a school's own set first
    found = SymbolLibrary(installed_sets(data)).find(NURSE)
    assert [r.set_id for r in found] == ["school", "openmoji", "openmoji"]  # the school's own first
    assert found[2].path.parent.name == "black" and found[2].line_art is None  # line art as an alternative
    write_order(data, ["openmoji", "school"])
    assert SymbolLibrary(installed_sets(data)).first(NURSE).set_id == "openmoji"


def test_a_damaged_set_is_left_out_not_fatal(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (symbols_dir(data) / "broken").mkdir(parents=True)
    (symbols_dir(data) / "broken" / "set.json").write_text("{not json")
    assert installed_sets(data) == []

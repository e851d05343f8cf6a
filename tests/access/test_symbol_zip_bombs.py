"""A symbol set's zip is refused, by name, when a member would expand without limit; `kiosk doctor` names an
installed image that would take gigabytes or minutes to draw."""

from __future__ import annotations

import bz2
import json
import zipfile
import zlib
from pathlib import Path

import pytest

from kiosk.access.symbol_import import import_folder
from kiosk.access.symbol_sets import SymbolSetError
from tests.helpers import zip_bombs

GOOD_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>'
LOCAL_CSV = b"word,file,credit,licence_note\nteacher,teacher.png,Riverside School,ours\n"


def test_a_bzip2_member_that_expands_past_what_its_directory_says_is_refused_naming_the_zip(tmp_path: Path) -> None:
    # Its directory says 2 KB; zipfile would decompress all 32 MB of it at the first read, whatever was asked for.
    packer = bz2.BZ2Compressor(9)
    stored = b"".join(packer.compress(b"\0" * (1 << 20)) for _ in range(32)) + packer.flush()
    members = [zip_bombs.deflated("local.csv", LOCAL_CSV),
               zip_bombs.Member("teacher.png", stored, zipfile.ZIP_BZIP2, 0, 2048)]
    (tmp_path / "ours.zip").write_bytes(zip_bombs.raw_zip(members))
    with pytest.raises(SymbolSetError, match=r"ours\.zip is refused: teacher\.png is compressed in a way "
                                             r"spreadsheets and zip tools do not use"):
        import_folder(tmp_path / "data", tmp_path / "ours.zip")


def test_a_member_squeezed_past_the_expansion_limit_is_refused_naming_the_zip(tmp_path: Path) -> None:
    zeros = b"\0" * (3 << 20)
    squeezed = zip_bombs.Member("teacher.png", zlib.compress(zeros, 9)[2:-4], zipfile.ZIP_DEFLATED,
                                zlib.crc32(zeros), len(zeros))
    (tmp_path / "ours.zip").write_bytes(zip_bombs.raw_zip([zip_bombs.deflated("local.csv", LOCAL_CSV), squeezed]))
    with pytest.raises(SymbolSetError, match=r"ours\.zip is refused: teacher\.png would expand 1,0\d\d times"):
        import_folder(tmp_path / "data", tmp_path / "ours.zip")


def installed_set(data_dir: Path, images: dict[str, bytes]) -> None:
    """A school's set as an older kiosk installed it, before images were checked for what drawing them costs."""
    folder = data_dir / "symbols" / "school"
    (folder / "images").mkdir(parents=True)
    for name, data in images.items():
        (folder / "images" / name).write_bytes(data)
    (folder / "set.json").write_text(json.dumps({
        "id": "school", "kind": "folder", "name": "Our school's symbols", "licence": "ours", "attribution": "us",
        "symbols": {Path(name).stem: [{"file": f"images/{name}", "words": [Path(name).stem]}] for name in images}}))


def test_doctor_names_an_installed_symbol_image_that_would_take_minutes_to_draw(capsys, tmp_path: Path) -> None:
    from kiosk.cli import main

    data_dir = tmp_path / "data"
    installed_set(data_dir, {"tree.svg": zip_bombs.svg_use_bomb(), "sun.svg": GOOD_SVG})
    assert main(["doctor", "--json", "--data-dir", str(data_dir)]) == 1
    checks = {c["name"]: c for c in json.loads(capsys.readouterr().out)}
    assert checks["symbol images"]["status"] == "fault"
    assert "Our school's symbols: tree.svg: the SVG repeats shapes with 81 <use> elements" in \
        checks["symbol images"]["detail"]
    assert "sun.svg" not in checks["symbol images"]["detail"]


def test_doctor_passes_installed_symbol_images_that_are_safe_to_draw(tmp_path: Path) -> None:
    from kiosk.access.symbol_audit import costly_symbols

    installed_set(tmp_path / "data", {"sun.svg": GOOD_SVG})
    assert costly_symbols(tmp_path / "data") == []

"""A symbol set's id becomes a folder name: anything but a plain id is refused and nothing outside is touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.access.symbol_import import import_folder
from kiosk.access.symbol_sets import SymbolSetError, installed_sets, symbols_dir
from kiosk.cli import main
from tests.access.test_image_check import GOOD_SVG

LOCAL_CSV = "word,file,credit,licence_note\nnurse,nurse.svg,Our art club,ok\n"


def tree(root: Path, leave_out: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder under root (None for a folder), except what is under leave_out."""
    return {p.relative_to(root).as_posix(): (p.read_bytes() if p.is_file() else None)
            for p in sorted(root.rglob("*")) if not p.is_relative_to(leave_out)}


@pytest.fixture
def place(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(data dir, a school's symbol folder, a canary folder beside the data dir that must survive)."""
    data = tmp_path / "kiosk" / "data"
    (data / "symbols" / "school").mkdir(parents=True)
    (data / "symbols" / "school" / "keep.txt").write_text("installed before")
    ours = tmp_path / "ours"
    ours.mkdir()
    (ours / "local.csv").write_text(LOCAL_CSV)
    (ours / "nurse.svg").write_bytes(GOOD_SVG)
    canary = tmp_path / "kiosk" / "victim"
    canary.mkdir()
    (canary / "precious.txt").write_text("do not delete")
    (tmp_path / "kiosk" / "victim.incoming").mkdir()
    (tmp_path / "kiosk" / "victim.incoming" / "also.txt").write_text("do not delete either")
    return data, ours, canary


UNSAFE = ["../../victim", "../victim", "..", ".", "", "/ABSOLUTE", "sub/dir", "a\x00b", "x" * 300, "-rf", "School",
          "victim/../../../victim", "\\victim", "naïve"]


@pytest.mark.parametrize("set_id", UNSAFE)
def test_symbols_import_refuses_an_id_that_is_not_a_plain_name(
        place: tuple[Path, Path, Path], set_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    data, ours, canary = place
    root = data.parent.parent
    set_id = str(canary) if set_id == "/ABSOLUTE" else set_id
    before, inside = tree(root, ours), tree(data, data / "nothing")

    code = main(["symbols", "import", str(ours), "--format", "folder", f"--id={set_id}", "--data-dir", str(data)])

    assert code == 1
    err = capsys.readouterr().err
    assert "cannot be a symbol set id: use up to 80 lower-case letters, digits, dashes and underscores" in err
    assert "Traceback" not in err
    assert tree(root, ours) == before  # the canary, and everything else outside and inside, byte for byte
    assert tree(data, data / "nothing") == inside


def test_a_plain_id_still_imports(place: tuple[Path, Path, Path]) -> None:
    data, ours, canary = place
    assert main(["symbols", "import", str(ours), "--format", "folder", "--id", "art_club-2",
                 "--data-dir", str(data)]) == 0
    assert (symbols_dir(data) / "art_club-2" / "set.json").is_file()
    assert (canary / "precious.txt").read_text() == "do not delete"


def test_the_library_call_refuses_too(place: tuple[Path, Path, Path]) -> None:
    data, ours, canary = place
    with pytest.raises(SymbolSetError, match="cannot be a symbol set id"):
        import_folder(data, ours, str(canary))
    assert (canary / "precious.txt").read_text() == "do not delete"
    assert [s.id for s in installed_sets(data)] == []  # the planted folder has no set.json: none is installed

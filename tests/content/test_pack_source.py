"""Pack source folders: errors name the file, the entry and the column."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kiosk.config import ASSETS_DIR
from kiosk.content.errors import PackRejected
from kiosk.content.pack_source import build_pack


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    shutil.copytree(ASSETS_DIR / "sample", folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1))


def test_a_copy_of_the_sample_builds(source: Path, tmp_path: Path) -> None:
    assert build_pack(source, tmp_path / "x.zip").manifest.pack_id == "sample"


def test_a_folder_without_pack_toml(tmp_path: Path) -> None:
    with pytest.raises(PackRejected, match="has no pack.toml"):
        build_pack(tmp_path, tmp_path / "x.zip")


def test_bad_toml_names_the_file(source: Path, tmp_path: Path) -> None:
    (source / "events.toml").write_text("[[event]\nid = ")
    with pytest.raises(PackRejected, match="events.toml: not valid TOML"):
        build_pack(source, tmp_path / "x.zip")


def test_a_bad_figure_names_the_occupation_file_and_column(source: Path, tmp_path: Path) -> None:
    edit(source / "occupations" / "nurse.toml", '\ninterests = [',
         '\n[hours]\nsource = "sample-text"\nUK = { 2030 = -4 }\n\n[ignored]\ninterests = [')
    with pytest.raises(PackRejected, match=r"occupations/nurse.toml: "):
        build_pack(source, tmp_path / "x.zip")


def test_a_missing_route_is_named(source: Path, tmp_path: Path) -> None:
    shutil.copy(ASSETS_DIR / "library" / "routes.toml", source)  # the sample names the library's routes
    edit(source / "occupations" / "plumber.toml", "\nroutes = [", '\nroutes = ["no-such-route", ')
    with pytest.raises(PackRejected, match="occupations/plumber.toml, routes: route 'no-such-route' is not in routes"):
        build_pack(source, tmp_path / "x.zip")


def test_a_duplicate_id_names_both_files(source: Path, tmp_path: Path) -> None:
    (source / "occupations" / "zz-nurse-again.toml").write_text((source / "occupations" / "nurse.toml").read_text())
    with pytest.raises(PackRejected, match=r"^occupations/zz-nurse-again.toml: id 'nurse' is already used by "
                                           r"occupations/nurse.toml$"):
        build_pack(source, tmp_path / "x.zip")


def test_an_event_that_ends_before_it_starts(source: Path, tmp_path: Path) -> None:
    text = (source / "events.toml").read_text()
    first_end = text.index("ends = ")
    line_end = text.index("\n", first_end)
    (source / "events.toml").write_text(text[:first_end] + 'ends = "2000-01-01T10:00"' + text[line_end:])
    with pytest.raises(PackRejected, match=r"events.toml: event 1 \(.*\): column 'ends' is before 'starts'"):
        build_pack(source, tmp_path / "x.zip")


def test_an_unknown_version_string(source: Path, tmp_path: Path) -> None:
    text = (source / "pack.toml").read_text()
    (source / "pack.toml").write_text(re.sub(r'(?m)^content_version = ".*"$', 'content_version = "next week"', text))
    with pytest.raises(PackRejected, match="content_version must be dotted whole numbers"):
        build_pack(source, tmp_path / "x.zip")
    assert not (tmp_path / "x.zip").exists()

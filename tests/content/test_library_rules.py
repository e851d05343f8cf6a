"""The job library's pack build refuses an incomplete or wrong entry, naming its file and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.config import ASSETS_DIR
from kiosk.content.errors import PackRejected
from kiosk.content.pack_source import build_pack

ENTRY = '''id = "{id}"
title = "Vehicle mechanic"
soc2020 = "{soc}"
sector = "{sector}"
alt_titles = ["Vehicle technicians, mechanics and electricians", "Motor mechanic"]
summary = "Test words for a summary. A second sentence."
easy_read = ["One.", "Two.", "Three."]
tasks = ["find faults", "fit new parts", "test brakes", "talk to drivers"]
entry_routes = ["an apprenticeship with a garage"]
routes = ["{route}", "level-2-courses"]
skills = ["solving problems"]
interests = ["{interest}"]
subjects = ["science"]
'''


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A copy of the library's pack source (and the official figures beside it) with no entries of its own."""
    shutil.copytree(ASSETS_DIR / "official" / "tables", tmp_path / "official" / "tables")
    folder = tmp_path / "library"
    shutil.copytree(ASSETS_DIR / "library", folder, ignore=shutil.ignore_patterns("occupations"))
    (folder / "occupations").mkdir()
    return folder


def write(library: Path, name: str = "5231-vehicle-mechanic.toml", **changes: str) -> Path:
    values = {"id": name.removesuffix(".toml"), "soc": "5231", "sector": "transport-logistics",
              "route": "advanced-apprenticeship", "interest": "fixing things", **changes}
    path = library / "occupations" / name
    path.write_text(ENTRY.format(**values))
    return path


def refusal(library: Path) -> str:
    with pytest.raises(PackRejected) as caught:
        build_pack(library, library.parent / "library.zip")
    assert not (library.parent / "library.zip").exists()
    return str(caught.value)


def test_a_complete_entry_builds(library: Path) -> None:
    write(library)
    pack = build_pack(library, library.parent / "library.zip")
    assert pack.manifest.pack_id == "library"


@pytest.mark.parametrize("field", ["summary", "easy_read", "routes", "interests", "subjects", "alt_titles"])
def test_a_missing_field_is_named(library: Path, field: str) -> None:
    path = write(library)
    lines = [line for line in path.read_text().splitlines() if not line.startswith(f"{field} =")]
    path.write_text("\n".join(lines) + "\n")
    assert refusal(library) == f"occupations/{path.name}, {field}: is missing (every job library entry fills it)"


def test_an_empty_field_counts_as_missing(library: Path) -> None:
    path = write(library)
    path.write_text(path.read_text().replace('summary = "Test words for a summary. A second sentence."',
                                             'summary = ""'))
    assert "5231-vehicle-mechanic.toml, summary: is missing" in refusal(library)


@pytest.mark.parametrize("code", ["9999", "523", "5230", "52310"])
def test_a_code_that_is_not_a_unit_group(library: Path, code: str) -> None:
    write(library, soc=code)  # named 5231-…: the code is checked before the name
    message = refusal(library)
    assert "5231-vehicle-mechanic.toml" in message
    assert "soc2020" in message


def test_an_unknown_route_names_the_file_and_field(library: Path) -> None:
    write(library, route="wizard-school")
    assert refusal(library) == ("occupations/5231-vehicle-mechanic.toml, routes: route 'wizard-school' is not in "
                                "routes")


def test_an_unknown_sector_names_the_file_and_field(library: Path) -> None:
    write(library, sector="space-travel")
    assert refusal(library) == ("occupations/5231-vehicle-mechanic.toml, sector: sector 'space-travel' is not in "
                                "sectors")


def test_an_id_that_is_not_the_files_name_is_refused(library: Path) -> None:
    """Two entries can never share an id, nor take a synced job's: each id is its file's name, code first."""
    write(library)
    write(library, name="5232-vehicle-mechanic.toml", soc="5232", id="5231-vehicle-mechanic")
    assert refusal(library) == ("occupations/5232-vehicle-mechanic.toml, id: '5231-vehicle-mechanic' must be the "
                                "file's name, 5232- and an everyday slug (here '5232-vehicle-mechanic')")


def test_an_id_without_its_code_is_refused(library: Path) -> None:
    write(library, name="architect.toml", soc="2451", id="architect")
    assert "architect.toml, id: 'architect' must be the file's name, 2451-" in refusal(library)


def test_an_interest_pupils_cannot_choose(library: Path) -> None:
    write(library, interest="juggling")
    message = refusal(library)
    assert message.startswith("occupations/5231-vehicle-mechanic.toml, interests: 'juggling' is not one of")


def test_too_many_tasks(library: Path) -> None:
    path = write(library)
    path.write_text(path.read_text().replace('"talk to drivers"]', '"talk to drivers", "a", "b", "c"]'))
    assert refusal(library) == "occupations/5231-vehicle-mechanic.toml, tasks: has 7; an entry lists 4 to 6"


def test_unknown_rules_are_refused(library: Path) -> None:
    text = (library / "pack.toml").read_text()
    (library / "pack.toml").write_text(text.replace('rules = "job-library"', 'rules = "anything goes"'))
    assert refusal(library).startswith("pack.toml, rules: 'anything goes' is not a set of rules")


def test_without_the_official_unit_groups_the_build_is_refused(library: Path) -> None:
    shutil.rmtree(library.parent / "official")
    write(library)
    assert "need SOC 2020's unit groups" in refusal(library)


def test_the_shipped_library_builds(tmp_path: Path) -> None:
    pack = build_pack(ASSETS_DIR / "library", tmp_path / "library.zip")
    entries = len(list((ASSETS_DIR / "library" / "occupations").glob("*.toml")))
    assert pack.manifest.pack_id == "library"
    assert sum(1 for _ in pack.rows("occupations")) == entries

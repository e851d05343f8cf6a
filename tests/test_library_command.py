"""`kiosk library check` and `kiosk library review`, run as a reviewer would, with their output and exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kiosk.access.easy_read_checks import check_easy_read_lengths, check_readability, reading_ease
from kiosk.cli import main
from kiosk.library_command import shipped_entries
from tests.helpers.official import fixture_file
from tests.helpers.symbols import install_every_concept_symbol

VOLUME1_FILE = "soc2020volume1structureanddescriptionofunitgroups.xlsx"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def symbols_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with a stand-in OpenMoji holding every symbol the concepts name."""
    root = tmp_path_factory.mktemp("library")
    install_every_concept_symbol(root / "data", root)
    return root / "data"


@pytest.mark.contract
def test_check_lists_every_finding_and_the_measures(capsys, symbols_dir: Path) -> None:
    volume1 = fixture_file("ons", VOLUME1_FILE)
    code, out, _ = run(capsys, "library", "check", "--json", "--volume1", str(volume1), "--data-dir", str(symbols_dir))
    report = json.loads(out)
    entries = shipped_entries()
    assert report["entries"] == len(entries) and report["notes"] == []
    # Every finding of the length and readability checks is there (the other checks have their own tests).
    expected = [f for e in entries for f in check_easy_read_lengths(e) + check_readability(e)]
    assert set(expected) <= set(report["findings"])
    assert code == (1 if report["findings"] else 0)
    m = report["measures"]
    assert m["unit_groups"] == 412 and 0 < m["unit_groups_complete"] <= 412
    assert 0 < m["with_symbol"] <= m["key_words"] and m["symbol_share"] == round(m["with_symbol"] / m["key_words"], 4)
    summaries = sorted(reading_ease(" ".join(e.text("summary"))) for e in entries)
    assert m["summary_ease_worst"] == round(summaries[0], 1)


def test_check_in_words_names_the_checks_it_could_not_make(capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, "library", "check", "--volume1", str(tmp_path / "none.xlsx"),
                         "--data-dir", str(tmp_path))
    assert code == 1 and out == "" and "none.xlsx: cannot be read" in err  # not a silent skip
    code, out, err = run(capsys, "library", "check", "--data-dir", str(tmp_path / "no-symbols"))
    assert "symbols were not checked" in out
    assert re.search(r"^Coverage: \d+ of 412 unit groups have a complete entry$", out, re.MULTILINE)
    assert "Flesch reading ease of summaries: median" in out and "Flesch reading ease of easy-read: median" in out
    assert f"{len(shipped_entries())} entries checked" in out


@pytest.mark.contract
def test_review_shows_the_entry_ons_and_the_figures_one_after_the_other(capsys, sample_data_dir: Path,
                                                                         sample_reader) -> None:
    volume1 = fixture_file("ons", VOLUME1_FILE)
    code, out, _ = run(capsys, "library", "review", "5231", "--volume1", str(volume1),
                       "--data-dir", str(sample_data_dir))
    assert code == 0
    headings = [line for line in out.splitlines() if line.startswith("== ")]
    assert headings == ["== The project's entry for 5231: 5231-vehicle-mechanic.toml ==",
                        "== The project's entry for 5231: car-mechanic.toml ==",
                        "== ONS SOC 2020 Volume 1, unit group 5231 ==",
                        "== Figures in this kiosk's database for 5231 ==", "== Checks =="]
    assert "  Title: Vehicle mechanic" in out and "  Title: Car mechanic" in out and "  Title: Vehicle technicians, mechanics and electricians" in out
    assert "    - MOT tester" in out  # a related job title from Volume 1
    title, earnings, employment = sample_reader.unit_group_figures("5231")
    pay = [e for e in earnings if e.region == "UK"][-1]
    assert f"Pay, UK {pay.year}: £{pay.weekly_pay:,.0f} a week, £{pay.annual_pay:,.0f} a year" in out
    people = [e for e in employment if e.region == "UK"][-1]
    assert f"People employed, UK {people.year}: " in out and f"{people.people:,.0f}" in out


@pytest.mark.contract
def test_review_json_has_every_part(capsys, sample_data_dir: Path) -> None:
    volume1 = fixture_file("ons", VOLUME1_FILE)
    code, out, _ = run(capsys, "library", "review", "2237", "--json", "--volume1", str(volume1),
                       "--data-dir", str(sample_data_dir))
    review = json.loads(out)
    assert code == 0 and review["soc2020"] == "2237"
    assert [e["file"] for e in review["entries"]] == ["2237-registered-nurse.toml", "nurse.toml"]
    assert review["ons"]["code"] == "2237" and review["ons"]["tasks"]
    assert review["figures"]["unit_title"] and review["figures"]["weekly_pay"] > 0
    assert review["findings"] == [] == check_readability(next(e for e in shipped_entries() if e.file == "nurse.toml"))


def test_review_refuses_a_code_that_is_not_a_unit_group(capsys, sample_data_dir: Path) -> None:
    code, _, err = run(capsys, "library", "review", "52", "--data-dir", str(sample_data_dir))
    assert code == 1 and "'52' is not a SOC 2020 unit group code" in err
    volume1 = fixture_file("ons", VOLUME1_FILE)
    code, _, err = run(capsys, "library", "review", "9999", "--volume1", str(volume1),
                       "--data-dir", str(sample_data_dir))
    assert code == 1 and "SOC 2020 has no unit group 9999" in err

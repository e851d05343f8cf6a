"""Choosing the SOC groups to sync, and refusing a bad list by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.reader import ContentReader
from kiosk.sources.errors import SourceInputError
from kiosk.sources.lmiforall.soc_list import choose_socs, read_soc_file


def test_a_list_mixes_lines_commas_and_comments_and_repeats_are_synced_once(tmp_path: Path) -> None:
    listed = tmp_path / "socs.txt"
    listed.write_text("\ufeff# health\n2231, 2217\n\n5241 # electricians\n2231\n", encoding="utf-8")
    socs = read_soc_file(listed)
    assert socs.codes == (2231, 2217, 5241) and socs.origin == "the file socs.txt"
    assert socs.notes == ("SOC list socs.txt line 5: 2231 is already on line 2; synced once",)


@pytest.mark.parametrize(("text", "message"), [
    ("2231\n22x1\n", "SOC list socs.txt line 2: '22x1' is not a 4-digit SOC 2010 code"),
    ("2231 0123\n", "SOC list socs.txt line 1: '0123' is not a 4-digit SOC 2010 code"),
    ("# nothing yet\n\n", "SOC list socs.txt: holds no SOC codes"),
])
def test_a_bad_list_is_refused_naming_the_line(tmp_path: Path, text: str, message: str) -> None:
    listed = tmp_path / "socs.txt"
    listed.write_text(text, encoding="utf-8")
    with pytest.raises(SourceInputError) as caught:
        read_soc_file(listed)
    assert str(caught.value) == message


def test_an_unreadable_list_is_named(tmp_path: Path) -> None:
    with pytest.raises(SourceInputError, match=r"SOC list .*missing\.txt: cannot be read"):
        read_soc_file(tmp_path / "missing.txt")


def test_installed_codes_come_from_the_installed_occupations(sample_reader: ContentReader) -> None:
    codes = sample_reader.soc2010_codes()
    assert 2231 in codes and list(codes) == sorted(set(codes))  # the sample's nurse, once each, in order
    assert len(codes) >= 50 and all(1000 <= code <= 9999 for code in codes)


def test_the_file_wins_then_the_installed_codes_then_the_ncs_profiles(tmp_path: Path) -> None:
    listed = tmp_path / "socs.txt"
    listed.write_text("9233\n", encoding="utf-8")
    assert choose_socs(listed, [2231], [4135]).codes == (9233,)
    assert choose_socs(None, [2231], [4135]) == ((2231,), "the installed occupations", ())
    assert choose_socs(None, [], [4135, 4135, 8211]) == ((4135, 8211), "the National Careers Service profiles", ())
    with pytest.raises(SourceInputError, match="no SOC codes to fetch"):
        choose_socs(None, [], [])

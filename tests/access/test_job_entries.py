"""Every job entry the project ships, measured (issue 12, "Checked, not hoped"); and each check catching a bad one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.access.easy_read_checks import (
    Entry, OnsRuns, check_distinct_summaries, check_easy_read_lengths, check_not_copied, check_readability,
    check_symbols, read_entries, reading_ease,
)
from kiosk.access.lexicon import Lexicon
from kiosk.access.symbol_library import SymbolLibrary
from kiosk.access.symbol_sets import installed_sets
from kiosk.config import LEXICON_DIR
from kiosk.library_command import shipped_entries
from kiosk.sources.official.soc_volume1 import read_soc_volume1
from kiosk.sources.official.workbook import open_workbook
from tests.helpers.official import fixture_file
from tests.helpers.symbols import install_every_concept_symbol

VOLUME1_FILE = "soc2020volume1structureanddescriptionofunitgroups.xlsx"
ENTRIES = shipped_entries()  # the sample's 58 everyday jobs, then the job library's entries


@pytest.fixture(scope="module")
def symbols(tmp_path_factory: pytest.TempPathFactory) -> tuple[Lexicon, SymbolLibrary]:
    """The kiosk's vocabulary, with a stand-in OpenMoji holding every symbol the concepts name (no network)."""
    root = tmp_path_factory.mktemp("symbols")
    install_every_concept_symbol(root / "data", root)
    return Lexicon.load(LEXICON_DIR), SymbolLibrary(installed_sets(root / "data"))


@pytest.fixture(scope="module")
def ons() -> OnsRuns:
    path = fixture_file("ons", VOLUME1_FILE)
    volume1 = read_soc_volume1(open_workbook(path.read_bytes(), path.name))
    return OnsRuns((unit.code, text) for unit in volume1.units.values()
                   for text in (unit.description, unit.entry_routes, *unit.tasks))


def entry(**fields: object) -> Entry:
    good = {"summary": "Cooks make food and bread. They start work early in the morning.",
            "easy_read": ["Cooks make food.", "They work in a kitchen.", "They start work early."]}
    return Entry("baker.toml", {**good, **fields})


def test_entries_are_read_from_a_folder_of_toml_files(tmp_path: Path) -> None:
    assert read_entries(tmp_path / "library" / "occupations") == []  # a folder that is not there holds none
    (tmp_path / "baker.toml").write_text('title = "Baker"\nsummary = "Bakers make bread."\n', encoding="utf-8")
    assert read_entries(tmp_path) == [Entry("baker.toml", {"title": "Baker", "summary": "Bakers make bread."})]


def test_every_easy_read_version_has_three_to_five_short_sentences() -> None:
    assert [p for e in ENTRIES for p in check_easy_read_lengths(e)] == []


def test_every_entry_reads_easily() -> None:
    assert [p for e in ENTRIES for p in check_readability(e)] == []


def test_every_easy_read_key_word_gets_a_symbol(symbols: tuple[Lexicon, SymbolLibrary]) -> None:
    assert [p for e in ENTRIES for p in check_symbols(e, *symbols)] == []


def test_no_two_entries_share_a_summary_sentence() -> None:
    assert check_distinct_summaries(ENTRIES) == []


@pytest.mark.contract
def test_no_entry_copies_a_run_of_words_from_ons(ons: OnsRuns) -> None:
    assert len(ons) > 10_000  # every unit group's description, entry routes and tasks
    assert [p for e in ENTRIES for p in check_not_copied(e, ons)] == []


def test_a_good_entry_has_no_findings(symbols: tuple[Lexicon, SymbolLibrary]) -> None:
    good = entry()
    assert check_easy_read_lengths(good) == check_readability(good) == check_symbols(good, *symbols) == []


def test_a_thirteen_word_sentence_is_named() -> None:
    long = "They make bread and cakes and pies and buns for the shop today."
    found = check_easy_read_lengths(entry(easy_read=["Bakers make bread.", long, "They start early."]))
    assert found == [f"baker.toml, easy_read: 13 words in {long!r} (at most 12)"]


def test_long_sentences_on_average_and_too_few_or_many_are_named() -> None:
    eleven = "Bakers make bread and cakes in a shop or a factory."
    found = check_easy_read_lengths(entry(easy_read=[eleven] * 3))
    assert found == ["baker.toml, easy_read: the sentences average 11.0 words (at most 8)"]
    assert check_easy_read_lengths(entry(easy_read=["Bakers make bread.", "They start early."])) == [
        "baker.toml, easy_read: has 2 sentences; an easy-read version has 3 to 5"]
    assert "has 6 sentences" in check_easy_read_lengths(entry(easy_read=["Bakers make bread. They bake."] * 3))[0]


def test_hard_words_score_low_and_are_named() -> None:
    hard = ("Practitioners administer pharmacological interventions, documenting contraindications "
            "systematically. Organisational responsibilities necessitate considerable professional accountability.")
    assert reading_ease(hard) < 0
    found = check_readability(entry(summary=hard, easy_read=[hard, "Bakers make bread.", "They bake."]))
    assert [f.split(": Flesch")[0] for f in found] == ["baker.toml, summary", "baker.toml, easy_read"]
    assert "(at least 60)" in found[0] and "(at least 80)" in found[1]


def test_an_unsymbolised_word_is_named(symbols: tuple[Lexicon, SymbolLibrary]) -> None:
    found = check_symbols(entry(easy_read=["Cooks make food.", "They use a zymometer.", "They start work early."]),
                          *symbols)
    assert found == ["baker.toml, easy_read: 6 of 7 key words get a symbol (86%, at least 90%); "
                     "no symbol for zymometer"]  # "start" never gets a symbol: it is not a key word


def test_a_copied_run_of_eight_words_is_named_with_the_run() -> None:
    ons = OnsRuns([("5431", "Bakers and flour confectioners bake bread, rolls, cakes, biscuits and pastries.")])
    copied = entry(tasks=["Confectioners bake BREAD, rolls, cakes,\nbiscuits and pastries every day"])
    assert check_not_copied(copied, ons) == [
        "baker.toml, tasks: shares 8 words with ONS's description of unit group 5431: "
        "'confectioners bake bread rolls cakes biscuits and pastries'"]
    assert check_not_copied(entry(tasks=["bake bread, rolls, cakes, biscuits and pastries daily"]), ons) == []


def test_a_duplicate_summary_sentence_is_named() -> None:
    one = Entry("baker.toml", {"summary": "Bakers make bread. They work in shops."})
    two = Entry("cook.toml", {"summary": "Cooks make meals. They work in shops."})
    assert check_distinct_summaries([one, two]) == [
        "cook.toml, summary: the sentence 'They work in shops.' is also in baker.toml"]
    assert check_distinct_summaries([one, Entry("baker.toml", one.fields)]) == []


def test_readability_is_scored_offline_from_the_bundled_dictionary() -> None:
    # textstat 0.7.9 and later load NLTK's pronouncing dictionary, which a kiosk without the network cannot
    # download: a fresh install failed every readability check that way. The pinned release needs neither.
    script = ("import sys; from kiosk.access.easy_read_checks import reading_ease; "
              "score = reading_ease('The cat sat on the mat. It was warm.'); "
              "assert 'nltk' not in sys.modules, 'textstat loaded NLTK'; print(score)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert float(done.stdout) > 90  # short words and sentences read very easily

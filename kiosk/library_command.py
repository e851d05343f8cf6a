"""`kiosk library`: check every job entry the project ships, and review one beside ONS's text and its figures."""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path
from typing import Any

from kiosk.access.easy_read_checks import (
    Entry, OnsRuns, check_distinct_summaries, check_easy_read_lengths, check_not_copied, check_readability,
    check_symbols, easy_read_sentences, read_entries, reading_ease,
)
from kiosk.access.coverage import measure
from kiosk.config import ASSETS_DIR, LEXICON_DIR, Settings
from kiosk.package_files import CHECKOUT
from kiosk.sources.errors import SourceInputError

UNIT_GROUPS = 412  # SOC 2020 Volume 1's unit groups, for the coverage measure when the workbook is not at hand
# The shared fixture beside the project's checkout; an installed kiosk has no checkout, so --volume1 names the file.
VOLUME1 = None if CHECKOUT is None else CHECKOUT.parent / "shared" / "fixtures" / "ons" / \
    "soc2020volume1structureanddescriptionofunitgroups.xlsx"
# What a complete entry has (issue 12): words for pupils, and the links to the kiosk's routes, interests and sectors.
COMPLETE_FIELDS = ("title", "soc2020", "summary", "easy_read", "tasks", "entry_routes", "routes", "skills",
                   "interests", "subjects", "sector")


def library_folder() -> Path:
    return ASSETS_DIR / "library" / "occupations"


def shipped_entries() -> list[Entry]:
    """The sample's everyday jobs, then the library's unit-group entries (when the library exists)."""
    return read_entries(ASSETS_DIR / "sample" / "occupations") + read_entries(library_folder())


def run_library(args: argparse.Namespace, settings: Settings) -> int:
    volume1 = _volume1(args.volume1)
    if args.verb == "review":
        return _review(args.soc, volume1, settings, args.json)
    return _check(volume1, settings, args.json)


def _volume1(path: Path | None):
    """ONS SOC 2020 Volume 1 from the file given, else the fixture beside the project; None when neither is there."""
    from kiosk.sources.official.soc_volume1 import read_soc_volume1
    from kiosk.sources.official.workbook import open_workbook

    if path is None:
        if VOLUME1 is None or not VOLUME1.is_file():
            return None
        path = VOLUME1
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SourceInputError(f"{path}: cannot be read ({e.strerror or e})") from None
    return read_soc_volume1(open_workbook(data, path.name))


def _ons_runs(volume1) -> OnsRuns | None:
    if volume1 is None:
        return None
    return OnsRuns((unit.code, text) for unit in volume1.units.values()
                   for text in (unit.description, unit.entry_routes, *unit.tasks))


def _symbols(settings: Settings):
    """The vocabulary and the installed symbol sets; the library is None when no set is installed."""
    from kiosk.access.lexicon import Lexicon
    from kiosk.access.symbol_library import SymbolLibrary
    from kiosk.access.symbol_sets import installed_sets

    sets = installed_sets(settings.data_dir)
    return Lexicon.load(LEXICON_DIR), SymbolLibrary(sets) if sets else None


def findings(entries: list[Entry], settings: Settings, ons: OnsRuns | None) -> tuple[list[str], list[str]]:
    """Every check's findings over the entries, and notes on checks that could not run."""
    lexicon, library = _symbols(settings)
    found: list[str] = []
    for entry in entries:
        found += check_easy_read_lengths(entry) + check_readability(entry)
        found += check_symbols(entry, lexicon, library) if library is not None else []
        found += check_not_copied(entry, ons) if ons is not None else []
    found += check_distinct_summaries(entries)
    notes = []
    if library is None:
        notes.append("no symbol set is installed (kiosk symbols install openmoji): symbols were not checked")
    if ons is None:
        where = f"is not at {VOLUME1}" if VOLUME1 is not None else "is only found beside the project's checkout"
        notes.append(f"ONS SOC 2020 Volume 1 {where} (give --volume1 FILE): copying was not checked")
    return found, notes


def measures(entries: list[Entry], settings: Settings, volume1) -> dict[str, Any]:
    """Issue 12's measures: coverage of the unit groups, symbol coverage of all easy-read text, readability."""
    units = set(volume1.units) if volume1 is not None else None
    complete = {str(e.fields.get("soc2020")) for e in entries
                if all(e.fields.get(field) for field in COMPLETE_FIELDS)}
    covered = len(complete & units) if units is not None else len(complete)
    lexicon, library = _symbols(settings)
    result: dict[str, Any] = {"unit_groups_complete": covered,
                              "unit_groups": len(units) if units is not None else UNIT_GROUPS}
    if library is not None:
        count = measure((s for e in entries for s in easy_read_sentences(e)), lexicon, library)
        result.update(key_words=count.key_words, with_symbol=count.with_symbol, symbol_share=round(count.share, 4))
    for name, texts in (("summary", [" ".join(e.text("summary")) for e in entries]),
                        ("easy_read", [" ".join(easy_read_sentences(e)) for e in entries])):
        scores = sorted((reading_ease(t), e.file) for t, e in zip(texts, entries) if t)
        if scores:
            result[f"{name}_ease_median"] = round(statistics.median(s for s, _ in scores), 1)
            result[f"{name}_ease_worst"] = round(scores[0][0], 1)
            result[f"{name}_ease_worst_file"] = scores[0][1]
    return result


def _check(volume1, settings: Settings, as_json: bool) -> int:
    entries = shipped_entries()
    found, notes = findings(entries, settings, _ons_runs(volume1))
    measured = measures(entries, settings, volume1)
    if as_json:
        print(json.dumps({"entries": len(entries), "findings": found, "notes": notes, "measures": measured},
                         indent=1))
        return 1 if found else 0
    print(f"{len(entries)} entries checked: {len(found)} findings")
    for line in found + [f"note: {n}" for n in notes]:
        print(f"  {line}")
    print(f"Coverage: {measured['unit_groups_complete']} of {measured['unit_groups']} unit groups have a "
          "complete entry")
    if "symbol_share" in measured:
        print(f"Symbols: {measured['with_symbol']:,} of {measured['key_words']:,} easy-read key words get a "
              f"symbol ({measured['symbol_share']:.1%})")
    for name, label in (("summary", "summaries"), ("easy_read", "easy-read")):
        if f"{name}_ease_median" in measured:
            print(f"Flesch reading ease of {label}: median {measured[f'{name}_ease_median']}, worst "
                  f"{measured[f'{name}_ease_worst']} ({measured[f'{name}_ease_worst_file']})")
    return 1 if found else 0


def _review(soc: str, volume1, settings: Settings, as_json: bool) -> int:
    if not (len(soc) == 4 and soc.isdigit()):
        raise SourceInputError(f"{soc!r} is not a SOC 2020 unit group code (four digits, like 5231)")
    if volume1 is not None and soc not in volume1.units:
        raise SourceInputError(f"SOC 2020 has no unit group {soc} (Volume 1 lists {len(volume1.units)})")
    # The group's library entry first, then the everyday jobs inside the group: all are checked against ONS.
    entries = [e for folder in (library_folder(), ASSETS_DIR / "sample" / "occupations")
               for e in read_entries(folder) if str(e.fields.get("soc2020")) == soc]
    unit = volume1.units.get(soc) if volume1 is not None else None
    figures = _figures(soc, settings)
    found, notes = findings(entries, settings, _ons_runs(volume1)) if entries else ([], [])
    if as_json:
        print(json.dumps({"soc2020": soc, "entries": [{"file": e.file, **e.fields} for e in entries],
                          "ons": unit._asdict() if unit is not None else None, "figures": figures,
                          "findings": found, "notes": notes}, indent=1, default=str))
        return 0
    from kiosk.library_review_text import review_text

    print(review_text(soc, entries, unit, figures, found, notes))
    return 0


def _figures(soc: str, settings: Settings) -> dict[str, Any]:
    """The unit group's latest UK pay, hours and people employed, from the installed database."""
    from kiosk.app import open_content

    reader = open_content(settings)
    try:
        title, earnings, employment = reader.unit_group_figures(soc)
    finally:
        reader.close()
    uk_pay = [e for e in earnings if e.region == "UK"]
    uk_people = [e for e in employment if e.region == "UK"]
    found: dict[str, Any] = {"unit_title": title}
    if uk_pay:
        latest = uk_pay[-1]
        found.update(pay_year=latest.year, weekly_pay=latest.weekly_pay, annual_pay=latest.annual_pay,
                     weekly_hours=latest.weekly_hours, pay_source=latest.source.name)
    if uk_people:
        latest_people = uk_people[-1]
        found.update(employment_year=latest_people.year, people=latest_people.people,
                     people_lower_bound=latest_people.lower_bound, employment_source=latest_people.source.name)
    return found

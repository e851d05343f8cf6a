"""`kiosk symbols`: install OpenMoji, import Mulberry or a school's own set, order the sets, measure coverage."""

from __future__ import annotations

import argparse
import json
import sys

from kiosk.access.symbol_sets import SymbolSetError, installed_sets, write_order
from kiosk.config import LEXICON_DIR, Settings


def run_symbols(args: argparse.Namespace, settings: Settings) -> int:
    data_dir = settings.data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        if args.verb == "install":
            return _install(settings, args.if_missing)
        if args.verb == "import":
            return _import(settings, args)
        if args.verb == "order":
            known = {s.id for s in installed_sets(data_dir)}
            unknown = [i for i in args.set_ids if i not in known]
            if unknown:
                print(f"kiosk: no symbol set with id {unknown[0]!r} is installed", file=sys.stderr)
                return 1
            write_order(data_dir, list(args.set_ids))
        if args.verb in ("order", "list"):
            for position, s in enumerate(installed_sets(data_dir), 1):
                print(f"{position}. {s.id}  {s.name} {s.version}  {len(s.symbols):,} symbols  ({s.licence})")
            return 0
        return _coverage(settings, args)
    except SymbolSetError as e:
        print(f"kiosk: {e}", file=sys.stderr)
        return 1


def _install(settings: Settings, if_missing: bool) -> int:
    from kiosk.access.openmoji import install_openmoji

    if if_missing and any(s.id == "openmoji" for s in installed_sets(settings.data_dir)):
        return 0
    installed = install_openmoji(settings.data_dir, LEXICON_DIR / "openmoji" / "package-lock.json")
    print(f"installed OpenMoji {installed.version}: {len(installed.symbols):,} symbols ({installed.licence})")
    return 0


def _import(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.access.symbol_import import import_folder, import_mulberry

    if args.format == "mulberry":
        done = import_mulberry(settings.data_dir, args.path)
    else:
        done = import_folder(settings.data_dir, args.path, args.id, args.name)
    for message in done.skipped:
        print(f"skipped: {message}")
    print(f"imported {done.symbol_set.name}: {len(done.symbol_set.symbols):,} symbols")
    return 0


def _coverage(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.access.coverage import measure, picture_mode_texts
    from kiosk.access.gold import PARTS, GoldError, read_gold, score
    from kiosk.access.lexicon import Lexicon
    from kiosk.access.symbol_library import SymbolLibrary
    from kiosk.app import open_content

    lexicon = Lexicon.load(LEXICON_DIR)
    library = SymbolLibrary(installed_sets(settings.data_dir))
    try:
        gold = read_gold(LEXICON_DIR / "gold.csv", set(lexicon.concepts))
    except (GoldError, OSError) as e:
        print(f"kiosk: the gold list cannot be read: {e}", file=sys.stderr)
        return 1
    reader = open_content(settings)
    try:
        result = measure(picture_mode_texts(reader, settings.region), lexicon, library)
    finally:
        reader.close()
    scores = {part: score([g for g in gold if g.part == part], lexicon, library) for part in PARTS}
    scores["all"] = score(gold, lexicon, library)
    misses = result.missing.most_common(args.missing)
    if args.json:
        print(json.dumps({"key_words": result.key_words, "with_symbol": result.with_symbol,
                          "share": round(result.share, 4), "missing": dict(misses),
                          "gold": {part: {"entries": s.entries, "shown": s.shown, "right": s.right,
                                          "wanted": s.wanted, "precision": round(s.precision, 4),
                                          "coverage": round(s.coverage, 4)} for part, s in scores.items()}},
                         indent=1))
        return 0
    print(f"{result.with_symbol:,} of {result.key_words:,} key words get a symbol ({result.share:.1%})")
    for part, s in scores.items():
        print(f"gold list, {part}: {s.right} of {s.shown} symbols shown carry the intended sense "
              f"(precision {s.precision:.1%}); {s.right} of {s.wanted} words that need one got it "
              f"(coverage {s.coverage:.1%})")
    if not library.sets:
        print("no symbol sets are installed: install one with `kiosk symbols install openmoji`")
    for miss in scores["all"].misses[: args.missing]:
        entry = miss.entry
        print(f"  {entry.words!r} in {entry.text!r}: shows {miss.shown or 'no symbol'}, should be {entry.concept}")
    for word, count in misses:
        print(f"  {count:4}  {word}")
    return 0

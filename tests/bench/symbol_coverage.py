"""Symbol coverage: the share of key words on every sample page (picture mode) that get a symbol, and precision on
the gold list (the share of symbols shown that carry the intended sense)."""

from __future__ import annotations

from pathlib import Path

TARGET = 0.90  # issue 14: a symbol is right or absent, never bought with a wrong one
TARGET_PRECISION = 0.97  # issue 14: precision on the gold list, never traded for coverage


def run(data_dir: Path) -> dict[str, object]:
    from kiosk.access.coverage import measure, picture_mode_texts
    from kiosk.access.gold import PARTS, read_gold, score
    from kiosk.access.lexicon import Lexicon
    from kiosk.access.symbol_library import SymbolLibrary
    from kiosk.access.symbol_sets import installed_sets
    from kiosk.config import LEXICON_DIR
    from kiosk.content.reader import open_reader

    reader = open_reader(data_dir / "kiosk.db")
    try:
        lexicon = Lexicon.load(LEXICON_DIR)
        library = SymbolLibrary(installed_sets(data_dir))
        result = measure(picture_mode_texts(reader), lexicon, library)
    finally:
        reader.close()
    gold = read_gold(LEXICON_DIR / "gold.csv", set(lexicon.concepts))
    scores = {part: score([g for g in gold if g.part == part], lexicon, library) for part in PARTS}
    return {
        "gold": {part: {"entries": g.entries, "shown": g.shown, "right": g.right, "wanted": g.wanted,
                        "precision": round(g.precision, 4), "coverage": round(g.coverage, 4)}
                 for part, g in scores.items()},
        "target_precision": TARGET_PRECISION,
        "sets": [s.id for s in installed_sets(data_dir)], "concepts": len(lexicon.concepts),
        "key_words": result.key_words, "with_symbol": result.with_symbol, "share": round(result.share, 4),
        "target": TARGET, "missing": dict(result.missing.most_common()),
    }

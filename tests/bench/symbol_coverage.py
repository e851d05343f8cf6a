"""Symbol coverage: the share of key words on every sample page (picture mode) that get a symbol."""

from __future__ import annotations

from pathlib import Path

TARGET = 0.90  # issue 14: a symbol is right or absent, never bought with a wrong one


def run(data_dir: Path) -> dict[str, object]:
    from kiosk.access.coverage import measure, picture_mode_texts
    from kiosk.access.lexicon import Lexicon
    from kiosk.access.symbol_library import SymbolLibrary
    from kiosk.access.symbol_sets import installed_sets
    from kiosk.config import LEXICON_DIR
    from kiosk.content.reader import open_reader

    reader = open_reader(data_dir / "kiosk.db")
    try:
        lexicon = Lexicon.load(LEXICON_DIR)
        result = measure(picture_mode_texts(reader), lexicon, SymbolLibrary(installed_sets(data_dir)))
    finally:
        reader.close()
    return {
        "sets": [s.id for s in installed_sets(data_dir)], "concepts": len(lexicon.concepts),
        "key_words": result.key_words, "with_symbol": result.with_symbol, "share": round(result.share, 4),
        "target": TARGET, "missing": dict(result.missing.most_common()),
    }

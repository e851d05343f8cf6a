"""The picture the installed symbol sets give one named concept, for controls that always mean the same thing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QPixmap

if TYPE_CHECKING:
    from kiosk.access.symboliser import Symboliser
    from kiosk.ui.widgets.symbol_pixmaps import SymbolPixmaps


def concept_picture(symbols: Symboliser | None, pixmaps: SymbolPixmaps | None, concept_id: str,
                    size: int) -> QPixmap | None:
    """The concept's first picture at a size, or None (symbols off, no such concept, or no picture for it)."""
    if symbols is None or pixmaps is None:
        return None
    concept = symbols.lexicon.concepts.get(concept_id)
    found = symbols.library.first(concept)
    return pixmaps.get(found.path, size) if found is not None else None

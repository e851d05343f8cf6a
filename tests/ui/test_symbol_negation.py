"""A negated key word's symbol is drawn crossed out ("without debt", "not in the kiosk")."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.access.lexicon import Lexicon
from kiosk.access.symbol_library import SymbolLibrary
from kiosk.access.symboliser import Symboliser
from kiosk.config import LEXICON_DIR
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.symbol_text import paint_negation


def test_the_symboliser_passes_the_negation_on_to_the_screens() -> None:
    tokens = Symboliser(Lexicon.load(LEXICON_DIR), SymbolLibrary([])).tokens("Not a nurse, but a plumber")
    assert [(t.text, t.negated) for t in tokens if t.concept_id] == [("nurse", True), ("plumber", False)]


def test_a_negated_symbol_is_crossed_by_a_bar_from_corner_to_corner(qapp) -> None:  # noqa: ARG001 - Qt painting
    theme = Theme.for_height(1080)
    image = QImage(120, 120, QImage.Format.Format_ARGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    paint_negation(painter, QRectF(10, 10, 100, 100), theme)
    painter.end()
    warn = theme.color("warn").rgb()
    assert image.pixel(60, 60) == warn and image.pixel(25, 25) == warn and image.pixel(95, 95) == warn
    assert image.pixel(95, 25) != warn and image.pixel(25, 95) != warn  # one bar, not a cross over everything

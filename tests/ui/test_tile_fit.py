"""A tile's words are never cut off: its picture shrinks, then the detail line goes, then the type steps down,
and only then are words cut, with "…" to say so."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPixmap

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.tile_words import longest_word

LONG = "Remove Administrative assistant"
DETAIL = "A line of detail that is long enough to wrap over two or three lines in a narrow tile"


def picture() -> QPixmap:
    pixmap = QPixmap(220, 220)
    pixmap.fill(QColor("#2E8B3E"))
    return pixmap


def lay_out(qtbot, label: str, detail: str, size: tuple[int, int], beside: bool, with_picture: bool = True):
    """What the tile's paint does: where the picture goes, then the words in the room it leaves."""
    theme = Theme.for_height(1080)
    tile = KioskButton(label, theme, detail, picture=picture() if with_picture else None)
    tile.set_picture_beside(beside)
    qtbot.addWidget(tile)
    inner = QRectF(0, 0, size[0] - 40, size[1] - 24)
    box, above = tile._picture_box(inner) if with_picture else (None, True)
    words = QRectF(inner)
    if box is not None:
        words.setTop(box.bottom() + theme.px(8)) if above else words.setLeft(box.right() + theme.px(10))
    laid = tile.text_layout(words)
    width = QFontMetricsF(laid.font).boundingRect(QRectF(0, 0, words.width(), 1e6), laid.flags, laid.label).width()
    return {"box": box, "words": words, "laid": laid, "width": width,
            "longest": longest_word(tile._label_font, label), "full": tile._label_font.pixelSize()}


def fits(out) -> bool:
    laid, words = out["laid"], out["words"]
    return laid.label_height + laid.detail_height <= words.height() + 0.5 and out["width"] <= words.width() + 0.5


@pytest.mark.parametrize("size", [(300, 150), (380, 150), (520, 170), (700, 230)])
def test_beside_the_picture_the_words_fit(qtbot, size) -> None:
    out = lay_out(qtbot, LONG, "Take it out of the comparison", size, beside=True)
    assert fits(out) and out["laid"].label == LONG  # smaller type if need be, but every word
    if out["box"] is not None:
        assert out["longest"] <= out["words"].width() + 0.5 and out["box"].right() <= out["words"].left()


@pytest.mark.parametrize("size", [(300, 230), (240, 200), (600, 260)])
def test_under_a_picture_the_words_fit_and_the_detail_goes_first(qtbot, size) -> None:
    out = lay_out(qtbot, LONG, DETAIL, size, beside=False)
    assert fits(out) and out["laid"].label == LONG
    if out["box"] is not None and not out["laid"].detail_height:
        assert out["box"].height() >= 32  # the detail went only to keep a picture worth the name


def test_a_wide_tile_keeps_its_detail_line_and_its_type_size(qtbot) -> None:
    out = lay_out(qtbot, "Nurse", "Health and care", (700, 260), beside=False)
    assert out["laid"].detail_height and out["laid"].font.pixelSize() == out["full"] and out["laid"].label == "Nurse"


def test_text_of_any_length_is_cut_with_an_ellipsis_never_off_the_tile(qtbot) -> None:
    sentence = " ".join(["Careers"] * 60)
    out = lay_out(qtbot, sentence, DETAIL, (380, 150), beside=True)
    assert fits(out) and out["laid"].label.endswith("…") and out["laid"].font.pixelSize() < out["full"]
    word = "W" * 400
    out = lay_out(qtbot, word, "", (380, 150), beside=False, with_picture=False)
    shown = out["laid"].label
    assert fits(out) and shown.endswith("…") and word.startswith(shown[:-1]) and len(shown) > 10


def test_a_bar_button_paints_its_label_beside_its_picture(qtbot) -> None:
    theme = Theme.for_height(1080)
    pixmap = QPixmap(64, 64)
    pixmap.fill(QColor("#2E8B3E"))
    button = KioskButton("How it looks", theme, role="bar", picture=pixmap)
    qtbot.addWidget(button)
    button.resize(300, 88)
    image = button.grab().toImage()
    label_colour = QColor(theme.palette.bar_text).rgb()
    # The label's letters, right of the picture: some pixels of the label colour there.
    assert any(image.pixel(x, y) == label_colour for x in range(110, 290) for y in range(20, 70))

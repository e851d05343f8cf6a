"""The one button of the kiosk: a large, self-painted tile with a label and an optional detail line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFocusEvent, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.no_break import bound
from kiosk.ui.widgets.tile_words import TileWords, flags_for, lay_out, longest_word, wrapped_height


class KioskButton(QAbstractButton):
    """A touch target that paints its own plain text (so nothing in it can be read as markup or a mnemonic).

    It activates on release and cancels if the finger slides off, as QAbstractButton does.
    """

    def __init__(
        self,
        label: str,
        theme: Theme,
        detail: str = "",
        *,
        role: str = "tile",
        picture: QPixmap | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self._role = role  # "tile", "bar" (top bar), "key" (keyboard), "primary" (big call to action)
        self._picture_beside = False  # short, wide tiles under a page of text put their picture beside the words
        self._current = False
        self.set_content(label, detail, picture)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        size = {"tile": theme.tile_label, "bar": 28, "key": 34, "primary": 36}[role]
        self._label_font = theme.font(size, bold=True)
        self._detail_font = theme.font(theme.tile_detail)
        self._keyboard_focus = False
        self._marked = False
        self._pressed_at = self._activated_at = float("-inf")

    def set_content(self, label: str, detail: str = "", picture: QPixmap | None = None, *, concept: str = "",
                    symbol: Path | None = None, key: str = "") -> None:
        """Show another label, detail and picture (tiles are reused as results change); `concept` and `symbol` say
        which symbol the picture is (for the tour's manifest and tests: pixels cannot tell two symbols apart);
        `key` is the part of the detail a pupil chooses by, never dropped (an event's date, a resource's shelf)."""
        self._label = label
        self._shown_label = bound(label)  # "A levels" never breaks after the "A"; speech and search keep the label
        self._detail = detail
        self._key = key
        self._picture = picture
        self.picture_concept = concept if picture is not None else ""
        self.picture_symbol = symbol if picture is not None else None
        self.setText(label)
        self.setAccessibleName(label)
        self.setAccessibleDescription(detail)
        self.update()

    def set_picture_beside(self, beside: bool) -> None:
        """Put the picture beside the words instead of above them (for short, wide tiles)."""
        self._picture_beside = beside
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed_at = self._theme.touch.clock()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        rules = self._theme.touch
        now = rules.clock()
        too_short = rules.hold_s > 0 and now - self._pressed_at < rules.hold_s
        too_soon = rules.debounce_s > 0 and now - self._activated_at < rules.debounce_s
        if self.isDown() and (too_short or too_soon):
            self.setDown(False)  # not a press that counts: nothing happens
            event.accept()
            return
        if self.isDown() and self.hitButton(event.position().toPoint()):
            self._activated_at = now
        super().mouseReleaseEvent(event)

    def set_marked(self, on: bool) -> None:
        """Show the focus ring without taking focus: the switch-scanning cursor, or speech reading this tile."""
        if on != self._marked:
            self._marked = on
            self.update()

    @property
    def marked(self) -> bool:
        return self._marked

    def set_current(self, on: bool) -> None:
        """Show that this choice is the way things are now (the sort, the look): a coloured edge and a tick.
        Kept apart from the mark, which scanning and speech move on and take off."""
        if on != self._current:
            self._current = on
            self.update()

    @property
    def current(self) -> bool:
        return self._current

    @property
    def role(self) -> str:
        return self._role

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Show the focus ring only when focus came from keys or switches; a touch needs no ring.
        self._keyboard_focus = event.reason() in (
            Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason, Qt.FocusReason.ShortcutFocusReason,
        )
        super().focusInEvent(event)

    @property
    def label(self) -> str:
        return self._label

    @property
    def detail(self) -> str:
        return self._detail

    @property
    def key_detail(self) -> str:
        return self._key

    @property
    def shown_label(self) -> str:
        """The label as painted: spaces that must not break are no-break spaces."""
        return self._shown_label

    @property
    def picture(self) -> QPixmap | None:
        return self._picture

    def sizeHint(self) -> QSize:
        t = self._theme
        height = {"tile": 150, "bar": t.button_height, "key": 92, "primary": 120}[self._role]
        width = {"tile": 360, "bar": 200, "key": 92, "primary": 420}[self._role]
        return QSize(t.target(width), t.target(height))

    def minimumSizeHint(self) -> QSize:
        # Never smaller than a 20 mm target on the screen staff configured.
        side = self._theme.min_target
        return QSize(side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect, fill, text, detail = self.paint_frame(painter)
        inner, box = self._rooms(rect)
        if box is not None:
            if QColor(fill).lightness() < 128:  # a light plate keeps dark drawings visible on dark ground
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor("#FFFFFF"))
                painter.drawRoundedRect(box.adjusted(-4, -4, 4, 4), 8, 8)
            painter.setOpacity(1.0 if self.isEnabled() else 0.35)  # a bright picture would say "tap me"
            painter.drawPixmap(box.toRect(), self._picture)
            painter.setOpacity(1.0)
        self._draw_text(painter, inner, text, detail)
        painter.end()

    def paint_frame(self, painter: QPainter, radius: float = 16, edge: float = 2, ring: float = 5,
                    inset: int = 3) -> tuple[QRectF, str, str, str]:
        """The tile's rounded panel, the current choice's tick and the focus ring (sizes in design pixels); gives
        the panel's rect and the fill, text and detail colours for what is drawn on it."""
        t = self._theme
        fill, text, detail, edge_colour = self._colours()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        corner = t.px(radius)
        painter.setBrush(QColor(fill))
        painter.setPen(QPen(QColor(edge_colour), max(2, t.px(edge))))
        painter.drawRoundedRect(rect, corner, corner)
        if self._current:
            self._draw_current(painter, rect, corner, fill)
        if (self.hasFocus() and self._keyboard_focus) or self._marked:
            colour = "focus_on_dark" if self._role == "bar" else "focus"
            painter.setPen(QPen(t.color(colour), max(inset, t.px(ring))))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), corner, corner)
        return rect, fill, text, detail

    def _rooms(self, rect: QRectF) -> tuple[QRectF, QRectF | None]:
        """The room the words have, and the picture's box (None: no picture shown), in a tile's rect."""
        t = self._theme
        pad = t.px(18)
        inner = rect.adjusted(pad, pad * 0.6, -pad, -pad * 0.6)
        box = None
        if self._picture is not None:
            box, above = self._picture_box(inner)
            if box is not None:
                if above:
                    inner.setTop(box.bottom() + t.px(8))
                else:
                    inner.setLeft(box.right() + t.px(10))
        return inner, box

    def shown_words(self) -> tuple[TileWords, QRectF, bool]:
        """The words as painted now, the room they have, and whether the picture is shown (for the tour's
        manifest: a label cut with "…" or taller than its room is cut off)."""
        inner, box = self._rooms(QRectF(self.rect()).adjusted(2, 2, -2, -2))
        return self.text_layout(inner), inner, box is not None

    def _draw_current(self, painter: QPainter, rect: QRectF, radius: float, fill: str) -> None:
        """The mark of the current choice: a thick edge and a tick in a round badge at the top right."""
        t = self._theme
        colour = t.color("accent")
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour, max(4, t.px(7))))
        painter.drawRoundedRect(rect.adjusted(2, 2, -2, -2), radius, radius)
        side = t.px(40)
        badge = QRectF(rect.right() - side - t.px(8), rect.top() + t.px(8), side, side)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(badge)
        tick = QPainterPath()
        tick.moveTo(badge.left() + side * 0.25, badge.top() + side * 0.52)
        tick.lineTo(badge.left() + side * 0.43, badge.top() + side * 0.70)
        tick.lineTo(badge.left() + side * 0.76, badge.top() + side * 0.32)
        painter.setPen(QPen(QColor(fill), max(3, t.px(5)), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)

    def _picture_box(self, inner: QRectF) -> tuple[QRectF | None, bool]:
        """Where the picture goes (None: no room for one) and whether it stands above the words or beside them."""
        # Words are never cut off for a picture: a picture above them shrinks until they fit, first with the
        # detail line, then (if that leaves the picture too small) without it; text_layout drops what then
        # does not fit.
        t = self._theme
        if self._picture_beside or inner.height() <= t.px(120):
            side = min(inner.height(), inner.width() * (0.4 if self._picture_beside else 0.8), self._picture.width())
            # The longest word must fit beside the picture.
            side = min(side, inner.width() - t.px(10) - longest_word(self._label_font, self._shown_label))
            while self._key and side >= t.px(32) and not self._words_fit(inner.adjusted(side + t.px(10), 0, 0, 0)):
                side *= 0.85  # a key line is never what makes room for a picture
            return (QRectF(inner.left(), inner.center().y() - side / 2, side, side) if side >= t.px(32) else None,
                    False)
        # A key line is never what makes room for a picture: without the rest of the detail, it stays.
        for line in dict.fromkeys((self._detail, self._key)):
            room = inner.height() - self._text_height(inner.width(), line) - t.px(8)
            side = min(inner.height() * 0.6, inner.width() * 0.8, self._picture.width(), room)
            if side >= inner.height() * 0.3:
                break
        if side < t.px(32):
            return None, True  # no room for a picture worth the name: the words matter more
        return QRectF(inner.center().x() - side / 2, inner.top(), side, side), True

    def _words_fit(self, room: QRectF) -> bool:
        """Whether the label and key line fit the room whole, in full-size type for the key line."""
        words = self.text_layout(room)
        return words.label == self._shown_label and words.detail_font.pixelSize() == self._detail_font.pixelSize()

    def _text_height(self, width: float, line: str) -> float:
        """How tall the label (and a detail line under it) stand when wrapped to a width."""
        height = wrapped_height(self._label_font, self._shown_label, width)
        if line:
            height += self._theme.px(8) + wrapped_height(self._detail_font, line, width,
                                                         flags_for(self._detail_font, line, width))
        return height

    def _colours(self) -> tuple[str, str, str, str]:
        """Fill, label, detail and edge colours for the button's role and state."""
        p = self._theme.palette
        if self._role == "bar":
            fill, text, detail, edge = p.bar, p.bar_text, p.bar_text, p.bar_text
        elif self._role == "primary":
            fill, text, detail, edge = p.primary, p.primary_text, p.primary_text, p.primary_edge
        else:
            fill, text, detail, edge = p.tile, p.tile_text, p.tile_detail, p.tile_edge
        if self.isDown():
            fill = p.tile_pressed if self._role in ("tile", "key") else p.focus
            if self._role in ("bar", "primary"):
                text = detail = p.text
        if not self.isEnabled():
            text = detail = edge = p.bar_disabled if self._role == "bar" else p.disabled
            if self._role == "primary":
                fill = p.tile  # a bright call to action that cannot be used would invite taps that do nothing
        return fill, text, detail, edge

    def _draw_text(self, painter: QPainter, inner: QRectF, text: str, detail: str) -> None:
        """The label, and the detail line under it, centred in the button and wrapped to fit."""
        words = self.text_layout(inner)
        top = inner.top() + max(0.0, (inner.height() - words.label_height - words.detail_height) / 2)
        painter.setFont(words.font)
        painter.setPen(QColor(text))
        painter.drawText(QRectF(inner.left(), top, inner.width(), words.label_height), words.flags, words.label)
        if words.detail_height:
            gap = self._theme.px(8)
            painter.setFont(words.detail_font)
            painter.setPen(QColor(detail))
            painter.drawText(QRectF(inner.left(), top + words.label_height + gap, inner.width(),
                                    words.detail_height - gap),
                             flags_for(words.detail_font, words.detail, inner.width()), words.detail)

    def text_layout(self, inner: QRectF) -> TileWords:
        """How the label and detail fill the room the picture leaves (words are never cut off the tile)."""
        return lay_out((self._label_font, self._shown_label), (self._detail_font, self._detail), inner,
                       self._theme.px(8), self._key)

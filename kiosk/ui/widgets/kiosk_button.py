"""The one button of the kiosk: a large, self-painted tile with a label and an optional detail line."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFocusEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from kiosk.ui.theme import Theme


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

    def set_content(self, label: str, detail: str = "", picture: QPixmap | None = None) -> None:
        """Show another label, detail and picture (tiles are reused as results change)."""
        self._label = label
        self._detail = detail
        self._picture = picture
        self.setText(label)
        self.setAccessibleName(label)
        self.setAccessibleDescription(detail)
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
        t = self._theme
        fill, text, detail, edge = self._colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        radius = t.px(16)
        painter.setBrush(QColor(fill))
        painter.setPen(QPen(QColor(edge), max(2, t.px(2))))
        painter.drawRoundedRect(rect, radius, radius)
        if (self.hasFocus() and self._keyboard_focus) or self._marked:
            ring = "focus_on_dark" if self._role == "bar" else "focus"
            painter.setPen(QPen(t.color(ring), max(3, t.px(5))))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(3, 3, -3, -3), radius, radius)
        pad = t.px(18)
        inner = rect.adjusted(pad, pad * 0.6, -pad, -pad * 0.6)
        if self._picture is not None:
            tall = inner.height() > t.px(120)  # a tile: the picture above the words; a bar button: beside them
            side = min(inner.height() * (0.6 if tall else 1.0), inner.width() * 0.8, self._picture.width())
            if tall:
                box = QRectF(inner.center().x() - side / 2, inner.top(), side, side)
            else:
                box = QRectF(inner.left(), inner.center().y() - side / 2, side, side)
            if QColor(fill).lightness() < 128:  # a light plate keeps dark drawings visible on dark ground
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor("#FFFFFF"))
                painter.drawRoundedRect(box.adjusted(-4, -4, 4, 4), 8, 8)
            painter.drawPixmap(box.toRect(), self._picture)
            if tall:
                inner.setTop(box.bottom() + t.px(8))
            else:
                inner.setLeft(box.right() + t.px(10))
        self._draw_text(painter, inner, text, detail)
        painter.end()

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
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter)
        painter.setFont(self._label_font)
        painter.setPen(QColor(text))
        if not self._detail:
            painter.drawText(inner, flags | int(Qt.AlignmentFlag.AlignVCenter), self._label)
            return
        gap = self._theme.px(8)
        label_h = painter.boundingRect(inner, flags, self._label).height()
        painter.setFont(self._detail_font)
        detail_h = painter.boundingRect(inner, flags, self._detail).height()
        top = inner.top() + max(0.0, (inner.height() - label_h - gap - detail_h) / 2)
        painter.setFont(self._label_font)
        painter.drawText(QRectF(inner.left(), top, inner.width(), label_h), flags, self._label)
        painter.setFont(self._detail_font)
        painter.setPen(QColor(detail))
        painter.drawText(QRectF(inner.left(), top + label_h + gap, inner.width(), detail_h), flags, self._detail)

"""Touch-sized rows for the staff settings form: a choice stepped with ◀ ▶, a number with − +, a text field."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.card import Card
from kiosk.ui.widgets.kiosk_button import KioskButton
from kiosk.ui.widgets.plain_label import PlainLabel


class FormRow(QWidget):
    """A setting's name (and a note under it) on the left, its control on the right."""

    def __init__(self, theme: Theme, label: str, note: str = "") -> None:
        super().__init__()
        t = theme
        self._theme = theme
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(t.px(t.gap))
        names = QVBoxLayout()
        names.setSpacing(t.px(2))
        self.label = PlainLabel(label, t.font(t.body, bold=True), t.color("text"))
        names.addWidget(self.label)
        self.note = PlainLabel(note, t.font(t.small), t.color("muted")) if note else None
        if self.note is not None:
            names.addWidget(self.note)
        row.addLayout(names, 5)
        self.controls = QHBoxLayout()
        self.controls.setSpacing(t.px(10))
        row.addLayout(self.controls, 6)

    def _button(self, text: str) -> KioskButton:
        button = KioskButton(text, self._theme, role="key")
        side = self._theme.target(80)
        button.setFixedSize(side, side)
        self.controls.addWidget(button)
        return button

    def _value_label(self) -> PlainLabel:
        t = self._theme
        label = PlainLabel("", t.font(t.body, bold=True), t.color("text"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.controls.addWidget(label, 1)
        return label


class ChoiceRow(FormRow):
    """One of a few values, stepped through with ◀ and ▶ (no typing, no drop-down to miss)."""

    def __init__(self, theme: Theme, label: str, options: Sequence[tuple[Any, str]], value: Any,
                 note: str = "") -> None:
        super().__init__(theme, label, note)
        self.options = list(options)
        if value not in [v for v, _ in self.options]:
            self.options.insert(0, (value, str(value)))  # keep a value the file has, even if not offered
        self.previous_button = self._button("◀")
        self.shown = self._value_label()
        self.next_button = self._button("▶")
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self._index = [v for v, _ in self.options].index(value)
        self._show()

    @property
    def value(self) -> Any:
        """The value chosen."""
        return self.options[self._index][0]

    def step(self, by: int) -> None:
        """Move `by` places through the choices, round and round."""
        self._index = (self._index + by) % len(self.options)
        self._show()

    def set_options(self, options: Sequence[tuple[Any, str]]) -> None:
        """Offer these choices instead, keeping the value chosen (kept as a choice of its own if not among them)."""
        value = self.value
        self.options = list(options)
        if value not in [v for v, _ in self.options]:
            self.options.insert(0, (value, str(value)))
        self._index = [v for v, _ in self.options].index(value)
        self._show()

    def _show(self) -> None:
        self.shown.setText(self.options[self._index][1])


class NumberRow(FormRow):
    """A number between limits, changed a step at a time with − and +."""

    def __init__(self, theme: Theme, label: str, value: float, low: float, high: float, step: float,
                 unit: str = "", note: str = "") -> None:
        super().__init__(theme, label, note)
        self._low, self._high, self._step, self._unit = low, high, step, unit
        self._value = value
        self.minus_button = self._button("−")
        self.shown = self._value_label()
        self.plus_button = self._button("+")
        self.minus_button.clicked.connect(lambda: self.change(-1))
        self.plus_button.clicked.connect(lambda: self.change(1))
        self._show()

    @property
    def value(self) -> float:
        """The number shown."""
        return self._value

    def change(self, steps: int) -> None:
        """Move `steps` steps up or down, staying within the limits."""
        self._value = min(self._high, max(self._low, self._value + steps * self._step))
        self._show()

    def _show(self) -> None:
        number = f"{self._value:g}"
        self.shown.setText(f"{number} {self._unit}".strip())
        self.minus_button.setEnabled(self._value > self._low)
        self.plus_button.setEnabled(self._value < self._high)


class TextRow(FormRow):
    """Free text, typed on the staff keyboard (shown when the field is tapped) or on a real keyboard."""

    tapped = Signal(object)  # this row: the settings section shows the keyboard for it

    def __init__(self, theme: Theme, label: str, value: str, note: str = "", max_length: int = 60) -> None:
        super().__init__(theme, label, note)
        t = theme
        self.field = QLineEdit(value)
        self.field.setFrame(False)
        self.field.setMaxLength(max_length)
        self.field.setFont(t.font(t.body, bold=True))
        self.field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.field.setMinimumHeight(t.target(70))
        box = Card(t)
        inner = QHBoxLayout(box)
        inner.setContentsMargins(t.px(12), t.px(2), t.px(12), t.px(2))
        inner.addWidget(self.field)
        self.controls.addWidget(box, 1)
        self.field.installEventFilter(self)

    @property
    def value(self) -> str:
        """The text typed, without spaces at either end."""
        return self.field.text().strip()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.tapped.emit(self)
        return False

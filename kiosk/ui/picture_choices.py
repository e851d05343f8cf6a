"""The pupil's own choice of picture for a word, kept for the visit, and the chooser that makes it."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QWidget


class PictureChoices:
    """Which picture the pupil chose for each concept, and the chooser while it is open."""

    def __init__(self, window: QWidget, on_open_or_close: Callable[[], None]) -> None:
        self._window = window
        self._changed = on_open_or_close  # switch scanning moves onto (or back off) the chooser
        self.chosen: dict[str, int] = {}  # concept id -> picture index; shared by every paragraph
        self.waiting = False  # "Change a picture" was chosen: the next tapped picture opens the chooser
        self.chooser: QWidget | None = None

    def forget(self) -> None:
        """The visit is over."""
        self.chosen.clear()
        self.waiting = False
        self.close()

    def open(self, paragraph, index: int, theme, pixmaps) -> None:
        """Show the pictures for one word of a paragraph; the pupil's pick applies wherever the word appears."""
        from kiosk.ui.widgets.picture_chooser import PictureChooser

        token = paragraph.tokens[index]
        if not token.symbols or pixmaps is None:
            return
        self.waiting = False
        current = self.chosen.get(token.concept_id, 0)

        def pick(alternative: int) -> None:
            if alternative != current:  # "Keep this one" changes nothing
                self.chosen[token.concept_id] = alternative
            self.close()
            for widget in self._window.findChildren(type(paragraph)):
                widget.update()

        self.close()
        word = paragraph.text[token.start : token.end]
        self.chooser = PictureChooser(theme, pixmaps, word, token.symbols, current, pick, self._window)
        self.chooser.show()
        self.chooser.raise_()
        self._changed()

    def close(self) -> None:
        if self.chooser is not None:
            self.chooser.hide()
            self.chooser.deleteLater()
            self.chooser = None
            self._changed()

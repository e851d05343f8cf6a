"""Screens: one per kind of page; most are plain PageScreens, search has its own keyboard screen."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QWidget

from kiosk.content.pages import build_page
from kiosk.content.pages.page import Choice, Target
from kiosk.content.reader import ContentReader
from kiosk.ui.renderer import PageRenderer
from kiosk.ui.screens.page_screen import PageScreen


def make_screen(
    target: Target, reader: ContentReader, region: str, renderer: PageRenderer, on_choice: Callable[[Choice], None]
) -> QWidget:
    """The screen for a target, built fresh (screens hold no state worth keeping between visits)."""
    p = renderer.presentation
    if target.kind == "search":
        from kiosk.ui.screens.search_screen import SearchScreen  # imported on first use: a faster start

        return SearchScreen(lambda q: build_page(Target("search", q), reader, region), renderer, on_choice, target.key)
    return PageScreen(build_page(target, reader, region, easy=p.easy, typing=p.mode != "large"), renderer, on_choice)

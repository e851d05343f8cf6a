"""Screens: one per kind of page; most are plain PageScreens, search has its own keyboard screen."""

from __future__ import annotations

import datetime as dt

from typing import Callable, Sequence

from PySide6.QtWidgets import QWidget

from kiosk.content.pages import build_page, missing_page
from kiosk.content.pages.figure_age import FigureAge
from kiosk.content.pages.page import Choice, Page, Target
from kiosk.content.pages.take_home import in_session
from kiosk.content.reader import ContentReader
from kiosk.ui.renderer import PageRenderer
from kiosk.ui.screens.page_screen import PageScreen

SORRY = "Something went wrong showing this page. Tap Home to start again, or ask a member of staff."


def make_screen(
    target: Target, reader: ContentReader, region: str, renderer: PageRenderer, on_choice: Callable[[Choice], None],
    kept: Sequence[Target] = (), age: FigureAge | None = None, today: dt.date | None = None,
) -> QWidget:
    """The screen for a target, built fresh (screens hold no state worth keeping between visits).

    `kept` is the visit's "my list": pages say whether their item is on it and offer "Take this home".
    `age` says when figures count as out of date (staff's figures_old_after_years); `today` which events are past.
    """
    p = renderer.presentation
    if target.kind == "search":
        from kiosk.ui.screens.search_screen import SearchScreen  # imported on first use: a faster start

        return SearchScreen(lambda q: build_page(Target("search", q), reader, region), renderer, on_choice, target.key)
    if target.kind == "display":  # the look on now is marked: only the screen knows it
        from kiosk.content.pages.display import display_page

        page = display_page(p.mode, renderer.theme.high_contrast, p.volume)
    else:
        page = build_page(target, reader, region, easy=p.easy, typing=p.mode != "large", kept=kept, age=age,
                          today=today)
    if p.mode == "large":  # its pay cell sets the job beside all jobs from the page's own chart (the same year)
        return page_screen(in_session(page, kept), renderer, on_choice)
    return PageScreen(in_session(page, kept), renderer, on_choice)


def page_screen(page: Page, renderer: PageRenderer, on_choice: Callable[[Choice], None],
                average_weekly_pay: float | None = None) -> QWidget:
    """A page's screen: in big pictures a grid of cells, in the other modes the renderer's page."""
    if renderer.presentation.mode == "large":
        from kiosk.ui.big_pictures.screen import BigPicturesScreen

        return BigPicturesScreen(page, renderer, on_choice, average_weekly_pay)
    return PageScreen(page, renderer, on_choice)


def credits_screen(symbols, reader: ContentReader, renderer: PageRenderer,
                   on_choice: Callable[[Choice], None]) -> QWidget:
    """Who made the pictures and the content: each symbol set's and each pack's credit and licence."""
    from kiosk.access.credits import credits_page

    sets = symbols.library.sets if symbols is not None else []
    return page_screen(credits_page(sets, reader.packs()), renderer, on_choice)


def sorry_screen(renderer: PageRenderer, on_choice: Callable[[Choice], None]) -> QWidget:
    """What a page that could not be built shows instead: sorry, and the way home."""
    return page_screen(missing_page(SORRY), renderer, on_choice)

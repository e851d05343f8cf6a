"""The credits page: whose pictures the kiosk shows, under which licence, and where its information comes from."""

from __future__ import annotations

from kiosk.access.symbol_sets import SymbolSet
from kiosk.content.model import PackInfo
from kiosk.content.pages.page import Page, Paragraph, Section, Target
from kiosk.content.pages.wording import day


def credits_page(sets: list[SymbolSet], packs: list[PackInfo]) -> Page:
    """Each symbol set's attribution and licence (CC BY-SA asks for both), then each pack's sources."""
    sections = []
    for s in sets:
        blocks = [Paragraph(s.attribution), Paragraph(f"Licence: {s.licence}.")]
        if s.url:
            blocks.append(Paragraph(f"More: {s.url}"))
        blocks.append(Paragraph("Sizes and colours may be changed to suit the kiosk."))
        sections.append(Section(f"Pictures: {s.name} {s.version}".strip(), tuple(blocks)))
    if not sets:
        sections.append(Section("Pictures", (Paragraph("No picture sets are installed: the kiosk shows words."),)))
    for pack in packs:
        lines = tuple(Paragraph(f"{src.name}. Licence: {src.licence}. Retrieved {day(src.retrieved)}.")
                      for src in pack.sources)
        sections.append(Section(f"Information: {pack.title}, from {pack.publisher}", lines or (Paragraph(pack.notice),)))
    return Page(Target("credits"), "Where the pictures and facts come from", sections=tuple(sections))

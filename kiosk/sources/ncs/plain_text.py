"""National Careers Service strings made plain text: links, stray HTML, odd whitespace and flattened lists."""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import urljoin

from bs4 import BeautifulSoup, NavigableString
from bs4.exceptions import ParserRejectedMarkup

PUBLIC_SITE = "https://nationalcareers.service.gov.uk"
# The reference's pattern (ncs-job-profiles-api.md §3.1): it matches all 123 links in the recordings and leaves
# trailing spaces of the link text outside the first group.
# The link text ends in a non-space, so the spaces before "|" belong to \s* alone: no quadratic backtracking on a
# "[" followed by a long run of spaces (hostile text is bounded only by the body size cap).
LINK = re.compile(r"\[([^\[\]|]*[^\[\]|\s])\s*\|\s*([^\[\]\s]+)\s*\]")
# html.parser drops a bare "&" before a letter ("AT&T" becomes "ATT"), so any "&" that does not start a complete
# entity reference is escaped before parsing and comes back unchanged.
_BARE_AMPERSAND = re.compile(r"&(?!#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
# Tags that end a line or a paragraph: their neighbours must not run together ("<p>a</p><p>b</p>" is "a b").
_BREAKING_TAGS = ["p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
                  "table", "section", "blockquote", "hr"]
_TAG = re.compile(r"<[A-Za-z/!?][^<>]*>")
# Zero-width characters, the soft hyphen, and the bidirectional controls a pack refuses (they can disguise text).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a\u202b\u202c\u202d\u202e"
                                  "\u2066\u2067\u2068\u2069"))
# Lead-ins the converter writes before a flattened list; twice in 2020 the colon after them went missing
# ("In this role you could bemeasuring …"), so they are recognised without it (§3.2).
LEAD_INS = ("In this role you could be", "Your day-to-day tasks may include", "Your day-to-day duties may include",
            "You could also be", "You can get into this job through")
_LEAD_IN = re.compile("(" + "|".join(map(re.escape, LEAD_INS)) + r")(\s*:)?", re.IGNORECASE)
# A list's colon follows a word ("through:a", "for example:Bachelor"), never a digit (a time such as 9:30).
_LIST_COLON = re.compile(r"(?:(?<=[^\W\d_])|(?<=\))):")
_ITEM_BREAK = re.compile(r"\s*;\s*")


def plain(value: str | list | None) -> str:
    """One string as plain text: links as their text, no tags, entities decoded, NFC, whitespace collapsed.

    None, "" and [] all give "" (nothing to show); a list's items are joined as one paragraph.
    """
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(filter(None, (plain(item) for item in value)))
    if not isinstance(value, str):
        raise TypeError(f"expected text, not {type(value).__name__}")
    text = value
    while True:
        # Decoding can uncover more markup ("&lt;b&gt;", a link nested in a link, "<\x00b>" once the control
        # character goes), so go round again while anything comes off; stopping when nothing does ends the loop.
        before = text
        text = _visible(text)
        while LINK.search(text):
            text = LINK.sub(lambda match: match.group(1).strip(), text)
        if "<" in text or "&" in text:
            text = _strip_html(text)
        if len(text) >= len(before):
            break
    return " ".join(text.split())  # str.split() treats U+00A0 and every other Unicode space as whitespace


def plain_items(values: list | None) -> list[str]:
    """Each item of a list as plain text, empty ones dropped."""
    return [text for text in (plain(value) for value in values or []) if text]


def link_targets(text: str | None) -> list[tuple[str, str]]:
    """The (link text, absolute URL) pairs in a string, site-relative URLs resolved against the public site."""
    return [(plain(match.group(1)), urljoin(PUBLIC_SITE + "/", match.group(2)))
            for match in LINK.finditer(text or "")]


def split_list(text: str | None) -> tuple[str, list[str]]:
    """A flattened list ("intro:item; item") as its intro (without the colon) and its items.

    Text that holds no list comes back as (text, []); "" and None as ("", []).
    """
    text = plain(text)
    if not text:
        return "", []
    lead = _LEAD_IN.match(text)
    if lead:
        rest = text[lead.end():].strip()
        glued = text[lead.end():lead.end() + 1].isalpha()
        # A glued word is a missing colon only when a list follows or it reads as a task ("bemeasuring"), so
        # that "You could also become a manager" keeps its "become".
        if lead.group(2) or (glued and (";" in rest or rest.split(" ", 1)[0].endswith("ing"))) or (
                not glued and ";" in rest and ":" not in rest):
            return lead.group(1), _items(rest)
    colon = _LIST_COLON.search(text)
    if colon:
        intro, rest = text[:colon.start()].strip(), text[colon.end():]
        # "through:a college course" (no space, the 2020 converter) or "through: a; b" (later ones) is a list;
        # "Note: this matters." is a sentence.
        if rest.strip() and (not rest[:1].isspace() or ";" in rest):
            return intro, _items(rest)
    return text, []


def readable(text: str | None) -> str:
    """A string as plain text with any flattened list spaced the usual way: "intro: item; item"."""
    intro, items = split_list(text)
    if not items:
        return intro
    return f"{intro}: {'; '.join(items)}" if intro else "; ".join(items)


def clip(text: str, limit: int) -> str:
    """Text cut to at most limit characters at a word boundary, with an ellipsis when anything was cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:  # a single enormous word is cut mid-word rather than losing most of the text
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def _visible(text: str) -> str:
    """NFC text without zero-width characters, and with control characters gone (or spaces, if they space words)."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return "".join(" " if ch.isspace() else ch for ch in text if ch.isspace() or unicodedata.category(ch) != "Cc")


def _items(rest: str) -> list[str]:
    return [item for item in (part.strip() for part in _ITEM_BREAK.split(rest)) if item]


def _strip_html(text: str) -> str:
    """Tags removed and entities decoded by BeautifulSoup; block tags leave a space so words do not merge."""
    # After a <div> so the parser never takes a lone URL or file name for a locator (and warns); the parser
    # closes the div itself, so no closing tag of ours can turn up as text after a comment left open.
    try:
        soup = BeautifulSoup("<div>" + _BARE_AMPERSAND.sub("&amp;", text), "html.parser")
    except ParserRejectedMarkup:
        # Markup the parser gives up on (a malformed "<![" section): read every "<" as a character instead, then
        # take out what looks like a tag, so the words still show and no markup does.
        soup = BeautifulSoup("<div>" + html.escape(text, quote=False), "html.parser")
    for tag in soup.find_all(_BREAKING_TAGS):
        tag.insert_before(" ")
        tag.insert_after(" ")
    # Only text proper: comments, CDATA, doctypes and processing instructions are markup, never shown. A
    # construct the parser cannot finish ("<!--" or "<![CDATA[" left open) comes back as text, tags and all:
    # those tags are taken out here.
    return _TAG.sub("", soup.get_text(types=(NavigableString,)))

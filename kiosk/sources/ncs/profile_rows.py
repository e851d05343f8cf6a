"""One NCS job profile as a row of a pack's occupations table."""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any
from urllib.parse import quote

from kiosk.content.schema import MAX_LIST_ITEMS, MAX_LONG_TEXT, MAX_SHORT_TEXT, SOC_CODE
from kiosk.sources.ncs.entry_routes import entry_routes
from kiosk.sources.ncs.plain_text import PUBLIC_SITE, clip, plain, split_list
from kiosk.sources.ncs.profile_fields import ProfileFields, ProfileSkipped
from kiosk.sources.soc_sectors import sector_for_soc

__all__ = ["ProfileSkipped", "occupation_row", "occupation_id"]

TOP_SKILLS = 8
MAX_ID = 80  # kiosk.content.schema.SLUG allows 80 characters
_DROPPED = dict.fromkeys(map(ord, "'\u2019()"))  # apostrophes and parentheses vanish: "barrister's" -> "barristers"


def occupation_id(name: str) -> str:
    """A canonical name as a valid id: "barrister's-clerk" -> "barristers-clerk", "(sen)" -> "sen"."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()  # "café" -> "cafe"
    text = re.sub(r"[^a-z0-9]+", "-", text.lower().translate(_DROPPED)).strip("-")
    if len(text) > MAX_ID:
        text = text[:MAX_ID].rstrip("-")
    return text


def occupation_row(profile: dict[str, Any], name: str) -> dict[str, Any]:
    """The occupations row for one profile; ProfileSkipped (naming the profile and field) when it cannot be made."""
    fields = ProfileFields(profile, name)
    row_id = occupation_id(name)
    if not row_id:
        raise ProfileSkipped(f"{fields.where}: the name gives no usable id")
    soc2010 = _soc(fields, "Soc")
    if soc2010 is None:
        raise fields.skip("Soc", "is missing")
    try:
        sector = sector_for_soc(soc2010)
    except ValueError:
        raise fields.skip("Soc", f"{soc2010!r} is not a SOC 2010 unit group the kiosk knows") from None
    try:
        soc2020 = _soc(fields, "Soc2020")
    except ProfileSkipped:
        soc2020 = None  # optional and its format on the live service is unconfirmed: a bad one is left out
    return {
        "id": row_id,
        "title": clip(_required(fields, "Title"), MAX_SHORT_TEXT),
        "soc2010": soc2010,
        "soc2020": soc2020,
        "sector": sector,
        "alt_titles": _alt_titles(fields),
        "summary": clip(_required(fields, "Overview"), MAX_LONG_TEXT),
        "tasks": _tasks(fields),
        "entry_routes": entry_routes(fields)[:MAX_LIST_ITEMS],
        "skills": _skills(fields),
        # The public web page, not the API's Url (ncs-job-profiles-api.md §1): what a QR code should open.
        "url": f"{PUBLIC_SITE}/job-profiles/{quote(name, safe='')}",
    }


def _required(fields: ProfileFields, path: str) -> str:
    text = plain(fields.text(path))
    if not text:
        raise fields.skip(path, "is missing or empty")
    return text


def _soc(fields: ProfileFields, path: str) -> str | None:
    value = fields.value(path)
    if value is None or value == "":
        return None
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
    if text is None or not SOC_CODE.match(text):
        shown = repr(value) if isinstance(value, (str, int, float)) else f"a {type(value).__name__}"  # never a tree
        raise fields.skip(path, f"should be a 4-digit SOC code, not {shown}")
    return text


def _alt_titles(fields: ProfileFields) -> list[str]:
    title = plain(fields.text("Title")).casefold()
    # NCS writes one sentence ("Care assistant, support worker"); as separate titles each starts with a capital.
    names = [clip(part.strip(), MAX_SHORT_TEXT) for part in plain(fields.text("AlternativeTitle")).split(",")]
    names = [name[:1].upper() + name[1:] for name in names]
    seen = {title}
    unique = []
    for name in names:
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            unique.append(name)
    return unique[:MAX_LIST_ITEMS]


def _tasks(fields: ProfileFields) -> list[str]:
    """Every day-to-day task: a flattened list's items, or a paragraph that holds no list as it stands."""
    tasks: list[str] = []
    for paragraph in fields.texts("WhatYouWillDo.WYDDayToDayTasks"):
        intro, items = split_list(paragraph)
        tasks += [clip(item, MAX_SHORT_TEXT) for item in (items or [intro]) if item]
    return tasks[:MAX_LIST_ITEMS]


def _skills(fields: ProfileFields) -> list[str]:
    """The descriptions of the highest-ranked skills, ranked numerically (the list arrives unsorted)."""
    ranked: list[tuple[float, str]] = []
    for n, skill in enumerate(fields.objects("WhatItTakes.Skills"), 1):
        path = f"WhatItTakes.Skills[{n}]"
        description = skill.get("Description")
        if description is not None and not isinstance(description, str):
            raise fields.skip(f"{path}.Description", f"should be text, not {type(description).__name__}")
        ranked.append((_rank(skill.get("ONetRank")), plain(description)))
    ranked.sort(key=lambda pair: -pair[0])  # stable: equal ranks keep the service's order
    best: dict[str, str] = {}
    for _rank_value, text in ranked:
        if text and text.casefold() not in best:
            best[text.casefold()] = clip(text, MAX_SHORT_TEXT)
        if len(best) == TOP_SKILLS:
            break
    return list(best.values())


def _rank(value: object) -> float:
    """ONetRank as a number ("4.8" is a decimal string); an unreadable rank ranks last rather than failing."""
    try:
        rank = float(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else -math.inf
    except ValueError:
        return -math.inf
    return rank if math.isfinite(rank) else -math.inf

"""An occupation row made from LMI for All's own description of a SOC group, for groups no other pack names."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from kiosk.content.schema import CONTROL, MAX_LONG_TEXT, MAX_SHORT_TEXT
from kiosk.content.value_checks import is_blank
from kiosk.sources.lmiforall.figures import _get, _items
from kiosk.sources.soc_sectors import sector_for_soc
from kiosk.sources.text_fit import fit

# O*NET's six interest types (Holland's RIASEC), in the words the kiosk's "Things I like" pages use.
INTEREST_WORDS = {
    "realistic": "making things", "investigative": "science", "artistic": "creative arts",
    "social": "helping people", "enterprising": "talking to people", "conventional": "organising",
}
# On O*NET's 1-7 occupational interest scale, 4 and over is a clear leaning rather than a faint one.
STRONG_INTEREST = 4.0
# On the 1-5 importance scale, 3.5 and over marks the skills a job leans on.
IMPORTANT_SKILL = 3.5
MAX_SKILLS, MAX_INTERESTS, MAX_TASKS = 8, 3, 12


def own_occupation_id(soc: int) -> str:
    """The id of the occupation the LMI pack makes for a SOC group."""
    return f"soc-{soc:04d}"


def occupation_row(record: Mapping[str, Any]) -> dict[str, Any] | None:
    """The group's occupation as LMI for All describes it, or None if the service gave no title or description
    (or the code is in no SOC 2010 group the kiosk can place in a sector)."""
    soc = record["soc"]
    text = record.get("occupation")
    title, description = _clean(_get(text, "title")), _clean(_get(text, "description"))
    try:
        sector = sector_for_soc(soc)
    except ValueError:
        return None
    if not title or not description:
        return None
    return {
        "id": own_occupation_id(soc),
        "title": fit(title, MAX_SHORT_TEXT),
        "soc2010": f"{soc:04d}",
        "sector": sector,
        "alt_titles": [fit(t, MAX_SHORT_TEXT) for t in _alt_titles(_get(text, "add_titles"))][:20],
        "summary": fit(description, MAX_LONG_TEXT),
        "tasks": [fit(t, MAX_SHORT_TEXT) for t in _tasks(_get(text, "tasks"))][:MAX_TASKS],
        "entry_routes": [fit(q, MAX_LONG_TEXT) for q in [_clean(_get(text, "qualifications"))] if q],
        "skills": _top(record.get("skills"), "skills", "IM", IMPORTANT_SKILL, MAX_SKILLS),
        "interests": _interests(record.get("interests")),
    }


def _clean(value: Any) -> str:
    # Characters a pack refuses are dropped, not refused: one stray byte must not cost a group its occupation.
    # Whitespace first, so a line separator (which a pack refuses too) still spaces the words it stood between.
    if not isinstance(value, str):
        return ""
    text = CONTROL.sub("", re.sub(r"\s+", " ", value)).strip()
    return "" if is_blank(text) else text


def _alt_titles(value: Any) -> list[str]:
    items = value if isinstance(value, list) else []
    return list(dict.fromkeys(t for t in (_natural_order(_clean(i)) for i in items) if t))


def _natural_order(title: str) -> str:
    """ONS index titles are inverted for sorting ("Analyst, computer, forensic"): put them back in speaking order."""
    qualifier = ""
    if title.endswith(")") and "(" in title:
        title, qualifier = title[: title.rindex("(")].strip(), " " + title[title.rindex("("):]
    words = [part.strip() for part in title.split(",") if part.strip()]
    spoken = " ".join(reversed(words))
    return (spoken[:1].upper() + spoken[1:] + qualifier) if spoken else ""


def _tasks(value: Any) -> list[str]:
    """ONS writes tasks as one text, a task a line, each ending in ';' (or '.' for the last)."""
    if not isinstance(value, str):
        return []
    tasks = (_clean(line).rstrip(";.").strip() for line in re.split(r";\s*\n|\n", value))
    return [t[:1].upper() + t[1:] for t in tasks if t]


def _scale(body: Any, key: str, scale: str) -> list[Mapping[str, Any]]:
    for item in _items(body, "scales"):
        if isinstance(name := _get(item, "id"), str) and name.upper() == scale:  # str() of a deep tree would recurse
            return list(_items(item, key))
    return []


def _top(body: Any, key: str, scale: str, least: float, most: int) -> list[str]:
    rated = [(v, _clean(_get(i, "name"))) for i in _scale(body, key, scale)
             if isinstance(v := _get(i, "value"), (int, float)) and not isinstance(v, bool) and v >= least]
    rated.sort(key=lambda pair: -pair[0])
    # A name longer than a column holds is cut at a word, like every other text from the service.
    return [fit(name[:1].upper() + name[1:].lower(), MAX_SHORT_TEXT) for _, name in rated if name][:most]


def _interests(body: Any) -> list[str]:
    names = _top(body, "interests", "OI", STRONG_INTEREST, MAX_INTERESTS)
    return [INTEREST_WORDS[n.lower()] for n in names if n.lower() in INTEREST_WORDS]

"""The "About this pack" sheet: the school's pack id, title, publisher, version and notice, as the pack's identity."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kiosk.content.manifest import FORMAT_NAME, FORMAT_VERSION, VERSION
from kiosk.content.schema import RowError, long_text, short_text, slug
from kiosk.sources.school import cells
from kiosk.sources.school.layout import ABOUT, ABOUT_HEADINGS, ABOUT_KEYS, normalise_heading
from kiosk.sources.school.problems import Problems, at
from kiosk.sources.school.sheet_files import RawSheet

SOURCE_ID = "school"
LICENCE = "Provided by the school"


def about_values(raw: RawSheet | None, problems: Problems,
                 missing: str = ABOUT) -> dict[str, tuple[int | None, str | None]]:
    """Each setting's row number and value (as text); settings the sheet leaves out have no row."""
    found: dict[str, tuple[int | None, str | None]] = {k.name: (None, None) for k in ABOUT_KEYS}
    if raw is None:
        problems.add(missing, "is missing; it names your school as the publisher")
        return found
    names = {normalise_heading(k): key.name for key in ABOUT_KEYS for k in (key.label, key.name)}
    for number, values in raw.rows:
        label = cells.text(values[0] if values else None)
        value = values[1] if len(values) > 1 else None
        if label is None:
            if not cells.is_blank(value):
                problems.add(at(raw.label, number, ABOUT_HEADINGS[0]), "is empty, but the row has a value")
            continue
        if normalise_heading(label) == normalise_heading(ABOUT_HEADINGS[0]):
            continue  # the heading row
        name = names.get(normalise_heading(label))
        if name is None:
            problems.add(at(raw.label, number, ABOUT_HEADINGS[0]), f"{label!r} is not a setting; the settings are "
                         + ", ".join(k.label for k in ABOUT_KEYS))
            continue
        if found[name][0] is not None:
            problems.add(at(raw.label, number, ABOUT_HEADINGS[0]),
                         f"{label!r} is there twice (row {found[name][0]} too)")
            continue
        found[name] = (number, cells.text(value))
    return found


def pack_identity(raw: RawSheet | None, problems: Problems, now: dt.datetime, missing: str = ABOUT) -> dict[str, Any]:
    """The pack's identity from the About sheet (`missing` names it when absent): layer school, one source."""
    values = about_values(raw, problems, missing)
    label = raw.label if raw is not None else missing
    checked: dict[str, str] = {}

    def value(name: str, check: Any, default: str, what: str) -> None:
        row, given = values[name]
        try:
            checked[name] = check(given or default)
        except RowError as e:
            where = at(label, row, ABOUT_HEADINGS[1]) if row is not None else label
            problems.add(where, f"the {what} {e}")

    publisher_row, publisher = values["publisher"]
    if not publisher:
        where = at(label, publisher_row, ABOUT_HEADINGS[1]) if publisher_row is not None else label
        if raw is not None:
            problems.add(where, "the Publisher (your school's name) is empty; write it in")
    else:
        value("publisher", short_text, "", "publisher")
    value("pack_id", slug, "school", "pack id")
    value("title", short_text, f"Careers content from {publisher}" if publisher else "", "title")
    value("version", _version, f"{now:%Y}.{now.month}.{now.day}.{now.hour * 100 + now.minute}", "version")
    value("notice", long_text, "", "notice")
    utc = now.astimezone(dt.timezone.utc).replace(microsecond=0)
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "pack_id": checked.get("pack_id", "school"),
        "title": checked.get("title", ""),
        "publisher": checked.get("publisher", ""),
        "content_version": checked.get("version", "1"),
        "layer": "school",
        "sample": False,
        "notice": checked.get("notice", ""),
        "created": utc.isoformat(),
        "sources": [{"id": SOURCE_ID, "name": checked.get("publisher", ""), "licence": LICENCE,
                     "retrieved": now.date().isoformat(), "url": ""}],
    }


def _version(value: str) -> str:
    if not VERSION.match(value):
        raise RowError(f"must be dotted whole numbers like 2027.1, not {value!r}")
    return value

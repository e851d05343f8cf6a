"""What the NCS double serves besides a stored profile as it stands: later servers' variants, summary and search."""

from __future__ import annotations

import re
from typing import Any

from kiosk.sources.soc_sectors import SECTORS, sector_for_soc

DEFAULT_DATE = "0001-01-01T00:00:00"  # what the 2024 server is expected to send for the unmapped LastUpdatedDate
# A list's colon straight after a word; "https://" is left alone (the next character is "/").
_GLUED_COLON = re.compile(r"(?<=[^\W\d_]):(?=[^\s/])")
_WRAPPED = ("Overview", "DigitalSkillsLevel")  # §3.3: a DfE mock wraps these (and tasks, environment) in <p>


def with_variants(profile: dict[str, Any], *, soc2020: str | None, spaced_lists: bool, paragraphs: bool,
                  default_dates: bool) -> dict[str, Any]:
    """A copy of a profile as a later server might send it (ncs-job-profiles-api.md §7, "Variants")."""
    body = _respaced(profile) if spaced_lists else profile
    if soc2020 is not None:
        body = _with_soc2020(body, soc2020)
    if paragraphs:
        body = dict(body)
        for key in _WRAPPED:
            body[key] = _p(body.get(key))
        does = dict(body.get("WhatYouWillDo") or {})
        does["WYDDayToDayTasks"] = [_p(task) for task in does.get("WYDDayToDayTasks") or []]
        does["WorkingEnvironment"] = {k: _p(v) for k, v in (does.get("WorkingEnvironment") or {}).items()}
        body["WhatYouWillDo"] = does
    if default_dates:
        body = dict(body, LastUpdatedDate=DEFAULT_DATE)
    return body


def search_result(profile: dict[str, Any], url: str) -> dict[str, Any]:
    """One search hit for a profile, in the server's SearchService shape."""
    starter, experienced = (_pounds(profile.get(key)) for key in ("SalaryStarter", "SalaryExperienced"))
    salary = f"£{starter:,} to £{experienced:,}" if starter and experienced else ""
    alt = ", ".join(part.strip() for part in str(profile.get("AlternativeTitle") or "").split(",") if part.strip())
    try:
        sector = next(s for s in SECTORS if s.id == sector_for_soc(str(profile.get("Soc"))))
        categories = [{"Title": sector.name, "Name": sector.id}]
    except (ValueError, StopIteration):
        categories = []
    return {"ResultItemTitle": profile.get("Title"), "ResultItemAlternativeTitle": alt,
            "ResultItemOverview": profile.get("Overview"), "ResultItemSalaryRange": salary,
            "ResultItemUrlName": url, "JobProfileCategories": categories}


def matches(profile: dict[str, Any], term: str) -> bool:
    """Whether a search term appears, ignoring case, in the title or an alternative title."""
    wanted = term.casefold().strip()
    return bool(wanted) and (wanted in str(profile.get("Title") or "").casefold()
                             or wanted in str(profile.get("AlternativeTitle") or "").casefold())


def _with_soc2020(profile: dict[str, Any], soc2020: str) -> dict[str, Any]:
    """Soc2020 and Soc2020Extension placed straight after Soc, where the 2023 model puts them."""
    body: dict[str, Any] = {}
    for key, value in profile.items():
        body[key] = value
        if key == "Soc":
            body["Soc2020"] = soc2020
            body["Soc2020Extension"] = f"{soc2020}/01"  # the real format is unconfirmed; any text will do
    return body


def _respaced(value: Any, key: str = "") -> Any:
    """Every flattened list written "through: a" (later converters) instead of "through:a" (2020)."""
    if isinstance(value, dict):
        return {k: _respaced(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_respaced(item, key) for item in value]
    if isinstance(value, str) and key != "Url":
        return _GLUED_COLON.sub(": ", value)
    return value


def _p(value: Any) -> Any:
    return f"<p>{value}</p>" if isinstance(value, str) and value else value


def _pounds(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0

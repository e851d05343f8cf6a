"""`kiosk library review` in words: the project's entry, ONS's description, the figures and the findings."""

from __future__ import annotations

from typing import Any

from kiosk.access.easy_read_checks import Entry

ENTRY_FIELDS = (("title", "Title"), ("alt_titles", "Other titles"), ("summary", "Summary"),
                ("easy_read", "Easy read"), ("tasks", "Tasks"), ("entry_routes", "Ways in"), ("routes", "Routes"),
                ("skills", "Skills"), ("interests", "Things I like"), ("subjects", "Subjects"), ("sector", "Sector"))


def review_text(soc: str, entries: list[Entry], unit: Any, figures: dict[str, Any], found: list[str],
                notes: list[str]) -> str:
    """Four headed parts, one after the other, so an adviser reads the entry against its sources in one look."""
    lines: list[str] = []
    if not entries:
        lines += [f"== The project's entry for {soc} ==", "  (none yet)"]
    for entry in entries:
        lines.append(f"== The project's entry for {soc}: {entry.file} ==")
        for field, label in ENTRY_FIELDS:
            lines += _field(label, entry.fields.get(field))
    lines.append(f"== ONS SOC 2020 Volume 1, unit group {soc} ==")
    if unit is None:
        lines.append("  (Volume 1 is not at hand: give --volume1 FILE)")
    else:
        lines += _field("Title", unit.title) + _field("Description", unit.description)
        lines += _field("Entry routes", unit.entry_routes) + _field("Tasks", list(unit.tasks))
        lines += _field("Related job titles", list(unit.related_titles))
    lines.append(f"== Figures in this kiosk's database for {soc} ==")
    lines += _figures(figures)
    lines.append("== Checks ==")
    lines += [f"  {line}" for line in found] or (["  no findings"] if entries else ["  nothing to check"])
    lines += [f"  note: {note}" for note in notes]
    return "\n".join(lines)


def _field(label: str, value: Any) -> list[str]:
    if isinstance(value, list):
        return [f"  {label}:"] + [f"    - {item}" for item in value] if value else [f"  {label}: (none)"]
    return [f"  {label}: {value if value not in (None, '') else '(none)'}"]


def _figures(figures: dict[str, Any]) -> list[str]:
    lines = [f"  ONS title: {figures.get('unit_title') or '(not in the database)'}"]
    if "pay_year" in figures:
        lines.append(f"  Pay, UK {figures['pay_year']}: {_money(figures['weekly_pay'])} a week, "
                     f"{_money(figures['annual_pay'])} a year, {_number(figures['weekly_hours'])} hours a week "
                     f"({figures['pay_source']})")
    else:
        lines.append("  Pay and hours: none installed")
    if "employment_year" in figures:
        at_least = "at least " if figures["people_lower_bound"] else ""
        lines.append(f"  People employed, UK {figures['employment_year']}: {at_least}"
                     f"{_number(figures['people'])} ({figures['employment_source']})")
    else:
        lines.append("  People employed: none installed")
    return lines


def _money(value: float | None) -> str:
    return "not published" if value is None else f"£{value:,.0f}"


def _number(value: float | None) -> str:
    return "not published" if value is None else f"{value:,.0f}"

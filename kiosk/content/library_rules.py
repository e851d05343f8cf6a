"""The job library's rules for its entries: each complete, for a real SOC 2020 unit group, in the kiosk's words.

A pack source declares them with `rules = "job-library"` in its pack.toml (the built-in library, ADR 0011). They
are checked as the pack is built, so an entry that breaks one is refused with its file and field named.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.content.errors import PackRejected
from kiosk.content.json_lines import decode_line, split_lines

RULES = "job-library"
LIBRARY_PACK = "library"  # the built-in job library's pack id (assets/library)
# Every field an entry must fill (issue 12): words for pupils, and its links to routes, interests and a sector.
REQUIRED = ("id", "title", "soc2020", "sector", "alt_titles", "summary", "easy_read", "tasks", "entry_routes",
            "routes", "skills", "interests", "subjects")
TASKS = (4, 6)
# The "Things I like" names pupils choose from: an entry liking anything else would make a new, lonely choice.
INTERESTS = frozenset({
    "helping people", "talking to people", "organising", "making things", "science", "fixing things", "driving",
    "computers", "working outdoors", "numbers", "creative arts", "sport", "cooking", "animals",
})
# SOC 2020's unit groups, as the kiosk's built-in official figures list them (assets/official, beside the library).
UNIT_GROUPS_FILE = Path("official") / "tables" / "soc_groups.jsonl"


def unit_groups(library_folder: Path) -> frozenset[str]:
    """The SOC 2020 unit group codes the official figures beside the library name; refused when unreadable."""
    path = library_folder.resolve().parent / UNIT_GROUPS_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise PackRejected(f"pack.toml: rules {RULES!r} need SOC 2020's unit groups from {path}, which cannot be "
                           f"read ({e.strerror or e})") from None
    codes = set()
    for n, line in split_lines(text):
        try:
            row = decode_line(line)
        except ValueError as e:
            raise PackRejected(f"{path}: line {n} is not valid JSON: {e}") from None
        if isinstance(row, dict) and row.get("level") == "unit":
            codes.add(str(row.get("code")))
    return frozenset(codes)


def check_entry(data: dict[str, Any], where: str, groups: frozenset[str]) -> None:
    """Refuse an entry that leaves a field empty, names no real unit group, or likes an unknown thing."""
    for field in REQUIRED:
        value = data.get(field)
        if value is None or value == "" or value == []:
            raise PackRejected(f"{where}, {field}: is missing (every job library entry fills it)")
    code = str(data["soc2020"])
    if code not in groups:
        raise PackRejected(f"{where}, soc2020: {code!r} is not a SOC 2020 unit group")
    # The id is the file's name, which starts with the code: it can never be another entry's, nor a synced job's
    # or a school's (everyday slugs such as "architect" would otherwise replace the group's page).
    stem = Path(where).stem
    if data["id"] != stem or not stem.startswith(f"{code}-"):
        raise PackRejected(f"{where}, id: {data['id']!r} must be the file's name, {code}- and an everyday slug "
                           f"(here {stem!r})")
    tasks = data["tasks"]
    low, high = TASKS
    if isinstance(tasks, list) and not low <= len(tasks) <= high:
        raise PackRejected(f"{where}, tasks: has {len(tasks)}; an entry lists {low} to {high}")
    interests = data["interests"] if isinstance(data["interests"], list) else [data["interests"]]
    unknown = [i for i in interests if i not in INTERESTS]
    if unknown:
        raise PackRejected(f"{where}, interests: {unknown[0]!r} is not one of the kiosk's \"Things I like\" "
                           f"({', '.join(sorted(INTERESTS))})")

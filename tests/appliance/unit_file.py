"""A systemd unit file read as systemd reads it: a key may repeat (configparser keeps only the last After=)."""

from __future__ import annotations


def parse_unit(text: str) -> dict[str, dict[str, list[str]]]:
    """Section -> key -> every value given, in order; comments and blank lines skipped."""
    sections: dict[str, dict[str, list[str]]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            continue
        assert current is not None, f"a setting before any section: {line!r}"
        key, _, value = line.partition("=")
        current.setdefault(key.strip(), []).append(value.strip())
    return sections

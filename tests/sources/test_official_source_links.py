"""`kiosk official regenerate --out DIR` makes its folders new beside DIR, never through a link planted there."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiosk.content.pack_source import read_source
from kiosk.sources.official.official_source import write_official_source
from tests.helpers.trees import tree_state
from tests.sources.test_official_rows import releases


def test_links_at_the_folders_made_beside_the_output_are_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "notes.txt").write_text("someone else's folder\n")
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / ".official.new").symlink_to(elsewhere)  # the staging folder's name
    (stick / ".official.old").symlink_to(elsewhere)  # where the previous output is moved aside
    before = tree_state(tmp_path, leave_out=(stick,))

    counts, _ = write_official_source(releases(), stick / "official", retrieved=dt.date(2026, 12, 6))

    assert tree_state(tmp_path, leave_out=(stick,)) == before
    assert counts["occupations"] == 2 and read_source(stick / "official")
    assert sorted(p.name for p in stick.iterdir()) == ["official"]

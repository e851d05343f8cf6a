"""The one rule for ids that become names in the data directory: every pack id passes, nothing path-like does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.content.path_ids import MAX_PATH_ID, UnsafeId, check_path_id
from kiosk.content.value_checks import SLUG


@given(pack_id=st.from_regex(SLUG, fullmatch=True))
def test_every_valid_pack_id_is_a_valid_path_id(pack_id: str) -> None:
    assert check_path_id(pack_id, "pack id") == pack_id


@given(value=st.text() | st.from_regex(r"[a-z0-9_./\\-]{0,90}", fullmatch=True))
def test_an_accepted_id_is_one_plain_name_inside_its_folder(value: str) -> None:
    root = Path("/data/symbols")
    try:
        checked = check_path_id(value, "symbol set id")
    except UnsafeId as e:
        assert "cannot be a symbol set id" in str(e)
        return
    joined = root / checked
    assert joined.parent == root and os.path.normpath(joined) == str(joined)
    assert checked not in (".", "..") and 0 < len(checked) <= MAX_PATH_ID and checked == checked.lower()


@pytest.mark.parametrize("value", ["", ".", "..", "../x", "/etc", "a/b", "a\\b", "a\x00", "x" * (MAX_PATH_ID + 1),
                                   "-x", "_x", "A", None, 7, ["x"]])
def test_unsafe_ids_are_refused_in_words(value: object) -> None:
    with pytest.raises(UnsafeId, match="cannot be a pack id: use up to 80 lower-case letters"):
        check_path_id(value, "pack id")

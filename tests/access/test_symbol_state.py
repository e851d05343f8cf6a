"""A damaged symbol set order or set.json never stops the symbols loading: the default order, the set left out, and
each named (issue 11, beyond the list: state files)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.access.symbol_sets import installed_sets

GOOD = {"format": 1, "id": "good", "kind": "folder", "name": "Good", "licence": "CC0", "attribution": "Us",
        "symbols": {"nurse": [{"file": "nurse.svg", "words": ["nurse"]}]}}


def add_set(data_dir: Path, folder: str, manifest: object) -> Path:
    path = data_dir / "symbols" / folder / "set.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(manifest))
    return path


@pytest.mark.parametrize("order", [b"5", b'{"good": 1}', b"[1, 2]", b"\xff\xfe", b""])
def test_a_damaged_order_means_the_default_order(tmp_path: Path, order: bytes) -> None:
    add_set(tmp_path, "good", GOOD)
    (tmp_path / "symbols" / "order.json").write_bytes(order)
    assert [s.id for s in installed_sets(tmp_path)] == ["good"]
    from kiosk.access.symbol_sets import read_sets  # (after: so the test runs on older code)

    assert any("order.json" in p and "default order" in p for p in read_sets(tmp_path)[1])


@pytest.mark.parametrize("damage", [
    {**GOOD, "kind": "clipart"},  # a kind the kiosk does not know
    {**GOOD, "symbols": ["nurse"]},  # the symbols as a list
    {**GOOD, "symbols": {"nurse": [{"file": 5}]}},  # a file that is not a name
    {**GOOD, "symbols": {"nurse": ["nurse.svg"]}},
    ["a", "list"],
])
def test_a_damaged_set_is_left_out_and_the_others_load(tmp_path: Path, damage: object) -> None:
    add_set(tmp_path, "good", GOOD)
    bad = add_set(tmp_path, "bad", damage)
    assert [s.id for s in installed_sets(tmp_path)] == ["good"]
    from kiosk.access.symbol_sets import read_sets

    assert [p for p in read_sets(tmp_path)[1] if str(bad) in p]


def test_an_older_copy_being_replaced_or_an_empty_folder_is_no_problem(tmp_path: Path) -> None:
    add_set(tmp_path, "good", GOOD)
    add_set(tmp_path, "good.old", GOOD)
    (tmp_path / "symbols" / "empty").mkdir()
    from kiosk.access.symbol_sets import read_sets

    assert read_sets(tmp_path)[1] == []

"""Property: whatever packs/installed.json holds (random bytes, random JSON, the real shape with random values), the
content still starts, and every valid pack file is kept byte for byte (issue 11, defect 5)."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.pack_store import PackStore
from tests.helpers.packs import make_pack

FIELDS = ["pack_id", "content_version", "sha256", "current", "previous", "previous_version", "installed", "owner"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30))
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)), max_leaves=20)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """A data directory with two packs installed, and its index as the kiosk wrote it."""
    root = tmp_path_factory.mktemp("index-fuzz")
    store = PackStore(root / "data")
    make_pack(root / "national.zip")
    store.install(root / "national.zip")
    make_pack(root / "school.zip", {"sectors": [{"id": "health", "name": "Health and care"}]}, pack_id="school",
              layer="school")
    store.install(root / "school.zip")
    return root / "data", json.loads(store.index_path.read_text())


def near_real_index(real: dict) -> st.SearchStrategy[bytes]:
    """The real index with entries dropped, swapped between packs, or given random values."""
    names = [e[f] for e in real["packs"].values() for f in ("current", "previous") if e[f]]
    value = st.one_of(json_values, st.sampled_from(names + list(real["packs"]) + ["1.0", "99.0", "../kiosk.db"]))
    entry = st.fixed_dictionaries({}, optional={f: value for f in FIELDS})
    real_entries = st.sampled_from(list(real["packs"].values()))
    mixed = st.builds(lambda a, b: {**a, **b}, real_entries, entry)
    packs = st.dictionaries(st.sampled_from(["national", "school", "sample", "x"]), st.one_of(mixed, entry, value),
                            max_size=3)
    return st.builds(lambda p, fmt: json.dumps({"format": fmt, "packs": p}).encode(), packs, value)


def hashes(data_dir: Path) -> dict[str, str]:
    return {p.relative_to(data_dir).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in (data_dir / "packs").glob("*/*.zip")}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_index_content_never_stops_the_start_or_loses_a_pack(template, data) -> None:
    source, real = template
    raw = data.draw(st.one_of(
        st.binary(max_size=200),
        json_values.map(lambda v: json.dumps(v).encode()),
        near_real_index(real),
    ))
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        shutil.copytree(source, data_dir)
        before = hashes(data_dir)
        (data_dir / "packs" / "installed.json").write_bytes(raw)
        store = PackStore(data_dir)
        store.start(None)
        after = hashes(data_dir)
        assert {name: after.get(name) for name in before} == before, raw
        assert sorted(store.entries()) == ["national", "school"], raw
        assert store.database_fault() is None, raw

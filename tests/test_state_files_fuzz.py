"""Property: whatever the data directory's state files hold together (random bytes, JSON, TOML, folders, links to
nothing), the kiosk starts, `kiosk doctor` answers, and doctor names each file damaged beyond doubt (issue 11)."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.state_files import (
    GARBAGE, GOOD, HARMLESS, doctor_report, make_good_data_dir, plant, quiet_doctor, start_up,
)

# Files other engineers harden (their own tests say what doctor reports); here only: nothing they hold stops a start.
# (packs/installed.json has its own property test, tests/content/test_index_fuzz.py: damaged, it rebuilds the
# database, which takes seconds with the official figures.)
OTHERS = ["settings.toml", "staff-pin.json"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)), max_leaves=12)
toml_scalars = st.one_of(st.booleans(), st.integers(-10**6, 10**6), st.text(max_size=20).map(json.dumps))
toml_text = st.dictionaries(st.sampled_from(["idle_timeout_s", "region", "scan_mode", "printer", "x"]), toml_scalars,
                            max_size=4).map(lambda d: "".join(f"{k} = {v}\n" for k, v in d.items()).encode())
anything = st.one_of(st.binary(max_size=300), json_values.map(lambda v: json.dumps(v).encode()), toml_text,
                     st.just(None), st.just("link"))


def contents(name: str) -> st.SearchStrategy[tuple[str, bytes | str | None]]:
    """("absent" | "good" | "damaged" | "any", what to plant): damage is certain only for the "damaged" draws."""
    damage = [GARBAGE[k] for k in GARBAGE if k not in HARMLESS.get(name, ()) and k != "huge"]  # huge: its own test
    return st.one_of(st.just(("absent", b"")), st.just(("good", GOOD[name])),
                     st.sampled_from(damage).map(lambda g: ("damaged", g)), anything.map(lambda g: ("any", g)))


@pytest.fixture(scope="module")
def good_dir(sample_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_good_data_dir(sample_data_dir, tmp_path_factory.mktemp("state-fuzz") / "data")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_mix_of_state_files_stops_the_kiosk_or_doctor(good_dir: Path, monkeypatch: pytest.MonkeyPatch, data) -> None:
    quiet_doctor(monkeypatch)
    planned = {name: data.draw(contents(name), label=name) for name in GOOD if name != "trusted-keys/school.pub"}
    planned["trusted-keys/school.pub"] = data.draw(st.one_of(st.just(("absent", b"")), st.sampled_from(
        [("damaged", g) for k, g in GARBAGE.items() if k != "huge"])), label="trusted key")
    others = {name: data.draw(anything, label=name) for name in OTHERS}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        shutil.copytree(good_dir, root, symlinks=True)
        damaged = []
        for name, (what, content) in planned.items():
            if what == "absent":
                plant(root, name, b"")
                (root / name).unlink()
            else:
                path = plant(root, name, content)
                damaged += [path] if what == "damaged" else []
        for name, content in others.items():
            plant(root, name, content)
        report = doctor_report(root)
        for path in damaged:
            assert [c for c in report if c.status != "ok" and str(path) in c.detail], (path, report)
        start_up(root)
        doctor_report(root)

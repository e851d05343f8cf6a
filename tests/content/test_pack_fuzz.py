"""Whatever bytes arrive, reading a pack either succeeds or raises PackRejected: never anything else."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.errors import PackRejected
from kiosk.content.manifest import parse_manifest
from kiosk.content.pack_file import read_pack

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)
MANIFEST_KEYS = ["format", "format_version", "pack_id", "title", "publisher", "content_version", "layer",
                 "created", "sample", "notice", "sources", "members", "counts"]


@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.zip"
    path.write_bytes(data)
    try:
        read_pack(path)
    except PackRejected:
        pass


@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(manifest=st.fixed_dictionaries({}, optional={k: json_values for k in MANIFEST_KEYS}),
       rows=st.lists(json_values, max_size=5))
def test_zips_with_arbitrary_manifests_and_rows(tmp_path: Path, manifest: dict, rows: list) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        zf.writestr("tables/pay.jsonl", "\n".join(json.dumps(r) for r in rows))
    path = tmp_path / "fuzz.zip"
    path.write_bytes(buf.getvalue())
    try:
        read_pack(path)
    except PackRejected:
        pass


def test_deeply_nested_json_is_refused_not_crashed(tmp_path: Path) -> None:
    path = tmp_path / "deep.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("manifest.json", "[" * 100_000 + "]" * 100_000)
    try:
        read_pack(path)
    except PackRejected as e:
        assert "manifest.json" in str(e)
    else:
        raise AssertionError("a 100,000-deep manifest was accepted")


@given(json_values)
def test_parse_manifest_raises_only_its_own_error(value) -> None:
    try:
        parse_manifest(value)
    except PackRejected:
        pass

"""Whatever a .zip on a stick holds, examining it never raises, and anything that is not a valid pack is a problem."""

from __future__ import annotations

import functools
import hashlib
import io
import json
import tempfile
import warnings
import zipfile
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kiosk.content.pack_file import MANIFEST, member_name
from kiosk.content.schema import TABLES
from kiosk.content.usb_packs import FoundPack, examine
from tests.helpers.packs import make_pack

TABLE_MEMBERS = frozenset(member_name(t) for t in TABLES)
# Names a hostile or careless zip may hold: absolute, climbing out, Windows-shaped, empty parts, long, unicode.
odd_names = st.sampled_from([
    "/etc/passwd", "../../evil.jsonl", "tables/../../x", "a/../../b", "C:\\tables\\pay.jsonl", "C:/x", "\\\\server\\x",
    "./manifest.json", "tables//pay.jsonl", "tables/pay.jsonl/", "tables/", ".", "..", "tables/Pay.JSONL",
    "tables/ṕay.jsonl", "täbles/pay.jsonl", "manifest.json ", "x" * 300, "d/" * 500 + "x", "ü" * 2000,
    "tables/pay.jsonl\u200b", "tables/\u202epay.jsonl",
]) | st.text(min_size=1, max_size=40).filter(lambda n: not n.startswith("\x00"))  # zipfile cuts a name at NUL
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=15,
)


@functools.cache
def good_pack() -> dict[str, bytes]:
    """The members of a small valid pack, by name."""
    with tempfile.TemporaryDirectory() as tmp:
        make_pack(Path(tmp) / "national.zip")
        with zipfile.ZipFile(Path(tmp) / "national.zip") as zf:
            return {name: zf.read(name) for name in zf.namelist()}


def zip_bytes(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of a name given twice; a hostile zip may do just that
        with zipfile.ZipFile(buf, "w") as zf:
            for name, data in members:
                zf.writestr(name, data)
    return buf.getvalue()


def examined(data: bytes) -> FoundPack:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "found.zip"
        path.write_bytes(data)
        return examine(path)


def assert_refused(found: FoundPack) -> None:
    assert not found.ok and isinstance(found.problem, str) and found.problem
    assert (found.pack_id, found.content_version, found.publisher, found.signer) == (None, None, None, None)


def test_the_good_pack_the_cases_start_from_is_found_ok() -> None:
    found = examined(zip_bytes(list(good_pack().items())))
    assert found.ok and found.pack_id == "national"


@settings(deadline=None, max_examples=100)
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_are_a_problem_never_an_exception(data: bytes) -> None:
    assert_refused(examined(data))


@settings(deadline=None, max_examples=100)
@given(members=st.lists(st.tuples(odd_names | st.sampled_from([MANIFEST, "tables/pay.jsonl"]),
                                  st.binary(max_size=50) | st.just(b"{}")), min_size=1, max_size=5))
def test_zips_of_arbitrary_member_names_are_a_problem(members: list[tuple[str, bytes]]) -> None:
    assert_refused(examined(zip_bytes(members)))


@settings(deadline=None, max_examples=100)
@given(name=odd_names, listed=st.booleans())
def test_a_good_pack_with_an_odd_member_is_a_problem(name: str, listed: bool) -> None:
    """An odd name added to a good pack, unlisted or listed in the manifest with its true size and checksum."""
    assume(name not in TABLE_MEMBERS)  # a real table's name would make another valid pack
    members = dict(good_pack())
    data = b'{"occupation": "nurse"}\n'
    if listed:
        manifest = json.loads(members[MANIFEST])
        manifest["members"][name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        members[MANIFEST] = json.dumps(manifest).encode()
    found = examined(zip_bytes([*members.items(), (name, data)]))
    assert_refused(found)


@settings(deadline=None, max_examples=100)
@given(name=odd_names)
def test_a_good_pack_with_a_table_renamed_oddly_is_a_problem(name: str) -> None:
    """The pay table under an odd name, the manifest agreeing: the name alone must refuse it."""
    assume(name not in TABLE_MEMBERS)
    members = dict(good_pack())
    manifest = json.loads(members[MANIFEST])
    manifest["members"][name] = manifest["members"].pop("tables/pay.jsonl")
    members[MANIFEST] = json.dumps(manifest).encode()
    members[name] = members.pop("tables/pay.jsonl")
    assert_refused(examined(zip_bytes(list(members.items()))))


@settings(deadline=None, max_examples=100)
@given(changes=st.dictionaries(st.sampled_from(["format", "format_version", "pack_id", "title", "publisher",
                                                "content_version", "layer", "created", "sample", "notice", "sources",
                                                "members", "counts"]), json_values, min_size=1, max_size=4))
def test_a_good_pack_with_its_manifest_values_scrambled_never_raises(changes: dict[str, object]) -> None:
    members = dict(good_pack())
    manifest = {**json.loads(members[MANIFEST]), **changes}
    members[MANIFEST] = json.dumps(manifest).encode()
    found = examined(zip_bytes(list(members.items())))
    if found.ok:  # a change the reader can accept (a new title, say) still gives a whole pack
        assert found.pack_id == manifest["pack_id"] and found.problem is None
    else:
        assert_refused(found)


def test_a_100000_deep_manifest_is_a_problem_not_a_crash() -> None:
    members = dict(good_pack())
    members[MANIFEST] = b"[" * 100_000 + b"]" * 100_000
    found = examined(zip_bytes(list(members.items())))
    assert_refused(found)
    assert "manifest.json" in found.problem

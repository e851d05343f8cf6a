"""Whatever an NCS profile holds, it becomes a row the pack accepts or is skipped by name; its text comes out plain."""

from __future__ import annotations

import copy
import re
import unicodedata
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

from kiosk.content.schema import TABLES, check_row
from kiosk.sources.ncs.plain_text import LINK, plain, split_list
from kiosk.sources.ncs.profile_rows import ProfileSkipped, occupation_row
from tests.doubles.ncs_double_jobs import JOBS
from tests.doubles.ncs_double_profiles import generate_profile, job_name
from tests.sources.deep_json import deepest_json

# A tag as an HTML parser would take it: "<b>", "</p>", "<!-- -->", "<![CDATA[ ]]>", "<?xml ?>".
TAG = re.compile(r"<[A-Za-z/!?][^<>]*>")
# Pieces NCS text is made of, and pieces of markup that could be mangled into it.
PIECES = [
    "[funding advice | https://www.gov.uk/x]", "[search for courses | /find-a-course]", "[", "]", " | ", "|",
    "https://a.b/c", "/find-a-course", "<p>", "</p>", "<b>", "</b>", "<br/>", "<a href='x'>", "</a>",
    "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<?x ", ">", "<", "&", "&amp;",
    "&lt;", "&gt;", "&#91;", "&#93;", "&#124;", "&#x1b;", "&#0;", "&#128;", "&nbsp;", "&foo;", "AT&T", "\x00",
    "\x1b", "\x7f", "\x85", "\t", "\r\n", "\u200b", "\u00a0", "\ufeff", "e\u0301", ":", ";", "9:30",
    "In this role you could be", "Your day-to-day tasks may include:", "You could also be", "measuring",
    "You can get into this job through:", "a college course", " ", "word",
]
markup = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=12).map("".join)
texts = markup | st.text(max_size=30)


def assert_plain(text: str, source: str) -> None:
    """No link markup, no tag, no control character."""
    assert isinstance(text, str)
    assert not LINK.search(text), f"link markup left in {text!r} (from {source!r})"
    assert not TAG.search(text), f"a tag left in {text!r} (from {source!r})"
    assert not [ch for ch in text if unicodedata.category(ch) == "Cc"], f"control characters in {text!r}"


@settings(deadline=None, max_examples=300)
@given(text=texts)
def test_plain_and_split_list_leave_only_plain_text(text: str) -> None:
    assert_plain(plain(text), text)
    intro, items = split_list(text)
    assert_plain(intro, text)
    for item in items:
        assert item and item == item.strip()
        assert_plain(item, text)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
# Values of the real kinds that are wrong in their own way: SOC codes, ranks, long or marked-up text.
plausible = st.sampled_from([
    "2231", " 2231 ", 2231, 1000, "12345", "22.31", "", "4.8", "1e400", "nan", "-inf", True, None, [], {},
    "word " * 1200, "x" * 6000, ["[a | b]"], [None, "x"], [{"Description": "x", "ONetRank": "5"}],
])
replacements = markup | json_values | plausible


def paths(node: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a profile a value sits: keys of objects and indexes of lists, outermost first."""
    found = [at]
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, at + (key,))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            found += paths(value, at + (n,))
    return found


@st.composite
def profiles(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A profile in the recorded shape (every real key), with a few values replaced, removed or nulled."""
    job = draw(st.sampled_from(JOBS))
    # A deep copy: the generated profile shares lists with the double's tables, which must stay as they are.
    profile: Any = copy.deepcopy(generate_profile(job, seed=draw(st.integers(0, 3))))
    for _ in range(draw(st.integers(0, 4))):
        path = draw(st.sampled_from(paths(profile)))
        value = copy.deepcopy(draw(replacements))  # never one object in two places, which could make a loop
        if not path:
            profile = value  # the whole body is something else
            continue
        parent = profile
        for step in path[:-1]:
            parent = parent[step]
        if isinstance(parent, dict) and draw(st.booleans()):
            del parent[path[-1]]
        else:
            parent[path[-1]] = value
    name = draw(st.just(job_name(job)) | st.text(max_size=20) | st.sampled_from(["", "---", "café-owner", "a" * 99]))
    return profile, name


@settings(deadline=None, max_examples=200)
@given(case=profiles())
def test_occupation_row_is_a_row_the_pack_accepts_or_skipped_by_name(case: tuple[dict[str, Any], str]) -> None:
    profile, name = case
    try:
        row = occupation_row(profile, name)
    except ProfileSkipped as e:
        assert repr(name) in str(e)
        event("skipped")
        return
    event("row made")
    check_row(TABLES["occupations"], row)
    for value in row.values():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str):
                assert not LINK.search(text), f"link markup left in {text!r}"


def test_the_generated_profiles_themselves_make_rows() -> None:
    """The base the fuzzing bends is good: unbent, every generated profile makes a row."""
    for job in JOBS:
        check_row(TABLES["occupations"], occupation_row(generate_profile(job, seed=0), job_name(job)))


def test_the_deepest_nesting_json_gives_is_skipped_by_name_not_crashed() -> None:
    deep = deepest_json()
    base = generate_profile(JOBS[0], seed=1)
    for path in paths(base):
        if not path:
            continue
        profile = copy.deepcopy(base)
        parent = profile
        for step in path[:-1]:
            parent = parent[step]
        parent[path[-1]] = deep
        try:
            check_row(TABLES["occupations"], occupation_row(profile, "accountant"))
        except ProfileSkipped as e:
            assert "'accountant'" in str(e)

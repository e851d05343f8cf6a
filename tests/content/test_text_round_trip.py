"""Any text in any content field: written into a pack and read back unchanged, or refused by name, never "not JSON".

The kiosk's writer and reader share one definition of a JSON line (kiosk.content.json_lines); characters that
str.splitlines takes for line ends (U+2028, U+2029, U+0085, \\r, \\v, \\f, \\x1c-\\x1e) once made a pack the kiosk
had written unreadable to its own reader.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kiosk.content.errors import PackRejected
from kiosk.content.json_lines import decode_line, encode_line, split_lines
from kiosk.content.pack_file import read_pack, write_pack
from kiosk.content.schema import TABLES, RowError, check_row
from tests.content.test_pack_file import _pack_with_row
from tests.helpers.packs import identity, make_pack, national_tables

# Every character str.splitlines splits on, the zero-width, bidirectional and C1 characters, a lone surrogate.
TRICKY = ("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029\u200b\u200c\u200d\u2060\ufeff\u202a\u202b\u202c\u202d\u202e"
          "\u2066\u2067\u2068\u2069\x80\x9f\x00\x07\x7f\ud800\udfff\t \u00a0\u3000é日😀")
# All of Unicode (surrogates included), with the tricky characters drawn often.
ANY_TEXT = st.text(st.characters(blacklist_categories=()) | st.sampled_from(TRICKY), max_size=40)
# (table, column, whether the column holds a list of texts)
TEXT_FIELDS = [("occupations", "title", False), ("occupations", "summary", False), ("occupations", "alt_titles", True),
               ("occupations", "tasks", True), ("sectors", "name", False), ("routes", "summary", False)]


@settings(deadline=None, max_examples=300)
@given(field=st.sampled_from(TEXT_FIELDS), row=st.integers(0, 1), text=ANY_TEXT)
@example(field=TEXT_FIELDS[0], row=0, text="Nurse\u2028night shifts")  # once "not valid JSON" from the kiosk's own pack
@example(field=TEXT_FIELDS[1], row=1, text="a\x85b")
@example(field=TEXT_FIELDS[0], row=0, text="\ud800")  # once a UnicodeEncodeError, not a refusal
@example(field=TEXT_FIELDS[0], row=0, text=" \u200b ")
def test_any_text_round_trips_through_a_pack_or_is_refused_by_table_row_and_field(
        field: tuple[str, str, bool], row: int, text: str) -> None:
    table, column, is_list = field
    tables = national_tables()
    rows = tables[table]
    row = min(row, len(rows) - 1)
    rows[row] = {**rows[row], column: [text] if is_list else text}
    try:
        expected = check_row(TABLES[table], rows[row])[column]
    except RowError as e:
        expected, refusal = None, str(e)
    else:
        refusal = None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "pack.zip"
        try:
            write_pack(identity(), tables, out)
        except PackRejected as e:
            message = str(e)
            assert refusal is not None, f"the checks accepted {text!r} but the pack was refused: {message}"
            assert message.startswith(f"{table} row {row + 1} (") and f"column {column!r}" in message
            assert "JSON" not in message
            assert not out.exists()
            return
        assert refusal is None, f"the checks refused {text!r} ({refusal}) but the pack was written"
        read_back = read_pack(out).tables[table][row][column]
    assert read_back == expected
    plain = text.strip()
    if plain == text and expected is not None and not is_list:
        assert read_back == text  # nothing to trim: the text itself comes back, character for character


@given(value=st.recursive(st.none() | st.booleans() | st.integers() | ANY_TEXT.filter(lambda t: not re.search(
    "[\ud800-\udfff]", t)), lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT.filter(
        lambda t: not re.search("[\ud800-\udfff]", t)), inner, max_size=3), max_leaves=8))
def test_one_encoded_value_is_one_line_to_every_reader(value: object) -> None:
    line = encode_line(value)
    assert line.endswith("\n") and len(line[:-1].splitlines()) == 1  # not even str.splitlines finds a second line
    assert [decode_line(text) for _, text in split_lines(line * 3)] == [value] * 3


def test_the_reader_splits_on_newline_only() -> None:
    raw = '{"a": "one\u2028two\x85three"}\r\n\n  \n{"a": 2}\n'
    assert [(n, decode_line(text)) for n, text in split_lines(raw)] == [
        (1, {"a": "one\u2028two\x85three"}), (4, {"a": 2})]


@pytest.mark.parametrize(("char", "kind"), [("\u2028", "a Unicode line or paragraph separator"),
                                            ("\u2029", "a Unicode line or paragraph separator"),
                                            ("\x85", "a control character"),
                                            ("\u202e", "a bidirectional override character")])
def test_another_tools_raw_separator_is_named_by_line_and_column_not_called_bad_json(
        tmp_path: Path, char: str, kind: str) -> None:
    make_pack(tmp_path / "base.zip")
    line = json.dumps({"id": "health-2", "name": f"Health{char}care"}, ensure_ascii=False).encode()
    with pytest.raises(PackRejected) as e:
        read_pack(_pack_with_row(tmp_path, "sectors", line))
    assert str(e.value).startswith(f"tables/sectors.jsonl line 3: column 'name' contains {kind}")

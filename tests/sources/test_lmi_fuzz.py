"""Whatever LMI for All answers, its figures become rows the pack accepts, and every value left out is named."""

from __future__ import annotations

from collections import Counter
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.content.schema import CONTROL, TABLES, check_row, row_key
from kiosk.content.value_checks import is_blank
from kiosk.sources.lmiforall.figures import figure_rows
from kiosk.sources.lmiforall.occupation_row import occupation_row
from kiosk.sources.lmiforall.pack import lmi_tables
from tests.doubles.lmi_double_data import REGIONS
from tests.sources.deep_json import deepest_json

FIGURE_TABLES = ("pay", "hours", "outlook", "replacement_demand", "skill_shortages")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=8,
)
# Plausible values, mixed with anything at all: the real shapes with wrong types, negatives and huge numbers.
years = st.integers(1960, 2070) | st.floats(1960, 2070, allow_nan=False) | st.from_regex(r"\A20[0-9]{2}\Z")
numbers = (st.integers(-10, 200_000) | st.floats(-1e3, 1e9, allow_nan=False) | st.integers(10**12, 10**30)
           | st.floats(allow_nan=False))
region_codes = st.integers(0, 13) | st.sampled_from(["1", "12", " 3 "])
# Names the service gives, blank ones, and ones no screen can show (too long, control characters).
long_texts = st.text(max_size=12).map(lambda t: (t + " ") * 20) | st.sampled_from(["x" * 250, "word " * 45])
region_names = st.sampled_from(REGIONS) | st.text(max_size=12) | st.sampled_from(["  ", "London\x00"]) | long_texts
texts = (st.text(max_size=40) | long_texts
         | st.sampled_from(["Nurses", "  ", "Line one;\nline two.", "bad\x00title", "tab\there", "\x7f\x1b"]))


def wild(plausible: st.SearchStrategy) -> st.SearchStrategy:
    """Mostly a plausible value of the right shape, sometimes any JSON value at all."""
    return st.one_of(plausible, plausible, plausible, json_values)


@st.composite
def shaped(draw: st.DrawFn, **fields: st.SearchStrategy) -> dict[str, Any]:
    """A JSON object with most of the real keys (one's casing sometimes changed) and sometimes an odd one."""
    out = {key: draw(wild(value)) for key, value in fields.items() if draw(st.integers(0, 4))}
    if out and not draw(st.integers(0, 3)):
        key = draw(st.sampled_from(sorted(out)))
        out[draw(st.sampled_from([key.upper(), key.lower(), key.title()]))] = out.pop(key)
    if not draw(st.integers(0, 3)):
        out[draw(st.text(max_size=6))] = draw(json_values)
    return out


def listing(item: st.SearchStrategy) -> st.SearchStrategy:
    return st.lists(item, max_size=4)


def socs_near(soc: int) -> st.SearchStrategy:
    """The group a body says it is for: this one, a coarse 2-digit group, or another."""
    return st.sampled_from([soc, soc // 100, str(soc), 1115])


def ashe(soc: int, column: str) -> st.SearchStrategy:
    cell = shaped(region=region_codes, code=region_codes, **{column: numbers})
    item = shaped(year=years, breakdown=listing(cell), **{column: numbers})
    return shaped(soc=socs_near(soc), series=listing(item))


def working_futures(soc: int) -> st.SearchStrategy:
    cell = shaped(code=region_codes, region=region_codes, name=region_names, employment=numbers, note=texts)
    item = shaped(year=years, employment=numbers, breakdown=listing(cell))
    return shaped(soc=socs_near(soc), breakdown=st.just("region"), predictedEmployment=listing(item))


def onet(kind: str, scale_ids: list[str]) -> st.SearchStrategy:
    entry = shaped(id=texts, name=texts | st.sampled_from(["Social", "realistic", "Active Listening"]),
                   value=numbers | st.floats(0, 7))
    scale = shaped(id=st.sampled_from(scale_ids), **{kind: listing(entry)})
    return shaped(onetcode=texts, scales=listing(scale))


def figure_parts(soc: int) -> dict[str, st.SearchStrategy]:
    """The parts of a record that hold figures, each in its real shape."""
    return {
        "pay": ashe(soc, "estpay"), "pay_by_region": ashe(soc, "estpay"),
        "hours": ashe(soc, "hours"), "hours_by_region": ashe(soc, "hours"),
        "outlook": working_futures(soc), "outlook_by_region": working_futures(soc),
        "replacement_demand": shaped(soc=socs_near(soc), start_year=years, end_year=years, rate=numbers),
        "shortages": shaped(soc=socs_near(soc), year=years, percentHTF=numbers, percentSSV=numbers),
        "shortages_in_region": shaped(soc=socs_near(soc), year=years, percentHTF=numbers, percentSSV=numbers,
                                      region=shaped(code=region_codes, name=region_names)),
    }


def description_parts(soc: int) -> dict[str, st.SearchStrategy]:
    """The parts of a record that describe the group: its words, and O*NET's skills and interests."""
    return {
        "occupation": shaped(soc=socs_near(soc), title=texts, description=texts, qualifications=texts, tasks=texts,
                             add_titles=listing(texts)),
        "skills": onet("skills", ["IM", "LV", "im"]),
        "interests": onet("interests", ["OI", "IH", "oi"]),
    }


@st.composite
def records(draw: st.DrawFn, *groups: Any) -> dict[str, Any]:
    """One SOC group's record as soc_fetch.fetch_soc makes it, with the named groups of parts drawn."""
    soc = draw(st.sampled_from([1115, 2231, 3213, 5241, 5314, 9279]))
    record = {"soc": soc, "problems": [], "unanswered": []}
    for group in groups:
        for part, strategy in group(soc).items():
            # A part is missing (never asked), null (the service failed), or an answer in its shape or any other.
            if draw(st.integers(0, 4)):
                record[part] = draw(st.none() | wild(strategy))
    return record


def lookup(item: Any, key: str) -> Any:
    """item[key], the key matched regardless of case, as the service's casing is unconfirmed."""
    if not isinstance(item, dict):
        return None
    if key in item:
        return item[key]
    return next((v for k, v in item.items() if str(k).casefold() == key.casefold()), None)


def objects(body: Any, key: str) -> list[dict[str, Any]]:
    listed = lookup(body, key)
    return [item for item in listed if isinstance(item, dict)] if isinstance(listed, list) else []


def offered(record: dict[str, Any]) -> int:
    """How many figures a record offers: each must become a row or a problem, never vanish unnamed."""
    soc, count = record["soc"], 0
    for part, key in (("pay", "series"), ("hours", "series"), ("outlook", "predictedEmployment")):
        body = record.get(part)
        if part != "outlook" and isinstance(body, dict) and lookup(body, "soc") not in (soc, None):
            count += 1  # another group's figures: refused once, as a whole
        else:
            count += len(objects(body, key))
        count += sum(len(objects(item, "breakdown")) for item in objects(record.get(f"{part}_by_region"), key))
    return count + sum(isinstance(record.get(p), dict)
                       for p in ("replacement_demand", "shortages", "shortages_in_region"))


def has_words(value: Any) -> bool:
    """Whether a value is text with something to show once control characters are gone."""
    return isinstance(value, str) and not is_blank(CONTROL.sub("", value))


def assert_pack_accepts(tables: dict[str, list[dict[str, Any]]]) -> None:
    """Every row passes its table's checks, and no two rows share a key once normalised."""
    for table, rows in tables.items():
        keys = Counter(row_key(TABLES[table], check_row(TABLES[table], row)) for row in rows)
        assert not [k for k, n in keys.items() if n > 1], f"{table}: keys given twice: {keys}"


@settings(deadline=None, max_examples=120)
@given(record=records(figure_parts, description_parts))
def test_figure_rows_keep_what_the_pack_accepts_and_name_everything_left_out(record: dict[str, Any]) -> None:
    figures = figure_rows(record, "job", "lmiforall", this_year=2026)
    assert set(figures.tables) == set(FIGURE_TABLES)
    assert_pack_accepts(figures.tables)
    assert all(isinstance(p, str) and str(record["soc"]) in p for p in figures.problems)
    kept = sum(len(rows) for rows in figures.tables.values())
    assert kept + len(figures.problems) == offered(record), figures.problems

    # The pack of this one group: its own occupation stands in, or the group is left out by name.
    result = lmi_tables([record], {}, this_year=2026)
    assert_pack_accepts(result.tables)
    if result.tables["occupations"]:
        own = [row["id"] for row in result.tables["occupations"]]
        assert {row["occupation"] for t in FIGURE_TABLES for row in result.tables.get(t, [])} <= set(own)
        assert {t: len(result.tables.get(t, [])) for t in FIGURE_TABLES} == {t: len(figures.tables[t])
                                                                              for t in FIGURE_TABLES}
        assert result.problems == figures.problems
    else:
        assert not any(result.tables.get(t) for t in FIGURE_TABLES)
        assert len(result.problems) == 1 and str(record["soc"]) in result.problems[0]

    # Two occupations other packs put in the group: each gets the figures, and what was left out is named once.
    shared = lmi_tables([record], {record["soc"]: ["nurse", "staff-nurse"]}, this_year=2026)
    assert_pack_accepts(shared.tables)
    assert shared.tables["occupations"] == [] and shared.problems == figures.problems
    assert {t: len(shared.tables.get(t, [])) for t in FIGURE_TABLES} == {t: 2 * len(figures.tables[t])
                                                                          for t in FIGURE_TABLES}


@settings(deadline=None, max_examples=150)
@given(record=records(description_parts))
def test_occupation_row_is_none_or_a_row_the_pack_accepts(record: dict[str, Any]) -> None:
    row = occupation_row(record)
    text = record.get("occupation")
    if has_words(lookup(text, "title")) and has_words(lookup(text, "description")):
        assert row is not None
    if row is not None:
        check_row(TABLES["occupations"], row)
        assert row["soc2010"] == f"{record['soc']:04d}"


def test_the_deepest_nesting_json_gives_is_skipped_by_name_not_crashed() -> None:
    deep = deepest_json()
    soc = 2231
    record = {
        "soc": soc, "problems": [], "unanswered": [],
        "occupation": {"title": "Nurses", "description": "Nurses care.", "add_titles": deep, "tasks": deep},
        "pay": {"soc": soc, "series": [{"year": deep, "estpay": 600}, {"year": 2015, "estpay": deep}]},
        "pay_by_region": {"series": [{"year": 2015, "breakdown": [{"region": deep, "estpay": 600}]}]},
        "outlook": {"predictedEmployment": deep},
        "outlook_by_region": {"predictedEmployment": [{"year": 2020, "breakdown": [
            {"code": deep, "name": deep, "employment": 5}]}]},
        "replacement_demand": {"start_year": deep, "end_year": 2030, "rate": deep},
        "shortages": {"year": 2015, "percentHTF": deep},
        "shortages_in_region": {"year": 2015, "percentHTF": 5, "region": {"code": deep, "name": deep}},
        "skills": {"scales": [{"id": deep, "skills": deep}]},
    }
    result = lmi_tables([record], {}, this_year=2026)
    assert_pack_accepts(result.tables)
    assert [row["title"] for row in result.tables["occupations"]] == ["Nurses"]
    figures = sum(len(result.tables.get(t, [])) for t in FIGURE_TABLES)
    assert figures + len(result.problems) == offered(record)


def test_a_group_no_sector_holds_is_left_out_by_name() -> None:
    record = {"soc": 1000, "occupation": {"title": "Nothing", "description": "Not a SOC 2010 group."}}
    built = lmi_tables([record], {}, this_year=2026)
    assert not built.tables["occupations"]
    assert built.problems == ["LMI for All occupation 1000: no title or description (or not a SOC 2010 group); "
                              "its figures are left out"]

"""The tables a pack may carry, their columns, and the checks every row must pass."""

from __future__ import annotations

from typing import Any, Callable, NamedTuple

from kiosk.content.schema_official import flag, official_tables
from kiosk.content.value_checks import (  # noqa: F401 - the column checks, also used through this module
    AUDIENCES, CONTROL, MAX_LIST_ITEMS, MAX_LONG_TEXT, MAX_SHORT_TEXT, REGION, SLUG, SOC_CODE, YEAR, RowError,
    audience, iso_date, iso_datetime, long_text, number, one_of, short_text, slug, soc_code, text_list, url,
    url_text,
)


class Column(NamedTuple):
    """One column: its name, how a value is checked and normalised, and whether it may be empty."""

    name: str
    check: Callable[[Any], Any]
    required: bool = True
    refers_to: str | None = None  # the table whose id this column names
    source: bool = False  # the column names a source in the pack's manifest
    # The column may name a row another pack brings (figures for occupations a national pack describes): it is
    # not checked within the pack, and a row whose target is missing from the database is simply not shown.
    across_packs: bool = False


class Table(NamedTuple):
    """A table: its columns and the columns that make a row's key."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    @property
    def column_names(self) -> frozenset[str]:
        return frozenset(c.name for c in self.columns)


def _figure_table(name: str, value_column: Column, *extra: Column, key_year: str = "year") -> Table:
    return Table(
        name,
        (
            Column("occupation", slug, refers_to="occupations", across_packs=True),
            Column("region", REGION),
            Column(key_year, YEAR),
            value_column,
            *extra,
            Column("source", slug, source=True),
        ),
        key=("occupation", "region", key_year),
    )


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "sectors",
            (
                Column("id", slug),
                Column("name", short_text),
                Column("description", long_text, required=False),
            ),
            key=("id",),
        ),
        Table(
            "occupations",
            (
                Column("id", slug),
                Column("title", short_text),
                Column("soc2010", soc_code, required=False),
                Column("soc2020", soc_code, required=False),
                Column("sector", slug, refers_to="sectors"),
                Column("alt_titles", text_list(), required=False),
                # A unit group the official statistics name but no one has described yet has no summary.
                Column("summary", long_text, required=False),
                Column("easy_read", text_list(), required=False),
                Column("tasks", text_list(), required=False),
                Column("entry_routes", text_list(long_text), required=False),
                Column("skills", text_list(), required=False),
                Column("interests", text_list(), required=False),
                Column("url", url, required=False),  # a public page about the job (for its QR code)
                # Stands in for a SOC 2020 unit group until a pack describes it: gives way to any other pack's
                # occupation with the same SOC 2020 code when the database is built.
                Column("stand_in", flag, required=False),
            ),
            key=("id",),
        ),
        _figure_table("pay", Column("weekly_pay", number(1, 100_000))),
        _figure_table("hours", Column("weekly_hours", number(1, 100))),
        _figure_table("outlook", Column("employment", number(0, 100_000_000))),
        Table(
            "replacement_demand",
            (
                Column("occupation", slug, refers_to="occupations", across_packs=True),
                Column("region", REGION),
                Column("from_year", YEAR),
                Column("to_year", YEAR),
                Column("openings", number(0, 100_000_000)),
                Column("source", slug, source=True),
            ),
            key=("occupation", "region", "from_year"),
        ),
        _figure_table(
            "skill_shortages",
            Column("hard_to_fill_percent", number(0, 100)),
            Column("skill_shortage_percent", number(0, 100), required=False),
        ),
        Table(
            "routes",
            (
                Column("id", slug),
                Column("name", short_text),
                Column(
                    "kind",
                    one_of(
                        "a_levels", "t_levels", "apprenticeship", "technical", "degree",
                        "supported_internship", "work", "other",
                    ),
                ),
                Column("rqf_level", number(0, 8, whole=True)),
                Column("summary", long_text),
                Column("easy_read", text_list(), required=False),
                Column("duration", short_text, required=False),
                Column("entry", long_text, required=False),
            ),
            key=("id",),
        ),
        Table(
            "route_links",  # a route and one it can lead to next (A levels to a degree), from routes.toml's leads_to
            (Column("route", slug, refers_to="routes"), Column("leads_to", slug, refers_to="routes")),
            key=("route", "leads_to"),
        ),
        Table(
            "occupation_routes",
            (Column("occupation", slug, refers_to="occupations"), Column("route", slug, refers_to="routes")),
            key=("occupation", "route"),
        ),
        Table(
            "providers",
            (
                Column("id", slug),
                Column("name", short_text),
                Column(
                    "kind",
                    one_of("school_sixth_form", "college", "university", "training_provider", "employer"),
                ),
                Column("town", short_text, required=False),
                Column("url", url, required=False),
            ),
            key=("id",),
        ),
        Table(
            "provider_routes",
            (Column("provider", slug, refers_to="providers"), Column("route", slug, refers_to="routes")),
            key=("provider", "route"),
        ),
        Table(
            "resources",
            (
                Column("id", slug),
                Column("title", short_text),
                Column("kind", one_of("printed", "online", "video", "in_house")),
                Column("audience", audience, required=False),
                Column("summary", long_text, required=False),
                Column("shelf", short_text, required=False),
                Column("url", url, required=False),
            ),
            key=("id",),
        ),
        Table(
            "events",
            (
                Column("id", slug),
                Column("title", short_text),
                Column("kind", one_of("open_day", "taster_day", "employer_talk", "careers_fair", "other")),
                Column("starts", iso_datetime),
                Column("ends", iso_datetime, required=False),
                Column("place", short_text, required=False),
                Column("summary", long_text, required=False),
                Column("audience", audience, required=False),
                Column("url", url, required=False),
            ),
            key=("id",),
        ),
        Table(
            "subjects",  # school subjects a pupil may like ("Maths", "Art and design")
            (
                Column("id", slug),
                Column("name", short_text),
                Column("description", long_text, required=False),
            ),
            key=("id",),
        ),
        Table(
            "occupation_subjects",  # subjects that help with a job (any pack's occupation)
            (
                Column("occupation", slug, refers_to="occupations", across_packs=True),
                Column("subject", slug, refers_to="subjects"),
            ),
            key=("occupation", "subject"),
        ),
        Table(
            "industries",  # where people work (Working Futures' industry groups)
            (
                Column("id", slug),
                Column("name", short_text),
                Column("description", long_text, required=False),
            ),
            key=("id",),
        ),
        Table(
            "industry_outlook",  # people employed in an industry, by region and year (past and projected)
            (
                Column("industry", slug, refers_to="industries"),
                Column("region", REGION),
                Column("year", YEAR),
                Column("employment", number(0, 100_000_000)),
                Column("source", slug, source=True),
            ),
            key=("industry", "region", "year"),
        ),
        Table(
            "averages",  # the UK (or a region's) average for all jobs, to compare one job against
            (
                Column("region", REGION),
                Column("year", YEAR),
                Column("weekly_pay", number(1, 100_000)),
                Column("weekly_hours", number(1, 100), required=False),
                Column("annual_pay", number(52, 5_000_000), required=False),  # the published yearly median
                Column("source", slug, source=True),
            ),
            key=("region", "year"),
        ),
        Table(
            "myths",  # a myth-buster: a common belief, the checkable fact, and where the fact comes from
            (
                Column("id", slug),
                Column("myth", short_text),
                Column("fact", long_text),
                Column("occupation", slug, required=False, refers_to="occupations", across_packs=True),
                Column("region", REGION, required=False),
                Column("year", YEAR),  # the year the fact describes
                Column("source", slug, source=True),
            ),
            key=("id",),
        ),
        Table(
            "alumni",
            (
                Column("id", slug),
                Column("first_name", short_text),
                Column("year_left", YEAR),
                Column("route", slug, required=False, refers_to="routes"),
                Column("occupation", slug, required=False, refers_to="occupations"),
                Column("destination", short_text),
                Column("quote", long_text),
            ),
            key=("id",),
        ),
        *official_tables(Column, Table),
        # The job titles people use, from ONS's SOC 2010 coding index, for search alone: a title leads to the
        # words of its SOC 2010 unit group's title, which search looks for in the jobs' names. SOC 2010 codes are
        # never matched to a job's SOC 2020 code (the two editions reuse codes for different jobs).
        Table("soc2010_titles", (Column("title", short_text), Column("soc2010", soc_code),
                                 Column("source", slug, source=True)), key=("title", "soc2010")),
        Table("soc2010_groups", (Column("code", soc_code), Column("title", short_text),
                                 Column("source", slug, source=True)), key=("code",)),
    )
}

def check_row(table: Table, row: Any) -> dict[str, Any]:
    """Return the row with every column checked and normalised, or raise RowError naming the column."""
    if not isinstance(row, dict):
        raise RowError(f"must be an object, not {type(row).__name__}")
    unknown = sorted(set(row) - table.column_names)
    if unknown:
        raise RowError(f"has unknown columns {unknown}")
    clean: dict[str, Any] = {}
    for column in table.columns:
        value = row.get(column.name)
        if value is None or value == "" or value == []:
            if column.required:
                raise RowError(f"column {column.name!r} is missing")
            clean[column.name] = None
            continue
        try:
            checked = column.check(value)
        except RowError as e:
            raise RowError(f"column {column.name!r} {e}") from None
        if checked == "" or checked == []:  # only spaces or zero-width characters: nothing a pupil would see
            if column.required:
                raise RowError(f"column {column.name!r} is blank (only spaces or invisible characters)")
            checked = None
        clean[column.name] = checked
    if "to_year" in clean and clean["to_year"] < clean["from_year"]:
        raise RowError("column 'to_year' is before 'from_year'")
    if table.name == "events" and clean.get("ends") and clean["ends"] < clean["starts"]:
        raise RowError("column 'ends' is before 'starts'")
    return clean


def row_key(table: Table, row: dict[str, Any]) -> tuple[Any, ...]:
    """The values of a row's key columns."""
    return tuple(row[c] for c in table.key)

"""The content database's tables, derived from the pack tables, plus search and summary tables."""

from __future__ import annotations

APPLICATION_ID = 0x4B494F53  # "KIOS": marks a file as this kiosk's content database
SCHEMA_VERSION = 7
PAGE_SIZE = 4096

BOOKKEEPING = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE packs (
  pack_id TEXT PRIMARY KEY, title TEXT, publisher TEXT, content_version TEXT, layer TEXT,
  created TEXT, sample INTEGER, notice TEXT, sha256 TEXT
);
CREATE TABLE sources (
  pack_id TEXT, id TEXT, name TEXT, licence TEXT, retrieved TEXT, url TEXT,
  PRIMARY KEY (pack_id, id)
);
-- A unit group's description as a pack with official text wrote it for a stand-in occupation (ONS's words, from
-- `kiosk sync official`), kept when the stand-in gives way so the group's page can show it beside the plain words.
CREATE TABLE group_texts (
  soc2020 TEXT PRIMARY KEY, pack_id TEXT NOT NULL, summary TEXT, tasks TEXT, entry_routes TEXT
);
-- The job library's pages for unit groups that also hold an everyday job (the sample's nurse, a school's own):
-- lists show the everyday job, which opens the group's page, so a pupil browsing never meets the same job twice.
CREATE TABLE grouped_entries (occupation TEXT PRIMARY KEY) WITHOUT ROWID;
"""

# FTS5's own porter stemmer, so "nursing" finds nurse and "engineering" engineer.
TOKENIZE = "porter unicode61 remove_diacritics 2"

SEARCH = f"""
CREATE VIRTUAL TABLE occupation_fts USING fts5(
  title, alt_titles, summary, tasks,
  tokenize = '{TOKENIZE}', prefix = '1 2 3'
);
-- Each job's stemmed words by column (search_stems.py), to tell which of a search's words a job holds where.
CREATE TABLE search_stems (rowid INTEGER PRIMARY KEY, title TEXT NOT NULL, alt_titles TEXT NOT NULL,
                           body TEXT NOT NULL);
CREATE TABLE spell_terms (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE spell_variants (variant TEXT NOT NULL, term TEXT NOT NULL, PRIMARY KEY (variant, term)) WITHOUT ROWID;
-- The job titles of ONS's SOC 2010 index (soc2010_titles), by rowid, for the kind of job a title names.
CREATE VIRTUAL TABLE index_title_fts USING fts5(title, tokenize = '{TOKENIZE}');
-- The jobs for each SOC 2010 unit group's title words (search_kinds.py), best first.
CREATE TABLE kind_jobs (soc2010 TEXT NOT NULL, place INTEGER NOT NULL, occupation TEXT NOT NULL,
                        PRIMARY KEY (soc2010, place)) WITHOUT ROWID;
"""

# One row per occupation and region: the latest pay and hours and the outlook's first and last years,
# so that lists can show and sort by pay and growth without touching the figure tables.
STATS = """
CREATE TABLE occupation_stats (
  occupation TEXT, region TEXT,
  pay_year INTEGER, weekly_pay REAL, hours_year INTEGER, weekly_hours REAL,
  first_year INTEGER, first_employment REAL, last_year INTEGER, last_employment REAL,
  growth_percent REAL,
  growth_group TEXT,  -- the SOC 2020 sub-major group whose projected growth this is, when not the job's own
  PRIMARY KEY (occupation, region)
);
INSERT INTO occupation_stats (occupation, region)
  SELECT occupation, region FROM pay UNION SELECT occupation, region FROM outlook
  UNION SELECT occupation, region FROM hours;
UPDATE occupation_stats SET
  (pay_year, weekly_pay) = (SELECT year, weekly_pay FROM pay p
     WHERE p.occupation = occupation_stats.occupation AND p.region = occupation_stats.region
     ORDER BY year DESC LIMIT 1),
  (hours_year, weekly_hours) = (SELECT year, weekly_hours FROM hours h
     WHERE h.occupation = occupation_stats.occupation AND h.region = occupation_stats.region
     ORDER BY year DESC LIMIT 1),
  (first_year, first_employment) = (SELECT year, employment FROM outlook o
     WHERE o.occupation = occupation_stats.occupation AND o.region = occupation_stats.region
     ORDER BY year ASC LIMIT 1),
  (last_year, last_employment) = (SELECT year, employment FROM outlook o
     WHERE o.occupation = occupation_stats.occupation AND o.region = occupation_stats.region
     ORDER BY year DESC LIMIT 1);
UPDATE occupation_stats SET growth_percent = 100.0 * (last_employment - first_employment) / first_employment
  WHERE first_employment > 0 AND last_year > first_year;
"""

INDEXES = """
CREATE INDEX occupations_sector ON occupations (sector, title COLLATE NOCASE);
CREATE INDEX occupations_title ON occupations (title COLLATE NOCASE);
CREATE INDEX occupation_routes_route ON occupation_routes (route);
CREATE INDEX provider_routes_route ON provider_routes (route);
CREATE INDEX alumni_route ON alumni (route);
CREATE INDEX alumni_occupation ON alumni (occupation);
CREATE INDEX events_starts ON events (starts);
"""


def table_ddl() -> str:
    """CREATE TABLE statements for every pack table; each row also records the pack it came from."""
    from kiosk.content.schema import TABLES  # only a database build needs the full table definitions

    statements = []
    for table in TABLES.values():
        columns = ", ".join(c.name for c in table.columns)
        key = ", ".join(table.key)
        statements.append(f"CREATE TABLE {table.name} (pack_id TEXT NOT NULL, {columns}, PRIMARY KEY ({key}));")
    return "\n".join(statements)


# Checked at every start, so spelled out here rather than derived from the schema (which would load it);
# tests/content/test_db_schema.py keeps the two in step.
PACK_TABLES = frozenset({
    "sectors", "occupations", "pay", "hours", "outlook", "replacement_demand", "skill_shortages", "routes",
    "route_links", "occupation_routes", "providers", "provider_routes", "resources", "events", "alumni", "subjects",
    "occupation_subjects", "industries", "industry_outlook", "averages", "myths",
    "soc_groups", "areas", "earnings", "employment", "group_outlook", "group_change", "group_gender",
    "group_qualifications", "soc2010_titles", "soc2010_groups",
})
REQUIRED_TABLES = PACK_TABLES | {"meta", "packs", "sources", "occupation_fts", "spell_terms", "search_stems",
                                 "index_title_fts", "kind_jobs",
                                 "occupation_stats",
                                 "group_texts", "grouped_entries"}

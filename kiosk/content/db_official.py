"""Joining the official statistics to occupations while the database is built: by SOC 2020 code and nothing else."""

from __future__ import annotations

import sqlite3

from kiosk.content.library_rules import LIBRARY_PACK

# A stand-in occupation (a unit group named only by the official statistics) gives way to any occupation another
# pack writes for the same SOC 2020 unit group, so a job never appears twice. A stand-in with ONS's description
# leaves it in group_texts first, for the group's page to show beside the plain words.
STAND_INS = """
INSERT OR IGNORE INTO group_texts (soc2020, pack_id, summary, tasks, entry_routes)
  SELECT soc2020, pack_id, summary, tasks, entry_routes FROM occupations
  WHERE stand_in AND summary IS NOT NULL AND soc2020 IN (
    SELECT soc2020 FROM occupations WHERE soc2020 IS NOT NULL AND NOT coalesce(stand_in, 0));
DELETE FROM occupations WHERE stand_in AND soc2020 IN (
  SELECT soc2020 FROM occupations WHERE soc2020 IS NOT NULL AND NOT coalesce(stand_in, 0));
"""

# A library entry whose unit group also holds an everyday job (from any other pack) is shown through that job.
GROUPED = """
INSERT INTO grouped_entries (occupation)
  SELECT o.id FROM occupations o WHERE o.pack_id = :library AND EXISTS (
    SELECT 1 FROM occupations e WHERE e.soc2020 = o.soc2020 AND e.pack_id != :library AND NOT coalesce(e.stand_in, 0));
"""

# Official pay and hours are the primary source: where ASHE has a figure for an occupation's SOC 2020 unit group,
# its series replaces every other pack's pay (or hours) for that occupation, in every place. The join is on
# soc2020 alone: SOC 2010 reuses codes for other jobs (2231 is nurses in 2010, midwifery nurses in 2020).
FIGURES = """
DELETE FROM {table} WHERE occupation IN (
  SELECT o.id FROM occupations o JOIN earnings e ON e.soc2020 = o.soc2020 WHERE e.{column} IS NOT NULL);
INSERT INTO {table} (pack_id, occupation, region, year, {column}, source)
  SELECT e.pack_id, o.id, e.region, e.year, e.{column}, e.source
  FROM occupations o JOIN earnings e ON e.soc2020 = o.soc2020 WHERE e.{column} IS NOT NULL;
"""

# Where an occupation has no outlook of its own, lists use its SOC 2020 sub-major group's projected change
# (DfE's projections are by group), marked with the group's code so pages can say whose growth it is.
GROUP_GROWTH = """
INSERT OR IGNORE INTO occupation_stats (occupation, region)
  SELECT o.id, c.region FROM occupations o JOIN group_change c ON c.soc_group = substr(o.soc2020, 1, 2);
UPDATE occupation_stats SET
  (first_year, first_employment, last_year, last_employment, growth_percent, growth_group) = (
    SELECT c.from_year, a.employment, c.to_year, b.employment,
           100.0 * (b.employment - a.employment) / a.employment, c.soc_group
    FROM occupations o
    JOIN group_change c ON c.soc_group = substr(o.soc2020, 1, 2) AND c.region = occupation_stats.region
    JOIN group_outlook a ON a.soc_group = c.soc_group AND a.region = c.region AND a.year = c.from_year
    JOIN group_outlook b ON b.soc_group = c.soc_group AND b.region = c.region AND b.year = c.to_year
    WHERE o.id = occupation_stats.occupation AND a.employment > 0)
  WHERE growth_percent IS NULL AND first_year IS NULL;
"""


def join_official(conn: sqlite3.Connection) -> None:
    """Before the summary tables: drop stand-ins that another pack describes; official pay and hours replace others."""
    conn.executescript(STAND_INS)
    conn.execute(GROUPED, {"library": LIBRARY_PACK})
    for table, column in (("pay", "weekly_pay"), ("hours", "weekly_hours")):
        conn.executescript(FIGURES.format(table=table, column=column))


def add_group_growth(conn: sqlite3.Connection) -> None:
    """After the summary tables: each occupation's group growth where it has no outlook of its own."""
    conn.executescript(GROUP_GROWTH)

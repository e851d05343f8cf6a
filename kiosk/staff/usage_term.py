"""Usage by school term, for a careers leader: visits, pages by name and the most viewed jobs, and the CSV kept as
evidence for Gatsby Benchmark 2 ("Learning from career and labour market information")."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from pathlib import Path
from typing import Iterable, NamedTuple

from kiosk.content.folder_write import open_folder
from kiosk.staff.usage import UsageCount
from kiosk.staff.usage_names import mode_name, page_name

TOP_JOBS = 10  # enough for a report; the weekly counts hold the rest
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()  # not strftime: its names follow the locale
BENCHMARK = "Gatsby Benchmark 2: Learning from career and labour market information"


class Term(NamedTuple):
    """A school term: its name with the school year's calendar year, and its first and last days."""

    name: str
    first: dt.date
    last: dt.date

    def holds(self, week: str) -> bool:
        """Whether an ISO week ("2026-W48") falls in this term, by its Monday."""
        try:
            year, number = week.split("-W")
            monday = dt.date.fromisocalendar(int(year), int(number), 1)
        except ValueError:
            return False
        return self.first <= monday <= self.last

    def words(self) -> str:
        """"Autumn term 2026 (1 Sep to 31 Dec 2026)"."""
        return (f"{self.name} ({self.first.day} {MONTHS[self.first.month - 1]} to "
                f"{self.last.day} {MONTHS[self.last.month - 1]} {self.last.year})")


def school_term(day: dt.date) -> Term:
    """The English school term a day is in: autumn September to December, spring January to Easter, summer Easter to
    July. Easter moves, so 15 April splits spring from summer: it falls in the Easter holidays most years, when
    the kiosk is hardly used; August's holiday is counted with the summer term it follows."""
    y = day.year
    if day.month >= 9:
        return Term(f"Autumn term {y}", dt.date(y, 9, 1), dt.date(y, 12, 31))
    if day < dt.date(y, 4, 15):
        return Term(f"Spring term {y}", dt.date(y, 1, 1), dt.date(y, 4, 14))
    return Term(f"Summer term {y}", dt.date(y, 4, 15), dt.date(y, 8, 31))


class TermReport(NamedTuple):
    """A term's counts: visits, pages by name, the most viewed jobs (title, times) and the looks visits used."""

    term: Term
    weeks: int
    visits: int
    pages: list[tuple[str, int]]
    jobs: list[tuple[str, int]]
    modes: list[tuple[str, int]]


def _ranked(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def term_report(counts: Iterable[UsageCount], term: Term) -> TermReport:
    """Add up a term's weekly counts; jobs are named by their latest title (an id alone when none was kept)."""
    rows = [c for c in counts if term.holds(c.week)]
    pages: Counter[str] = Counter()
    jobs: Counter[str] = Counter()
    titles: dict[str, str] = {}
    modes: Counter[str] = Counter()
    for c in sorted(rows, key=lambda c: c.week):  # the latest week's title wins
        if c.kind == "page":
            pages[page_name(c.item)] += c.count
        elif c.kind == "occupation":
            jobs[c.item] += c.count
            titles[c.item] = c.title or titles.get(c.item, "") or c.item
        elif c.kind == "mode":
            modes[mode_name(c.item)] += c.count
    top = [(titles[job], n) for job, n in _ranked(jobs)[:TOP_JOBS]]
    return TermReport(term, len({c.week for c in rows}), sum(c.count for c in rows if c.kind == "visit"),
                      _ranked(pages), top, _ranked(modes))


def report_text(report: TermReport) -> str:
    """A term's report as staff read it on screen."""
    jobs = "\n".join(f"{i}. {title}: {n}" for i, (title, n) in enumerate(report.jobs, 1)) or "None yet."
    pages = "\n".join(f"• {name}: {n}" for name, n in report.pages) or "None yet."
    return (f"{report.term.words()}: {report.visits} visit{'s' if report.visits != 1 else ''}\n\n"
            f"Most viewed jobs this term:\n{jobs}\n\nPages opened this term:\n{pages}")


def evidence_rows(report: TermReport) -> list[list[object]]:
    """The evidence CSV's rows: what it is, the term, visits, pages by name, top jobs and looks; anonymous."""
    rows: list[list[object]] = [
        ["Careers kiosk usage", BENCHMARK],
        ["Term", report.term.words()],
        ["Weeks with use", report.weeks],
        ["Visits", report.visits],
        [],
        ["Page opened", "Times"], *[[name, n] for name, n in report.pages],
        [],
        ["Most viewed job", "Times"], *[[title, n] for title, n in report.jobs],
        [],
        ["Look used", "Visits"], *[[name, n] for name, n in report.modes],
        [],
        ["Anonymous counts: nothing about who used the kiosk, and never what was typed."],
    ]
    return rows


def write_evidence_csv(report: TermReport, path: Path) -> None:
    """Write the evidence CSV into a folder staff chose (a stick), whole under a hidden name first, never
    through a link planted there (as the weekly CSV is written)."""
    text = io.StringIO(newline="")
    csv.writer(text).writerows([[_cell(v) for v in row] for row in evidence_rows(report)])
    path = Path(path)
    with open_folder(path.parent, create=False) as folder:
        folder.write_bytes(path.name, text.getvalue().encode("utf-8"))


def _cell(value: object) -> object:
    """A cell a spreadsheet will not run as a formula (job titles come from content, which is untrusted)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value

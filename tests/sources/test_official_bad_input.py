"""Bad release files, end to end through `kiosk sync official --from DIR` (contract): copies of the real releases are
installed once, then one thing at a time is spoiled in a copy of that folder. A file the kiosk cannot trust is
refused with a message saying where (file, sheet, row and column where there is one) and what is installed stays as
it was; a single bad figure or line, or a place the kiosk does not know, is skipped with a note and the rest
installs."""

from __future__ import annotations

import contextlib
import io
import shutil
import warnings
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import openpyxl
import pytest

from kiosk.cli import main
from kiosk.content.model import Earnings, GroupOutlook
from kiosk.content.pack_file import read_pack
from kiosk.content.pack_store import InstalledPack, PackStore
from kiosk.content.reader import open_reader
from tests.helpers.official import fixture_file

pytestmark = [pytest.mark.contract, pytest.mark.slow]

ASHE_ZIP = "ashetable142024provisional.zip"
APS = "employmentby4digitsoc1digitindustryatosuk20212024final.xlsx"
LONDON = "GL_LSIP_MainTables.Main.xlsm"
# Enough for every case, and a quarter of the time of all the fixtures: one ASHE year, APS, Volume 1, England, one
# LSIP area and the lookup of LSIP areas.
FILES = {"ons": (ASHE_ZIP, APS, "soc2020volume1structureanddescriptionofunitgroups.xlsx"),
         "dfe-skills-imperative-2035": ("EN_MainTables.Main.xlsm", LONDON, "LSIP_lookup.xlsx")}
MEMBER = "ashetable142024provisional/PROV - Occupation SOC20 (4) Table {} 2024.xlsx"
WEEKLY = f"{ASHE_ZIP}/" + MEMBER.format("14.1a   Weekly pay - Gross")
HOURS = f"{ASHE_ZIP}/" + MEMBER.format("14.9a   Paid hours worked - Total")
HOURLY = MEMBER.format("14.5a   Hourly pay - Excluding overtime")  # an ASHE table the kiosk does not read
CHANGED = ("5231", "5223", "9263")  # the unit groups the skipped-figures case spoils


class Run(NamedTuple):
    """One `kiosk sync official --from DIR` as staff would run it."""

    code: int
    out: str
    err: str
    data: Path

    def notes(self) -> list[str]:
        """The problems the sync reported, each a `note:` line on stderr."""
        return [line.removeprefix("  note: ") for line in self.err.splitlines() if line.startswith("  note: ")]


class Baseline(NamedTuple):
    """The real files, and a data directory with the pack built from them installed."""

    releases: Path
    data: Path
    entries: dict[str, InstalledPack]
    tables: dict[str, list[dict[str, Any]]]


def sync(folder: Path, data: Path) -> Run:
    # Module-scoped fixtures run syncs too, and capsys is per test: the output is caught here instead.
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["sync", "official", "--from", str(folder), "--data-dir", str(data)])
    return Run(code, out.getvalue(), err.getvalue(), data)


def installed_tables(data: Path) -> dict[str, list[dict[str, Any]]]:
    """The rows of the official pack installed in `data`, read from its pack file."""
    store = PackStore(data)
    return read_pack(store.packs_dir / store.entries()["official"].current).tables


@contextlib.contextmanager
def reading(data: Path) -> Iterator[Any]:
    """The content reader of `data`, closed afterwards."""
    reader = open_reader(data / "kiosk.db")
    try:
        yield reader
    finally:
        reader.close()


def earnings(data: Path, soc2020: str) -> dict[int, Earnings]:
    """A unit group's pay and hours by year, read back as a page reads them."""
    with reading(data) as reader:
        job = next(e.id for e in reader.catalogue() if e.soc2020 == soc2020)
        return {e.year: e for e in reader.occupation(job).earnings}


def group_outlook(data: Path, soc2020: str) -> dict[str, GroupOutlook]:
    with reading(data) as reader:
        job = next(e.id for e in reader.catalogue() if e.soc2020 == soc2020)
        return reader.occupation(job).group_outlook


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Baseline:
    root = tmp_path_factory.mktemp("official")
    releases = root / "releases"
    releases.mkdir()
    for folder, names in FILES.items():
        for name in names:
            shutil.copyfile(fixture_file(folder, name), releases / name)  # a copy, writable (the originals are not)
    run = sync(releases, root / "data")
    assert run.code == 0 and run.notes() == [], run.err
    return Baseline(releases, run.data, PackStore(run.data).entries(), installed_tables(run.data))


def spoiled(baseline: Baseline, where: Path, spoil: Callable[[Path], None]) -> Run:
    """Sync a copy of the real folder, spoiled, into a copy of the baseline's data directory."""
    folder, data = where / "releases", where / "data"
    shutil.copytree(baseline.releases, folder)
    spoil(folder)
    shutil.copytree(baseline.data, data)
    return sync(folder, data)


def assert_untouched(run: Run, baseline: Baseline) -> None:
    """Nothing installed changed: the same official pack file, and its figures read back the same."""
    assert PackStore(run.data).entries() == baseline.entries
    assert earnings(run.data, "5231")[2024] == earnings(baseline.data, "5231")[2024]
    assert earnings(run.data, "5231")[2024].weekly_pay == 678.0


# ---- editing real workbooks as a person with a spreadsheet program would ----

class Editable:
    """A real workbook loaded once (loading takes seconds); each variant sets cells, is saved, and is undone."""

    def __init__(self, data: bytes) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about what it drops on loading (print areas)
            # cached values, as the kiosk reads them: a formula saved without its value would read as empty
            self.book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)

    def variant(self, cells: dict[tuple[str, str], Any]) -> bytes:
        """The workbook with each (sheet, cell like "D338") set to its value."""
        old = {(sheet, cell): self.book[sheet][cell].value for sheet, cell in cells}
        try:
            for (sheet, cell), value in cells.items():
                self.book[sheet][cell] = value
            out = io.BytesIO()
            self.book.save(out)
            return out.getvalue()
        finally:
            for (sheet, cell), value in old.items():
                self.book[sheet][cell] = value

    def row_of(self, sheet: str, label: Any, column: str = "B") -> int:
        """The first row (1-based) whose cell in `column` holds `label`."""
        return next(c.row for c in self.book[sheet][column] if c.value == label)


def member(zip_path: Path, table: str) -> bytes:
    """One table's workbook from the ASHE zip, by the words after "Table" in its name."""
    with zipfile.ZipFile(zip_path) as z:
        return z.read(MEMBER.format(table))


def replace_member(zip_path: Path, table: str, data: bytes, name: str | None = None) -> None:
    """Rewrite the zip with one member's bytes (and name) replaced, the others as they were."""
    with zipfile.ZipFile(zip_path) as z:
        members = [(info, z.read(info)) for info in z.infolist()]
    with zipfile.ZipFile(zip_path, "w") as z:
        for info, old in members:
            if f" Table {table} " in info.filename:
                info.filename, old = name or info.filename, data
            z.writestr(info, old)


@pytest.fixture(scope="module")
def weekly(baseline: Baseline) -> Editable:
    """ASHE 2024's weekly pay workbook (Table 14.1a), loaded once for the module."""
    return Editable(member(baseline.releases / ASHE_ZIP, "14.1a   Weekly pay - Gross"))


@pytest.fixture(scope="module")
def london(baseline: Baseline) -> Editable:
    """Greater London's Skills Imperative workbook, loaded once for the module."""
    return Editable((baseline.releases / LONDON).read_bytes())


@pytest.fixture(scope="module")
def hourly(weekly: Editable) -> bytes:
    """The weekly pay workbook with every title naming another ASHE table (14.5a, hourly pay), which the kiosk
    does not read: what a wrong download looks like."""
    cells = {}
    for ws in weekly.book.worksheets:
        if isinstance(ws["A1"].value, str) and ws["A1"].value.startswith("Table 14.1a"):
            cells[(ws.title, "A1")] = ws["A1"].value.replace("14.1a   Weekly pay - Gross",
                                                              "14.5a   Hourly pay - Excluding overtime")
    assert len(cells) == 9
    return weekly.variant(cells)


# ---- the real files ----

def test_the_real_files_install(baseline: Baseline) -> None:
    assert earnings(baseline.data, "5231")[2024].weekly_pay == 678.0
    assert {"England", "Greater London"} <= set(group_outlook(baseline.data, "5231"))


# ---- refused: nothing installed changes ----

@pytest.mark.parametrize(("name", "message"), [
    (ASHE_ZIP, f"kiosk: {ASHE_ZIP} is damaged or not a zip file ("),
    (APS, f"kiosk: {APS}: is damaged or not an Excel workbook (BadZipFile: "),
])
def test_a_truncated_download_is_refused(baseline: Baseline, tmp_path: Path, name: str, message: str) -> None:
    def truncate(folder: Path) -> None:
        data = (folder / name).read_bytes()
        (folder / name).write_bytes(data[: len(data) // 2])

    run = spoiled(baseline, tmp_path, truncate)
    assert run.code == 1 and run.err.splitlines()[-1].startswith(message), run.err
    assert_untouched(run, baseline)


def test_a_renamed_header_is_refused_naming_file_sheet_row_and_column(baseline: Baseline, weekly: Editable,
                                                                      tmp_path: Path) -> None:
    assert weekly.book["Full-Time"]["D5"].value == "Median"
    renamed = weekly.variant({("Full-Time", "D5"): "Middle"})
    run = spoiled(baseline, tmp_path, lambda folder: replace_member(folder / ASHE_ZIP, "14.1a", renamed))
    assert run.code == 1
    assert run.err.splitlines()[-1] == (f'kiosk: {WEEKLY}, sheet "Full-Time", row 5: the header row lacks "Median" '
                                        "(column D is headed 'Middle', which the kiosk does not know)")
    assert_untouched(run, baseline)


def test_another_table_in_place_of_weekly_pay_is_refused_naming_it(baseline: Baseline, hourly: bytes,
                                                                   tmp_path: Path) -> None:
    run = spoiled(baseline, tmp_path, lambda folder: replace_member(folder / ASHE_ZIP, "14.1a", hourly, HOURLY))
    assert run.code == 1
    message = run.err.splitlines()[-1]
    assert message.startswith("kiosk: ASHE 2024 (provisional): Tables 14.7a and 14.9a were given without Table "
                              "14.1a (weekly pay); add it, or leave that year out; not read: ")
    assert (f"{ASHE_ZIP}/{HOURLY}, sheet \"All\", row 1, column A ('Table 14.5a Hourly pay - Excluding overtime (£) "
            "- For all employee jobsa: United Kingdom, 2024'): not a release the kiosk reads") in message
    assert_untouched(run, baseline)


def test_an_area_of_an_unknown_kind_is_refused(baseline: Baseline, london: Editable, tmp_path: Path) -> None:
    assert london.book["Info"]["A1"].value == "LSIP"
    icb = london.variant({("Info", "A1"): "ICB"})
    run = spoiled(baseline, tmp_path, lambda folder: (folder / LONDON).write_bytes(icb))
    assert run.code == 1
    assert run.err.splitlines()[-1] == (f'kiosk: {LONDON}, sheet "Info", row 1, column A: says "ICB" where LSIP, MCA, '
                                        "LEP or Country belongs")
    assert_untouched(run, baseline)


# ---- skipped with a note: the rest installs ----

def test_another_table_beside_the_releases_is_skipped_and_changes_no_figure(baseline: Baseline, hourly: bytes,
                                                                            tmp_path: Path) -> None:
    stray = Path(HOURLY).name
    run = spoiled(baseline, tmp_path, lambda folder: (folder / stray).write_bytes(hourly))
    assert run.code == 0, run.err
    [note] = run.notes()
    assert note.startswith(f"{stray}, sheet \"All\", row 1, column A ('Table 14.5a Hourly pay - Excluding overtime")
    assert note.endswith("not a release the kiosk reads (ASHE Table 14.1, 14.7 or 14.9, the APS employment workbook, "
                         "SOC 2020 Volume 1, Skills Imperative 2035); skipped")
    assert installed_tables(run.data) == baseline.tables


@pytest.fixture(scope="module")
def skipped(baseline: Baseline, weekly: Editable, london: Editable, tmp_path_factory: pytest.TempPathFactory) -> Run:
    """One sync of a folder with several figures spoiled: text where 5231's median belongs, £50 as 9263's median,
    unit group 5223 gone from the hours table, an extra year column beside ASHE's figures (2023) and one beside
    DfE's (2040, beyond the projection's end) in Greater London's Occ T2."""
    sheet = weekly.book["Full-Time"]
    cells: dict[tuple[str, str], Any] = {("Full-Time", f"D{weekly.row_of('Full-Time', '5231')}"): "about 680",
                                         ("Full-Time", f"D{weekly.row_of('Full-Time', '9263')}"): 50,
                                         ("Full-Time", "R5"): 2023}
    for row in range(6, sheet.max_row + 1):
        if isinstance(sheet[f"B{row}"].value, str) and sheet[f"B{row}"].value.isdigit():
            cells[("Full-Time", f"R{row}")] = sheet[f"D{row}"].value  # last year's medians, as such a column holds
    spoiled_weekly = weekly.variant(cells)
    hours = Editable(member(baseline.releases / ASHE_ZIP, "14.9a   Paid hours worked - Total"))
    hours.book["Full-Time"].delete_rows(hours.row_of("Full-Time", "5223"))
    spoiled_hours = hours.variant({})
    london_cells: dict[tuple[str, str], Any] = {("Occ T2", "G6"): 2040}
    levels = london.row_of("Occ T2", "Levels", "A")
    total = london.row_of("Occ T2", "All occupations", "A")
    for row in range(levels + 1, total + 1):
        if isinstance(london.book["Occ T2"][f"F{row}"].value, float):
            london_cells[("Occ T2", f"G{row}")] = london.book["Occ T2"][f"F{row}"].value * 1.01
    assert len(london_cells) == 1 + 26 + 1  # the heading, the sub-major groups and their total
    spoiled_london = london.variant(london_cells)

    def spoil(folder: Path) -> None:
        replace_member(folder / ASHE_ZIP, "14.1a", spoiled_weekly)
        replace_member(folder / ASHE_ZIP, "14.9a", spoiled_hours)
        (folder / LONDON).write_bytes(spoiled_london)

    run = spoiled(baseline, tmp_path_factory.mktemp("skipped"), spoil)
    assert run.code == 0, run.err
    return run


def test_text_where_a_number_belongs_is_skipped_naming_the_cell(skipped: Run, baseline: Baseline) -> None:
    assert f'{WEEKLY}, sheet "Full-Time", row 338, column D: \'about 680\' where a number belongs; kept as a gap' \
           in skipped.notes()
    now, before = earnings(skipped.data, "5231")[2024], earnings(baseline.data, "5231")[2024]
    # the weekly pay is not known (never a number made of the text); the other tables' figures stay
    assert (now.weekly_pay, now.weekly_pay_low, now.weekly_pay_high) == (None, None, None)
    assert (now.annual_pay, now.weekly_hours) == (before.annual_pay, before.weekly_hours) == (35540.0, 41.4)


def test_a_figure_outside_believable_bounds_is_skipped_with_its_reason(skipped: Run, baseline: Baseline) -> None:
    assert f'{WEEKLY}, sheet "Full-Time", row 552 (9263): median weekly_pay 50 is outside 100-10000; skipped' \
           in skipped.notes()
    now, before = earnings(skipped.data, "9263")[2024], earnings(baseline.data, "9263")[2024]
    assert before.weekly_pay == 456.2 and now.weekly_pay is None and now.annual_pay == before.annual_pay


def test_a_unit_group_missing_from_one_table_is_noted(skipped: Run, baseline: Baseline) -> None:
    assert f'{HOURS}, sheet "Full-Time": unit group 5223 is missing; its weekly_hours is not known' in skipped.notes()
    now, before = earnings(skipped.data, "5223")[2024], earnings(baseline.data, "5223")[2024]
    assert before.weekly_hours == 40.0 and now.weekly_hours is None and now.weekly_pay == before.weekly_pay == 764.0


def test_an_extra_column_beside_ashes_figures_is_ignored_with_a_note(skipped: Run) -> None:
    assert f'{WEEKLY}, sheet "Full-Time", row 5, column R: unknown column 2023; ignored' in skipped.notes()


def test_every_other_figure_installs_as_before(skipped: Run, baseline: Baseline) -> None:
    assert PackStore(skipped.data).entries()["official"].sha256 != baseline.entries["official"].sha256
    now = installed_tables(skipped.data)
    assert [r for r in now["earnings"] if r["soc2020"] not in CHANGED] == \
           [r for r in baseline.tables["earnings"] if r["soc2020"] not in CHANGED]
    for table in ("employment", "averages", "soc_groups", "occupations", "areas", "group_change", "group_gender",
                  "group_qualifications", "industries", "industry_outlook"):
        assert now[table] == baseline.tables[table], table
    assert [r for r in now["group_outlook"] if r["year"] != 2040] == baseline.tables["group_outlook"]
    assert len(skipped.notes()) == 4, skipped.notes()


def test_an_extra_year_column_in_a_projection_is_read_as_one_more_year(skipped: Run, baseline: Baseline) -> None:
    now, before = group_outlook(skipped.data, "5231"), group_outlook(baseline.data, "5231")
    london_now, london_before = now["Greater London"], before["Greater London"]
    assert [y for y, _ in london_now.employment] == [y for y, _ in london_before.employment] + [2040]
    assert london_now.employment[:-1] == london_before.employment
    assert london_now.employment[-1][1] == pytest.approx(dict(london_before.employment)[2035] * 1.01, abs=1)
    # the projection's period and change are still its own: 2020 to 2035
    period = (london_now.from_year, london_now.to_year)
    assert period == (london_before.from_year, london_before.to_year) == (2020, 2035)
    assert london_now.net_change == london_before.net_change
    assert now["England"] == before["England"]


def test_an_lsip_area_the_lookup_does_not_list_is_skipped(baseline: Baseline, london: Editable,
                                                          tmp_path: Path) -> None:
    assert (london.book["Info"]["B1"].value, london.book["Info"]["A5"].value) == ("13. Greater London", "LSIP name")
    atlantis = london.variant({("Info", "B1"): "39. Atlantis", ("Info", "B5"): "Atlantis"})
    run = spoiled(baseline, tmp_path, lambda folder: (folder / LONDON).write_bytes(atlantis))
    assert run.code == 0, run.err
    assert run.notes() == [f'{LONDON}, sheet "Info", row 5, column B: "Atlantis" is not an LSIP area in '
                           "LSIP_lookup.xlsx; this workbook is skipped"]
    assert [a["name"] for a in installed_tables(run.data)["areas"]] == ["UK", "England"]
    with reading(run.data) as reader:
        assert "Atlantis" not in reader.regions() and "Greater London" not in reader.regions()
    assert group_outlook(run.data, "5231")["England"] == group_outlook(baseline.data, "5231")["England"]

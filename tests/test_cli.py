"""Every `kiosk` command, run as a user would, with its output and exit code."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.config import ASSETS_DIR
from tests.helpers.packs import make_pack


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_pack_build_verify_import_list_remove(capsys, tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    version = tomllib.loads((ASSETS_DIR / "sample" / "pack.toml").read_text())["content_version"]
    code, out, _ = run(capsys, "pack", "build", "assets/sample", "-o", str(tmp_path / "sample.zip"))
    assert code == 0 and out.startswith(f"built {tmp_path / 'sample.zip'}: sample {version}")
    code, out, _ = run(capsys, "pack", "verify", str(tmp_path / "sample.zip"))
    assert code == 0 and out.startswith(f"ok: sample {version} by Careers Kiosk project")
    assert ", not signed, sha256 " in out
    make_pack(tmp_path / "school.zip", {"events": [
        {"id": "fair", "title": "Careers fair", "kind": "careers_fair", "starts": "2027-03-01"}]},
        pack_id="our-school", layer="school")
    code, out, _ = run(capsys, "pack", "import", str(tmp_path / "school.zip"), "--data-dir", data)
    assert code == 0 and out == "installed our-school 1.0\n"
    code, out, _ = run(capsys, "pack", "list", "--json", "--data-dir", data)
    assert {p["pack_id"] for p in json.loads(out)} == {"sample", "library", "official", "our-school"}
    make_pack(tmp_path / "school2.zip", {"events": [
        {"id": "fair", "title": "Careers fair", "kind": "careers_fair", "starts": "2027-03-02"}]},
        pack_id="our-school", layer="school", version="1.1")
    code, out, _ = run(capsys, "pack", "import", str(tmp_path / "school2.zip"), "--data-dir", data)
    assert out == "installed our-school 1.1 (replacing 1.0, kept as last-known-good)\n"
    code, out, _ = run(capsys, "pack", "list", "--data-dir", data)
    assert "our-school  1.1  installed" in out and "last-known-good 1.0" in out
    code, out, _ = run(capsys, "pack", "remove", "our-school", "--data-dir", data)
    assert code == 0 and out == "removed our-school 1.1\n"


def test_refusals_print_the_reason_and_exit_1(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_text("hello")
    code, out, err = run(capsys, "pack", "verify", str(bad))
    assert (code, out) == (1, "") and err == "kiosk: the file is not a pack: it is not a zip file\n"
    code, _, err = run(capsys, "pack", "import", str(bad), "--data-dir", str(tmp_path / "d"))
    assert code == 1 and "not a zip file" in err
    for built_in in ("official", "library"):  # the built-in packs can go; the sample is then the only pack
        code, _, _ = run(capsys, "pack", "remove", built_in, "--data-dir", str(tmp_path / "d"))
        assert code == 0
    code, _, err = run(capsys, "pack", "remove", "sample", "--data-dir", str(tmp_path / "d"))
    assert code == 1 and "the only installed pack" in err


def test_search_json(capsys, data_dir: Path) -> None:
    code, out, _ = run(capsys, "search", "nurce", "--json", "--data-dir", str(data_dir))
    hits = json.loads(out)
    assert code == 0 and hits[0]["id"] == "nurse"
    assert set(hits[0]) == {"id", "title", "soc2010", "soc2020", "score"}
    assert hits[0]["soc2010"] == "2231" and hits[0]["score"] >= hits[-1]["score"]


def test_show_json_has_every_figure_with_its_source(capsys, data_dir: Path) -> None:
    code, out, _ = run(capsys, "show", "nurse", "--json", "--data-dir", str(data_dir))
    occ = json.loads(out)
    assert code == 0 and occ["title"] == "Nurse"
    # The kiosk's own official figures (installed on its first start) replace the test pack's pay, matched on
    # the nurse's SOC 2020 code; every figure names its year, place and source.
    assert [f["year"] for f in occ["pay"]["UK"]] == [2023, 2024]
    assert occ["pay"]["UK"][-1]["source"]["name"] == "ONS, Annual Survey of Hours and Earnings 2024 (provisional), Table 14"
    assert occ["pay"]["UK"][-1]["source"]["licence"] == "Open Government Licence v3.0"
    assert [(e["soc2020"], e["region"], e["year"]) for e in occ["earnings"]] == [("2237", "UK", 2023), ("2237", "UK", 2024)]
    assert occ["outlook"]["UK"][0]["source"] == {
        "name": "Test figures", "licence": "CC0 1.0", "retrieved": "2026-11-01", "url": ""}
    assert len(occ["outlook"]["UK"]) == 12
    code, _, err = run(capsys, "show", "astronaut", "--data-dir", str(data_dir))
    assert code == 1 and "no occupation with id 'astronaut'" in err


def test_show_in_words(capsys, data_dir: Path) -> None:
    code, out, _ = run(capsys, "show", "plumber", "--data-dir", str(data_dir))
    assert code == 0 and out.splitlines()[0] == "Plumber" and "Pay and hours" in out


def official_source_names() -> dict[str, str]:
    """The shipped official figures' sources, by id, as pack.toml names them."""
    return {s["id"]: s["name"] for s in tomllib.loads((ASSETS_DIR / "official" / "pack.toml").read_text())["source"]}


def test_list_json_gives_every_occupation_its_codes_figures_and_sources(capsys, data_dir: Path, tmp_path: Path) -> None:
    make_pack(tmp_path / "extra.zip", {"sectors": [{"id": "arts", "name": "Arts"}], "occupations": [
        {"id": "juggler", "title": "Juggler", "sector": "arts"}]}, pack_id="extra")
    assert run(capsys, "pack", "import", str(tmp_path / "extra.zip"), "--data-dir", str(data_dir))[0] == 0
    code, out, _ = run(capsys, "list", "--json", "--data-dir", str(data_dir))
    listed = json.loads(out)
    found = {o["id"]: o for o in listed}
    names = official_source_names()
    ashe = sorted(n for i, n in names.items() if i.startswith("ons-ashe-"))
    [aps] = [n for i, n in names.items() if i.startswith("ons-aps-")]
    assert code == 0 and len(ashe) == 2
    # The official pay and hours replace the test pack's by SOC 2020 code; the outlook is the job's own and its
    # SOC 2020 group's projection; jobs are the people the official figures count in its unit group.
    assert found["nurse"] == {"id": "nurse", "title": "Nurse", "soc2020": "2237", "soc2010": "2231", "figures": {
        "pay": ashe, "hours": ashe, "jobs": [aps], "outlook": sorted([names["dfe-skills-imperative-2035"],
                                                                     "Test figures"])}}
    assert found["juggler"] == {"id": "juggler", "title": "Juggler", "soc2020": None, "soc2010": None,
                                "figures": {"pay": [], "hours": [], "jobs": [], "outlook": []}}
    assert {"plumber", "electrician", "veterinarian", "dental-nurse"} <= set(found)
    # A unit group the test pack does not describe: the job library's entry, with the official figures.
    [group] = [o for o in listed if o["soc2020"] == "4111"]
    assert group["soc2010"] is None and group["figures"]["outlook"] == [names["dfe-skills-imperative-2035"]]
    titles = [o["title"].casefold() for o in listed]
    assert titles == sorted(titles) and len(listed) == len(found)


def test_list_in_words_is_one_line_per_occupation_with_its_sources_named_below(capsys, data_dir: Path) -> None:
    code, out, _ = run(capsys, "list", "--data-dir", str(data_dir))
    listed = json.loads(run(capsys, "list", "--json", "--data-dir", str(data_dir))[1])
    lines, legend = out.split("\n\nSources:\n")
    lines = lines.splitlines()
    assert code == 0 and len(lines) == len(listed) and all(line.startswith(o["id"]) for line, o in zip(lines, listed))
    numbered = dict(re.fullmatch(r"  \[(\d+)\] (.+)", line).groups() for line in legend.splitlines())
    [nurse] = [line for line in lines if line.startswith("nurse ")]
    match = re.fullmatch(r"nurse +2237  2231  Nurse: pay \[(\d+), (\d+)\]; hours \[\1, \2\]; jobs \[(\d+)\]; "
                         r"outlook \[(\d+), (\d+)\]", nurse)
    assert match, nurse
    names = official_source_names()
    assert [numbered[n] for n in match.groups()] == [
        *sorted(n for i, n in names.items() if i.startswith("ons-ashe-")),
        *[n for i, n in names.items() if i.startswith("ons-aps-")],
        *sorted([names["dfe-skills-imperative-2035"], "Test figures"])]


def test_first_use_installs_the_sample(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "fresh"))
    code, out, _ = run(capsys, "search", "plumer", "--json")
    assert code == 0 and json.loads(out)[0]["title"] == "Plumber"
    assert (tmp_path / "fresh" / "kiosk.db").is_file()


def test_doctor_ok_and_fault(capsys, data_dir: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "doctor", "--json", "--data-dir", str(data_dir))
    checks = {c["name"]: c for c in json.loads(out)}
    assert code == 0, out
    assert checks["pack national"]["detail"].startswith("version 1.0, made 2026-11-24T09:00:00+00:00, installed")
    assert checks["database"]["status"] == "ok"
    assert checks["qt"]["status"] == "ok" and "PySide6 6.11" in checks["qt"]["detail"]
    assert checks["speech"]["status"] in ("ok", "warning") and checks["symbols"]["status"] == "warning"
    (data_dir / "kiosk.db").write_bytes(b"this is not a database" * 500)
    for suffix in ("-wal", "-shm"):
        Path(str(data_dir / "kiosk.db") + suffix).unlink(missing_ok=True)
    code, out, _ = run(capsys, "doctor", "--data-dir", str(data_dir))
    assert code == 1 and "FAULT    database" in out
    code, out, _ = run(capsys, "doctor", "--data-dir", str(tmp_path / "empty"))
    assert code == 1 and "FAULT    packs: no packs are installed" in out


def test_tour_rejects_a_bad_size(capsys, data_dir: Path, tmp_path: Path) -> None:
    code, _, err = run(capsys, "tour", "--out", str(tmp_path), "--size", "big", "--data-dir", str(data_dir))
    assert code == 2 and "--size must look like 1920x1080" in err


def test_a_bad_setting_stops_no_command(capsys, caplog, data_dir: Path) -> None:
    (data_dir / "settings.toml").write_text("idle_warning_s = 3\n")
    code, out, _ = run(capsys, "search", "nurse", "--json", "--data-dir", str(data_dir))
    assert code == 0 and json.loads(out)[0]["title"] == "Nurse"
    assert "idle_warning_s must be at least 20 seconds" in caplog.text


def test_unknown_run_options_are_refused(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["run", "--fullscreen-please"])
    assert stop.value.code == 2 and "unrecognized arguments: --fullscreen-please" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [[], ["--windowed"], ["run"], ["run", "--windowed", "--data-dir", "/tmp/x"], ["--data-dir=/tmp/x"]],
)
def test_the_quick_start_path_reads_what_argparse_would(argv: list[str]) -> None:
    from kiosk.cli import _parser, _quick_run_args

    quick = _quick_run_args(argv[1:] if argv[:1] == ["run"] else argv)
    full = _parser().parse_args(argv)
    assert quick is not None
    assert quick.windowed == full.windowed
    assert getattr(quick, "data_dir", None) == getattr(full, "data_dir", None)


@pytest.mark.parametrize("argv", [["--help"], ["--data-dir"], ["--windowd"], ["-x"]])
def test_anything_else_goes_to_argparse(argv: list[str]) -> None:
    from kiosk.cli import _quick_run_args

    assert _quick_run_args(argv) is None


def test_the_kiosk_turns_the_garbage_collector_back_on_after_its_first_paint(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    probe = (
        "import gc\n"
        "gc.disable()  # as `kiosk run` does\n"
        "from kiosk.app import run_kiosk\n"
        "from kiosk.config import load_settings\n"
        f"run_kiosk(load_settings({str(tmp_path)!r}, windowed=True), quit_after_first_paint=True)\n"
        "print('gc on:', gc.isenabled(), 'frozen:', gc.get_freeze_count() > 0)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert "gc on: True frozen: True" in done.stdout


def test_doctor_names_why_qt_cannot_start(capsys, data_dir: Path, monkeypatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "no-such-platform")
    code, out, _ = run(capsys, "doctor", "--data-dir", str(data_dir))
    assert code == 1
    assert "FAULT    qt: Qt cannot start on platform no-such-platform: " in out
    assert 'Could not find the Qt platform plugin "no-such-platform"' in out


def test_symbols_commands(capsys, tmp_path: Path) -> None:
    from tests.access.test_image_check import GOOD_SVG

    data = str(tmp_path / "data")
    code, out, _ = run(capsys, "symbols", "list", "--data-dir", data)
    assert (code, out) == (0, "")
    folder = tmp_path / "ours"
    folder.mkdir()
    (folder / "local.csv").write_text("word,file,credit,licence_note\nnurse,n.svg,Our art club,ok\nchef,c.svg,Us,ok\n")
    (folder / "n.svg").write_bytes(GOOD_SVG)
    code, out, _ = run(capsys, "symbols", "import", str(folder), "--format", "folder", "--data-dir", data)
    assert code == 0 and "skipped: local.csv line 3: c.svg does not exist" in out
    assert "imported Our school's symbols: 1 symbols" in out
    code, out, _ = run(capsys, "symbols", "order", "school", "--data-dir", data)
    assert code == 0 and out.startswith("1. school  Our school's symbols")
    code, _, err = run(capsys, "symbols", "order", "nonesuch", "--data-dir", data)
    assert code == 1 and "no symbol set with id 'nonesuch'" in err
    code, _, err = run(capsys, "symbols", "import", str(tmp_path / "nowhere"), "--format", "mulberry", "--data-dir", data)
    assert code == 1 and "neither a folder nor a zip file" in err
    code, out, _ = run(capsys, "symbols", "coverage", "--json", "--data-dir", data)
    report = json.loads(out)
    assert code == 0 and report["key_words"] > 1000 and 0 < report["with_symbol"] < report["key_words"]


def test_staff_set_pin_from_standard_input(capsys, monkeypatch, tmp_path: Path) -> None:
    import io

    from kiosk.staff.pin import pin_store

    data = tmp_path / "data"
    monkeypatch.setattr("sys.stdin", io.StringIO("12ab\n"))
    code, _, err = run(capsys, "staff", "set-pin", "--stdin", "--data-dir", str(data))
    assert code == 1 and "must be digits only" in err and not pin_store(data).is_set
    monkeypatch.setattr("sys.stdin", io.StringIO("482916\n"))
    code, out, _ = run(capsys, "staff", "set-pin", "--stdin", "--data-dir", str(data))
    assert code == 0 and "the staff PIN is set" in out
    assert pin_store(data).check("482916").ok and "482916" not in (data / "staff-pin.json").read_text()


def test_pack_scan_checks_each_pack_in_the_folders_given(capsys, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    make_pack(stick / "national.zip")
    (stick / "broken.zip").write_bytes(b"PK\x03\x04 not really a zip")
    code, out, _ = run(capsys, "pack", "scan", str(stick), "--json", "--data-dir", str(tmp_path / "data"))
    found = {Path(p["path"]).name: p for p in json.loads(out)["packs"]}
    assert code == 0 and found["national.zip"]["pack_id"] == "national" and found["national.zip"]["problem"] is None
    assert "truncated or damaged" in found["broken.zip"]["problem"]


def test_staff_set_pin_on_a_full_disk_says_so(capsys, monkeypatch, tmp_path: Path) -> None:
    import errno
    import io

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("kiosk.staff.pin.write_file_atomically", full)
    monkeypatch.setattr("sys.stdin", io.StringIO("482916\n"))
    code, _, err = run(capsys, "staff", "set-pin", "--stdin", "--data-dir", str(tmp_path / "data"))
    assert code == 1 and err.startswith("kiosk: the staff PIN could not be saved (") and "nothing was changed" in err

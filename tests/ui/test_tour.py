"""`kiosk tour` renders every screen to a PNG of the requested size, and none is blank."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.cli import main


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
def test_tour_renders_every_screen_in_every_mode(qapp, capsys, data_dir: Path, tmp_path: Path, size) -> None:
    out = tmp_path / "tour"
    assert main(["tour", "--out", str(out), "--size", f"{size[0]}x{size[1]}", "--data-dir", str(data_dir)]) == 0
    # Every mode's screens, in the tour's order; the file names number them from 01.
    # The showcase job, then the job library's page for its whole unit group (every mode shows a library page).
    first = ["home", "how-it-looks", "sectors", "sector", "occupation", "occupation-end", "occupation-group",
             "occupation-group-end", "compare-pick", "compare"]
    school = ["routes", "route", "route-end", "route-jobs", "levels", "stories", "story", "events", "event", "library",
              "library-send", "resource"]
    # With the kiosk set to an area the official figures have: a job page and "Jobs in our area" there.
    area = ["occupation-in-greater-london", "occupation-in-greater-london-end", "local-in-greater-london",
            "local-in-greater-london-end"]
    # Home with something kept: My list's count is in the top bar and home has no more tiles than before.
    keep = ["take-this-home", "my-list", "home-with-my-list", "careers-sheet-printed", "missing-page", "idle-warning"]
    lists = ["subjects", "subject-by-pay", "route-kinds", "route-kind", "local", "local-end", "myths", *area,
             "growing-jobs", "jobs-a-to-z"]
    explore = [*lists, *keep]
    likes = ["things-i-like", "things-i-like-jobs"]
    # With typing, a letter of the A to Z list's letter strip tapped (big pictures narrows a list instead).
    typing = (first + school + likes + ["search", "search-results", "search-nothing-found", "search-same-kind"] + lists
              + ["jobs-a-to-z-letter"] + keep)
    # Big pictures: the showcase job's facts as cells (each opens one big picture), the picker narrowed by kinds,
    # and compare as cards for three jobs and for two.
    no_typing = (first[:-2] + ["occupation-pay", "occupation-jobs-in-the-future", "occupation-more", "compare-pick",
                               "compare-pick-kind", "compare", "compare-two-jobs"] + school + likes + explore)

    def numbered(names: list[str]) -> list[str]:
        return [f"{n:02d}-{name}" for n, name in enumerate(names, 1)]

    staff = ["01-pin-pad", "02-pin-pad-wait", "03-up-to-date", "04-up-to-date-syncing", "05-up-to-date-synced",
             "06-up-to-date-details", "07-import", "08-import-stick", "09-export", "10-export-stick", "11-settings",
             "12-settings-ncs-key", "13-usage", "14-leave", "15-resting"]
    expected = {"standard": numbered(typing), "picture": numbered(typing), "high-contrast": numbered(typing),
                "large-symbols": numbered(no_typing), "staff": staff}
    for mode, names in expected.items():
        assert sorted(p.stem for p in (out / mode).glob("*.png")) == names, mode
        for name in names:
            image = QImage(str(out / mode / f"{name}.png"))
            assert (image.width(), image.height()) == size, name
            colours = {image.pixel(x, y) for x in range(0, size[0], 7) for y in range(0, size[1], 5)}
            assert len(colours) > 20, f"{mode}/{name} looks blank: {len(colours)} colours"
    # Each picture of a section at work differs from the one at rest (a pretend sync or stick that did nothing
    # would leave them the same).
    for rest, at_work in [("01-pin-pad", "02-pin-pad-wait"), ("03-up-to-date", "04-up-to-date-syncing"),
                          ("04-up-to-date-syncing", "05-up-to-date-synced"), ("05-up-to-date-synced",
                          "06-up-to-date-details"), ("07-import", "08-import-stick"), ("09-export", "10-export-stick"),
                          ("11-settings", "12-settings-ncs-key")]:
        assert QImage(str(out / "staff" / f"{rest}.png")) != QImage(str(out / "staff" / f"{at_work}.png")), at_work
    for mode in ("standard", "picture", "high-contrast", "large-symbols"):  # the area's page is not the UK's
        names = expected[mode]
        local, there = (names[[n[3:] for n in names].index(k)] for k in ("local", "local-in-greater-london"))
        assert QImage(str(out / mode / f"{local}.png")) != QImage(str(out / mode / f"{there}.png")), mode
    total = sum(len(names) for names in expected.values())
    assert total == 207 and f"wrote {total} screens to {out}" in capsys.readouterr().out
    # The careers sheet each mode printed went to a PDF in the tour's folder (never a printer), with a picture of
    # its page: A4-shaped, and not blank.
    papers = sorted((out / "sheets").glob("*.png"))
    assert len(papers) == len(sorted((out / "sheets").glob("*.pdf"))) == 4
    assert [p.name for p in papers] == [f"careers-sheet-{mode}.png" for mode in  # each named for its mode
                                        ("high-contrast", "large-symbols", "picture", "standard")]
    for paper in papers:
        image = QImage(str(paper))
        assert abs(image.height() / image.width() - 297 / 210) < 0.01
        assert len({image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, 400, 3)}) > 2
    for own in ("usage.db", "staff-pin.json", "ncs-api-key"):
        assert not (data_dir / own).exists(), own  # the tour keeps its own, and never touches the kiosk's


def test_a_link_planted_in_the_tours_folder_is_refused_not_followed(capsys, data_dir: Path, tmp_path: Path) -> None:
    from tests.helpers.trees import tree_state

    out, elsewhere = tmp_path / "stick" / "tour", tmp_path / "elsewhere"
    out.mkdir(parents=True)
    elsewhere.mkdir()
    (out / "standard").symlink_to(elsewhere)  # the pictures would land wherever it leads
    before = tree_state(tmp_path, leave_out=(out,))
    assert main(["tour", "--out", str(out), "--data-dir", str(data_dir)]) == 1
    assert tree_state(tmp_path, leave_out=(out,)) == before
    assert f"{out / 'standard'} is a link or a file, not a folder" in capsys.readouterr().err


def test_the_json_manifest_says_what_each_picture_shows(qapp, capsys, data_dir: Path, tmp_path: Path) -> None:
    import json

    from tests.helpers.symbols import install_every_concept_symbol

    install_every_concept_symbol(data_dir, tmp_path)  # every concept has a picture (all alike: compare names)
    out, elsewhere = tmp_path / "tour", tmp_path / "elsewhere.json"
    out.mkdir()
    elsewhere.write_text("[]")
    (out / "manifest.json").symlink_to(elsewhere)  # replaced as a name, never written through
    assert main(["tour", "--json", "--out", str(out), "--data-dir", str(data_dir)]) == 0
    assert elsewhere.read_text() == "[]" and not (out / "manifest.json").is_symlink()
    entries = json.loads((out / "manifest.json").read_text())
    # One entry per picture written, in the order written: each mode's screens by number, then staff's.
    files = [e["file"] for e in entries]
    pngs = [f"{p.parent.name}/{p.name}" for p in out.glob("*/*.png") if p.parent.name != "sheets"]
    assert sorted(files) == sorted(pngs) and len(files) == 207
    folders = list(dict.fromkeys(f.split("/")[0] for f in files))
    assert folders == ["standard", "picture", "large-symbols", "high-contrast", "staff"]
    assert files == sorted(files, key=lambda f: (folders.index(f.split("/")[0]), f))
    at = {e["file"]: e for e in entries}
    words, pictures = at["standard/05-occupation.png"], at["picture/05-occupation.png"]
    assert words["mode"] == "standard" and pictures["mode"] == "picture"
    assert at["high-contrast/01-home.png"]["high_contrast"] and not at["standard/01-home.png"]["high_contrast"]
    assert pictures["page"] == {"kind": "occupation", "key": "nurse"} and at["staff/01-pin-pad.png"]["page"] is None
    # Words mode draws no symbols; picture mode's tiles carry their concept and symbol file.
    assert words["tiles"] and all(t["concept"] is None and t["symbol"] is None for t in words["tiles"])
    pictured = [t for t in pictures["tiles"] if t["concept"]]
    assert pictured and all(t["symbol"].endswith(".svg") for t in pictured)
    assert {"Back", "Home"} <= {t["label"].split()[-1] for t in pictures["controls"]}
    # The job page is long: at its top there is more to scroll to; the home page has nothing to scroll.
    assert pictures["scrolls"] and not at["standard/01-home.png"]["scrolls"]
    smallest = pictures["smallest_target"]
    every = pictures["tiles"] + pictures["controls"]
    assert min(min(t["width"], t["height"]) for t in every) == min(smallest["width"], smallest["height"])
    looks = {t["label"]: t["marked"] for t in at["picture/02-how-it-looks.png"]["tiles"]}
    assert looks["Words and pictures"] and not looks["Words"] and not looks["Big pictures"]
    # A job list says how it is sorted and which letters its strip offers (the first letters of its jobs); home
    # with a job kept has My list's count in the top bar.
    from kiosk.content.reader import open_reader
    from kiosk.ui.widgets.list_tools import first_letter

    r = open_reader(data_dir / "kiosk.db")
    try:
        starts = "".join(sorted({first_letter(o.title) for o in r.occupations(limit=480)} - {""}))
    finally:
        r.close()
    named = {f"{e['file'].split('/')[0]}/{e['file'].split('-', 1)[1]}": e for e in entries}
    a_to_z = named["standard/jobs-a-to-z.png"]
    assert a_to_z["sort"] == "A to Z" and a_to_z["letters"] == starts and len(starts) > 10
    assert named["standard/home.png"]["sort"] is None
    assert "My list (1)" in {t["label"] for t in named["picture/home-with-my-list.png"]["controls"]}
    for entry in entries:  # no screen shows two tiles alike
        symbols = [t["symbol"] for t in entry["tiles"] if t["symbol"]]
        assert len(symbols) == len(set(symbols)), entry["file"]

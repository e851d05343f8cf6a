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
    common = ["01-home", "02-how-it-looks", "03-sectors", "04-sector", "05-occupation", "06-occupation-end"]
    typing = ["07-search", "08-search-results", "09-search-nothing-found", "10-growing-jobs", "11-jobs-a-to-z",
              "12-missing-page", "13-idle-warning"]
    no_typing = ["07-things-i-like", "08-things-i-like-jobs", "09-growing-jobs", "10-jobs-a-to-z",
                 "11-missing-page", "12-idle-warning"]
    staff = ["01-pin-pad", "02-pin-pad-wait", "03-content", "04-content-syncing", "05-content-synced", "06-import",
             "07-import-stick", "08-export", "09-export-stick", "10-settings", "11-settings-ncs-key", "12-usage",
             "13-leave"]
    expected = {"standard": common + typing, "picture": common + typing, "high-contrast": common + typing,
                "large-symbols": common + no_typing, "staff": staff}
    for mode, names in expected.items():
        assert sorted(p.stem for p in (out / mode).glob("*.png")) == names, mode
        for name in names:
            image = QImage(str(out / mode / f"{name}.png"))
            assert (image.width(), image.height()) == size, name
            colours = {image.pixel(x, y) for x in range(0, size[0], 7) for y in range(0, size[1], 5)}
            assert len(colours) > 20, f"{mode}/{name} looks blank: {len(colours)} colours"
    # Each picture of a section at work differs from the one at rest (a pretend sync or stick that did nothing
    # would leave them the same).
    for rest, at_work in [("01-pin-pad", "02-pin-pad-wait"), ("03-content", "04-content-syncing"),
                          ("04-content-syncing", "05-content-synced"), ("06-import", "07-import-stick"),
                          ("08-export", "09-export-stick"), ("10-settings", "11-settings-ncs-key")]:
        assert QImage(str(out / "staff" / f"{rest}.png")) != QImage(str(out / "staff" / f"{at_work}.png")), at_work
    assert f"wrote 64 screens to {out}" in capsys.readouterr().out
    for own in ("usage.db", "staff-pin.json", "ncs-api-key"):
        assert not (data_dir / own).exists(), own  # the tour keeps its own, and never touches the kiosk's

"""`kiosk tour` renders every screen to a PNG of the requested size, and none is blank."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.cli import main


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
def test_tour_renders_every_screen(qapp, capsys, data_dir: Path, tmp_path: Path, size) -> None:
    out = tmp_path / "tour"
    assert main(["tour", "--out", str(out), "--size", f"{size[0]}x{size[1]}", "--data-dir", str(data_dir)]) == 0
    names = sorted(p.name for p in out.glob("*.png"))
    assert names == [
        "01-home.png", "02-sectors.png", "03-sector.png", "04-occupation.png", "05-occupation-end.png",
        "06-search.png", "07-search-results.png", "08-search-nothing-found.png", "09-growing-jobs.png",
        "10-jobs-a-to-z.png", "11-missing-page.png", "12-idle-warning.png",
    ]
    for name in names:
        image = QImage(str(out / name))
        assert (image.width(), image.height()) == size, name
        colours = {image.pixel(x, y) for x in range(0, size[0], 7) for y in range(0, size[1], 5)}
        assert len(colours) > 20, f"{name} looks blank: {len(colours)} colours"
    assert f"wrote 12 screens to {out}" in capsys.readouterr().out

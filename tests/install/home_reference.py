"""Run by the installed kiosk's Python (offscreen): render home and the page one tile opens; print the tiles.

Usage: python home_reference.py DATA_DIR WIDTH HEIGHT OUT_DIR TILE_TEXT
Writes OUT_DIR/home.png and OUT_DIR/tapped.png; prints {button text: [x, y] centre in the window} as JSON.
"""

import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QApplication

from kiosk.app import build_window, prepare_content
from kiosk.config import load_settings
from kiosk.content.reader import open_reader

data_dir, out, tile = Path(sys.argv[1]), Path(sys.argv[4]), sys.argv[5]
width, height = int(sys.argv[2]), int(sys.argv[3])
app = QApplication(["home-reference"])
settings = load_settings(data_dir)
store, _ = prepare_content(settings)
reader = open_reader(store.db_path, immutable=store.db_immutable)
window = build_window(settings, reader, (width, height))
window.show()
window.prepare()  # as the kiosk does just after its first paint: the symbol sets
app.processEvents()
buttons = {b.text(): b for b in window.findChildren(QAbstractButton) if b.isVisible() and b.text()}
centres = {text: list(b.mapTo(window, b.rect().center()).toTuple()) for text, b in buttons.items()}
window.grab().save(str(out / "home.png"))
buttons[tile].click()
app.processEvents()
window.grab().save(str(out / "tapped.png"))
print(json.dumps(centres))
window.allow_close = True
window.close()
reader.close()

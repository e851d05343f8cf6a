"""Guard against the PySide6 6.12.0 bug that drops references to None until the process aborts.

See ../shared/reference/kiosk-operations.md §1.1 and §8. The calls run in a subprocess, so a bad
version fails this test instead of aborting the whole run.
"""

from __future__ import annotations

import os
import subprocess
import sys

GUARD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
timer = QTimer()
before = sys.getrefcount(None)
for i in range(3000):
    label.setText("x")
    label.update()
    timer.setInterval(i % 100 + 1)
print(before - sys.getrefcount(None))
"""


def test_pyside_keeps_none_alive() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", GUARD], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr  # 6.12.0 on 3.11: none_dealloc at exit
    assert int(run.stdout) <= 10, f"None lost {run.stdout.strip()} references: PySide6 has the none_dealloc bug"


def test_the_pinned_version_is_the_one_installed() -> None:
    from importlib.metadata import version

    assert version("PySide6-Essentials") == version("PySide6-Addons") == "6.11.3"

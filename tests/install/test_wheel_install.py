"""The kiosk installed from its wheel, outside the checkout, carries everything it reads at run time (issue 16)."""

from __future__ import annotations

import pytest

from tests.install.conftest import run

pytestmark = pytest.mark.slow


def test_the_installed_kiosk_reads_its_data_from_inside_the_package(installed_kiosk) -> None:
    done = run([installed_kiosk.python, "-c",
                "import kiosk.config as c; print(c.ASSETS_DIR); print(c.LEXICON_DIR)"], cwd=installed_kiosk.venv)
    assets, lexicon = done.stdout.split()
    assert assets.startswith(str(installed_kiosk.venv)) and assets.endswith("kiosk/assets")
    assert lexicon.startswith(str(installed_kiosk.venv)) and lexicon.endswith("kiosk/symbols")

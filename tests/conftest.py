"""Test set-up: Qt runs offscreen, gui tests are marked, and leftover running timers fail a test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from kiosk.config import ASSETS_DIR, Settings, load_settings  # noqa: E402
from kiosk.content.pack_source import build_pack  # noqa: E402
from kiosk.content.pack_store import PackStore  # noqa: E402
from kiosk.content.reader import ContentReader, open_reader  # noqa: E402
from tests.helpers.packs import make_pack  # noqa: E402

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if {"qapp", "qtbot"} & set(getattr(item, "fixturenames", ())):
            item.add_marker("gui")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data directory with the small national test pack installed (a command run on it starts the content as
    the kiosk does, which adds the built-in official figures)."""
    pack = make_pack(tmp_path / "national.zip")
    store = PackStore(tmp_path / "data")
    store.install(tmp_path / "national.zip")
    assert store.entries()["national"].sha256 == pack.sha256
    return tmp_path / "data"


@pytest.fixture
def reader(data_dir: Path):
    r = open_reader(data_dir / "kiosk.db")
    yield r
    r.close()


@pytest.fixture
def settings(data_dir: Path) -> Settings:
    return load_settings(data_dir, environ={})


@pytest.fixture(scope="session")
def sample_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory as a fresh kiosk's first run leaves it: the sample, the job library and the official figures
    the project ships, built once for the session from assets/sample, assets/library and assets/official."""
    root = tmp_path_factory.mktemp("sample")
    PackStore(root / "data").start(ASSETS_DIR / "sample", load_settings(root / "data", environ={}).builtin_dirs)
    return root / "data"


@pytest.fixture(scope="session")
def sample_reader(sample_data_dir: Path):
    r = open_reader(sample_data_dir / "kiosk.db")
    yield r
    r.close()


class FakeClock:
    """A monotonic clock that only moves when a test moves it."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_window(qtbot, clock: FakeClock):
    """Build kiosk windows the way the app does, with a fake clock; each is closed after the test."""
    from kiosk.app import build_window

    made = []

    def make(settings: Settings, reader: ContentReader, size: tuple[int, int] = (1920, 1080)):
        window = build_window(settings, reader, size, clock=clock)
        qtbot.addWidget(window)
        window.allow_close = True
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.input_filters.installed)
        made.append(window)
        return window

    yield make
    for window in made:
        window.idle.stop()
        window.close()


@pytest.fixture(autouse=True)
def _no_running_timers(request: pytest.FixtureRequest):
    """Fail a gui test that leaves a QTimer running (a kiosk runs all day: a stray timer is a leak)."""
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    started: list[QTimer] = []
    original = QTimer.start

    def start(self, *args):
        started.append(self)
        return original(self, *args)

    QTimer.start = start
    try:
        yield
    finally:
        QTimer.start = original
    QApplication.processEvents()
    running = []
    for timer in started:
        try:
            if timer.isActive():
                running.append(timer)
        except RuntimeError:  # already deleted with its parent: fine
            pass
    assert not running, f"{len(running)} QTimer(s) still running after the test: stop them or parent them to a closed widget"

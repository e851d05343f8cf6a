"""Qt plumbing shared by the in-process benchmarks: one offscreen QApplication, a kiosk window, settling events."""

from __future__ import annotations

import gc
import os
from collections import Counter
from contextlib import contextmanager
from typing import Iterator

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QCoreApplication, QEvent, qInstallMessageHandler  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.app import build_window  # noqa: E402
from kiosk.config import load_settings  # noqa: E402
from kiosk.content.reader import ContentReader  # noqa: E402
from tests.bench.stats import log  # noqa: E402

# Every Qt warning printed in this process, with how often (the kiosk should print none).
qt_messages: Counter[str] = Counter()


def _on_message(mode, context, message: str) -> None:
    if message not in qt_messages:
        log(f"Qt message ({mode.name}): {message}")
    qt_messages[message] += 1


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        qInstallMessageHandler(_on_message)
        app = QApplication(["kiosk-bench"])
    return app


def settle() -> None:
    """Let Qt do what its event loop would do between taps: posted events, then deferred deletes."""
    app = application()
    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


@contextmanager
def kiosk_window(data_dir, reader: ContentReader, size: tuple[int, int] = (1920, 1080)) -> Iterator[object]:
    """A shown KioskWindow built the way the app builds it, closed and deleted afterwards."""
    from kiosk.ui.lockdown import UrlSink

    application()
    settings = load_settings(data_dir, environ={})
    window = build_window(settings, reader, size)
    window.show()
    settle()
    try:
        yield window
    finally:
        sink = window.findChild(UrlSink)
        if sink is not None:
            sink.uninstall()
        window.allow_close = True
        window.close()
        window.deleteLater()
        settle()
        gc.unfreeze()  # the next benchmark starts from a plain collector


def after_first_paint(window) -> None:
    """What the app does just after its first paint (kiosk/app.py): load what later pages need, then freeze what
    start-up built out of the collector's way."""
    window.prepare()
    gc.freeze()

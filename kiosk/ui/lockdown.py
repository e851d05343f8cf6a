"""Keeping a pupil inside the kiosk: no context menus, no URLs opened, no closing the window."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices

log = logging.getLogger(__name__)
URL_SCHEMES = ("http", "https", "file", "mailto")


class NoContextMenus(QObject):
    """An application event filter that swallows every context menu (a parent's NoContextMenu is not enough)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.ContextMenu


class UrlSink(QObject):
    """Receives any attempt to open a URL and only logs it: the kiosk shows QR codes instead."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.refused: list[str] = []

    @Slot(QUrl)
    def refuse(self, url: QUrl) -> None:
        self.refused.append(url.toString())
        log.warning("refused to open a URL: %s", url.toString())

    def install(self) -> None:
        for scheme in URL_SCHEMES:
            QDesktopServices.setUrlHandler(scheme, self, "refuse")

    def uninstall(self) -> None:
        for scheme in URL_SCHEMES:
            QDesktopServices.unsetUrlHandler(scheme)

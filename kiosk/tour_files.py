"""The tour's pictures, written into the folder named by --out without following a link planted there."""

from __future__ import annotations

import errno
import sys
from pathlib import Path

from kiosk.content.folder_write import Folder


def save_png(folder: Folder, name: str, picture) -> Path:
    """Write a QPixmap or QImage as the PNG file `name` in `folder`; OSError if it cannot be."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not picture.save(buffer, "PNG"):
        raise OSError(errno.EINVAL, "the picture could not be made into a PNG")
    buffer.close()
    return folder.write_bytes(name, bytes(data))


def name_sheet(take_home, mode_folder: str) -> None:
    """The sheet one mode printed, named for its mode ("careers-sheet-picture.pdf"), so each can be found."""
    sheet = take_home.last_path
    take_home.last_path = None
    if sheet is not None and sheet.exists():
        sheet.replace(sheet.with_name(f"careers-sheet-{mode_folder}.pdf"))


def sheet_pictures(folder: Folder) -> list[Path]:
    """Each careers sheet the tour printed, as a picture of the paper (page one, as a printer would show it)."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    pictures = []
    for pdf in sorted(folder.real.glob("*.pdf")):
        if pdf.is_symlink():
            continue  # only the sheets the tour printed, not whatever a link leads to
        document = QPdfDocument()
        document.load(str(pdf))
        if document.pageCount() < 1:
            continue
        page = document.pagePointSize(0)
        width = 1240  # an A4 page at 150 dots per inch: small print still readable
        image = document.render(0, QSize(width, round(width * page.height() / page.width())))
        try:
            pictures.append(save_png(folder, pdf.with_suffix(".png").name, image))
        except OSError:
            pass  # a picture missing from the documentation, counted as such in the tour's summary
        document.close()
    return pictures


def save_screen(out: Folder, where: str, window, written: list[Path], entries: list | None) -> bool:
    """Write the window's picture as `where` ("folder/name.png"), and note what it shows in `entries` (for --json);
    False (said on stderr) if it cannot be."""
    folder_name, name = where.split("/")
    try:
        with out.subfolder(folder_name) as folder:
            written.append(save_png(folder, name, window.grab()))
    except OSError as e:
        print(f"kiosk: could not write {out.path / where}: {e.strerror or e}", file=sys.stderr)
        return False
    if entries is not None:
        from kiosk.tour_manifest import screen_entry  # Qt Widgets: loaded only when the tour runs

        entries.append(screen_entry(window, where, staff=folder_name == "staff"))
    return True

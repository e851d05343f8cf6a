"""OfficialDouble: the ONS and DfE publishers at one loopback address, serving the real releases from
../shared/fixtures at the catalogue's paths, with ETag/Last-Modified, Range and 404 for what it lacks."""

from __future__ import annotations

import hashlib
import threading
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path, PurePosixPath

from kiosk.sources.official.catalogue import (
    DFE, PROVISIONAL, REVISED, CatalogueFile, ashe, ashe_years, fixed_files,
)
from tests.doubles.loopback_double import Answer, LoopbackDouble
from tests.helpers.official import DFE as DFE_FIXTURES, ONS as ONS_FIXTURES

TYPES = {".zip": "application/zip", ".xls": "application/vnd.ms-excel",
         ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         ".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12"}
LAST_MODIFIED = formatdate(1_733_011_200, usegmt=True)  # 1 December 2024: when the releases were "published"


class Served:
    """One file the double serves: its bytes and the validators a real web server would give them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.body = path.read_bytes()
        self.etag = f'"{hashlib.sha256(self.body).hexdigest()[:20]}"'
        self.last_modified = LAST_MODIFIED
        self.content_type = TYPES.get(path.suffix.lower(), "application/octet-stream")

    def replace(self, body: bytes, last_modified: str) -> None:
        """Publish a new version of the file at the same address."""
        self.body = body
        self.etag = f'"{hashlib.sha256(body).hexdigest()[:20]}"'
        self.last_modified = last_modified


class OfficialDouble(LoopbackDouble):
    """A real HTTP server on 127.0.0.1 answering the catalogue's ONS and DfE paths from the fixture releases.

    Knobs, besides LoopbackDouble's network ones: `ranges` (answer Range requests), `validators` (send ETag and
    Last-Modified, and answer conditional requests with 304), `broken` (catalogue name -> an HTTP status to
    answer with), and `files` (the served files by request path: delete one, or `replace` its body).
    """

    def __init__(self, *, latency_s: float = 0.0, fail_next: int = 0, truncate: bool = False,
                 slow_bytes_per_s: float | None = None, html: bool = False, ranges: bool = True,
                 validators: bool = True, ons: Path = ONS_FIXTURES, dfe: Path = DFE_FIXTURES) -> None:
        super().__init__(latency_s=latency_s, fail_next=fail_next, truncate=truncate,
                         slow_bytes_per_s=slow_bytes_per_s, html=html)
        self.ranges, self.validators = ranges, validators
        self.broken: dict[str, int] = {}
        self.names: dict[str, str] = {}  # request path -> catalogue name, for the files the catalogue can ask for
        self.files: dict[str, Served] = {}  # request path -> the file served there
        for file in _every_catalogue_file():
            self.names[file.path] = file.name
            source = (dfe if file.publisher == DFE else ons) / PurePosixPath(file.name).name
            if source.is_file():
                self.files[file.path] = Served(source)
        self._counts_lock = threading.Lock()
        self.log: list[tuple[str, int, dict[str, str]]] = []  # (catalogue name, status, request headers)
        self.bytes_sent = 0

    def check_start(self) -> None:
        if not self.files:
            raise FileNotFoundError("no release files found in the fixture folders; is ../shared there?")

    def error(self, status: int, message: str) -> Answer:
        return status, f"{status} {message}\n".encode(), {"Content-Type": "text/plain"}

    def answer(self, handler: BaseHTTPRequestHandler, path: str, pairs: list[tuple[str, str]]) -> Answer:
        query = dict(pairs)
        key = f"{path}?uri={query['uri']}" if path == "/file" and "uri" in query else path
        headers = {k.title(): v for k, v in handler.headers.items()}  # as sent, whatever the case
        name = self.names.get(key, key)
        status, body, out = self._respond(key, name, headers)
        with self._counts_lock:
            self.log.append((name, status, headers))
            self.bytes_sent += len(body)
        return status, body, out

    def _respond(self, key: str, name: str, headers: dict[str, str]) -> Answer:
        if name in self.broken:
            return self.error(self.broken[name], "Broken on purpose")
        served = self.files.get(key)
        if served is None:
            return self.error(404, "Not Found")
        out = {"Content-Type": served.content_type}
        if self.ranges:
            out["Accept-Ranges"] = "bytes"
        if self.validators:
            out.update({"ETag": served.etag, "Last-Modified": served.last_modified})
            if _not_modified(served, headers):
                return 304, b"", out
        body = served.body
        wanted = headers.get("Range", "")
        if self.ranges and wanted.startswith("bytes=") and wanted.endswith("-") and _if_range(served, headers):
            start = int(wanted[6:-1])
            if start >= len(body):
                return 416, b"", {"Content-Range": f"bytes */{len(body)}"}
            return 206, body[start:], {**out, "Content-Range": f"bytes {start}-{len(body) - 1}/{len(body)}"}
        return 200, body, out

    # ---- what tests read ----

    def asked(self, name: str) -> list[tuple[int, dict[str, str]]]:
        """The (status, request headers) of each request for one catalogue file, oldest first."""
        with self._counts_lock:
            return [(status, headers) for n, status, headers in self.log if n == name]

    def served(self) -> tuple[int, int]:
        """Requests answered and body bytes sent so far."""
        with self._counts_lock:
            return len(self.log), self.bytes_sent

    def forget(self) -> None:
        """Start counting afresh."""
        with self._counts_lock:
            self.log.clear()
            self.bytes_sent = 0
        self.clear_requests()

    def path_of(self, name: str) -> str:
        """The request path of a catalogue file."""
        return next(path for path, n in self.names.items() if n == name)


def _every_catalogue_file() -> list[CatalogueFile]:
    """Every file the catalogue can ask for: the fixed ones and each ASHE edition of every year up to 2035."""
    return [*fixed_files(), *(ashe(year, edition) for year in ashe_years(2035) for edition in (PROVISIONAL, REVISED))]


def _not_modified(served: Served, headers: dict[str, str]) -> bool:
    if "If-None-Match" in headers:
        return served.etag in [tag.strip() for tag in headers["If-None-Match"].split(",")]
    if "If-Modified-Since" in headers:
        try:
            return parsedate_to_datetime(served.last_modified) <= parsedate_to_datetime(headers["If-Modified-Since"])
        except (TypeError, ValueError):
            return False
    return False


def _if_range(served: Served, headers: dict[str, str]) -> bool:
    """Whether a Range may be honoured: no If-Range, or one naming the version served now (RFC 9110 §13.1.5)."""
    given = headers.get("If-Range")
    return given is None or given in (served.etag, served.last_modified)

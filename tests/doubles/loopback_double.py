"""The network half of a test double: a real HTTP server on 127.0.0.1 with knobs for the faults networks have."""

from __future__ import annotations

import random
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TypeVar
from urllib.parse import parse_qsl, unquote, urlsplit

CAPTIVE_PORTAL = (b"<!DOCTYPE html><html><head><title>Guest Wi-Fi</title></head><body><h1>Welcome to Guest Wi-Fi</h1>"
                  b"<form method='post' action='/login'><button>Accept and connect</button></form></body></html>")
Answer = tuple[int, bytes, dict[str, str]]  # status, body, headers
Self = TypeVar("Self", bound="LoopbackDouble")


class LoopbackDouble:
    """Serves a subclass's answers over real HTTP; its knobs can change while it runs.

    Knobs, in network order: latency_s (delay), fail_next (the next N get 500), error_rate (that share get 503,
    from a seed-fixed sequence), html (a captive-portal page); then the subclass's answer, shaped by truncate
    (Content-Length too big, then hang up) and slow_bytes_per_s (a drip).
    """

    prefix = "/"  # the API's path on the server, ending in "/"

    def __init__(self, *, latency_s: float = 0.0, error_rate: float = 0.0, fail_next: int = 0,
                 truncate: bool = False, slow_bytes_per_s: float | None = None, html: bool = False,
                 seed: int = 0) -> None:
        self.latency_s, self.error_rate, self.fail_next = latency_s, error_rate, fail_next
        self.truncate, self.slow_bytes_per_s, self.html = truncate, slow_bytes_per_s, html
        self.seed = seed
        self._lock = threading.Lock()
        self._requests: list[tuple[str, dict[str, str]]] = []
        self._draws = random.Random(seed)  # error_rate decisions: the same sequence for the same seed
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # ---- what a subclass provides ----

    def answer(self, handler: BaseHTTPRequestHandler, path: str, pairs: list[tuple[str, str]]) -> Answer:
        """The service's own answer to a request (path percent-decoded, query pairs in order)."""
        raise NotImplementedError

    def error(self, status: int, message: str) -> Answer:
        """An error answer in the service's own format."""
        raise NotImplementedError

    def check_start(self) -> None:
        """Refuse to start (raise) when the double was set up wrongly."""

    # ---- running ----

    @property
    def base_url(self) -> str:
        """The API's base address while running, e.g. http://127.0.0.1:PORT/api/v1/."""
        if self._server is None:
            raise RuntimeError("the double is not running: call start() or use it as a context manager")
        return f"http://127.0.0.1:{self._server.server_address[1]}{self.prefix}"

    @property
    def requests(self) -> list[tuple[str, dict[str, str]]]:
        """A copy of the (percent-decoded path, query) pairs received so far, oldest first."""
        with self._lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        """Forget the requests received so far."""
        with self._lock:
            self._requests.clear()

    def start(self: Self) -> Self:
        """Listen on a free port; the double answers as soon as this returns."""
        if self._server is not None:
            raise RuntimeError("the double is already running")
        self.check_start()
        self._stopping.clear()
        self._server = _Server(self)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=type(self).__name__, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Cut short any latency or drip in progress, close the port and join every thread the double started."""
        if self._server is None or self._thread is None:
            return
        self._stopping.set()
        self._server.shutdown()
        self._server.hang_up()  # connections kept open for a next request end now, not at their timeout
        self._server.server_close()  # joins the request threads (daemon_threads is off)
        self._thread.join()
        self._server = self._thread = None

    def __enter__(self: Self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- answering ----

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        """Apply the knobs in network order: delay, injected failures, captive portal, then the service."""
        # Connections stay open between requests, as a real web server's do (stop() hangs up on idle ones); a
        # truncated answer hangs up, as a dropped connection does.
        handler.close_connection = self.truncate
        parts = urlsplit(handler.path)
        path, pairs = unquote(parts.path), parse_qsl(parts.query, keep_blank_values=True)
        with self._lock:
            self._requests.append((path, dict(pairs)))
            draw = self._draws.random()  # drawn for every request, so the sequence does not depend on the rate
        if self.latency_s and self._stopping.wait(self.latency_s):
            return  # stopping: hang up without an answer
        with self._lock:
            failing = self.fail_next > 0
            if failing:
                self.fail_next -= 1
        if failing:
            answer = self.error(500, "Internal Server Error")
        elif draw < self.error_rate:
            answer = self.error(503, "Service Temporarily Unavailable")
        elif self.html:
            answer = 200, CAPTIVE_PORTAL, {"Content-Type": "text/html; charset=utf-8"}
        else:
            answer = self.answer(handler, path, pairs)
        self._send(handler, *answer)

    def _send(self, handler: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str]) -> None:
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        if status != 204:  # a 204 carries no body and so no length
            # truncate promises more bytes than it sends and then hangs up, as a dropped connection does.
            extra = len(body) // 2 + 16 if self.truncate else 0
            handler.send_header("Content-Length", str(len(body) + extra))
        if handler.close_connection:
            handler.send_header("Connection", "close")
        handler.end_headers()
        rate = self.slow_bytes_per_s
        if not rate or not body:
            handler.wfile.write(body)
            return
        chunk = max(1, int(rate / 20))  # about twenty writes a second
        for start in range(0, len(body), chunk):
            if self._stopping.wait(chunk / rate):
                return
            handler.wfile.write(body[start:start + chunk])


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out as two writes; on a kept-open connection Nagle's algorithm would hold the body back
    # until the client's delayed acknowledgement (tens of milliseconds a request).
    disable_nagle_algorithm = True
    timeout = 10  # a client that connects and never asks is dropped rather than holding up stop()
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 (the name http.server looks for)
        self.server.double._answer(self)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # tests read .requests; a request log on stderr is noise


class _Server(ThreadingHTTPServer):
    daemon_threads = False  # so that server_close() joins every request thread and stop() leaves none behind

    def __init__(self, double: LoopbackDouble) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.double = double
        self._open: set[socket.socket] = set()  # connections being served, kept open between requests
        self._open_lock = threading.Lock()

    def process_request(self, request, client_address) -> None:  # noqa: ANN001 - socketserver's signature
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request) -> None:  # noqa: ANN001
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def hang_up(self) -> None:
        """End every open connection: a handler waiting for a next request reads end-of-file and finishes."""
        with self._open_lock:
            open_now = list(self._open)
        for connection in open_now:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed by the client

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return  # a client hanging up mid-answer is what the fault tests do
        super().handle_error(request, client_address)  # type: ignore[arg-type]

"""NcsDouble: a local HTTP stand-in for the NCS job profiles API (ncs-job-profiles-api.md §7), with fault knobs."""

from __future__ import annotations

import copy
import json
import math
import time
from collections import deque
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from kiosk.sources.ncs.client import KEY_HEADER, canonical_name
from tests.doubles.loopback_double import Answer, LoopbackDouble
from tests.doubles.ncs_double_jobs import JOBS, Job
from tests.doubles.ncs_double_profiles import first_update, generate_profile, iso_z, job_name
from tests.doubles.ncs_double_variants import matches, search_result, with_variants

PREFIX = "/job-profiles/"
JSON_TYPE = "application/json; charset=utf-8"
NO_KEY = ("Access denied due to missing subscription key. Make sure to include subscription key when making "
          "requests to an API.")
BAD_KEY = "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription."


class NcsDouble(LoopbackDouble):
    """A real HTTP server on 127.0.0.1 that answers like the NCS job profiles API; its knobs can change while it runs.

    Knobs, in network order: latency_s (delay), fail_next (the next N get 500), error_rate (that share get 503,
    seed-fixed), html (a captive-portal page); then the service: api_key (401), rate_limit requests per rate_window_s
    (429), the version header (404), the answer; truncate (body cut short) and slow_bytes_per_s (drip) shape it.
    Variants: soc2020, spaced_lists, paragraphs, default_dates. Served: `profiles` generated ones (all JOBS when
    None and no fixtures) plus, with `fixtures`, the recorded detail files replayed.
    """

    prefix = PREFIX

    def __init__(self, *, profiles: int | None = None, fixtures: Path | None = None, seed: int = 0,
                 api_key: str = "test-key", rate_limit: int = 150, rate_window_s: float = 60.0,
                 latency_s: float = 0.0, error_rate: float = 0.0, fail_next: int = 0, truncate: bool = False,
                 slow_bytes_per_s: float | None = None, html: bool = False, soc2020: bool = False,
                 spaced_lists: bool = False, paragraphs: bool = False, default_dates: bool = False) -> None:
        count = (0 if fixtures else len(JOBS)) if profiles is None else profiles
        if not 0 <= count <= len(JOBS):
            raise ValueError(f"profiles must be between 0 and {len(JOBS)}, not {profiles}")
        super().__init__(latency_s=latency_s, error_rate=error_rate, fail_next=fail_next, truncate=truncate,
                         slow_bytes_per_s=slow_bytes_per_s, html=html, seed=seed)
        self.api_key, self.rate_limit, self.rate_window_s = api_key, rate_limit, rate_window_s
        self.soc2020, self.spaced_lists, self.paragraphs, self.default_dates = (soc2020, spaced_lists, paragraphs,
                                                                               default_dates)
        self._admitted: deque[float] = deque()  # when each request the rate limit counted arrived
        self._profiles: dict[str, dict[str, Any]] = {}
        self._updated: dict[str, str] = {}
        self._soc2020: dict[str, str] = {}
        for job in JOBS[:count]:
            self._put(job_name(job), generate_profile(job, seed), first_update(job, seed), job.soc2020)
        if fixtures is not None and not Path(fixtures).is_dir():
            raise FileNotFoundError(f"no fixtures folder at {fixtures}")
        for path in sorted(Path(fixtures).glob("*.json")) if fixtures else []:
            body = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(body, dict) or not isinstance(body.get("Url"), str):
                raise ValueError(f"{path.name}: not a recorded NCS profile (it has no Url)")
            self._put(canonical_name(body["Url"]), body, body["LastUpdatedDate"], None)

    # ---- what is served, and changing it while the double runs ----

    @property
    def names(self) -> list[str]:
        """The canonical names served, sorted."""
        with self._lock:
            return sorted(self._profiles)

    def profile(self, name: str) -> dict[str, Any]:
        """A copy of a stored profile as kept (before host rewriting and variants)."""
        with self._lock:
            return copy.deepcopy(self._profiles[name])

    def last_updated(self, name: str) -> str:
        """A profile's LastUpdated as the summary gives it."""
        with self._lock:
            return self._updated[name]

    def touch(self, name: str, when: datetime | None = None, **fields: Any) -> str:
        """Publish a profile again: LastUpdated moves to `when` (default: now) and its text changes.

        Top-level fields given replace the stored ones; with none, a sentence is added to the Overview so a test
        can see the new content arrive. Returns the new LastUpdated.
        """
        stamp = iso_z(when or datetime.now(timezone.utc))
        with self._lock:
            body = self._profiles[name]
            unknown = sorted(set(fields) - set(body))
            if unknown:
                raise KeyError(f"profiles have no field(s) {unknown}")
            body.update(fields or {"Overview": f"{body['Overview']} Revised on {stamp[:10]}."})
            body["LastUpdatedDate"] = self._updated[name] = stamp
        return stamp

    def remove(self, name: str) -> None:
        """Withdraw a profile: gone from the summary and search, 204 when asked for."""
        with self._lock:
            del self._profiles[name], self._updated[name]
            self._soc2020.pop(name, None)

    def add(self, job: Job, when: datetime | None = None) -> str:
        """Publish a generated profile for a new job; returns its canonical name."""
        name = job_name(job)
        stamp = iso_z(when) if when else first_update(job, self.seed)
        body = generate_profile(job, self.seed)
        body["LastUpdatedDate"] = stamp
        with self._lock:
            if name in self._profiles:
                raise ValueError(f"a profile called {name!r} is already served")
        self._put(name, body, stamp, job.soc2020)
        return name

    def _put(self, name: str, body: dict[str, Any], updated: str, soc2020: str | None) -> None:
        with self._lock:
            self._profiles[name] = body
            self._updated[name] = updated
            # The recordings predate Soc2020; the variant invents one (the SOC 2010 code) where none is known.
            self._soc2020[name] = soc2020 or str(body.get("Soc"))

    # ---- answering ----

    def error(self, status: int, message: str) -> Answer:
        return _error(status, message)

    def answer(self, handler: BaseHTTPRequestHandler, path: str, pairs: list[tuple[str, str]]) -> Answer:
        origin = f"http://{handler.headers.get('Host') or '127.0.0.1'}"
        return self.respond(path, dict(pairs), handler.headers.get(KEY_HEADER), handler.headers.get("version"),
                            origin)

    def respond(self, path: str, query: dict[str, str], key: str | None, version: str | None,
                origin: str) -> Answer:
        """The service's answer (status, body, headers) without the network knobs: key, rate limit, version, route."""
        if not key:
            return _error(401, NO_KEY)
        if key != self.api_key:
            return _error(401, BAD_KEY)
        retry_after = self._admit()
        if retry_after is not None:
            status, body, headers = _error(429, f"Rate limit is exceeded. Try again in {retry_after} seconds.")
            return status, body, headers | {"Retry-After": str(retry_after)}
        if version != "v1" or not path.startswith(PREFIX):
            return _error(404, "Resource not found")
        route = path[len(PREFIX):]
        if route == "health/ping":
            return 200, b"", {}
        if route == "summary":
            return _ok(self._summary(origin))
        if route.startswith("search/"):
            return self._search(route[len("search/"):], query, origin)
        if "/" in route or not route:
            return _error(404, "Resource not found")
        body = self._detail(route.lower(), origin)  # the 2024 server lower-cases the name it receives
        return _ok(body) if body is not None else (204, b"", {})

    def _admit(self) -> int | None:
        """Count a request against the rolling window; the seconds to wait when the limit is already reached."""
        now = time.monotonic()
        with self._lock:
            while self._admitted and self._admitted[0] <= now - self.rate_window_s:
                self._admitted.popleft()
            if len(self._admitted) >= self.rate_limit:
                return max(1, math.ceil(self._admitted[0] + self.rate_window_s - now))
            self._admitted.append(now)
        return None

    def _summary(self, origin: str) -> list[dict[str, str]]:
        with self._lock:
            items = [{"Url": f"{origin}{PREFIX}{name}", "Title": body["Title"], "LastUpdated": self._updated[name]}
                     for name, body in self._profiles.items()]
        return sorted(items, key=lambda item: item["Title"])

    def _detail(self, name: str, origin: str) -> dict[str, Any] | None:
        with self._lock:
            if name not in self._profiles:
                return None
            body = copy.deepcopy(self._profiles[name])
            soc2020 = self._soc2020[name] if self.soc2020 else None
        body["Url"] = f"{origin}{PREFIX}{name}"  # the real server builds Url from the request's host
        for related in body.get("RelatedCareers") or []:
            related["Url"] = f"{origin}{PREFIX}{related['Url'].rstrip('/').rsplit('/', 1)[-1]}"
        return with_variants(body, soc2020=soc2020, spaced_lists=self.spaced_lists, paragraphs=self.paragraphs,
                             default_dates=self.default_dates)

    def _search(self, term: str, query: dict[str, str], origin: str) -> Answer:
        try:
            page, size = int(query.get("page") or 1), int(query.get("pageSize") or 10)
        except ValueError:
            return _error(400, "page and pageSize must be whole numbers")
        if page < 1 or size < 1:
            return _error(400, "page and pageSize must be 1 or more")
        with self._lock:
            hits = [(name, copy.deepcopy(body)) for name, body in self._profiles.items() if matches(body, term)]
        if not hits:
            return 204, b"", {}
        hits.sort(key=lambda hit: str(hit[1].get("Title")))
        shown = hits[(page - 1) * size:page * size]
        return _ok({"Count": len(hits), "CurrentPage": page, "PageSize": size,
                    "Results": [search_result(body, f"{origin}{PREFIX}{name}") for name, body in shown]})


def _ok(body: object) -> Answer:
    # Compact, non-ASCII kept as UTF-8 (the recordings hold U+00A0 and U+2019 as characters, not escapes).
    return 200, json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode(), {"Content-Type": JSON_TYPE}


def _error(status: int, message: str) -> Answer:
    """Azure API Management's error body (its exact wording is unconfirmed; clients must not rely on it)."""
    body = json.dumps({"statusCode": status, "message": message}).encode()
    return status, body, {"Content-Type": JSON_TYPE}

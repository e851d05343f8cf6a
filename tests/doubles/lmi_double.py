"""LmiDouble: a local HTTP stand-in for LMI for All that replays recordings, generates the rest and injects faults."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from tests.doubles import lmi_double_data as data
from tests.doubles.loopback_double import Answer, LoopbackDouble

API_PREFIX = "/api/v1/"
VINTAGES = ("2016", "2017")
JSON_TYPE = "application/json"
Recordings = dict[tuple[str, tuple[tuple[str, str], ...]], list[tuple[datetime, int, bytes]]]


class ApiError(Exception):
    """An answer the service gives as an HTTP error status with a JSON {"error": message} body."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


class LmiDouble(LoopbackDouble):
    """A real HTTP server on 127.0.0.1 that answers /api/v1/ like LMI for All; its knobs can change while it runs."""

    # The network knobs come from LoopbackDouble. The answer: a recording from `fixtures` (newest take, or newest
    # at/before `as_of`) of the `vintage`, else a body generated from `socs` and `seed`.

    prefix = API_PREFIX

    def __init__(self, *, latency_s: float = 0.0, error_rate: float = 0.0, fail_next: int = 0, truncate: bool = False,
                 slow_bytes_per_s: float | None = None, html: bool = False, vintage: str = "2017",
                 fixtures: Path | None = None, as_of: datetime | str | None = None,
                 socs: Iterable[int] | None = None, seed: int = 0) -> None:
        super().__init__(latency_s=latency_s, error_rate=error_rate, fail_next=fail_next, truncate=truncate,
                         slow_bytes_per_s=slow_bytes_per_s, html=html, seed=seed)
        self.vintage, self.fixtures, self.as_of = vintage, fixtures, as_of
        self.socs = sorted(socs) if socs is not None else sorted(data.SOC_TITLES)
        if any(not 1000 <= soc <= 9999 for soc in self.socs):
            raise ValueError("SOC 2010 unit groups are 4-digit codes from 1000 to 9999")
        self._recordings: dict[Path, Recordings] = {}

    @property
    def vintage(self) -> str:
        return self._vintage

    @vintage.setter
    def vintage(self, value: str) -> None:
        if value not in VINTAGES:
            raise ValueError(f"vintage must be one of {VINTAGES}, not {value!r}")
        self._vintage = value

    @property
    def as_of(self) -> datetime | None:
        return self._as_of

    @as_of.setter
    def as_of(self, value: datetime | str | None) -> None:
        self._as_of = _moment(value)  # parsed here, so a bad date fails in the test, not in the server thread

    def check_start(self) -> None:
        if self.fixtures is not None and not (Path(self.fixtures) / "_index.json").is_file():
            raise FileNotFoundError(f"no _index.json in fixtures folder {self.fixtures}")

    def error(self, status: int, message: str) -> Answer:
        return status, _json({"error": message}), {"Content-Type": JSON_TYPE}

    def answer(self, handler: BaseHTTPRequestHandler, path: str, pairs: list[tuple[str, str]]) -> Answer:
        status, body = self.respond(path, pairs)
        return status, body, {"Content-Type": JSON_TYPE}

    def respond(self, path: str, pairs: list[tuple[str, str]]) -> tuple[int, bytes]:
        """The status and body for a request, without the fault knobs: a recording if there is one, else generated."""
        if not path.startswith(API_PREFIX):
            return 404, _json({"error": f"Not found: {path}"})
        route = path[len(API_PREFIX):].strip("/")  # already percent-decoded
        recorded = self._recorded(route, pairs)
        if recorded is not None:
            return recorded
        for pattern, endpoint in _ROUTES:
            match = pattern.fullmatch(route)
            if match:
                try:
                    return 200, _json(endpoint(self, dict(pairs), **match.groupdict()))
                except ApiError as error:
                    return error.status, _json({"error": error.message})
        return 404, _json({"error": f"No such endpoint: {route}"})

    def _recorded(self, route: str, pairs: list[tuple[str, str]]) -> tuple[int, bytes] | None:
        """The newest recording of this request (at or before as_of, when pinned), from the current vintage."""
        if self.fixtures is None:
            return None
        folder = Path(self.fixtures) / ("older-vintage" if self.vintage == "2016" else "")
        with self._lock:
            if folder not in self._recordings:
                self._recordings[folder] = load_recordings(folder)
            takes = self._recordings[folder].get(_key(route, pairs), [])
        takes = [take for take in takes if self.as_of is None or take[0] <= self.as_of]
        return max(takes, key=lambda take: take[0])[1:] if takes else None


def load_recordings(folder: Path) -> Recordings:
    """Index one vintage's recordings by request (path and sorted query), all takes of each kept with their dates."""
    table: Recordings = {}
    for entry in json.loads((folder / "_index.json").read_text()):
        take = (parsedate_to_datetime(entry["recorded_at"]), entry["status"], (folder / entry["file"]).read_bytes())
        keys = set()
        for uri in [entry["uri"], *entry.get("also_uris", [])]:  # http:// and https:// served the same bodies
            parts = urlsplit(uri)
            keys.add(_key(parts.path.removeprefix(API_PREFIX), parse_qsl(parts.query, keep_blank_values=True)))
        for key in keys:
            table.setdefault(key, []).append(take)
    return table


def _key(route: str, pairs: list[tuple[str, str]]) -> tuple[str, tuple[tuple[str, str], ...]]:
    return route.strip("/"), tuple(sorted(pairs))  # parameter order does not change the answer


def _moment(value: datetime | str | None) -> datetime | None:
    """as_of as an aware datetime: a datetime, a recorded_at string or an ISO date; naive times are UTC."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _json(body: object) -> bytes:
    return json.dumps(body, separators=(",", ":")).encode()  # compact and ASCII-escaped, like the recordings


# ---- endpoints: each takes the double, the query and the path's named groups, and returns the JSON body ----

def _soc(double: LmiDouble, text: str | None) -> int:
    """A SOC code the double knows. Unknown codes get 404 with an error body (the live answer is unconfirmed)."""
    if not text:
        raise ApiError(400, "Please give a SOC code.")
    if not re.fullmatch(r"\d{4}", text):
        raise ApiError(400, f"A SOC code is a 4-digit number, not {text!r}.")
    if int(text) not in double.socs:
        raise ApiError(404, f"No occupation with SOC code {text}.")
    return int(text)


def _year_range(query: dict[str, str]) -> Callable[[int], bool]:
    try:
        low, high = (int(query[k]) if query.get(k) else None for k in ("minYear", "maxYear"))
    except ValueError:
        raise ApiError(400, "minYear and maxYear must be years.") from None
    return lambda year: (low is None or year >= low) and (high is None or year <= high)


def _soc_search(double: LmiDouble, query: dict[str, str]) -> list[dict]:
    q = query.get("q", "").strip()
    if not q and double.vintage == "2016":
        return []  # 2016 answered an empty search with 200 []
    if not q:
        raise ApiError(400, "Please give a string to search for.")
    return data.search(q, double.socs, double.seed, double.vintage)


def _ashe(double: LmiDouble, query: dict[str, str], kind: str) -> dict:
    field, soc = ("estpay" if kind == "estimatePay" else "hours"), _soc(double, query.get("soc"))
    coarse = query.get("coarse", "").lower() == "true"
    group = soc // 100 if coarse else soc  # coarse answers for the 2-digit group: one body for all its unit groups
    dim = query.get("breakdown") or None
    if dim is not None and dim not in data.ASHE_DIMENSIONS:
        raise ApiError(400, f"Unknown breakdown {dim!r}.")
    factor = 1.0
    for item in filter(None, query.get("filters", "").split("|")):
        name, _, value = item.partition(":")
        if name not in data.ASHE_DIMENSIONS and name != "age" or not value:
            raise ApiError(400, f"Unknown filter {item!r}: use name:value pairs joined by |, e.g. region:12|gender:2.")
        factor *= data.rng(double.seed, "filter", field, name, value).uniform(0.8, 1.15)
        factor *= 0.5 if (name, value) == ("status", "2") else 1.0  # part-timers work and earn about half

    def figure(year: int, *cell: object) -> int:
        release = double.vintage if year < 2015 else "latest"  # earlier years are revised between releases
        base = (data.PAY if field == "estpay" else data.HOURS)[soc // 1000] * factor
        value = base * data.rng(double.seed, "ashe", field, group, year, release, *cell).uniform(0.85, 1.15)
        return int(round(value, -1)) if coarse and field == "estpay" else round(value)  # coarse pay: £10 steps

    series: list[dict] = []
    for year in data.ASHE_YEARS[double.vintage][field]:
        if dim is None:
            series.append({"year": year, field: figure(year)})
        else:
            cells = [{dim: code, field: figure(year, dim, code)} for code in data.ASHE_DIMENSIONS[dim]]
            series.append({"year": year, "breakdown": cells})
    return {"soc": group, "series": series}


def _wf_predict(double: LmiDouble, query: dict[str, str]) -> dict:
    soc, wanted = _soc(double, query.get("soc")), _year_range(query)
    levels = data.wf_levels(soc, double.seed, double.vintage)
    return {"soc": soc, "predictedEmployment": [{"year": y, "employment": round(v, 1)} for y, v in levels.items()
                                                if wanted(y)]}


def _wf_breakdown(double: LmiDouble, query: dict[str, str], dim: str) -> dict:
    if dim not in data.BREAKDOWNS:
        raise ApiError(404, f"No breakdown by {dim!r}.")
    soc, wanted = _soc(double, query.get("soc")), _year_range(query)
    r = data.rng(double.seed, "wf-breakdown", soc, dim)
    codes = data.BREAKDOWNS[dim]
    shares = [r.uniform(0.2, 1.0) for _ in codes]
    noted = {code for code, _ in codes if r.random() < 0.03}  # notes appear now and then, at both levels
    body: dict = {"soc": soc, "breakdown": dim}
    if r.random() < 0.2:
        body["note"] = "Figures for this occupation are modelled from a small sample: treat them with caution."

    def cell(code: int, name: str, share: float, total: float) -> dict:
        out: dict = {"code": code, "name": name, "employment": round(total * share / sum(shares), 1)}
        return out | {"note": "Estimate based on a small sample."} if code in noted else out

    body["predictedEmployment"] = [
        {"year": y, "breakdown": [cell(c, n, s, v) for (c, n), s in zip(codes, shares)]}
        for y, v in data.wf_levels(soc, double.seed, double.vintage).items() if wanted(y)]
    return body


def _replacement_demand(double: LmiDouble, query: dict[str, str]) -> dict:
    soc = _soc(double, query.get("soc"))
    first, last = data.WF_YEARS[double.vintage]
    # rate is an absolute number of openings over the period (DfE's reading), not a percentage
    first_level = data.wf_levels(soc, double.seed, double.vintage)[first]
    rate = first_level * data.rng(double.seed, "replacement", soc).uniform(0.2, 0.45)
    return {"soc": soc, "start_year": first, "end_year": last, "rate": round(rate, 1)}


def _ess(double: LmiDouble, query: dict[str, str], soc: str, region: str | None = None) -> dict:
    body: dict = {"soc": _soc(double, soc)}
    if region is not None:
        if not region.isdigit() or not 1 <= int(region) <= len(data.REGIONS):
            raise ApiError(404, f"No region {region!r}.")
        body["region"] = {"code": int(region), "name": data.REGIONS[int(region) - 1]}
    r = data.rng(double.seed, "ess", soc, region, double.vintage)
    if r.random() < 0.15:
        return {"error": "Not enough survey responses to report on this occupation."}  # a 200 that holds no data
    htf = r.uniform(5, 60)
    return body | {"year": data.ESS_YEAR[double.vintage], "percentHTF": round(htf, 1),
                   "percentSSV": round(r.uniform(2, htf), 1), "percentHTFisSSV": round(r.uniform(20, 90), 1)}


def _lfs_unemployment(double: LmiDouble, query: dict[str, str]) -> dict:
    soc, wanted = _soc(double, query.get("soc")), _year_range(query)
    r = data.rng(double.seed, "lfs", soc, query.get("filterBy", ""), double.vintage)
    if r.random() < 0.15:
        return {"error": "The sample is too small to give a reliable estimate."}
    first, last = data.LFS_YEARS[double.vintage]
    rates = {year: round(r.uniform(0.5, 12), 2) for year in range(first, last + 1)}
    return {"soc": soc, "years": [{"year": y, "unemprate": v} for y, v in rates.items() if wanted(y)]}


def _onet_scales(double: LmiDouble, query: dict[str, str], kind: str, onet: str) -> dict:
    if not re.fullmatch(r"\d{2}-\d{4}\.\d{2}", onet):
        raise ApiError(404, f"No O*NET occupation {onet!r}.")
    return data.onet_scales(kind, onet, double.seed)


_ROUTES: list[tuple[re.Pattern[str], Callable[..., object]]] = [(re.compile(p), f) for p, f in [
    (r"soc/search", _soc_search),
    (r"soc/code/(?P<soc>[^/]*)", lambda d, q, soc: data.soc_object(_soc(d, soc), d.seed, d.vintage)),
    (r"ashe/(?P<kind>estimatePay|estimateHours)", _ashe),
    (r"wf/predict", _wf_predict),
    (r"wf/predict/breakdown/(?P<dim>[^/]+)", _wf_breakdown),
    (r"wf/replacement_demand", _replacement_demand),
    (r"ess/uk/(?P<soc>[^/]+)", _ess),
    (r"ess/region/(?P<region>[^/]+)/(?P<soc>[^/]+)", _ess),
    (r"lfs/unemployment", _lfs_unemployment),
    (r"o-net/soc2onet/(?P<soc>[^/]+)", lambda d, q, soc: data.onet_codes(_soc(d, soc), d.seed)),
    (r"o-net/(?P<kind>skills|interests)/(?P<onet>[^/]+)", _onet_scales),
    (r"hesa/courses/(?P<soc>[^/]+)", lambda d, q, soc: data.hesa_courses(_soc(d, soc), d.seed, d.vintage)),
]]

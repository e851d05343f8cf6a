"""The LMI for All test double: each endpoint's shape, the knobs, the vintages, and replay of the real recordings."""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path

import httpx
import pytest

from tests.doubles.lmi_double import LmiDouble

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "lmiforall"
SOC_KEYS = ["soc", "title", "description", "qualifications", "tasks", "add_titles"]
RECORDED_SOCS = {1259, 2426, 2451, 4112, 4113, 4135, 8211, 9233}


@pytest.fixture
def double():
    with LmiDouble() as running:
        yield running


@pytest.fixture
def client(double: LmiDouble):
    with httpx.Client(base_url=double.base_url, timeout=10) as c:
        yield c


@contextlib.contextmanager
def _serve(**knobs: object) -> Iterator[tuple[LmiDouble, httpx.Client]]:
    """A running double with these knobs and a client for it."""
    with LmiDouble(**knobs) as running, httpx.Client(base_url=running.base_url, timeout=10) as c:
        yield running, c


# ---- endpoints answer in the recorded and documented shapes ----

def test_default_socs_are_369_and_include_the_recorded_and_well_known_ones() -> None:
    socs = LmiDouble().socs
    assert len(socs) == len(set(socs)) == 369
    assert RECORDED_SOCS | {2231, 5314, 5241, 2216} <= set(socs)


def test_soc_code_is_a_soc_object(client: httpx.Client) -> None:
    response = client.get("soc/code/2231")
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert list(body) == SOC_KEYS and body["soc"] == 2231 and body["title"] == "Nurses"
    assert all(isinstance(body[key], str) for key in SOC_KEYS[1:5])
    assert re.fullmatch(r" [^\n]+(;\n [^\n]+)+\.", body["tasks"])
    assert len(body["add_titles"]) >= 6 and "Nurse" in body["add_titles"]


def test_unknown_soc_is_404_and_a_malformed_one_400(client: httpx.Client) -> None:
    for path, status in [("soc/code/9999", 404), ("soc/code/nurse", 400), ("ashe/estimatePay?soc=9999", 404),
                         ("ashe/estimatePay", 400), ("wf/predict?soc=12", 400)]:
        response = client.get(path)
        assert response.status_code == status, path
        assert isinstance(response.json()["error"], str)


def test_search_matches_words_in_titles_alternative_titles_and_tasks(client: httpx.Client) -> None:
    plumbers = client.get("soc/search", params={"q": "plumber"}).json()
    assert plumbers[0]["soc"] == 5314 and all(list(hit) == SOC_KEYS for hit in plumbers)
    assert 2216 in [hit["soc"] for hit in client.get("soc/search", params={"q": "vet"}).json()]  # "Vet" is an add_title
    assert {8211, 8212, 8213, 8214, 8215} <= {hit["soc"] for hit in client.get("soc/search?q=driving").json()}
    estimates = client.get("soc/search", params={"q": "estimates"}).json()
    assert estimates and all("estimates" in hit["tasks"] for hit in estimates)
    assert len(client.get("soc/search", params={"q": "managers"}).json()) == 10  # capped, as in 2017
    assert client.get("soc/search", params={"q": "gobbledygook"}).json() == []


def test_an_empty_search_is_400(client: httpx.Client) -> None:
    for path in ("soc/search?q=", "soc/search"):
        response = client.get(path)
        assert response.status_code == 400
        assert response.content == b'{"error":"Please give a string to search for."}'


def test_coarse_pay_and_hours_answer_for_the_two_digit_group(client: httpx.Client) -> None:
    for field, endpoint in (("estpay", "ashe/estimatePay"), ("hours", "ashe/estimateHours")):
        bodies = {client.get(endpoint, params={"coarse": "true", "soc": soc}).content for soc in (4112, 4113, 4135)}
        assert len(bodies) == 1  # one body for the whole group
        body = json.loads(bodies.pop())
        years = [item["year"] for item in body["series"]]
        assert body["soc"] == 41 and years == sorted(years) and 2014 not in years
        assert all(type(item[field]) is int for item in body["series"])
    pay = client.get("ashe/estimatePay", params={"coarse": "true", "soc": 2426}).json()
    assert pay["soc"] == 24 and all(item["estpay"] % 10 == 0 for item in pay["series"])


def test_fine_pay_is_per_unit_group(client: httpx.Client) -> None:
    one, two = (client.get("ashe/estimatePay", params={"coarse": "false", "soc": s}).json() for s in (4112, 4135))
    assert (one["soc"], two["soc"]) == (4112, 4135) and one["series"] != two["series"]
    assert all(type(item["estpay"]) is int for item in one["series"])


def test_pay_filters_and_breakdowns(client: httpx.Client) -> None:
    plain = client.get("ashe/estimatePay", params={"soc": 2231}).json()
    filtered = client.get("ashe/estimatePay", params={"soc": 2231, "filters": "region:12|gender:2"}).json()
    swapped = client.get("ashe/estimatePay", params={"soc": 2231, "filters": "gender:2|region:12"}).json()
    assert filtered == swapped and filtered != plain
    assert [i["year"] for i in filtered["series"]] == [i["year"] for i in plain["series"]]
    assert client.get("ashe/estimatePay", params={"soc": 2231, "filters": "colour:blue"}).status_code == 400
    by_region = client.get("ashe/estimatePay", params={"soc": 2231, "breakdown": "region"}).json()
    for item in by_region["series"]:
        assert list(item) == ["year", "breakdown"]
        assert [cell["region"] for cell in item["breakdown"]] == list(range(1, 13))
        assert all(list(cell) == ["region", "estpay"] and type(cell["estpay"]) is int for cell in item["breakdown"])
    by_gender = client.get("ashe/estimateHours", params={"soc": 2231, "breakdown": "gender"}).json()
    assert [list(cell) for cell in by_gender["series"][0]["breakdown"]] == [["gender", "hours"]] * 2


def test_working_futures_honours_min_and_max_year(client: httpx.Client) -> None:
    full = client.get("wf/predict", params={"soc": 2231}).json()["predictedEmployment"]
    years = [item["year"] for item in full]
    assert years == list(range(years[0], years[-1] + 1)) and all(type(i["employment"]) is float for i in full)
    part = client.get("wf/predict", params={"soc": 2231, "minYear": 2016, "maxYear": 2019}).json()
    assert part == {"soc": 2231, "predictedEmployment": [i for i in full if 2016 <= i["year"] <= 2019]}
    assert client.get("wf/predict", params={"soc": 2231, "minYear": 2030}).json()["predictedEmployment"] == []
    assert client.get("wf/predict", params={"soc": 2231, "minYear": "soon"}).status_code == 400


def test_working_futures_region_breakdown(client: httpx.Client) -> None:
    params = {"soc": 2231, "minYear": 2020, "maxYear": 2021}
    body = client.get("wf/predict/breakdown/region", params=params).json()
    totals = {i["year"]: i["employment"] for i in client.get("wf/predict", params=params).json()["predictedEmployment"]}
    assert body["soc"] == 2231 and body["breakdown"] == "region" and set(body) <= {"soc", "breakdown", "note",
                                                                                   "predictedEmployment"}
    assert [item["year"] for item in body["predictedEmployment"]] == [2020, 2021]
    for item in body["predictedEmployment"]:
        cells = item["breakdown"]
        assert [c["code"] for c in cells] == list(range(1, 13)) and cells[11]["name"] == "Northern Ireland"
        assert all({"code", "name", "employment"} <= set(c) <= {"code", "name", "employment", "note"} for c in cells)
        assert sum(c["employment"] for c in cells) == pytest.approx(totals[item["year"]], abs=1)


def test_notes_and_error_bodies_turn_up_now_and_then(client: httpx.Client) -> None:
    socs = LmiDouble().socs[::6]
    breakdowns = [client.get("wf/predict/breakdown/region", params={"soc": s, "minYear": 2020, "maxYear": 2020}).json()
                  for s in socs]
    top_notes = sum("note" in b for b in breakdowns)
    cell_notes = sum(any("note" in c for c in b["predictedEmployment"][0]["breakdown"]) for b in breakdowns)
    ess = [client.get(f"ess/uk/{s}").json() for s in socs]
    errors = sum("error" in b for b in ess)
    assert 0 < top_notes < len(socs) and 0 < cell_notes < len(socs) and 0 < errors < len(socs)


def test_replacement_demand(client: httpx.Client) -> None:
    body = client.get("wf/replacement_demand", params={"soc": 2231}).json()
    assert list(body) == ["soc", "start_year", "end_year", "rate"] and type(body["rate"]) is float
    assert body["start_year"] < body["end_year"]


def test_ess_national_and_regional(client: httpx.Client) -> None:
    keys = ["soc", "year", "percentHTF", "percentSSV", "percentHTFisSSV"]
    national = [client.get(f"ess/uk/{s}").json() for s in (2231, 5314, 5241, 2216, 5434)]
    national = [b for b in national if "error" not in b]
    assert national and all(list(b) == keys for b in national)
    regional = {r: client.get(f"ess/region/{r}/2231").json() for r in range(1, 13)}
    answered = {r: b for r, b in regional.items() if "error" not in b}
    assert answered and all(list(b) == ["soc", "region", *keys[1:]] for b in answered.values())
    assert all(b["region"]["code"] == r and type(b["region"]["name"]) is str for r, b in answered.items())
    assert client.get("ess/region/13/2231").status_code == 404


def test_lfs_unemployment(client: httpx.Client) -> None:
    bodies = [client.get("lfs/unemployment", params={"soc": s, "minYear": 2010}).json() for s in LmiDouble().socs[:20]]
    answered = [b for b in bodies if "error" not in b]
    assert answered and all(min(y["year"] for y in b["years"]) == 2010 for b in answered)


def test_onet_codes_skills_and_interests(client: httpx.Client) -> None:
    mapping = client.get("o-net/soc2onet/5314").json()
    assert mapping["soc"] == 5314 and mapping["onetCodes"]
    for entry in mapping["onetCodes"]:
        assert re.fullmatch(r"\d{2}-\d{4}\.\d{2}", entry["code"]) and entry["occupations"]
        assert set(entry["data_available"]) == {"skills", "abilities", "interests"}
        assert all(type(flag) is bool for flag in entry["data_available"].values())
    code = mapping["onetCodes"][0]["code"]
    skills = client.get(f"o-net/skills/{code}").json()
    assert set(skills) <= {"onetcode", "scales"} and {s["id"] for s in skills["scales"]} == {"IM", "LV"}
    for scale in skills["scales"]:
        low, high = (1, 5) if scale["id"] == "IM" else (0, 7)
        assert all(set(s) == {"id", "name", "value"} and low <= s["value"] <= high for s in scale["skills"])
    interests = client.get(f"o-net/interests/{code}").json()
    assert interests["onetcode"] == code and {s["id"] for s in interests["scales"]} == {"OI", "IH"}
    assert client.get("o-net/skills/nurse").status_code == 404


def test_hesa_courses(client: httpx.Client) -> None:
    body = client.get("hesa/courses/2231").json()
    assert list(body) == ["years"] and body["years"]
    for year in body["years"]:
        assert type(year["year"]) is int and year["courses"]
        assert all(list(c) == ["name", "percentage"] and type(c["percentage"]) is float for c in year["courses"])
        assert sum(c["percentage"] for c in year["courses"]) <= 100.5


def test_unknown_paths_are_json_404s(double: LmiDouble, client: httpx.Client) -> None:
    for url in ("nope", "soc/everything", double.base_url.replace("/api/v1/", "/api/v2/soc/code/2231")):
        response = client.get(url)
        assert response.status_code == 404 and "error" in response.json()


def test_bodies_follow_the_seed() -> None:
    paths = ["soc/code/2231", "ashe/estimatePay?soc=2231", "wf/predict?soc=2231", "o-net/soc2onet/2231"]
    answers = []
    for seed in (0, 0, 1):
        with _serve(seed=seed) as (running, c):
            answers.append([c.get(p).content for p in paths])
    assert answers[0] == answers[1] and all(a != b for a, b in zip(answers[0], answers[2]))


# ---- knobs ----

def test_error_rate_is_deterministic_with_a_seed() -> None:
    runs = []
    for _ in range(2):
        with _serve(error_rate=0.5, seed=7) as (running, c):
            responses = [c.get("soc/code/2231") for _ in range(20)]
        runs.append([r.status_code for r in responses])
        failed = next(r for r in responses if r.status_code == 503)
        assert failed.headers["content-type"] == "application/json" and "error" in failed.json()
    assert runs[0] == runs[1] and set(runs[0]) == {200, 503}


def test_fail_next_fails_exactly_that_many(double: LmiDouble, client: httpx.Client) -> None:
    double.fail_next = 2
    assert [client.get("soc/code/2231").status_code for _ in range(3)] == [500, 500, 200]
    assert double.fail_next == 0


def test_error_rate_one_fails_everything(double: LmiDouble, client: httpx.Client) -> None:
    double.error_rate = 1.0
    assert {client.get("soc/code/2231").status_code for _ in range(5)} == {503}


def test_truncate_breaks_the_body(double: LmiDouble, client: httpx.Client) -> None:
    double.truncate = True
    with pytest.raises(httpx.RemoteProtocolError):
        client.get("soc/code/2231")
    double.truncate = False
    assert client.get("soc/code/2231").status_code == 200


def test_html_is_a_captive_portal(double: LmiDouble, client: httpx.Client) -> None:
    double.html = True
    response = client.get("soc/code/2231")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    with pytest.raises(json.JSONDecodeError):
        response.json()


def test_latency_delays_every_answer(double: LmiDouble, client: httpx.Client) -> None:
    double.latency_s = 0.3
    started = time.monotonic()
    assert client.get("soc/code/2231").status_code == 200
    assert time.monotonic() - started >= 0.3


def test_slow_bytes_drip_the_body(double: LmiDouble, client: httpx.Client) -> None:
    whole = client.get("soc/code/2231").content
    double.slow_bytes_per_s = len(whole) / 0.4
    started = time.monotonic()
    assert client.get("soc/code/2231").content == whole
    assert time.monotonic() - started >= 0.3


def test_stop_cuts_a_long_wait_short() -> None:
    failures: list[Exception] = []
    with _serve(latency_s=60) as (running, c):

        def ask() -> None:
            try:
                c.get("soc/code/2231")
            except httpx.HTTPError as error:
                failures.append(error)

        asker = threading.Thread(target=ask)
        asker.start()
        deadline = time.monotonic() + 5
        while not running.requests and time.monotonic() < deadline:  # the request is in, waiting out its latency
            time.sleep(0.01)
        started = time.monotonic()
        running.stop()
        asker.join()
    assert time.monotonic() - started < 5 and len(failures) == 1


def test_vintage_2016_replays_the_older_behaviour() -> None:
    with _serve(vintage="2016") as (running, c):
        assert c.get("soc/search?q=").json() == []
        hits = c.get("soc/search", params={"q": "managers"}).json()
        assert len(hits) > 10 and all("add_titles" not in hit for hit in hits)
        assert list(c.get("soc/code/2231").json()) == ["soc", "tasks", "description", "title", "qualifications",
                                                       "add_titles"]
        old = c.get("ashe/estimatePay", params={"soc": 4135, "coarse": "true"}).json()["series"]
        running.vintage = "2017"  # switched on the running double
        new = c.get("ashe/estimatePay", params={"soc": 4135, "coarse": "true"}).json()["series"]
        assert [i["year"] for i in old] == [2012, 2013, 2015] and [i["year"] for i in new] == [2013, 2015]
        assert old[1] != new[0] and old[2] == new[1]  # 2013 was revised; the latest year was not
        assert c.get("soc/search?q=").status_code == 400
    with pytest.raises(ValueError):
        LmiDouble(vintage="2018")


def test_requests_are_recorded(double: LmiDouble, client: httpx.Client) -> None:
    client.get("soc/search", params={"q": "nurse"})
    client.get("ashe/estimatePay?soc=2231&coarse=true")
    assert double.requests == [("/api/v1/soc/search", {"q": "nurse"}),
                               ("/api/v1/ashe/estimatePay", {"soc": "2231", "coarse": "true"})]
    double.clear_requests()
    assert double.requests == []


def test_stop_joins_every_thread_and_closes_the_port() -> None:
    before = threading.active_count()
    running = LmiDouble(slow_bytes_per_s=50_000).start()
    url = running.base_url + "soc/code/2231"
    with pytest.raises(RuntimeError):
        running.start()
    with httpx.Client(timeout=5) as c:
        assert all(c.get(url).status_code == 200 for _ in range(3))
    running.stop()
    running.stop()  # a second stop does nothing
    assert threading.active_count() == before
    with pytest.raises(httpx.ConnectError):
        httpx.get(url, timeout=2)
    with pytest.raises(RuntimeError):
        running.base_url


def test_bad_knobs_fail_in_the_test_not_in_the_server(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        LmiDouble(fixtures=tmp_path).start()
    with pytest.raises(ValueError):
        LmiDouble(as_of="last Tuesday")
    with pytest.raises(ValueError):
        LmiDouble(socs=[123])


# ---- contract: the recordings in ../shared/fixtures ----

def _recordings(vintage: str) -> tuple[Path, list[dict]]:
    if not FIXTURES.is_dir():
        pytest.skip(f"{FIXTURES} is absent: the recorded LMI for All bodies live beside the project in ../shared")
    folder = FIXTURES / "older-vintage" if vintage == "2016" else FIXTURES
    return folder, json.loads((folder / "_index.json").read_text())


def _route(uri: str) -> str:
    return uri.split("/api/v1/", 1)[1]


@pytest.mark.contract
@pytest.mark.parametrize("vintage", ["2017", "2016"])
def test_every_recording_is_replayed_byte_for_byte(vintage: str) -> None:
    folder, index = _recordings(vintage)
    with _serve(fixtures=FIXTURES, vintage=vintage) as (running, c):
        for entry in index:
            running.as_of = entry["recorded_at"]  # pinned, so the older take of a URI recorded twice plays too
            for uri in [entry["uri"], *entry.get("also_uris", [])]:
                response = c.get(_route(uri))
                assert response.status_code == entry["status"], uri
                assert response.content == (folder / entry["file"]).read_bytes(), f"{uri} as of {entry['recorded_at']}"
                assert response.headers["content-type"] == "application/json"


@pytest.mark.contract
@pytest.mark.parametrize("vintage", ["2017", "2016"])
def test_the_newest_take_plays_unless_a_date_is_pinned(vintage: str) -> None:
    folder, index = _recordings(vintage)
    takes: dict[str, list[dict]] = {}
    for entry in index:
        takes.setdefault(_route(entry["uri"]), []).append(entry)

    def newest(route: str) -> bytes:
        entry = max(takes[route], key=lambda e: parsedate_to_datetime(e["recorded_at"]))
        return (folder / entry["file"]).read_bytes()

    twice = [route for route, entries in takes.items() if len(entries) > 1]
    assert twice  # 2017: soc/code/4135 and soc/search?q=library; 2016: two ASHE releases
    with _serve(fixtures=FIXTURES, vintage=vintage) as (running, c):
        for route in twice:
            assert c.get(route).content == newest(route), route
        reordered = c.get("ashe/estimatePay", params={"soc": 4135, "coarse": "true"})  # parameter order is free
        assert reordered.content == newest("ashe/estimatePay?coarse=true&soc=4135")
        running.as_of = "2000-01-01"  # before every recording: everything is generated
        assert c.get("soc/code/4135").content not in {(folder / e["file"]).read_bytes() for e in index}
        assert c.get("soc/code/4135").json()["title"] == "Library clerks and assistants"


def shape(value: object, path: str = "$") -> set[tuple[str, str]]:
    """Every (path, JSON type) in a body: the key structure and value types, without the values."""
    if isinstance(value, dict):
        return {(path, "object")}.union(*(shape(v, f"{path}.{k}") for k, v in value.items()))
    if isinstance(value, list):
        return {(path, "array")}.union(*(shape(v, f"{path}[]") for v in value))
    return {(path, {bool: "bool", int: "int", float: "float", str: "str"}.get(type(value), "null"))}


def comparable_shapes(recorded: list[object], generated: list[object]) -> tuple[set, set]:
    """Both bodies' shapes; int and float count as one type only at paths where the recordings mix them."""
    seen = set().union(*(shape(body) for body in recorded))
    mixed = {p for p, kind in seen if kind == "int"} & {p for p, kind in seen if kind == "float"}

    def norm(paths: set) -> set:
        return {(p, "number" if p in mixed and kind in ("int", "float") else kind) for p, kind in paths}

    return norm(seen), norm(set().union(*(shape(body) for body in generated)))


UNRECORDED = (5241, 2231, 9112)  # SOCs no recording covers, so the double generates their bodies
# family: which recordings belong to it, and unrecorded requests whose generated bodies must match them
FAMILIES = {
    "soc/code": (lambda route, body: route.startswith("soc/code/"), [f"soc/code/{s}" for s in UNRECORDED]),
    "soc/search hits": (lambda route, body: route.startswith("soc/search") and isinstance(body, list) and body,
                        ["soc/search?q=electrician", "soc/search?q=nurse", "soc/search?q=managers"]),
    "soc/search no hits": (lambda route, body: route.startswith("soc/search") and body == [],
                           ["soc/search?q=zzxqv"]),
    "soc/search error": (lambda route, body: route.startswith("soc/search") and isinstance(body, dict),
                         ["soc/search?q="]),
    "ashe pay coarse": (lambda route, body: route.startswith("ashe/estimatePay?coarse=true"),
                        [f"ashe/estimatePay?coarse=true&soc={s}" for s in UNRECORDED]),
    "ashe hours coarse": (lambda route, body: route.startswith("ashe/estimateHours?coarse=true"),
                          [f"ashe/estimateHours?coarse=true&soc={s}" for s in UNRECORDED]),
}


@pytest.mark.contract
@pytest.mark.parametrize("vintage", ["2017", "2016"])
@pytest.mark.parametrize("family", FAMILIES)
def test_generated_bodies_have_the_recorded_shape(vintage: str, family: str) -> None:
    folder, index = _recordings(vintage)
    belongs, requests = FAMILIES[family]
    bodies = [(_route(e["uri"]), json.loads((folder / e["file"]).read_bytes())) for e in index]
    recorded = [body for route, body in bodies if belongs(route, body)]
    if vintage == "2016" and family == "soc/search error":
        assert not recorded  # 2016 answered an empty search with 200 [], which "no hits" covers
        return
    assert recorded, f"no {vintage} recordings for {family}"
    with _serve(vintage=vintage) as (running, c):  # no fixtures: every body is generated
        generated = [c.get(path).json() for path in requests]
    assert not set(UNRECORDED) & RECORDED_SOCS
    seen, made = comparable_shapes(recorded, generated)
    assert made == seen
    if family == "soc/code":
        assert all(list(body) == list(recorded[0]) for body in recorded + generated)  # the vintage's key order
    for body in recorded + generated:
        for soc_object in (body if isinstance(body, list) else [body] if "tasks" in body else []):
            # not a strict pattern: a real one (2451) misses a ";" between two items
            assert soc_object["tasks"].startswith(" ") and ";\n " in soc_object["tasks"], soc_object["soc"]
        for item in body.get("series", []) if isinstance(body, dict) else []:
            assert item["year"] != 2014 and item.get("estpay", 0) % 10 == 0


def test_a_connection_stays_open_between_requests_and_stop_hangs_up_on_it(monkeypatch) -> None:
    import socket

    from tests.doubles import loopback_double

    monkeypatch.setattr(loopback_double._Handler, "timeout", 3600)  # only stop() can end the idle connection now
    running = LmiDouble().start()
    port = int(running.base_url.split(":")[2].split("/")[0])
    conn = socket.create_connection(("127.0.0.1", port), timeout=30)
    reader = conn.makefile("rb")
    for _ in range(2):  # two answers on one connection, as from a real web server
        conn.sendall(b"GET /api/v1/soc/code/2231 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert reader.readline().startswith(b"HTTP/1.1 200")
        headers = {}
        while (line := reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode().partition(":")
            headers[name.strip().lower()] = value.strip()
        assert headers.get("connection") != "close"
        assert json.loads(reader.read(int(headers["content-length"])))["soc"] == 2231
    stopper = threading.Thread(target=running.stop, daemon=True)
    stopper.start()
    stopper.join(timeout=30)  # a bound for a broken stop(), not a measure: it returns at once
    assert not stopper.is_alive()
    assert reader.read(1) == b""  # the server hung up on the idle connection
    conn.close()

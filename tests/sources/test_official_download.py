"""Downloading one release file, against answers a test writes (httpx.MockTransport): what is refused, what is
resumed, and where files go; and the catalogue's names, the state file and the download slots."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from kiosk.sources.fetch_policy import FetchPolicy
from kiosk.sources.official import catalogue
from kiosk.sources.official.catalogue import DFE, ONS, CatalogueFile, ashe, fixed_files, is_release_name
from kiosk.sources.official.download import ABSENT, FAILED, NEW, UNCHANGED, Downloader, Outcome
from kiosk.sources.official.download_state import DownloadState, SavedFile, Validators
from kiosk.sources.official.slots import Slots
from tests.helpers.official import DFE as DFE_FIXTURES

POLICY = FetchPolicy(timeout_s=5.0, retries=1, backoff_s=0.0, breaker_failures=3, max_rps=None, concurrency=2)
BASES = {ONS: "https://ons.test", DFE: "https://dfe.test/repo/main"}
BODY = b"PK\x03\x04" + bytes(range(256)) * 40  # starts as a zip does: enough to pass for a workbook here
FILE = catalogue._file(DFE, "/Data/2-13_skillsImperative2035/EN_MainTables.Main.xlsm")
Handler = "Callable[[httpx.Request], httpx.Response]"


def fetch(folder: Path, handler, file: CatalogueFile = FILE, state: DownloadState | None = None,
          **options) -> tuple[Outcome, DownloadState]:
    """One file through a Downloader whose answers come from `handler`."""
    state = state or DownloadState.read(folder)

    async def go() -> Outcome:
        async with Downloader(folder / "files", BASES, options.pop("policy", POLICY), state,
                              transport=httpx.MockTransport(handler), **options) as downloader:
            outcome = await downloader.fetch(file)
        await state.flush()
        return outcome

    return asyncio.run(go()), state


def test_a_file_is_saved_under_its_catalogue_name_whatever_the_server_calls_it(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert str(request.url) == "https://dfe.test/repo/main/Data/2-13_skillsImperative2035/EN_MainTables.Main.xlsm"
        return httpx.Response(200, content=BODY, headers={
            "Content-Disposition": 'attachment; filename="../../../etc/evil.xlsm"', "ETag": '"v1"'})

    outcome, state = fetch(tmp_path, handler)
    assert outcome.status == NEW and outcome.received == len(BODY)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        "downloads.json", "files/dfe/EN_MainTables.Main.xlsm"]
    assert state.files[FILE.name].validators.etag == '"v1"' and state.files[FILE.name].size == len(BODY)
    assert DownloadState.read(tmp_path).files == state.files  # written to disk, and read back the same


@pytest.mark.parametrize(("answer", "problem"), [
    (httpx.Response(200, content=b"<html>Sign in to Guest Wi-Fi</html>", headers={"Content-Type": "text/html"}),
     "sent a web page"),
    (httpx.Response(200, content=b"version https://git-lfs.github.com/spec/v1\n"), "is not a workbook"),
    (httpx.Response(200, content=BODY, headers={"Content-Length": str(10 ** 9)}), "more than the"),
    (httpx.Response(403, content=b"Forbidden"), "HTTP 403"),
])
def test_what_cannot_be_a_release_is_refused_by_url_and_nothing_is_kept(tmp_path: Path, answer, problem) -> None:
    outcome, state = fetch(tmp_path, lambda request: answer)
    assert outcome.status == FAILED and outcome.problem.startswith(FILE.url(BASES)) and problem in outcome.problem
    assert not (tmp_path / "files" / FILE.name).exists() and not list(tmp_path.rglob("*.part"))
    assert FILE.name not in state.files and FILE.name not in state.partial


def test_a_missing_file_is_absent_and_a_failing_one_is_tried_again(tmp_path: Path) -> None:
    outcome, _ = fetch(tmp_path, lambda request: httpx.Response(404, content=b"Not Found"))
    assert outcome.status == ABSENT and "not published (HTTP 404)" in outcome.problem
    answers = iter([httpx.Response(503), httpx.Response(200, content=BODY)])
    outcome, _ = fetch(tmp_path, lambda request: next(answers))
    assert outcome.status == NEW


def test_a_repeat_asks_with_the_files_validators_and_a_304_keeps_it(tmp_path: Path) -> None:
    _, state = fetch(tmp_path, lambda request: httpx.Response(200, content=BODY, headers={
        "ETag": '"v1"', "Last-Modified": "Mon, 01 Dec 2025 09:00:00 GMT"}))
    asked: list[httpx.Headers] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(request.headers)
        return httpx.Response(304)

    outcome, _ = fetch(tmp_path, handler, state=state)
    assert outcome.status == UNCHANGED
    assert asked[0]["If-None-Match"] == '"v1"' and asked[0]["If-Modified-Since"] == "Mon, 01 Dec 2025 09:00:00 GMT"
    outcome, _ = fetch(tmp_path, handler, state=state, conditional=False)  # --full: a plain request
    assert outcome.status == FAILED and "If-None-Match" not in asked[1]


def test_a_stopped_download_resumes_with_range_and_if_range(tmp_path: Path) -> None:
    stop = [False]

    async def body():
        yield BODY[:1000]
        stop[0] = True  # staff cancel while the body arrives
        yield BODY[1000:]

    def first(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body(), headers={"ETag": '"v1"'})

    outcome, state = fetch(tmp_path, first, cancelled=lambda: stop[0])
    part = tmp_path / "files" / "dfe" / ".EN_MainTables.Main.xlsm.part"
    have = part.stat().st_size
    assert outcome.status == "stopped" and have == 1000 and state.partial[FILE.name].etag == '"v1"'
    asked: list[httpx.Headers] = []

    def rest(request: httpx.Request) -> httpx.Response:
        asked.append(request.headers)
        return httpx.Response(206, content=BODY[have:],
                              headers={"Content-Range": f"bytes {have}-{len(BODY) - 1}/{len(BODY)}", "ETag": '"v1"'})

    outcome, state = fetch(tmp_path, rest, state=state)
    assert outcome.status == NEW and asked[0]["Range"] == f"bytes={have}-" and asked[0]["If-Range"] == '"v1"'
    assert (tmp_path / "files" / FILE.name).read_bytes() == BODY and not part.exists() and not state.partial


def test_a_part_holding_the_whole_file_is_finished_without_sending_it_again(tmp_path: Path) -> None:
    folder = tmp_path / "files" / "dfe"
    folder.mkdir(parents=True)
    (folder / ".EN_MainTables.Main.xlsm.part").write_bytes(BODY)  # stopped just as its last bytes came
    state = DownloadState(tmp_path, {}, {FILE.name: Validators(FILE.url(BASES), '"v1"', None)}, None, None)
    outcome, state = fetch(tmp_path, lambda request: httpx.Response(
        416, headers={"Content-Range": f"bytes */{len(BODY)}"}), state=state)
    assert outcome.status == NEW and outcome.received == 0 and (tmp_path / "files" / FILE.name).read_bytes() == BODY


def test_a_part_that_no_longer_fits_starts_again(tmp_path: Path) -> None:
    folder = tmp_path / "files" / "dfe"
    folder.mkdir(parents=True)
    (folder / ".EN_MainTables.Main.xlsm.part").write_bytes(BODY[:100])
    state = DownloadState(tmp_path, {}, {FILE.name: Validators(FILE.url(BASES), '"v1"', None)}, None, None)
    answers = iter([httpx.Response(206, content=BODY[7:], headers={"Content-Range": f"bytes 7-{len(BODY) - 1}/x"}),
                    httpx.Response(200, content=BODY, headers={"ETag": '"v2"'})])
    outcome, state = fetch(tmp_path, lambda request: next(answers), state=state)
    assert outcome.status == NEW and (tmp_path / "files" / FILE.name).read_bytes() == BODY
    assert state.files[FILE.name].validators.etag == '"v2"'


def test_repeated_failures_pause_the_publisher(tmp_path: Path) -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url)
        return httpx.Response(500)

    outcome, _ = fetch(tmp_path, handler, policy=POLICY._replace(retries=5, breaker_failures=2))
    assert outcome.status == FAILED and "paused after repeated failures" in outcome.problem and len(calls) == 2


def test_the_catalogue_names_only_safe_files_in_two_folders() -> None:
    files = [*fixed_files(), ashe(2024, "provisional"), ashe(2023, "revised")]
    assert len({f.name for f in files}) == len(files)
    assert all(f.name.split("/")[0] in (ONS, DFE) and ".." not in f.name for f in files)
    with pytest.raises(ValueError, match="unsafe"):
        catalogue._file(DFE, "/Data/../../.bashrc")
    with pytest.raises(ValueError, match="provisional or revised"):
        ashe(2024, "final")
    assert ashe(2024, "provisional").path.endswith("/2024provisional/ashetable142024provisional.zip")
    assert is_release_name("ashetable142024provisional.zip") and is_release_name("EN_MainTables.Main.xlsm")
    assert not is_release_name("school.xlsx")


@pytest.mark.contract
def test_the_catalogue_lists_every_dfe_workbook_published_beside_the_fixtures() -> None:
    if not DFE_FIXTURES.is_dir():
        pytest.skip(f"{DFE_FIXTURES} is absent: the releases live beside the project in ../shared/fixtures")
    listed = {f.name.split("/")[1] for f in fixed_files() if f.publisher == DFE}
    assert listed == {p.name for p in DFE_FIXTURES.iterdir()} | {catalogue.CUMBRIA}


def test_a_damaged_state_file_is_as_good_as_none(tmp_path: Path) -> None:
    (tmp_path / "downloads.json").write_text('{"files": [')
    state = DownloadState.read(tmp_path)
    assert (state.files, state.partial, state.built_from, state.installed) == ({}, {}, None, None)
    state.files["dfe/a.xlsm"] = SavedFile(Validators("u", None, "d"), 3, "ab")
    state.save()
    assert DownloadState.read(tmp_path).files == state.files


def test_an_urgent_waiter_goes_before_those_already_waiting() -> None:
    order: list[str] = []

    async def go() -> None:
        slots = Slots(1)
        gate = asyncio.Event()

        async def hold(name: str, urgent: bool = False) -> None:
            async with slots.hold(urgent):
                order.append(name)
                await gate.wait()

        first = asyncio.create_task(hold("first"))
        await asyncio.sleep(0)
        waiting = [asyncio.create_task(hold(name)) for name in ("second", "third")]
        urgent = asyncio.create_task(hold("urgent", urgent=True))
        await asyncio.sleep(0)
        gate.set()
        await asyncio.gather(first, *waiting, urgent)

    asyncio.run(go())
    assert order == ["first", "urgent", "second", "third"]

"""The National Careers Service job profiles API: the summary and one profile, a refused key stopping the sync."""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import quote, unquote, urlsplit

import httpx

from kiosk.sources.errors import SourceInputError
from kiosk.sources.fetch_policy import FetchPolicy
from kiosk.sources.json_fetch import Fetched, JsonFetcher

LIVE_BASE_URL = "https://api.nationalcareers.service.gov.uk/job-profiles/"
SOURCE = "National Careers Service"
KEY_HEADER = "Ocp-Apim-Subscription-Key"
# ncs-job-profiles-api.md §1: 150 requests a minute is the limit, so 2 a second stays under it with room for a
# retry; a 429 backs off 2, 4, 8 then 16 seconds, long enough for a rolling minute to free some calls.
LIVE_POLICY = FetchPolicy(timeout_s=30.0, retries=4, backoff_s=2.0, breaker_failures=5, breaker_open_s=60.0,
                          max_rps=2.0, concurrency=2, max_body_bytes=4 * 1024 * 1024)


class SummaryItem(NamedTuple):
    """One published profile as the summary lists it; name is its canonical name (the Url's last segment)."""

    name: str
    title: str
    last_updated: str


class NcsUnavailable(Exception):
    """The summary did not arrive whole and sound, so nothing may be fetched or deleted this time."""


def make_ncs_fetcher(base_url: str, api_key: str, policy: FetchPolicy | None = None, *,
                     transport: httpx.AsyncBaseTransport | None = None) -> JsonFetcher:
    """A JsonFetcher that sends the subscription key and `version: v1`, at a pace the live service allows."""
    key = api_key.strip()
    if not key:
        raise SourceInputError(f"{SOURCE}: no API key is set; get one from the NCS developer portal")
    if not key.isascii() or not key.isprintable() or " " in key:
        raise SourceInputError(f"{SOURCE}: the API key holds spaces or unusual characters; copy it again from "
                               "the NCS developer portal")
    headers = {KEY_HEADER: key, "version": "v1", "Accept": "application/json"}
    return JsonFetcher(base_url, SOURCE, policy or LIVE_POLICY, transport=transport, headers=headers)


class NcsClient:
    """The two calls a sync makes; bad answers come back as problems, a refused key raises SourceInputError."""

    def __init__(self, fetcher: JsonFetcher) -> None:
        self._fetcher = fetcher

    async def summary(self) -> list[SummaryItem]:
        """Every published profile with its LastUpdated; NcsUnavailable unless the whole list arrived and is sound."""
        answer = await self._fetcher.get("summary")
        _refuse_key(answer)
        if answer.status == 404:
            raise SourceInputError(f"{SOURCE}: no job profiles service at this address (HTTP 404); check the base "
                                   f"URL (the live one is {LIVE_BASE_URL})")
        if answer.status == 204:
            # "Nothing is published" would delete every stored profile: far likelier a fault than the truth.
            raise NcsUnavailable(f"{SOURCE} summary: it lists no profiles (HTTP 204); nothing was changed")
        if not answer.ok:
            raise NcsUnavailable(f"{answer.problem}; nothing was changed")
        if not isinstance(answer.data, list):
            raise NcsUnavailable(f"{SOURCE} summary: expected a list, got {type(answer.data).__name__}; "
                                 "nothing was changed")
        if not answer.data:
            raise NcsUnavailable(f"{SOURCE} summary: it lists no profiles; nothing was changed")
        return [_summary_item(n, entry) for n, entry in enumerate(answer.data, 1)]

    async def profile(self, name: str) -> Fetched:
        """One profile by canonical name; 204 (no such profile) and a non-object answer are problems naming it."""
        answer = await self._fetcher.get(profile_path(name))
        _refuse_key(answer)
        if answer.status == 204:
            return Fetched(None, f"{SOURCE} profile {name!r}: no such profile (HTTP 204)", 204)
        if not answer.ok:
            return answer
        if not isinstance(answer.data, dict):
            return Fetched(None, f"{SOURCE} profile {name!r}: expected an object, got {type(answer.data).__name__}",
                           answer.status)
        return answer


def profile_path(name: str) -> str:
    """A canonical name as one percent-encoded path segment (apostrophes and parentheses included)."""
    segment = quote(name, safe="")
    # "." and ".." would climb out of job-profiles/ once the URL is normalised.
    return segment.replace(".", "%2E") if not segment.strip(".") else segment


def canonical_name(url: str) -> str:
    """The canonical name in a profile's Url: its last path segment, percent-decoded."""
    return unquote(urlsplit(url).path.rsplit("/", 1)[-1])


def _refuse_key(answer: Fetched) -> None:
    """A refused key stops the sync with one message rather than one problem per profile."""
    if answer.status == 401:
        raise SourceInputError(f"{SOURCE}: the API key was refused (HTTP 401); check the key from the NCS "
                               "developer portal")
    if answer.status == 403:
        raise SourceInputError(f"{SOURCE}: the API key was refused (HTTP 403); its call quota may be used up; "
                               "check the key on the NCS developer portal")


def _summary_item(n: int, entry: object) -> SummaryItem:
    """One summary entry; a malformed one makes the whole summary unsound (it decides what is deleted)."""
    where = f"{SOURCE} summary: item {n}"
    if not isinstance(entry, dict):
        raise NcsUnavailable(f"{where} is not an object; nothing was changed")
    for key in ("Url", "Title", "LastUpdated"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise NcsUnavailable(f"{where} has no {key}; nothing was changed")
    name = canonical_name(entry["Url"])
    if not name.strip(" ."):
        raise NcsUnavailable(f"{where} has a Url with no profile name ({entry['Url']!r}); nothing was changed")
    return SummaryItem(name, entry["Title"].strip(), entry["LastUpdated"].strip())

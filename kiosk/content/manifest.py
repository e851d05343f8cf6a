"""A pack's manifest: who made it, which version, its sources, and a checksum for every member."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from kiosk.content.errors import PackRejected, version_key
from kiosk.content.schema import RowError, iso_date, long_text, short_text, slug, url

FORMAT_NAME = "careers-kiosk-pack"
FORMAT_VERSION = 1
LAYERS = ("national", "regional", "school")
VERSION = re.compile(r"^\d{1,9}(?:\.\d{1,9}){0,3}$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Source:
    """Where figures come from: a name, a licence and the date they were retrieved."""

    id: str
    name: str
    licence: str
    retrieved: str
    url: str = ""


@dataclass(frozen=True)
class Member:
    """A file inside a pack, with the size and sha256 the manifest promises."""

    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    """The parsed, checked manifest.json of one pack."""

    pack_id: str
    title: str
    publisher: str
    content_version: str
    layer: str
    created: str
    sample: bool
    notice: str
    sources: tuple[Source, ...]
    members: dict[str, Member]
    counts: dict[str, int]

    @property
    def version_key(self) -> tuple[int, ...]:
        return version_key(self.content_version)

    @property
    def layer_rank(self) -> int:
        return LAYERS.index(self.layer)

    def source_ids(self) -> frozenset[str]:
        return frozenset(s.id for s in self.sources)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "pack_id": self.pack_id,
            "title": self.title,
            "publisher": self.publisher,
            "content_version": self.content_version,
            "layer": self.layer,
            "created": self.created,
            "sample": self.sample,
            "notice": self.notice,
            "sources": [s.__dict__ for s in self.sources],
            "members": {k: m.__dict__ for k, m in sorted(self.members.items())},
            "counts": dict(sorted(self.counts.items())),
        }


def check_version(value: Any) -> str:
    if not isinstance(value, str) or not VERSION.match(value):
        raise PackRejected(f"manifest: content_version must be dotted whole numbers like 2026.11.1, not {value!r}")
    return value


def _field(data: dict[str, Any], name: str, check: Any, where: str = "manifest") -> Any:
    if name not in data or data[name] in (None, ""):
        raise PackRejected(f"{where}: {name!r} is missing")
    try:
        return check(data[name])
    except RowError as e:
        raise PackRejected(f"{where}: {name!r} {e}") from None


def _created(value: Any) -> str:
    try:
        return dt.datetime.fromisoformat(str(value).replace("Z", "+00:00")).isoformat()
    except ValueError:
        raise RowError(f"must be an ISO date and time, not {value!r}") from None


def parse_manifest(data: Any) -> Manifest:
    """Check a decoded manifest.json and return it, or raise PackRejected naming the problem."""
    if not isinstance(data, dict):
        raise PackRejected("manifest.json is not a JSON object")
    if data.get("format") != FORMAT_NAME:
        raise PackRejected(f"manifest.json is not a careers kiosk pack manifest (format {data.get('format')!r})")
    fv = data.get("format_version")
    if fv != FORMAT_VERSION:
        raise PackRejected(
            f"pack format version {fv!r} is not supported; this kiosk reads format version {FORMAT_VERSION}"
        )
    layer = data.get("layer")
    if layer not in LAYERS:
        raise PackRejected(f"manifest: layer must be one of {', '.join(LAYERS)}, not {layer!r}")
    sources = data.get("sources")
    if not isinstance(sources, list):
        raise PackRejected("manifest: 'sources' must be a list")
    parsed_sources = []
    for i, s in enumerate(sources, 1):
        if not isinstance(s, dict):
            raise PackRejected(f"manifest: source {i} is not an object")
        where = f"manifest: source {i}"
        parsed_sources.append(
            Source(
                id=_field(s, "id", slug, where),
                name=_field(s, "name", short_text, where),
                licence=_field(s, "licence", short_text, where),
                retrieved=_field(s, "retrieved", iso_date, where),
                url=url(s.get("url") or ""),
            )
        )
    if len({s.id for s in parsed_sources}) != len(parsed_sources):
        raise PackRejected("manifest: two sources share an id")
    return Manifest(
        pack_id=_field(data, "pack_id", slug),
        title=_field(data, "title", short_text),
        publisher=_field(data, "publisher", short_text),
        content_version=check_version(data.get("content_version")),
        layer=layer,
        created=_field(data, "created", _created),
        sample=data.get("sample") is True,
        notice=long_text(data.get("notice") or ""),
        sources=tuple(parsed_sources),
        members=_members(data.get("members")),
        counts=_counts(data.get("counts")),
    )


def _members(value: Any) -> dict[str, Member]:
    if not isinstance(value, dict) or not value:
        raise PackRejected("manifest: 'members' must list every file in the pack")
    members = {}
    for name, m in value.items():
        if not isinstance(m, dict) or not SHA256.match(str(m.get("sha256", ""))):
            raise PackRejected(f"manifest: member {name!r} has no valid sha256")
        size = m.get("size")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise PackRejected(f"manifest: member {name!r} has no valid size")
        members[name] = Member(sha256=m["sha256"], size=size)
    return members


def _counts(value: Any) -> dict[str, int]:
    if not isinstance(value, dict):
        raise PackRejected("manifest: 'counts' must give the row count of every table")
    for name, n in value.items():
        if not isinstance(n, int) or isinstance(n, bool) or n < 0:
            raise PackRejected(f"manifest: count for {name!r} is not a whole number")
    return dict(value)

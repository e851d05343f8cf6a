"""Decoding a compressed HTTP answer a bounded amount at a time, so a small gzip body cannot expand in memory."""

from __future__ import annotations

import zlib

# What httpx asks for (it has no brotli or zstd here): gzip and deflate, or the bytes as they are.
GZIP_WBITS = 16 + zlib.MAX_WBITS
ZLIB_WBITS = zlib.MAX_WBITS
RAW_WBITS = -zlib.MAX_WBITS


class UnaskedEncoding(ValueError):
    """The answer came compressed in a way that was not asked for."""


class BoundedDecoder:
    """Turns raw body chunks into decoded bytes, never more than `room` at a time.

    httpx decodes each network chunk whole: 64 KB of gzip is 64 MB of zeros before any size limit is checked."""

    def __init__(self, content_encoding: str) -> None:
        encoding = content_encoding.strip().lower()
        if encoding in ("", "identity"):
            self._wbits: int | None = None
        elif encoding in ("gzip", "x-gzip"):
            self._wbits = GZIP_WBITS
        elif encoding == "deflate":
            self._wbits = ZLIB_WBITS  # as the standard says; some servers send raw deflate, tried next
        else:
            raise UnaskedEncoding(f"sent the answer compressed as {content_encoding!r}, which was not asked for")
        self._decompressor = zlib.decompressobj(self._wbits) if self._wbits is not None else None
        self._started = False

    def decode(self, raw: bytes, room: int) -> bytes:
        """Up to `room` decoded bytes from this chunk; exactly `room` means there is more than room for."""
        if self._decompressor is None:
            return raw[:room]
        try:
            out = self._decompressor.decompress(raw, room)
        except zlib.error:
            if self._started or self._wbits != ZLIB_WBITS:
                raise
            self._wbits = RAW_WBITS
            self._decompressor = zlib.decompressobj(RAW_WBITS)
            out = self._decompressor.decompress(raw, room)
        self._started = True
        return out

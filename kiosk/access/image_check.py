"""Checking symbol images before they are installed: SVG that is plain drawing, PNG big enough to see."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET

MAX_IMAGE_BYTES = 2 * 1024 * 1024
MIN_PNG_SIDE = 512
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Entities can expand without limit, and scripts or outside references have no place in a symbol.
HOSTILE_SVG = re.compile(rb"<!DOCTYPE|<!ENTITY|<script|javascript:|<foreignObject|xlink:href\s*=\s*[\"'](?!#)",
                         re.IGNORECASE)


class ImageProblem(ValueError):
    """An image that cannot be used as a symbol; the message says why."""


def check_image(data: bytes, name: str) -> None:
    """Raise ImageProblem unless `data` is a usable SVG or PNG symbol."""
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageProblem(f"{name}: {len(data):,} bytes is larger than {MAX_IMAGE_BYTES:,}")
    if name.lower().endswith(".png"):
        _check_png(data, name)
    elif name.lower().endswith(".svg"):
        _check_svg(data, name)
    else:
        raise ImageProblem(f"{name}: only SVG and PNG images can be symbols")


def _check_svg(data: bytes, name: str) -> None:
    if HOSTILE_SVG.search(data):
        raise ImageProblem(f"{name}: the SVG holds a doctype, entities, a script or an outside link")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise ImageProblem(f"{name}: not a readable SVG ({e})") from None
    if not root.tag.endswith("svg"):
        raise ImageProblem(f"{name}: not an SVG drawing (its root is <{root.tag}>)")


def _check_png(data: bytes, name: str) -> None:
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR" or len(data) < 24:
        raise ImageProblem(f"{name}: not a readable PNG")
    width, height = struct.unpack(">II", data[16:24])
    if min(width, height) < MIN_PNG_SIDE:
        raise ImageProblem(f"{name}: {width}x{height} is too small; a PNG symbol needs at least {MIN_PNG_SIDE} px")

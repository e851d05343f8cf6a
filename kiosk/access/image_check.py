"""Checking symbol images before they are installed: SVG that is plain drawing, PNG big enough to see."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET

MAX_IMAGE_BYTES = 2 * 1024 * 1024
MIN_PNG_SIDE = 512
# A PNG is decoded whole (4 bytes a pixel) before it is scaled to a tile: a 1 KB file can declare 50,000 x 50,000
# pixels, 10 GB decoded. 4,096 a side (64 MiB decoded) is eight times the smallest symbol PNG allowed.
MAX_PNG_SIDE = 4096
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Entities can expand without limit, and scripts or outside references have no place in a symbol.
HOSTILE_SVG = re.compile(rb"<!DOCTYPE|<!ENTITY|<script|javascript:|<foreignObject|href\s*=\s*[\"'](?!#)",
                         re.IGNORECASE)
# The largest real symbols: Mulberry's rug.svg, 355 tags in 110 KB; OpenMoji's busiest, 144 tags.
MAX_SVG_TAGS = 20_000
# Each <use> draws what it points at, which may itself hold <use>s: ten levels of ten took a 2 KB file past a
# minute to draw. Neither Mulberry nor OpenMoji has any; eight allow at most (8/3)^3, about 19, copies of a shape.
MAX_SVG_USES = 8
SVG_USE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?use[\s/>]")


class ImageProblem(ValueError):
    """An image that cannot be used as a symbol; the message says why."""


def check_image(data: bytes, name: str) -> None:
    """Raise ImageProblem unless `data` is a usable SVG or PNG symbol."""
    check_cost(data, name)
    if name.lower().endswith(".png"):
        _check_png(data, name)
    elif name.lower().endswith(".svg"):
        _check_svg(data, name)
    else:
        raise ImageProblem(f"{name}: only SVG and PNG images can be symbols")


def check_cost(data: bytes, name: str) -> None:
    """Raise ImageProblem if drawing the image could take gigabytes or minutes; cheap, without parsing it."""
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageProblem(f"{name}: {len(data):,} bytes is larger than {MAX_IMAGE_BYTES:,}")
    if data.startswith(PNG_SIGNATURE) and data[12:16] == b"IHDR" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        if max(width, height) > MAX_PNG_SIDE:
            raise ImageProblem(f"{name}: {width:,}x{height:,} pixels is too large to open; a PNG symbol is at most "
                               f"{MAX_PNG_SIDE:,} a side")
    elif name.lower().endswith(".svg"):
        tags = data.count(b"<")  # every element has one; text cannot (XML escapes it)
        if tags > MAX_SVG_TAGS:
            raise ImageProblem(f"{name}: the SVG has {tags:,} tags; a symbol has at most {MAX_SVG_TAGS:,}")
        uses = len(SVG_USE.findall(data))
        if uses > MAX_SVG_USES:
            raise ImageProblem(f"{name}: the SVG repeats shapes with {uses:,} <use> elements; a symbol has at most "
                               f"{MAX_SVG_USES}")


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

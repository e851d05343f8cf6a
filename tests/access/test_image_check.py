"""Symbol images: plain SVG drawings and big-enough PNGs pass; anything hostile or broken is refused."""

from __future__ import annotations

import struct
import zlib

import pytest

from kiosk.access.image_check import ImageProblem, check_image
from tests.helpers import zip_bombs

MAX_PNG_SIDE = 4096  # image_check.MAX_PNG_SIDE

GOOD_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>'


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def test_good_images_pass() -> None:
    check_image(GOOD_SVG, "a.svg")
    check_image(png(512, 600), "a.png")


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>', "x.svg", "doctype"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "x.svg", "script"),
        (b'<svg xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="http://example.org/a.png"/></svg>',
         "x.svg", "outside link"),
        (b"<svg><unclosed></svg>", "x.svg", "not a readable SVG"),
        (b"<html></html>", "x.svg", "not an SVG drawing"),
        (png(64, 64), "x.png", "too small"),
        (b"GIF89a", "x.png", "not a readable PNG"),
        (b"x", "x.gif", "only SVG and PNG"),
        (b"<svg>" + b" " * (3 * 1024 * 1024) + b"</svg>", "x.svg", "larger than"),
    ],
)
def test_bad_images_are_refused(data: bytes, name: str, message: str) -> None:
    with pytest.raises(ImageProblem, match=message):
        check_image(data, name)


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (zip_bombs.png_bomb(), "huge.png", r"huge\.png: 50,000x50,000 pixels is too large to open"),
        (zip_bombs.png_bomb(4097, 600), "wide.png", r"wide\.png: 4,097x600 pixels is too large"),
        (zip_bombs.svg_use_bomb(), "tree.svg", r"tree\.svg: the SVG repeats shapes with 81 <use> elements"),
        (b'<svg xmlns="http://www.w3.org/2000/svg">' + b"<g/>" * 20_001 + b"</svg>", "busy.svg",
         r"busy\.svg: the SVG has 20,003 tags"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>', "peek.svg",
         r"peek\.svg: .*outside link"),
    ],
)
def test_images_that_would_take_gigabytes_or_minutes_to_draw_are_refused_before_decoding(
        data: bytes, name: str, message: str) -> None:
    with pytest.raises(ImageProblem, match=message):
        check_image(data, name)


def test_the_largest_real_symbols_pass() -> None:
    check_image(png(MAX_PNG_SIDE, MAX_PNG_SIDE), "a.png")
    check_image(zip_bombs.svg_use_bomb(levels=2, fan=7), "eight-uses.svg")  # seven, and one drawing them

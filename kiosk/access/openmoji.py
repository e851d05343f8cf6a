"""Installing the pinned OpenMoji release from the npm registry, checked against its published integrity.

The pin (version, tarball address, sha512 integrity) is read from `symbols/openmoji/package-lock.json`, the
same lock file `npm ci` would honour. With npm on the machine the tarball is fetched with `npm pack`; without
it, with an HTTP client. Either way the bytes must match the pinned sha512 before anything is unpacked.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any, Callable

from kiosk.access.image_check import ImageProblem, check_image
from kiosk.access.symbol_sets import SymbolSet, SymbolSetError, install_set, staging_folder

MAX_TARBALL_BYTES = 32 * 1024 * 1024
ATTRIBUTION = "All emojis designed by OpenMoji – the open-source emoji and icon project. License: CC BY-SA 4.0"
KEEP = ("color/svg/", "black/svg/")


def read_pin(lock_file: Path) -> dict[str, str]:
    """The pinned version, tarball address and integrity of `openmoji` in the lock file."""
    entry = json.loads(lock_file.read_text(encoding="utf-8"))["packages"]["node_modules/openmoji"]
    return {"version": entry["version"], "resolved": entry["resolved"], "integrity": entry["integrity"]}


def integrity_of(data: bytes) -> str:
    """A Subresource Integrity string (sha512) for these bytes, as npm writes it."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def fetch_with_npm(pin: dict[str, str]) -> bytes:
    """The tarball, fetched by npm itself (the ordinary client for the npm registry)."""
    npm = shutil.which("npm")
    if npm is None:
        raise SymbolSetError("npm is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [npm, "pack", f"openmoji@{pin['version']}", "--pack-destination", tmp, "--ignore-scripts",
             "--silent"],
            capture_output=True, text=True, timeout=600,
        )
        files = list(Path(tmp).glob("*.tgz"))
        if done.returncode != 0 or len(files) != 1:
            raise SymbolSetError(f"npm could not fetch openmoji {pin['version']}: {done.stderr.strip()[-300:]}")
        if files[0].stat().st_size > MAX_TARBALL_BYTES:
            raise SymbolSetError("the openmoji package is larger than expected")
        return files[0].read_bytes()


def fetch_with_http(pin: dict[str, str]) -> bytes:
    """The tarball from its registry address, capped in size, for machines without npm."""
    import httpx

    chunks, size = [], 0
    with httpx.Client(timeout=httpx.Timeout(30, connect=10), follow_redirects=True) as client:
        with client.stream("GET", pin["resolved"]) as response:
            response.raise_for_status()
            if "html" in response.headers.get("content-type", ""):
                raise SymbolSetError("the registry answered with a web page (a captive portal?), not the package")
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_TARBALL_BYTES:
                    raise SymbolSetError("the openmoji download is larger than expected")
                chunks.append(chunk)
    return b"".join(chunks)


def install_openmoji(data_dir: Path, lock_file: Path, fetch: Callable[[dict[str, str]], bytes] | None = None) -> SymbolSet:
    """Fetch, verify and install OpenMoji; a failure leaves any installed copy as it was."""
    pin = read_pin(lock_file)
    if fetch is None:
        fetch = fetch_with_npm if shutil.which("npm") else fetch_with_http
    try:
        tarball = fetch(pin)
    except SymbolSetError:
        raise
    except Exception as e:  # network and subprocess failures of every kind: say what and stop
        raise SymbolSetError(f"could not fetch openmoji {pin['version']}: {e}") from None
    if integrity_of(tarball) != pin["integrity"]:
        raise SymbolSetError(f"the openmoji {pin['version']} package does not match its pinned integrity; refused")
    return install_from_tarball(data_dir, tarball, pin["version"])


def install_from_tarball(data_dir: Path, tarball: bytes, version: str) -> SymbolSet:
    """Unpack the colour and line-art SVGs, the index and the licence of an OpenMoji npm tarball."""
    with staging_folder(data_dir, "openmoji") as staging:
        index = _unpack(tarball, staging)
        symbols: dict[str, list[dict[str, Any]]] = {}
        for entry in index:
            hexcode = entry.get("hexcode", "")
            if entry.get("skintone") or not (staging / "color" / f"{hexcode}.svg").is_file():
                continue  # skin-tone variants are reached through their base symbol
            words = [entry.get("annotation", "")] + [t.strip() for t in entry.get("tags", "").split(",")]
            symbols[hexcode] = [{
                "file": f"color/{hexcode}.svg",
                "line_art": f"black/{hexcode}.svg" if (staging / "black" / f"{hexcode}.svg").is_file() else "",
                "words": [w for w in words if w],
            }]
        if not symbols:
            raise SymbolSetError("the openmoji package holds no symbols")
        return install_set(data_dir, staging, {
            "id": "openmoji", "kind": "openmoji", "name": "OpenMoji", "version": version,
            "licence": "CC BY-SA 4.0", "attribution": ATTRIBUTION, "url": "https://openmoji.org",
            "symbols": symbols,
        })


def _unpack(tarball: bytes, staging: Path) -> list[dict[str, Any]]:
    index: list[dict[str, Any]] = []
    try:
        with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as tar:
            for member in tar:
                name = member.name.removeprefix("package/")
                if not member.isfile() or ".." in Path(name).parts or name.startswith("/"):
                    continue
                if name == "data/openmoji.json":
                    index = json.load(tar.extractfile(member))
                elif name == "LICENSE.txt":
                    (staging / "LICENSE.txt").write_bytes(tar.extractfile(member).read(1 << 20))
                elif name.startswith(KEEP) and name.endswith(".svg") and "/" not in name[len("color/svg/"):]:
                    data = tar.extractfile(member).read()
                    try:
                        check_image(data, name)
                    except ImageProblem:
                        continue
                    target = staging / name.split("/")[0] / Path(name).name
                    target.parent.mkdir(exist_ok=True)
                    target.write_bytes(data)
    except (tarfile.TarError, OSError, ValueError, EOFError) as e:
        raise SymbolSetError(f"the openmoji package cannot be unpacked: {e}") from None
    if not index:
        raise SymbolSetError("the openmoji package has no data/openmoji.json index")
    return index

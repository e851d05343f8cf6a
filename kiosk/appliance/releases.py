"""Releases: each a virtual environment of its own under /opt/careers-kiosk/releases, `current` and `previous`."""

from __future__ import annotations

import json
import os
import shutil
import tomllib
from datetime import datetime, timezone
from pathlib import Path

from kiosk.appliance import layout as L
from kiosk.appliance.context import Context
from kiosk.appliance.errors import ApplianceError


def source_version(source: Path) -> str:
    """The project's version in a wheel's name or a source folder's pyproject.toml."""
    if source.is_file() and source.suffix == ".whl":
        parts = source.name.split("-")
        if len(parts) >= 5 and parts[0].replace("_", "-") == "careers-kiosk":
            return parts[1]
        raise ApplianceError(f"{source} is not a careers-kiosk wheel (its name should start careers_kiosk-VERSION-)")
    try:
        project = tomllib.loads((source / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    except (OSError, ValueError, KeyError) as e:
        raise ApplianceError(f"{source} is neither a careers-kiosk wheel (.whl) nor the project's folder "
                             "(with its pyproject.toml); give one of those with --from") from e
    if project.get("name") != "careers-kiosk":
        raise ApplianceError(f"{source} holds the project {project.get('name')!r}, not careers-kiosk")
    return str(project["version"])


def default_source() -> Path:
    """The project this kiosk runs from, when it runs from its folder."""
    folder = Path(__file__).resolve().parents[2]
    if (folder / "pyproject.toml").is_file():
        return folder
    raise ApplianceError("this kiosk was not started from its project folder: say which release to install with "
                         "--from (a careers_kiosk-*.whl file or the project's folder)")


def create(ctx: Context, source: Path) -> str:
    """A new release's venv with the project installed from `source`; removed again if anything fails."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    name = f"{source_version(source)}-{stamp}"
    folder = ctx.files.path(L.RELEASES_DIR / name)
    if folder.exists():
        raise ApplianceError(f"a release called {name} is already there; wait a second and try again")
    folder.mkdir(parents=True)
    try:
        venv = folder / "venv"
        _must(ctx, [str(L.SYSTEM_PYTHON), "-m", "venv", str(venv)], "its virtual environment could not be made")
        _must(ctx, [str(venv / "bin" / "pip"), "install", "--disable-pip-version-check", "--no-input",
                    str(source.resolve())], f"the project could not be installed from {source}")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    ctx.say(f"made release {name} from {source}")
    return name


def _must(ctx: Context, argv: list[str], what: str) -> None:
    done = ctx.runner.run(argv)
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines() or ["no message"]
        reason = next((l for l in reversed(lines) if "error" in l.lower()), lines[-1]).strip()
        raise ApplianceError(f"the new release was not installed: {what} ({reason}); the running kiosk is untouched")


def self_check(ctx: Context, name: str, first_start: bool, data_dir: Path | None = None) -> None:
    """The release's own `kiosk doctor` against a data folder; on a first install, a first start before it."""
    kiosk = str(ctx.files.path(L.RELEASES_DIR / name / "venv" / "bin" / "kiosk"))
    data = str(data_dir or ctx.data_dir())
    env = {"KIOSK_DATA_DIR": data, "QT_QPA_PLATFORM": "offscreen", "HOME": data}
    if first_start:  # builds the sample content's database, so the first boot shows the home screen sooner
        done = ctx.runner.run([kiosk, "run", "--quit-after-first-paint"], as_user=ctx.as_user, env=env)
        if done.returncode != 0:
            tail = (done.stderr.strip().splitlines() or ["no message"])[-1]
            raise ApplianceError(f"release {name} could not start ({tail}); nothing was switched")
    done = ctx.runner.run([kiosk, "doctor", "--json"], as_user=ctx.as_user, env=env)
    try:
        checks = json.loads(done.stdout)
    except ValueError:
        tail = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise ApplianceError(f"release {name}'s `kiosk doctor` did not run ({tail}); nothing was switched") from None
    faults = [f"{c['name']}: {c['detail']}" for c in checks if c.get("status") == "fault"]
    if faults:
        raise ApplianceError(f"release {name} failed its self-check (kiosk doctor): " + "; ".join(faults))
    ctx.say(f"release {name} passed its self-check (kiosk doctor)")


def remove_release(ctx: Context, name: str) -> None:
    shutil.rmtree(ctx.files.path(L.RELEASES_DIR / name), ignore_errors=True)


def pointed(ctx: Context, link: Path | str) -> str | None:
    """The release a link (`current`, `previous`) names, or None."""
    try:
        return Path(os.readlink(ctx.files.path(link))).name
    except OSError:
        return None


def point(ctx: Context, link, name: str | None) -> None:
    """Point `current` or `previous` at a release, atomically (a new link renamed over the old)."""
    target = ctx.files.path(link)
    if name is None:
        target.unlink(missing_ok=True)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.unlink(missing_ok=True)
    os.symlink(f"releases/{name}", tmp)  # relative, so a --root tree is whole in itself
    os.replace(tmp, target)


def switch_to(ctx: Context, name: str) -> None:
    """`previous` becomes the old current, `current` the new release; then at most KEEP_RELEASES are kept."""
    old = pointed(ctx, L.CURRENT)
    if old and old != name:
        point(ctx, L.PREVIOUS, old)
    point(ctx, L.CURRENT, name)
    ctx.say(f"current release: {name}" + (f" (previous: {old})" if old and old != name else ""))
    prune(ctx)


def releases(ctx: Context) -> list[str]:
    folder = ctx.files.path(L.RELEASES_DIR)
    return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []


def prune(ctx: Context) -> None:
    """Keep the newest KEEP_RELEASES, and always the current and previous ones."""
    keep = {pointed(ctx, L.CURRENT), pointed(ctx, L.PREVIOUS)}
    by_age = sorted(releases(ctx), key=lambda n: n.rsplit("-", 1)[-1], reverse=True)
    for name in by_age[L.KEEP_RELEASES:]:
        if name not in keep:
            remove_release(ctx, name)
            ctx.say(f"removed old release {name}")

"""`kiosk appliance update`, `rollback` and `status`: change releases only to one that passed its self-check."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.appliance import layout as L
from kiosk.appliance import preflight, releases
from kiosk.appliance.context import Context
from kiosk.appliance.errors import ApplianceError


def update(ctx: Context, source: Path) -> None:
    """A new release from `source`; switched to only if its doctor passes, else removed with the reason."""
    if not ctx.reviewing:
        preflight.check_root(ctx.euid)
    old = releases.pointed(ctx, L.CURRENT)
    if old is None:
        raise ApplianceError("the kiosk is not installed here: run `kiosk appliance install` first")
    preflight.check_space(ctx.files.path(L.RELEASES_DIR))
    made = releases.create(ctx, source)
    # Doctor opens the database (SQLite touches its -shm file) and probes the folder's writability, so it checks
    # a copy of the live data folder: the running kiosk's packs, settings and database are never touched.
    copy = ctx.files.path(L.STATE_DIR / f"check-{made}")
    try:
        shutil.copytree(ctx.data_dir(), copy, symlinks=True)
        ctx.system.run(["chown", "-R", f"{L.USER}:{L.GROUP}", str(copy)])
        releases.self_check(ctx, made, first_start=False, data_dir=copy)
    except (ApplianceError, OSError) as e:
        releases.remove_release(ctx, made)
        reason = e if isinstance(e, ApplianceError) else f"the data folder could not be copied for the check ({e})"
        raise ApplianceError(f"{reason}; the new release was removed and the kiosk carries on with {old}") from None
    finally:
        shutil.rmtree(copy, ignore_errors=True)
    releases.switch_to(ctx, made)
    _restart(ctx)


def rollback(ctx: Context) -> None:
    """Swap `current` and `previous`, then restart the kiosk on the one before."""
    if not ctx.reviewing:
        preflight.check_root(ctx.euid)
    old, before = releases.pointed(ctx, L.CURRENT), releases.pointed(ctx, L.PREVIOUS)
    if before is None or not ctx.files.path(L.RELEASES_DIR / before).is_dir():
        raise ApplianceError("there is no previous release to go back to; nothing was changed")
    releases.point(ctx, L.CURRENT, before)
    releases.point(ctx, L.PREVIOUS, old)
    ctx.say(f"current release: {before} (previous: {old}; run rollback again to return to it)")
    _restart(ctx)


def _restart(ctx: Context) -> None:
    done = ctx.system.run(["systemctl", "try-restart", L.SERVICE])
    word = "would restart" if ctx.reviewing else ("restarted" if done.returncode == 0 else "could not restart")
    ctx.say(f"{word} {L.SERVICE}" + ("" if done.returncode == 0 else f" ({done.stderr.strip()})"))


def status(ctx: Context) -> None:
    current, previous = releases.pointed(ctx, L.CURRENT), releases.pointed(ctx, L.PREVIOUS)
    names = releases.releases(ctx)
    if not names:
        ctx.say("not installed: no releases in " + str(ctx.files.path(L.RELEASES_DIR)))
    for name in names:
        mark = " (current)" if name == current else " (previous)" if name == previous else ""
        ctx.say(f"release {name}{mark}")
    if ctx.reviewing:
        return
    done = ctx.system.run(["systemctl", "is-active", L.SERVICE])
    state = done.stdout.strip() or done.stderr.strip() or "unknown"
    ctx.say(f"{L.SERVICE}: {state}")

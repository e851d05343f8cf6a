"""`kiosk appliance install` and `remove`: the kiosk user, the packages, a release, the units; all or nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.appliance import layout as L
from kiosk.appliance import packages, preflight, releases
from kiosk.appliance.context import Context
from kiosk.appliance.errors import ApplianceError
from kiosk.appliance.units import system_files

USERADD = ["useradd", "--system", "--user-group", "--home-dir", str(L.DATA_DIR), "--no-create-home",
           "--shell", "/usr/sbin/nologin", "--groups", ",".join(L.GROUPS), L.USER]
# Sound for speech: PipeWire with its PulseAudio server runs in the kiosk user's own systemd (user@UID.service),
# which logind keeps running because the install enables linger for the user (the file logind reads,
# /var/lib/systemd/linger/kiosk), and which the unit starts before cage. Debian 12's packages enable these user units
# for every user from their maintainer scripts (`deb-systemd-helper --user enable`: pipewire and pipewire-pulse
# wanted by default.target, wireplumber by pipewire.service); enabling them again with `systemctl --global` mends a
# machine where they were turned off. Services rather than only sockets, so the sound server is up before the kiosk
# asks Qt which outputs there are (`Also=` adds the sockets).
USER_UNITS = ["pipewire.service", "pipewire-pulse.service", "wireplumber.service"]


def install(ctx: Context, source: Path | None, *, apt: bool = True, force: bool = False) -> None:
    """Install the appliance; on any failure put back what this run changed and raise ApplianceError."""
    _preflight(ctx)
    edited = [p for p, (text, _) in system_files().items() if ctx.files.edited_by_hand(p, text)]
    if edited and not force:
        raise ApplianceError(_edited_message(ctx, edited))
    undo: list[list[str]] = []
    made: str | None = None
    links = (releases.pointed(ctx, L.CURRENT), releases.pointed(ctx, L.PREVIOUS))
    new_data_dir = not ctx.data_dir().exists()
    try:
        _packages(ctx, apt)
        _user(ctx, undo)
        _data_dir(ctx)
        current = links[0]
        if current and ctx.files.path(L.RELEASES_DIR / current).is_dir():
            ctx.say(f"already installed: release {current} is current (to install a newer one use "
                    "`kiosk appliance update --from ...`)")
        else:
            preflight.check_space(ctx.files.path(L.RELEASES_DIR), ctx.release_mb)
            made = releases.create(ctx, source or releases.default_source())
            releases.self_check(ctx, made, first_start=True)
            releases.switch_to(ctx, made)
        changed = _write_files(ctx, edited)
        _enable(ctx, changed)
    except BaseException as e:
        ctx.files.rollback()
        releases.point(ctx, L.CURRENT, links[0])
        releases.point(ctx, L.PREVIOUS, links[1])
        if made:
            releases.remove_release(ctx, made)
        if new_data_dir:  # only a folder this run made: an existing one holds the school's content
            shutil.rmtree(ctx.data_dir(), ignore_errors=True)
        for command in reversed(undo):
            ctx.system.run(command)
        if isinstance(e, ApplianceError) and "undone" not in str(e) and "othing was changed" not in str(e):
            raise ApplianceError(f"{e}; what this install had done is undone") from None
        raise
    _symbols(ctx)


def _preflight(ctx: Context) -> None:
    if ctx.reviewing:
        os_release = ctx.files.path("/etc/os-release")
        if os_release.exists():  # a tree made to look like a machine is checked as one
            preflight.check_debian_12(os_release)
    else:
        preflight.check_root(ctx.euid)
        preflight.check_debian_12(ctx.os_release)


def _edited_message(ctx: Context, edited: list) -> str:
    names = ", ".join(str(ctx.files.path(p)) for p in edited)
    return (f"edited by hand since the installer wrote it: {names}. Nothing was changed, and the running kiosk "
            "carries on. To keep your edits, leave it as it is; to replace it with the installer's version, run "
            "the install again with --force (your copy is kept beside it as .by-hand)")


def _packages(ctx: Context, apt: bool) -> None:
    # Under --root the tree stands for another machine, so this one's packages say nothing: list them all.
    absent = list(packages.PACKAGES) if ctx.reviewing else packages.missing(ctx.system)
    if not absent:
        ctx.say("Debian packages: all already installed")
    elif not apt:
        ctx.say(f"Debian packages NOT installed (--no-apt); these are missing: {' '.join(absent)}")
    else:
        packages.install(ctx.system, absent)
        ctx.say(("would install" if ctx.reviewing else "installed") + f" Debian packages: {' '.join(absent)}")


def _user(ctx: Context, undo: list[list[str]]) -> None:
    _groups(ctx, undo)
    if not ctx.reviewing and ctx.system.run(["id", "-u", L.USER]).returncode == 0:
        ctx.system.run(["usermod", "--append", "--groups", ",".join(L.GROUPS), L.USER])
        ctx.say(f"user {L.USER}: already there (in groups {', '.join(L.GROUPS)})")
        return
    done = ctx.system.run(USERADD)
    if done.returncode != 0:
        raise ApplianceError(f"the user {L.USER} could not be made ({done.stderr.strip()}); nothing was changed")
    undo.append(["userdel", L.USER])
    ctx.say(("would make" if ctx.reviewing else "made") + f" user {L.USER}: {' '.join(USERADD)}")


def _groups(ctx: Context, undo: list[list[str]]) -> None:
    """Debian 12's systemd and udev make the input and render groups; a machine without them (a container) gets them."""
    if ctx.reviewing:
        return
    for group in L.GROUPS:
        if ctx.system.run(["getent", "group", group]).returncode == 0:
            continue
        done = ctx.system.run(["groupadd", "--system", group])
        if done.returncode != 0:
            raise ApplianceError(f"the group {group} could not be made ({done.stderr.strip()})")
        undo.append(["groupdel", group])
        ctx.say(f"made the missing group {group}")


def _data_dir(ctx: Context) -> None:
    folder = ctx.data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o750)
    ctx.system.run(["chown", f"{L.USER}:{L.GROUP}", str(folder)])
    ctx.say(f"data folder {folder} (owner {L.USER}, mode 0750; content packs and settings live here)")


def _write_files(ctx: Context, edited: list) -> list:
    """Write each system file whose text changed; a forced one keeps the hand-edited copy beside it."""
    changed = []
    for where, (text, mode) in system_files().items():
        target = ctx.files.path(where)
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        if where in edited:
            ctx.files.write(where.with_name(where.name + ".by-hand"), target.read_text(encoding="utf-8"), mode)
        ctx.files.write(where, text, mode)
        changed.append(where)
    ctx.files.record(list(system_files()))
    ctx.say("system files: " + (("wrote " + ", ".join(str(ctx.files.path(p)) for p in changed)) if changed
                                else "all unchanged"))
    return changed


def _enable(ctx: Context, changed: list) -> None:
    commands = [["systemctl", "daemon-reload"], ["systemctl", "enable", L.SERVICE, "seatd.service"],
                ["systemctl", "set-default", "graphical.target"], ["systemctl", "--global", "enable", *USER_UNITS]]
    for command in commands:
        done = ctx.system.run(command)
        if done.returncode != 0:
            raise ApplianceError(f"`{' '.join(command)}` failed ({done.stderr.strip()}); the install was undone")
    ctx.say(("would run: " if ctx.reviewing else "ran: ") + "; ".join(" ".join(c) for c in commands))
    # Applying the new SysRq and backlight settings now is a courtesy: a restart applies them anyway, and in a
    # container (no udev, a read-only /proc/sys) they cannot be applied at all.
    for path, command in ((L.SYSCTL_FILE, ["sysctl", "--load", str(L.SYSCTL_FILE)]),
                          (L.UDEV_RULE, ["udevadm", "control", "--reload"])):
        if path in changed and ctx.system.run(command).returncode != 0:
            ctx.say(f"{path} takes effect at the next restart (`{' '.join(command)}` did not work now)")
    ctx.say("restart the PC to start the kiosk (logind's console settings take effect then)")


def _symbols(ctx: Context) -> None:
    kiosk = str(ctx.files.path(L.KIOSK_COMMAND))
    done = ctx.runner.run([kiosk, "symbols", "install", "openmoji", "--if-missing"], as_user=ctx.as_user,
                          env={"KIOSK_DATA_DIR": str(ctx.data_dir()), "HOME": str(ctx.data_dir())})
    if done.returncode == 0:
        ctx.say("symbols: OpenMoji is installed")
    else:
        ctx.say("symbols: OpenMoji could not be downloaded now (no network?); the kiosk shows words only until "
                f"`runuser -u {L.USER} -- env KIOSK_DATA_DIR={L.DATA_DIR} {L.KIOSK_COMMAND} symbols install openmoji` "
                "works (runuser: Debian has no sudo where root has a password)")


def remove(ctx: Context, *, delete_data: bool = False, force: bool = False) -> None:
    """Stop and disable the service, remove the files we wrote (not hand-edited ones unless forced) and releases."""
    if not ctx.reviewing:
        preflight.check_root(ctx.euid)
    for command in (["systemctl", "disable", "--now", L.SERVICE], ["systemctl", "daemon-reload"]):
        ctx.system.run(command)
    ctx.say(("would run" if ctx.reviewing else "ran") + f": systemctl disable --now {L.SERVICE}")
    kept = []
    for where, (text, _) in system_files().items():
        if ctx.files.edited_by_hand(where, text) and not force:
            kept.append(str(ctx.files.path(where)))
        elif ctx.files.remove(where):
            ctx.say(f"removed {ctx.files.path(where)}")
    if kept:
        ctx.say("kept, because they were edited by hand (add --force to remove them too): " + ", ".join(kept))
    shutil.rmtree(ctx.files.path(L.OPT_DIR), ignore_errors=True)
    ctx.say(f"removed every release in {ctx.files.path(L.OPT_DIR)}")
    ctx.files.remove(L.WRITTEN_FILE)
    shutil.rmtree(ctx.files.path(L.STATE_DIR), ignore_errors=True)
    if delete_data:
        shutil.rmtree(ctx.data_dir(), ignore_errors=True)
        ctx.system.run(["userdel", L.USER])
        ctx.say(f"deleted the data folder {ctx.data_dir()} and the user {L.USER}")
    else:
        ctx.say(f"kept the data folder {ctx.data_dir()} (content packs, settings, PIN) and the user {L.USER}; "
                "add --delete-data to remove them")
    ctx.say("Debian packages were left installed (cage, PipeWire and the rest); remove them with apt-get if wanted")

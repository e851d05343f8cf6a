"""The text of every system file the appliance writes: the service, its session script, logind, sysctl, udev."""

from __future__ import annotations

from pathlib import PurePosixPath

from kiosk.appliance import layout as L

HEADER = "# Written by `kiosk appliance install`; edits are noticed and kept (see `kiosk appliance install --force`).\n"


def service_unit() -> str:
    """careers-kiosk.service: cage on tty1 as the kiosk user, restarted on crash or hang, with a start-limit back-off.

    Modelled on the cage wiki's cage@.service autologin template, without its PAMName=: run under systemd 252 in a
    booted Debian 12 container (the boot helper of issue 16), pam_systemd moved cage and the kiosk into a logind
    session scope, so systemd ignored the kiosk's READY=1 and watchdog pings and a stop left them running. Instead
    seatd gives cage the seat (screen and input, to the video group), and the kiosk user's lingering user manager
    gives it XDG_RUNTIME_DIR and PipeWire.
    """
    return HEADER + f"""[Unit]
Description=Careers kiosk (cage on tty1)
# After logins are allowed and Plymouth's boot splash has gone; before the graphical target counts as reached.
After=systemd-user-sessions.service plymouth-quit-wait.service dbus.socket seatd.service
Before=graphical.target
# seatd hands cage the screen and input devices without root (cage finds it through LIBSEAT_BACKEND below).
Wants=dbus.socket seatd.service
# A machine without text consoles has no screen to show the kiosk on.
ConditionPathExists=/dev/tty0
After=getty@tty1.service
Conflicts=getty@tty1.service
# Ten starts in ten minutes, then systemd stops trying: a crash loop ends in a known state.
StartLimitIntervalSec=600
StartLimitBurst=10

[Service]
Type=notify
# The kiosk is cage's child, not the main process, so it may send READY=1 and the watchdog pings.
NotifyAccess=all
WatchdogSec=30
TimeoutStartSec=600
User={L.USER}
# The kiosk user's own systemd (kept running by linger) makes /run/user/UID and starts PipeWire; wait for it.
ExecStartPre=+/bin/sh -c 'systemctl start "user@$$(id -u {L.USER}).service"'
TTYPath=/dev/tty1
TTYReset=yes
TTYVHangup=yes
TTYVTDisallocate=yes
UtmpIdentifier=tty1
UtmpMode=user
StandardInput=tty-fail
StandardOutput=journal
StandardError=journal
Environment=QT_QPA_PLATFORM=wayland
Environment=KIOSK_DATA_DIR={L.DATA_DIR}
Environment=LIBSEAT_BACKEND=seatd
RuntimeDirectory={L.RUNTIME_DIR_NAME}
ExecStart={L.SESSION_SCRIPT}
Restart=always
RestartSec=3
# A hung kiosk may not act on SIGTERM: kill it after 10 s rather than systemd's 90, so a restart comes sooner.
TimeoutStopSec=10
# Staff left through the staff screen: no restart, not a failure, and a login prompt for the technician.
RestartPreventExitStatus={L.STAFF_LEFT}
SuccessExitStatus={L.STAFF_LEFT}
ExecStopPost=+/bin/sh -c '[ "$$EXIT_STATUS" != {L.STAFF_LEFT} ] || systemctl --no-block start getty@tty1.service'
NoNewPrivileges=yes
ProtectSystem=strict
ReadWritePaths={L.DATA_DIR}
# cage makes its Wayland socket in XDG_RUNTIME_DIR (/run/user/UID), which ProtectSystem=strict makes read-only and
# ProtectHome=yes hides altogether (ReadWritePaths cannot undo that); ProtectHome=tmpfs lets it bind /run/user back.
ReadWritePaths=/run/user
ProtectHome=tmpfs
PrivateTmp=yes

[Install]
WantedBy=graphical.target
"""


def session_script(kiosk: PurePosixPath = L.KIOSK_COMMAND, status: PurePosixPath = L.EXIT_STATUS_FILE,
                   cage: str = "/usr/bin/cage") -> str:
    """The unit's main process: cage without -s (no VT switching), and the kiosk's exit status handed on."""
    return f"""#!/bin/sh
# Written by `kiosk appliance install`. Debian 12's cage 0.1.4 exits 0 whatever its client's exit status,
# so the kiosk's own status goes through a file: 75 (staff left) then stops systemd restarting the kiosk.
status={status}
rm -f "$status"
# No PAM session sets it: the kiosk user's manager (user@UID.service) made this folder.
XDG_RUNTIME_DIR=${{XDG_RUNTIME_DIR:-/run/user/$(id -u)}}
export XDG_RUNTIME_DIR
# KIOSK_CAGE_OPTIONS comes from a technician's drop-in (`systemctl edit careers-kiosk`), e.g. -r to rotate.
# shellcheck disable=SC2086  # the options are meant to split into words
{cage} -d $KIOSK_CAGE_OPTIONS -- /bin/sh -c '"$1" run; echo $? > "$2"' session {kiosk} "$status"
code=$(cat "$status" 2>/dev/null)
# No status means cage itself failed before the kiosk finished: a crash, which systemd restarts.
exit "${{code:-1}}"
"""


def logind_dropin() -> str:
    """No spare text consoles: no getty to switch to, and none kept in reserve."""
    return HEADER + "[Login]\nNAutoVTs=0\nReserveVT=0\n"


def sysctl_conf() -> str:
    """No magic SysRq keys: the kernel would act on them before cage or the kiosk saw them."""
    return HEADER + "kernel.sysrq = 0\n"


def udev_rule() -> str:
    """Let the video group turn the backlight down or off (the screen schedule's night-time black screen)."""
    return HEADER + ('ACTION=="add", SUBSYSTEM=="backlight", RUN+="/bin/chgrp video '
                     '/sys/class/backlight/%k/brightness /sys/class/backlight/%k/bl_power", '
                     'RUN+="/bin/chmod g+w /sys/class/backlight/%k/brightness /sys/class/backlight/%k/bl_power"\n')


def system_files() -> dict[PurePosixPath, tuple[str, int]]:
    """Every file the install writes outside the releases: path -> (text, mode)."""
    return {
        L.UNIT_PATH: (service_unit(), 0o644),
        L.SESSION_SCRIPT: (session_script(), 0o755),
        L.LOGIND_DROPIN: (logind_dropin(), 0o644),
        L.SYSCTL_FILE: (sysctl_conf(), 0o644),
        L.UDEV_RULE: (udev_rule(), 0o644),
        L.LINGER_FILE: ("", 0o644),  # what `loginctl enable-linger kiosk` makes, written here so --root has it too
    }

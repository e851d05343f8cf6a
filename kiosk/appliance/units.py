"""The text of every system file the appliance writes: the service, its session script, logind, sysctl, udev."""

from __future__ import annotations

from pathlib import PurePosixPath

from kiosk.appliance import layout as L

HEADER = "# Written by `kiosk appliance install`; edits are noticed and kept (see `kiosk appliance install --force`).\n"


def service_unit() -> str:
    """careers-kiosk.service: cage on tty1 as the kiosk user, restarted on crash or hang, with a start-limit back-off.

    Modelled on the cage wiki's cage@.service autologin template: PAMName=login makes logind open a session
    on tty1 (so the user gets XDG_RUNTIME_DIR, and seat access through logind for cage's libseat).
    """
    return HEADER + f"""[Unit]
Description=Careers kiosk (cage on tty1)
After=systemd-user-sessions.service plymouth-quit-wait.service dbus.socket
Wants=dbus.socket
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
PAMName=login
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
RuntimeDirectory={L.RUNTIME_DIR_NAME}
ExecStart={L.SESSION_SCRIPT}
Restart=always
RestartSec=3
# Staff left through the staff screen: no restart, not a failure, and a login prompt for the technician.
RestartPreventExitStatus={L.STAFF_LEFT}
SuccessExitStatus={L.STAFF_LEFT}
ExecStopPost=+/bin/sh -c 'if [ "$$EXIT_STATUS" = {L.STAFF_LEFT} ]; then systemctl --no-block start getty@tty1.service; fi'
NoNewPrivileges=yes
ProtectSystem=strict
ReadWritePaths={L.DATA_DIR}
# ProtectSystem=strict makes /run read-only too; cage makes its Wayland socket in XDG_RUNTIME_DIR (/run/user/UID,
# which logind mounts when PAMName opens the session).
ReadWritePaths=/run/user
ProtectHome=yes
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
{cage} -d -- /bin/sh -c '"$1" run; echo $? > "$2"' session {kiosk} "$status"
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
    }

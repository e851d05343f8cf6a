"""Recording stand-ins for the programs the appliance runs (apt-get, useradd, systemctl, pip, a release's kiosk)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.appliance.context import Context
from kiosk.appliance.files import Files
from kiosk.appliance.runner import Result, Runner

GOOD_DOCTOR = [{"name": "disk", "status": "ok", "detail": "writable"},
               {"name": "speech", "status": "warning", "detail": "no audio output"}]


@dataclass
class FakeRunner(Runner):
    """Answers each command from `answers` (the first whose key starts the command line), else success."""

    answers: dict[str, Result] = field(default_factory=dict)
    calls: list[tuple[str, str | None, dict]] = field(default_factory=list)

    def run(self, argv, *, as_user=None, env=None, timeout=3600) -> Result:
        line = " ".join(str(w) for w in argv)
        self.calls.append((line, as_user, dict(env or {})))
        for start, result in self.answers.items():
            if start in line:
                return result
        if line.startswith("id -u"):
            return Result(1, "", "id: no such user")  # a fresh machine: no kiosk user yet
        if line.endswith("doctor --json"):
            return Result(0, json.dumps(GOOD_DOCTOR))
        return Result(0, "install ok installed" if line.startswith("dpkg-query") else "")

    def lines(self) -> list[str]:
        return [line for line, _, _ in self.calls]


def machine(root: Path, system: FakeRunner | None = None, runner: FakeRunner | None = None) -> Context:
    """A Debian 12 machine in `root`, as root, with every program faked: the real install's code paths."""
    os_release = root / "os-release"
    if not os_release.exists():
        root.mkdir(parents=True, exist_ok=True)
        os_release.write_text('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n')
    return Context(Files(root), system or FakeRunner(), runner or FakeRunner(), euid=0, os_release=os_release)


def wheel(folder: Path, version: str = "0.2.0") -> Path:
    """A file named as the project's wheel (its content is never read: pip is faked)."""
    path = folder / f"careers_kiosk-{version}-py3-none-any.whl"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"PK")
    return path

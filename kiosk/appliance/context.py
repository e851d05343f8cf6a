"""What one appliance command works with: the files, the two runners, whose name it runs as, and its report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kiosk.appliance import layout as L
from kiosk.appliance.files import Files
from kiosk.appliance.runner import Recorder, Runner


@dataclass
class Context:
    """`system` changes the machine (apt-get, useradd, systemctl): a Recorder under --root.
    `runner` builds and checks releases (venv, pip, the release's own kiosk), for real even under --root."""

    files: Files
    system: Runner
    runner: Runner
    as_user: str | None = L.USER  # None under --root: there is no kiosk user to run as
    report: list[str] = field(default_factory=list)
    euid: int | None = None  # whose rights this runs with (None: this process's)
    os_release: Path = Path("/etc/os-release")

    @classmethod
    def for_root(cls, root: Path | None, system: Runner | None = None, runner: Runner | None = None) -> "Context":
        """The real machine (root None), or everything under `root` with the machine's commands only recorded."""
        if root is None:
            return cls(Files(Path("/")), system or Runner(), runner or Runner())
        return cls(Files(root), system or Recorder(), runner or Runner(), as_user=None)

    @property
    def reviewing(self) -> bool:
        return isinstance(self.system, Recorder)

    def say(self, line: str) -> None:
        self.report.append(line)

    def data_dir(self) -> Path:
        return self.files.path(L.DATA_DIR)

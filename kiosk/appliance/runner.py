"""The one seam through which the appliance runs other programs (apt-get, useradd, systemctl, pip, the kiosk)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from typing import Mapping, Sequence


@dataclass(frozen=True)
class Result:
    """What a command did: its exit status and what it printed."""

    returncode: int
    stdout: str = ""
    stderr: str = ""


class Runner:
    """Runs commands for real; `as_user` runs one as that user (runuser needs root)."""

    def run(self, argv: Sequence[str], *, as_user: str | None = None, env: Mapping[str, str] | None = None,
            timeout: float = 3600) -> Result:
        words = [str(w) for w in argv]
        if env:
            words = ["env", *(f"{k}={v}" for k, v in env.items()), *words]
        if as_user:
            words = ["runuser", "-u", as_user, "--", *words]
        try:
            done = subprocess.run(words, capture_output=True, text=True, timeout=timeout)
        except FileNotFoundError:
            return Result(127, "", f"{words[0]}: command not found")
        except subprocess.TimeoutExpired:
            return Result(124, "", f"{' '.join(words)} did not finish in {timeout:.0f} s")
        return Result(done.returncode, done.stdout, done.stderr)


@dataclass
class Recorder(Runner):
    """Runs nothing: notes each command, for `--root` (a review of what a real install would do)."""

    commands: list[str] = field(default_factory=list)

    def run(self, argv: Sequence[str], *, as_user: str | None = None, env: Mapping[str, str] | None = None,
            timeout: float = 3600) -> Result:
        line = " ".join(str(w) for w in argv)
        self.commands.append(f"(as {as_user}) {line}" if as_user else line)
        return Result(0)

"""The README tells the truth: CI runs its test command, and its command table matches the CLI."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.cli import _parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def sh_blocks() -> list[str]:
    return [b.strip() for b in re.findall(r"```sh\n(.*?)```", README, re.S)]


def test_the_readme_gives_exactly_two_setup_commands_and_ci_runs_the_test_one() -> None:
    setup = README.split("## Set up on a fresh Debian 12 machine")[1].split("\n## ")[0]
    commands = [b.strip() for b in re.findall(r"```sh\n(.*?)```", setup, re.S)]
    assert commands == ["sh .ci/bootstrap run", "sh .ci/bootstrap test"]
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert "sh .ci/bootstrap test" in ci


def test_the_command_table_matches_the_cli() -> None:
    documented = set(re.findall(r"^\| `kiosk ([a-z]+(?: [a-z-]+)?)", README, re.M))
    parser = _parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    actual = set()
    for name, p in sub.choices.items():
        verbs = next((a for a in p._actions if a.dest == "verb"), None)
        actual |= {f"{name} {v}" for v in verbs.choices} if verbs else {name}
    documented = {d if d.split()[0] in ("pack", "symbols", "staff", "official", "library", "appliance") else d.split()[0] for d in documented}
    assert documented == actual


def test_the_benchmark_command_names_a_real_module() -> None:
    bench = [b for b in sh_blocks() if "tests.bench" in b]
    assert bench == [".venv/bin/python -m tests.bench.run"]
    assert (ROOT / "tests" / "bench" / "run.py").is_file()

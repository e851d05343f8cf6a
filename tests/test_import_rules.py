"""The layers point one way: checked by parsing every module's imports (ARCHITECTURE.md, "Layers")."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "kiosk"
TOP = {"kiosk.app", "kiosk.cli", "kiosk.doctor", "kiosk.tour", "kiosk.symbols_command", "kiosk.sync_command",
       "kiosk.pack_keys_command", "kiosk.staff_command", "kiosk.list_command", "kiosk.__main__",
       "kiosk.library_command", "kiosk.library_review_text", "kiosk.pack_command", "kiosk.appliance_command"}
# What each layer must not import (a prefix matches the module and everything under it).
FORBIDDEN = {
    "kiosk.content": ["kiosk.ui", "kiosk.sources", "kiosk.access", "kiosk.config", *TOP, "PySide6", "httpx", "pyttsx3"],
    "kiosk.sources": ["kiosk.ui", *TOP, "PySide6.QtWidgets"],
    "kiosk.access": ["kiosk.ui", "kiosk.sources", *TOP, "PySide6.QtWidgets"],
    "kiosk.ui": ["sqlite3", "sqlite_utils", "httpx", "pyttsx3", "kiosk.sources", *TOP],
    # Staff tools are headless: the staff screen in kiosk.ui uses them, never the other way round.
    "kiosk.staff": ["kiosk.ui", "kiosk.access", *TOP, "PySide6"],
    # The installer runs as root before any screen exists: no Qt, no content, no screens.
    "kiosk.appliance": ["kiosk.ui", "kiosk.content", "kiosk.sources", "kiosk.access", "PySide6", *TOP],
    "kiosk.config": ["kiosk.ui", "kiosk.content", "kiosk.sources", "kiosk.access", "PySide6", *TOP],
}
# The screens read content only through its narrow read API and page values.
UI_MAY_USE_FROM_CONTENT = ("kiosk.content.pages", "kiosk.content.reader", "kiosk.content.model")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


MODULES = sorted(ROOT.rglob("*.py"))


def _matches(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_layer_rules(path: Path) -> None:
    module = module_name(path)
    for layer, banned in FORBIDDEN.items():
        if not _matches(module, layer):
            continue
        for name in imports(path):
            assert not any(_matches(name, b) for b in banned), f"{module} imports {name}, which {layer} must not"
    if _matches(module, "kiosk.ui"):
        for name in imports(path):
            if _matches(name, "kiosk.content"):
                assert any(_matches(name, ok) for ok in UI_MAY_USE_FROM_CONTENT), f"{module} reaches into {name}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_nothing_shipped_imports_the_tests(path: Path) -> None:
    # The test doubles of outside services live in tests/, which is never installed: a kiosk module that
    # reached for them would work in development and fail on every kiosk.
    for name in imports(path):
        assert not _matches(name, "tests"), f"{module_name(path)} imports {name}, from the tests"


def test_only_the_top_builds_the_app() -> None:
    for path in MODULES:
        module = module_name(path)
        if module in TOP:
            continue
        assert "kiosk.app" not in imports(path), f"{module} imports the composition root"


def test_the_rules_see_every_layer() -> None:
    names = {module_name(p) for p in MODULES}
    for layer in ("kiosk.content", "kiosk.ui", "kiosk.access", "kiosk.config", "kiosk.staff"):
        assert any(_matches(n, layer) for n in names), layer


def test_a_forbidden_import_would_be_caught(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nfrom PySide6.QtWidgets import QLabel\nimport httpx\n"
                   "from tests.doubles import lmi_double\n")
    assert imports(bad) == ["os", "PySide6.QtWidgets", "httpx", "tests.doubles"]
    assert _matches("tests.doubles", "tests") and not _matches("testsuite", "tests")
    assert any(_matches("PySide6.QtWidgets", b) for b in FORBIDDEN["kiosk.content"])

"""The official releases in ../shared/fixtures (ONS, DfE), for contract tests; each skips when ../shared is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures"
ONS = FIXTURES / "ons"
DFE = FIXTURES / "dfe-skills-imperative-2035"


def fixture_file(*parts: str) -> Path:
    """A file under ../shared/fixtures, or a skip saying where the real releases should be."""
    path = FIXTURES.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the official releases live beside the project in ../shared/fixtures")
    return path

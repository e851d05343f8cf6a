"""Reading fields out of one NCS profile by path, refusing a wrong shape with a message that names the field."""

from __future__ import annotations

from typing import Any


class ProfileSkipped(ValueError):
    """A profile that cannot become an occupation row; the message names the profile and the field at fault."""


class ProfileFields:
    """Typed access to one decoded profile; a missing or null field is empty, a wrongly shaped one is refused."""

    def __init__(self, profile: object, name: str) -> None:
        self.where = f"National Careers Service profile {name!r}"
        if not isinstance(profile, dict):
            raise ProfileSkipped(f"{self.where}: expected an object, got {type(profile).__name__}")
        self.profile = profile

    def skip(self, path: str, problem: str) -> ProfileSkipped:
        """The exception for a field at fault."""
        return ProfileSkipped(f"{self.where}: field {path} {problem}")

    def value(self, path: str) -> Any:
        """The raw value at a dotted path, or None when any step is missing or null."""
        node: Any = self.profile
        walked: list[str] = []
        for key in path.split("."):
            if node is None:
                return None
            if not isinstance(node, dict):
                raise self.skip(".".join(walked), f"should be an object, not {type(node).__name__}")
            node = node.get(key)
            walked.append(key)
        return node

    def text(self, path: str) -> str | None:
        """A string field (None when missing or null)."""
        value = self.value(path)
        if value is not None and not isinstance(value, str):
            raise self.skip(path, f"should be text, not {type(value).__name__}")
        return value

    def texts(self, path: str) -> list[str]:
        """A list-of-strings field ([] when missing or null)."""
        value = self.value(path)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.skip(path, f"should be a list, not {type(value).__name__}")
        for n, item in enumerate(value, 1):
            if item is not None and not isinstance(item, str):
                raise self.skip(f"{path}[{n}]", f"should be text, not {type(item).__name__}")
        return [item for item in value if item is not None]

    def objects(self, path: str) -> list[dict[str, Any]]:
        """A list-of-objects field ([] when missing or null)."""
        value = self.value(path)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.skip(path, f"should be a list, not {type(value).__name__}")
        for n, item in enumerate(value, 1):
            if not isinstance(item, dict):
                raise self.skip(f"{path}[{n}]", f"should be an object, not {type(item).__name__}")
        return value

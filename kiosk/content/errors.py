"""The errors the content layer reports to people, kept apart so that importing them costs nothing."""


class PackRejected(Exception):
    """A pack that cannot be installed (or removed); the message says what is wrong with it."""


def version_key(version: str) -> tuple[int, ...]:
    """A content version as numbers, so that 2026.11.10 sorts after 2026.11.9."""
    return tuple(int(part) for part in version.split("."))

"""Errors the sources report to staff, each naming the source and the item at fault."""


class SourceInputError(Exception):
    """Input a sync cannot start from (a bad list of codes, a bad option); the message says what and where."""

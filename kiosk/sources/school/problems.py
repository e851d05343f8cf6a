"""Problems found in the school's spreadsheet, collected so staff can fix them all in one go."""

from __future__ import annotations

from kiosk.content.errors import PackRejected

MAX_SHOWN = 20


def at(sheet: str, row: int | None = None, heading: str | None = None) -> str:
    """Where a problem is, as staff find it: `Events, row 7, column "Starts"`."""
    where = sheet
    if row is not None:
        where += f", row {row}"
    if heading is not None:
        # On one line: a heading typed with Alt+Enter in Excel holds a line break, and a message is one line.
        where += f', column "{" ".join(heading.split())}"'
    return where


class Problems:
    """The problems found so far: the first MAX_SHOWN in full, and how many more there were."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.hidden = 0

    def add(self, where: str, message: str) -> None:
        if len(self.messages) < MAX_SHOWN:
            self.messages.append(f"{where}: {message}")
        else:
            self.hidden += 1

    def __bool__(self) -> bool:
        return bool(self.messages)

    @property
    def count(self) -> int:
        """How many problems were found, shown or not."""
        return len(self.messages) + self.hidden

    def raise_if_any(self, source: str) -> None:
        """Raise PackRejected listing every problem found in the named spreadsheet, if there were any."""
        if not self.messages:
            return
        if len(self.messages) == 1:
            raise PackRejected(f"{source}: {self.messages[0]}")
        lines = [f"{source} has {self.count} problems; nothing was built:", *(f"- {m}" for m in self.messages)]
        if self.hidden:
            lines.append(f"- and {self.hidden} more")
        raise PackRejected("\n".join(lines))

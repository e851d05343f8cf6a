"""Working through a list of items with a few in flight at once, stopping early when asked."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


async def for_each(items: Iterable[T], handle: Callable[[T], Awaitable[None]], *, in_flight: int,
                   cancelled: Callable[[], bool] = lambda: False) -> bool:
    """Await handle(item) for every item, at most `in_flight` at once; True if `cancelled` stopped it early.

    Cancelling lets the items in flight finish (each is saved whole), and starts no more. An exception from
    handle stops the others and is raised as itself.
    """
    queue = deque(items)
    stopped = False

    async def worker() -> None:
        nonlocal stopped
        while queue:
            if cancelled():
                stopped = True
                return
            await handle(queue.popleft())

    try:
        async with asyncio.TaskGroup() as group:
            for _ in range(max(1, in_flight)):
                group.create_task(worker())
    except BaseExceptionGroup as errors:
        # One failure cancels the other workers; callers want that failure itself, not a group of one.
        raise errors.exceptions[0] from None
    return stopped

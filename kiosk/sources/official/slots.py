"""A few downloads in flight at once, where an urgent one goes before those already waiting."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class Slots:
    """Like asyncio.Semaphore, first come first served, except that an urgent waiter is served before the rest:
    a chain of requests, each deciding the next, then never waits behind the whole queue at every link."""

    def __init__(self, count: int) -> None:
        self._free = count
        self._urgent: deque[asyncio.Future[None]] = deque()
        self._waiting: deque[asyncio.Future[None]] = deque()

    @asynccontextmanager
    async def hold(self, urgent: bool = False) -> AsyncIterator[None]:
        """Hold one slot for the block."""
        if self._free > 0 and not self._urgent and not self._waiting:
            self._free -= 1
        else:
            turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            (self._urgent if urgent else self._waiting).append(turn)
            try:
                await turn
            except asyncio.CancelledError:
                if turn.done() and not turn.cancelled():
                    self._release()  # handed a slot just as it was cancelled: pass it on
                else:
                    (self._urgent if urgent else self._waiting).remove(turn)
                raise
        try:
            yield
        finally:
            self._release()

    def _release(self) -> None:
        for queue in (self._urgent, self._waiting):
            while queue:
                turn = queue.popleft()
                if not turn.done():
                    turn.set_result(None)  # the slot passes straight to the next waiter
                    return
        self._free += 1

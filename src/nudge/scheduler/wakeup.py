"""Wake a worker loop early (a reply was just queued) instead of waiting for its next poll."""

from __future__ import annotations

import asyncio
import contextlib


class Wakeup:
    """A level-triggered doorbell: ``ring()`` from anywhere in the process, ``wait()`` in a loop."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def ring(self) -> None:
        """Ask the loop to run now."""
        self._event.set()

    async def wait(self, seconds: float) -> None:
        """Sleep until rung or ``seconds`` pass."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._event.wait(), seconds)
        self._event.clear()

"""The background loops: scheduler (due reminders → outbox) and delivery (outbox → SMS)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from nudge.observability import metrics
from nudge.observability.logging import get_logger
from nudge.scheduler.wakeup import Wakeup

log = get_logger("worker")

Step = Callable[[], Awaitable[int]]
ERROR_PAUSE_SECONDS = 2.0


async def run_loop(
    name: str,
    step: Step,
    *,
    interval: float,
    batch_size: int,
    stop: asyncio.Event,
    wakeup: Wakeup | None = None,
    after: Callable[[int], None] = lambda _count: None,
) -> None:
    """Run ``step`` until ``stop`` is set; a full batch runs again at once, errors pause briefly.

    A database that goes away (restart, failover) only pauses the loop: it keeps trying.
    """
    bell = wakeup or Wakeup()
    while not stop.is_set():
        try:
            count = await step()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("worker.step_failed", loop=name)
            await _sleep_or_stop(stop, ERROR_PAUSE_SECONDS)
            continue
        metrics.WORKER_HEARTBEAT.labels(loop=name).set(time.time())
        after(count)
        if count < batch_size:
            await _wait_either(bell, stop, interval)


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except TimeoutError:
        return


async def _wait_either(bell: Wakeup, stop: asyncio.Event, seconds: float) -> None:
    """Return when rung, stopped, or after ``seconds``."""
    bell_task = asyncio.ensure_future(bell.wait(seconds))
    stop_task = asyncio.ensure_future(stop.wait())
    _done, pending = await asyncio.wait({bell_task, stop_task}, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)


@dataclass(frozen=True, slots=True)
class Loop:
    """One background loop: its pass, how often it polls, and the bell that wakes it early."""

    name: str
    step: Step
    interval: float
    bell: Wakeup


class Workers:
    """The process's background loops, started and stopped together."""

    def __init__(
        self,
        loops: Sequence[Loop],
        *,
        batch_size: int,
        on_stop: Callable[[], None] = lambda: None,
    ) -> None:
        self._loops, self._batch_size, self._on_stop = tuple(loops), batch_size, on_stop
        self._stop = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    def start(self) -> None:
        """Run every loop in this process's event loop."""
        self._stop.clear()
        self._tasks = [
            asyncio.create_task(
                run_loop(
                    loop.name,
                    loop.step,
                    interval=loop.interval,
                    batch_size=self._batch_size,
                    stop=self._stop,
                    wakeup=loop.bell,
                )
            )
            for loop in self._loops
        ]

    async def stop(self) -> None:
        """Let the loops finish their current pass, then return."""
        self._stop.set()
        self._on_stop()
        for loop in self._loops:
            loop.bell.ring()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []

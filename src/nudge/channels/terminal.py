"""``nudge chat``: a terminal phone, sharing the simulator's handset with the web page."""

from __future__ import annotations

import asyncio
import sys
import threading
import uuid

from rich.console import Console

from nudge.bootstrap import Services
from nudge.channels.base import Inbound
from nudge.channels.simulator import received

POLL_SECONDS = 0.3
DRAIN_SECONDS = 5.0


def _read_lines(loop: asyncio.AbstractEventLoop, queue: asyncio.Queue[str | None]) -> None:
    """Feed stdin lines to the loop from a daemon thread (it never blocks process exit)."""
    for line in sys.stdin:
        loop.call_soon_threadsafe(queue.put_nowait, line.rstrip("\n"))
    loop.call_soon_threadsafe(queue.put_nowait, None)


async def _show_incoming(services: Services, phone: str, console: Console, start: int) -> None:
    last = start
    while True:
        for message in await received(services.db, phone=phone, after_id=last):
            last = message.id
            console.print(f"[bold cyan]Nudge:[/] {message.body}", highlight=False)
        await asyncio.sleep(POLL_SECONDS)


async def _latest_id(services: Services, phone: str) -> int:
    messages = await received(services.db, phone=phone)
    return messages[-1].id if messages else 0


async def run_chat(services: Services, *, phone: str) -> None:
    """Read lines as texts from ``phone`` until EOF or Ctrl-D; print what Nudge sends."""
    console = Console(highlight=False)
    services.start_workers()
    start = await _latest_id(services, phone)
    watcher = asyncio.create_task(_show_incoming(services, phone, console, start))
    console.print(f"[dim]Texting Nudge as {phone}. Ctrl-D to leave.[/]")
    queue: asyncio.Queue[str | None] = asyncio.Queue()
    loop = asyncio.get_running_loop()
    threading.Thread(target=_read_lines, args=(loop, queue), daemon=True).start()
    while (line := await queue.get()) is not None:
        if line.strip():
            inbound = Inbound(phone, line, f"CLI-{uuid.uuid4().hex}", "cli")
            await services.handler.handle(inbound)
    await _drain(services)
    watcher.cancel()
    await asyncio.gather(watcher, return_exceptions=True)


async def _drain(services: Services) -> None:
    """On EOF, give queued replies a moment to arrive before leaving."""
    deadline = asyncio.get_running_loop().time() + DRAIN_SECONDS
    while asyncio.get_running_loop().time() < deadline:
        if await services.delivery.pending_count() == 0:
            await asyncio.sleep(POLL_SECONDS * 2)
            return
        await asyncio.sleep(POLL_SECONDS)

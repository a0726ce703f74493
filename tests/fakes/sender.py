"""An in-process Sender that records what it sent and fails on cue."""

from __future__ import annotations

import asyncio
from collections import deque

from nudge.channels.base import SendError, SendResult


class RecordingSender:
    """Records every accepted SMS; ``script`` errors are raised, one per send, before accepting."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, int]] = []
        self.script: deque[SendError] = deque()
        self.delay = 0.0

    async def send(self, *, to: str, body: str, outbox_id: int) -> SendResult:
        """Accept (and record) the SMS unless an error is scripted."""
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.script:
            raise self.script.popleft()
        self.sent.append((to, body, outbox_id))
        return SendResult(provider_sid=f"SMfake{outbox_id:026d}", status="queued")

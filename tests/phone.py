"""A test's phone: text Nudge through the real handler, run the workers' passes, read replies."""

from __future__ import annotations

import itertools

from nudge.bootstrap import Services
from nudge.channels.base import Inbound
from nudge.channels.simulator import received
from nudge.conversation.handler import Handled

_sids = itertools.count(1)


class TestPhone:
    """One simulated handset; replies are what the simulator carrier really received."""

    __test__ = False

    def __init__(self, services: Services, number: str = "+15145550001") -> None:
        self.services, self.number, self._seen = services, number, 0

    async def text(self, body: str, *, sid: str | None = None, num_media: int = 0) -> Handled:
        """Send ``body`` as this phone (a fresh MessageSid unless one is given)."""
        inbound = Inbound(
            self.number, body, sid or f"SMtest{next(_sids):026d}", "simulator", num_media
        )
        return await self.services.handler.handle(inbound)

    async def pump(self) -> None:
        """Run one scheduler pass and delivery until the outbox has nothing due."""
        await self.services.scheduler.run_once()
        while await self.services.delivery.run_once():
            pass

    async def inbox(self) -> list[str]:
        """Messages received since the last call, after pumping the workers."""
        await self.pump()
        messages = await received(self.services.db, phone=self.number, after_id=self._seen)
        if messages:
            self._seen = messages[-1].id
        return [message.body for message in messages]

    async def ask(self, body: str) -> str:
        """Text ``body`` and return the single reply."""
        await self.text(body)
        replies = await self.inbox()
        assert len(replies) == 1, replies
        return replies[0]

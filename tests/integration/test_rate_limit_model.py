"""Rate limits and what they protect: the model (a fake server on loopback) and one notice.

A limited message never reaches the model (neither the agent nor the step planner asked
before the transaction), so a flood cannot spend the daily token budget. Two replicas
racing at the limit send the notice once: the counts are read under the person's lock.
"""

from __future__ import annotations

import asyncio
import itertools

from sqlalchemy import func, select

from nudge.bootstrap import Services
from nudge.channels.base import Inbound
from nudge.clock import FakeClock
from nudge.store.tables import LlmUsage, Outbox
from tests.fakes.openai_server import FakeOpenAI
from tests.integration.test_rate_limit import errand, limited_services
from tests.phone import TestPhone

_sids = itertools.count(1)


async def count(services: Services, model: type) -> int:
    async with services.db.sessions() as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


async def test_limited_messages_never_reach_the_model(database_url: str, clock: FakeClock) -> None:
    with FakeOpenAI() as fake:
        for _ in range(3):
            fake.text("Got it, one thing at a time.")
        services = await limited_services(
            database_url, clock, rate_limit_per_minute=3,
            openai_base_url=fake.base_url + "/v1", openai_model="llama3", openai_api_key="sk-x",
        )  # fmt: skip
        try:
            phone = TestPhone(services)
            for mood in ("ugh today is a lot", "so much going on", "brain is mush"):
                assert await phone.ask(mood) == "Got it, one thing at a time."
            assert len(fake.requests) == 3
            await phone.text("everything is too much")  # the rules miss it: the model would
            await phone.text("I'm stuck on the tax report")  # a breakdown: steps asked first
            await phone.text("help me plan the whole week")
            assert len(fake.requests) == 3  # not one more call
            assert await count(services, LlmUsage) == 3  # nor a token of the budget
            assert len(await phone.inbox()) == 1  # the notice, once
        finally:
            await services.close()


def _inbound(phone: str, body: str) -> Inbound:
    return Inbound(phone, body, f"SMrace{next(_sids):028d}", "simulator")


async def test_two_replicas_racing_at_the_limit_send_one_notice(
    database_url: str, clock: FakeClock
) -> None:
    """Two web processes on one database, each handling one text of the same phone at once."""
    first = await limited_services(database_url, clock, rate_limit_per_minute=2)
    second = await limited_services(database_url, clock, rate_limit_per_minute=2)
    phone = "+15145550001"
    try:
        for round_ in range(5):
            for n in range(2):  # up to the limit
                handled = await first.handler.handle(_inbound(phone, errand(4 * round_ + n)))
                assert handled.reply is not None
            raced = await asyncio.gather(
                first.handler.handle(_inbound(phone, errand(4 * round_ + 2))),
                second.handler.handle(_inbound(phone, errand(4 * round_ + 3))),
            )
            assert sorted(str(handled.intent) for handled in raced) == [
                "rate_limited", "rate_limited_quiet"
            ]  # fmt: skip
            assert await count(first, Outbox) == 3 * (round_ + 1)
            clock.advance(seconds=61)  # the next round starts under the limit
    finally:
        await first.close()
        await second.close()

"""Rate limits per sending phone, through the real handler on SQLite and PostgreSQL.

A burst over the limit: the first ones answered, then exactly one kind notice, then silence;
every message stored, nothing done for the limited ones, the outbox bounded. The window
passing, carrier keywords, a second phone and a loop of identical texts.
"""

from __future__ import annotations

import itertools
import string
from collections.abc import AsyncIterator

import httpx
import pytest
from pydantic import ValidationError
from sqlalchemy import func, select

from nudge.bootstrap import Services, build
from nudge.channels.segments import gsm_friendly
from nudge.channels.twilio import EMPTY_TWIML
from nudge.clock import FakeClock
from nudge.observability.metrics import REGISTRY
from nudge.store.migrate import upgrade
from nudge.store.tables import Message, Outbox, Todo, User
from nudge.texts.catalog import render
from tests.conftest import _clean, make_settings
from tests.integration.test_hostile_input import SMS_PATH, inbound, post_signed
from tests.phone import TestPhone

NOTICE = gsm_friendly(render("en", "rate_limited"))  # as sent
LATER = gsm_friendly(render("en", "rate_limited_later"))
WORDS = ["".join(pair) for pair in itertools.product(string.ascii_lowercase, repeat=2)]


def errand(n: int) -> str:
    """A distinct "add" message per ``n`` (no digits, so no time is read into it)."""
    return f"add errand {WORDS[n]}"


async def limited_services(url: str, clock: FakeClock, **limits: object) -> Services:
    built = build(make_settings(url, **limits), clock=clock)
    await upgrade(built.db)
    await _clean(built)
    return built


@pytest.fixture
async def tight(database_url: str, clock: FakeClock) -> AsyncIterator[Services]:
    """Small limits, so each test sends few messages: 3 a minute, 8 an hour."""
    built = await limited_services(
        database_url, clock, rate_limit_per_minute=3, rate_limit_per_hour=8
    )
    try:
        yield built
    finally:
        await built.close()


async def count(services: Services, model: type, *where: object) -> int:
    async with services.db.sessions() as session:
        statement = select(func.count()).select_from(model).where(*where)  # type: ignore[arg-type]
        return int((await session.execute(statement)).scalar_one())


async def intents(services: Services) -> list[str | None]:
    async with services.db.sessions() as session:
        rows = await session.execute(select(Message.intent).order_by(Message.id))
        return list(rows.scalars())


def limited_total(rule: str, reply: str) -> float:
    labels = {"rule": rule, "reply": reply}
    return REGISTRY.get_sample_value("nudge_sms_rate_limited_total", labels) or 0.0


async def test_a_burst_gets_the_limit_then_one_notice_then_silence(services: Services) -> None:
    """The defaults (20 a minute): 45 texts at once, as a runaway phone sends them."""
    phone = TestPhone(services)
    notices, silent = limited_total("minute", "notice"), limited_total("minute", "silent")
    for n in range(45):
        await phone.text(errand(n))
    replies = await phone.inbox()
    assert len(replies) == 21
    assert all(reply.startswith("Added: errand") for reply in replies[:20])
    assert replies[20] == NOTICE
    assert await count(services, Message) == 45  # nothing a person sent is lost
    assert await count(services, Todo) == 20  # the limited ones are not acted on
    assert await count(services, Outbox) == 21  # the outbox does not grow with the flood
    quiet = ["rate_limited_quiet"] * 24
    assert await intents(services) == ["AddTodo"] * 20 + ["rate_limited"] + quiet
    assert limited_total("minute", "notice") == notices + 1
    assert limited_total("minute", "silent") == silent + 24


async def test_understood_again_once_the_window_passes(tight: Services, clock: FakeClock) -> None:
    phone = TestPhone(tight)
    for n in range(5):
        await phone.text(errand(n))
    replies = await phone.inbox()
    assert [reply[:16] for reply in replies[:3]] == [f"Added: {errand(n)[4:]}" for n in range(3)]
    assert replies[3:] == [NOTICE]
    clock.advance(seconds=30)
    assert (await phone.text("list")).reply is None  # still within the minute: silence
    clock.advance(seconds=31)  # a minute since the burst, 31 s since the last text
    assert (await phone.ask(errand(5))).startswith("Added: errand af")
    assert await count(tight, Todo) == 4


async def test_the_notice_comes_again_for_a_later_burst(tight: Services, clock: FakeClock) -> None:
    phone = TestPhone(tight)
    for n in range(4):
        await phone.text(errand(n))
    assert (await phone.inbox())[-1] == NOTICE
    clock.advance(minutes=2)
    for n in range(4, 7):  # within the minute's 3 and the hour's 8
        await phone.text(errand(n))
    assert len(await phone.inbox()) == 3
    clock.advance(minutes=2)
    for n in range(7, 10):  # the 8th of the hour answered, then the hour holds them
        await phone.text(errand(n))
    replies = await phone.inbox()
    assert len(replies) == 2
    assert replies[1] == LATER  # an hour's limit says "in a while", not "a few minutes"
    clock.advance(minutes=2)
    assert (await phone.text(errand(10))).reply is None  # not repeated within the hour
    clock.advance(minutes=57)  # the first two bursts left the hour: 4 in it now
    assert (await phone.ask(errand(11))).startswith("Added: errand al")


async def test_carrier_keywords_are_honoured_over_the_limit(tight: Services) -> None:
    phone = TestPhone(tight)
    for n in range(6):
        await phone.text(errand(n))
    assert (await phone.text("HELP")).reply == render("en", "help")
    assert (await phone.text("STOP")).reply == render("en", "opted_out")
    async with tight.db.sessions() as session:
        user = (await session.execute(select(User))).scalar_one()
    assert user.opted_out
    assert (await phone.text("START")).reply == render("en", "opted_in")
    assert (await phone.text(errand(9))).reply is None  # back in, still over the minute


async def test_an_opted_out_phone_over_the_limit_gets_nothing(tight: Services) -> None:
    phone = TestPhone(tight)
    await phone.text("STOP")
    await phone.inbox()
    for n in range(6):
        assert (await phone.text(errand(n))).reply is None
    assert await phone.inbox() == []
    assert await count(tight, Message) == 7


async def test_one_limited_phone_does_not_hold_another(tight: Services) -> None:
    runaway, friend = TestPhone(tight, "+15145550001"), TestPhone(tight, "+15145550002")
    for n in range(10):
        await runaway.text(errand(n))
    assert (await friend.ask("add milk")).startswith("Added: milk")
    assert len(await runaway.inbox()) == 4


async def test_a_loop_of_identical_texts_is_held_sooner(
    services: Services, clock: FakeClock
) -> None:
    """An auto-responder answering each of our replies: 5 times the same text in a row."""
    bot = TestPhone(services)
    auto = "I'm driving right now, I'll get back to you soon."
    for _ in range(12):
        await bot.text(auto)
        clock.advance(seconds=20)  # one ping-pong every 20 s: far under 20 a minute
    replies = await bot.inbox()
    assert len(replies) == 5  # 4 answers, the notice, then silence breaks the loop
    assert replies[4] == NOTICE
    quiet = ["rate_limited_quiet"] * 7
    assert await intents(services) == ["Unknown"] * 4 + ["rate_limited"] + quiet
    assert (await bot.ask("add milk")).startswith("Added: milk")  # another text is read


async def test_a_flood_over_the_twilio_webhook_is_empty_twiml_and_stored(
    production: tuple[Services, httpx.AsyncClient],
) -> None:
    services, client = production
    for n in range(25):
        sid = f"SM{n:032x}"
        form = inbound(Body=errand(n), MessageSid=sid, SmsMessageSid=sid, SmsSid=sid)
        response = await post_signed(client, SMS_PATH, form)
        assert (response.status_code, response.text) == (200, EMPTY_TWIML)  # silence
    assert await count(services, Message) == 25
    assert await count(services, Outbox) == 21
    assert await count(services, Outbox, Outbox.body == NOTICE) == 1


async def test_limits_set_to_zero_are_off(database_url: str, clock: FakeClock) -> None:
    services = await limited_services(
        database_url, clock,
        rate_limit_per_minute=0, rate_limit_per_hour=0, rate_limit_per_day=0, rate_limit_repeats=0,
    )  # fmt: skip
    try:
        phone = TestPhone(services)
        for n in range(25):
            await phone.text(errand(n % 2))  # over 20 a minute, and the same text again
        assert len(await phone.inbox()) == 25
    finally:
        await services.close()


def test_one_repeat_is_no_loop() -> None:
    with pytest.raises(ValidationError, match="rate_limit_repeats"):
        make_settings("sqlite+aiosqlite:///unused.db", rate_limit_repeats=1)

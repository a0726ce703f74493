"""Signing in with a texted code, through the whole app, on SQLite and PostgreSQL.

The code is texted through the outbox (and received by the simulator carrier), expires at
10 minutes, works once, and only the newest one works; the answer never says whether the
number uses Nudge; codes are limited per number and per client network.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from nudge.clock import FakeClock
from nudge.store.states import OutboxStatus
from nudge.store.tables import Outbox, User
from tests.integration.sign_in_web import ANA, STRANGER, Web, bearer, sign_in_web

ASK = "/api/v1/auth/sms-code"
VERIFY = "/api/v1/auth/sms-code/verify"
SESSIONS = "/api/v1/auth/sessions"


@pytest.fixture
async def web(database_url: str, clock: FakeClock) -> AsyncIterator[Web]:
    async with sign_in_web(database_url, clock) as served:
        yield served


async def _count(web: Web, query: object) -> int:
    async with web.services.db.sessions() as session:
        return int(await session.scalar(query) or 0)  # type: ignore[call-overload]


async def test_a_texted_code_signs_the_person_in(web: Web) -> None:
    await web.person(ANA)
    answer = await web.sign_in(ANA)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["second_factor_required"] is False
    assert body["access_token"]
    assert body["refresh_token"]
    mine = await web.browser.get(SESSIONS, headers=bearer(body["access_token"]))
    assert mine.status_code == 200
    (listed,) = mine.json()["sessions"]
    assert (listed["id"], listed["current"], listed["method"]) == (
        body["session_id"], True, "sms_code",
    )  # fmt: skip
    assert listed["ip"] == "203.0.113.7"


async def test_the_code_goes_through_the_outbox_as_a_direct_reply_even_in_quiet_hours(
    web: Web, clock: FakeClock
) -> None:
    await web.person(ANA)
    clock.set(datetime(2026, 11, 25, 4, 30, tzinfo=UTC))  # 23:30 in Toronto: quiet hours
    await web.browser.post(ASK, json={"phone": "(514) 555-0101"})  # as a person types it
    async with web.services.db.sessions() as session:
        row = await session.scalar(select(Outbox).where(Outbox.kind == "sign_in"))
    assert row is not None
    assert row.idempotency_key.startswith("sign-in-code:")
    assert row.due_at == clock.now()  # not held until morning
    (text,) = await web.phone(ANA).inbox()
    assert "sign-in code" in text
    assert text.endswith(f"@nudge.example.org #{text[:6]}")  # the browser can fill it in
    async with web.services.db.sessions() as session:
        sent = await session.get_one(Outbox, row.id)
    assert sent.status in (OutboxStatus.SENT, OutboxStatus.DELIVERED)


async def test_a_stranger_s_number_gets_the_same_answer_and_no_text_no_account(
    web: Web,
) -> None:
    await web.person(ANA)
    known = await web.browser.post(ASK, json={"phone": ANA})
    unknown = await web.browser.post(ASK, json={"phone": STRANGER})
    assert (known.status_code, unknown.status_code) == (202, 202)
    assert known.json() == unknown.json()
    assert "If this number uses Nudge" in unknown.json()["detail"]
    assert await web.phone(STRANGER).inbox() == []
    assert await _count(web, select(func.count()).select_from(User)) == 1
    guess = await web.browser.post(VERIFY, json={"phone": STRANGER, "code": "000000"})
    wrong = await web.browser.post(VERIFY, json={"phone": ANA, "code": "000000"})
    assert (guess.status_code, guess.json()) == (wrong.status_code, wrong.json())


async def test_an_opted_out_number_is_sent_nothing_and_answered_the_same(web: Web) -> None:
    await web.person(ANA)
    await web.phone(ANA).text("STOP")
    await web.phone(ANA).inbox()
    answer = await web.browser.post(ASK, json={"phone": ANA})
    assert answer.status_code == 202
    assert await web.phone(ANA).inbox() == []


async def test_a_code_expires_at_ten_minutes(web: Web, clock: FakeClock) -> None:
    await web.person(ANA)
    code = await web.texted_code(ANA)
    clock.advance(minutes=10)
    late = await web.browser.post(VERIFY, json={"phone": ANA, "code": code})
    assert late.status_code == 401
    assert late.json()["reason"] == "invalid"
    fresh = await web.texted_code(ANA)
    clock.advance(minutes=9, seconds=59)
    assert (await web.browser.post(VERIFY, json={"phone": ANA, "code": fresh})).status_code == 200


async def test_a_code_works_once_and_only_the_newest_works(web: Web) -> None:
    await web.person(ANA)
    first = await web.texted_code(ANA)
    second = await web.texted_code(ANA)
    if first != second:  # one in a million they are the same
        old = await web.browser.post(VERIFY, json={"phone": ANA, "code": first})
        assert old.status_code == 401
    assert (await web.browser.post(VERIFY, json={"phone": ANA, "code": second})).status_code == 200
    again = await web.browser.post(VERIFY, json={"phone": ANA, "code": second})
    assert again.status_code == 401


async def test_five_codes_an_hour_per_number_known_or_not(web: Web, clock: FakeClock) -> None:
    await web.person(ANA)
    for number in (ANA, STRANGER):
        answers = [await web.browser.post(ASK, json={"phone": number}) for _ in range(6)]
        assert [a.status_code for a in answers] == [202] * 5 + [429]
        assert answers[-1].json()["reason"] == "limited"
        assert int(answers[-1].headers["Retry-After"]) == 3600
    assert len(await web.phone(ANA).inbox()) == 5
    clock.advance(minutes=30)
    assert int((await web.browser.post(ASK, json={"phone": ANA})).headers["Retry-After"]) == 1800
    clock.advance(minutes=30)
    assert (await web.browser.post(ASK, json={"phone": ANA})).status_code == 202


async def test_twenty_codes_an_hour_per_client_network(web: Web) -> None:
    numbers = [f"+1514555{n:04d}" for n in range(1000, 1021)]
    answers = [await web.browser.post(ASK, json={"phone": n}) for n in numbers]
    assert [a.status_code for a in answers] == [202] * 20 + [429]
    async with web.client_at("198.51.100.20") as elsewhere:
        assert (await elsewhere.post(ASK, json={"phone": numbers[-1]})).status_code == 202


async def test_wrong_codes_are_limited_per_client_network(web: Web) -> None:
    numbers = [f"+1514555{n:04d}" for n in range(2000, 2008)]
    statuses = []
    for number in numbers:  # five guesses each would pause each number: spread them
        for _ in range(4):
            answer = await web.browser.post(VERIFY, json={"phone": number, "code": "123456"})
            statuses.append(answer.status_code)
    assert statuses[:30] == [401] * 30
    assert set(statuses[30:]) == {429}


async def test_a_phone_that_is_not_a_number_is_400(web: Web) -> None:
    answer = await web.browser.post(ASK, json={"phone": "not a number"})
    assert answer.status_code == 400
    not_digits = await web.browser.post(VERIFY, json={"phone": ANA, "code": "12a456"})
    assert not_digits.status_code == 422

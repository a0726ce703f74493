"""Fuzzed webhooks, status callbacks and API calls through the ASGI stack, on both databases.

Signed with our own auth token (a hostile tester who holds it, or a re-cut capture), with
every field drawn from its extremes: empty, NUL bytes, 20-digit and negative numbers,
non-ASCII digits, 10 KB ids, missing and extra fields. Whatever arrives, the answer is a
4xx or the normal success, never a 5xx; a message is stored exactly when it was answered
200, and once.
"""

from __future__ import annotations

import itertools
from urllib.parse import quote

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from nudge.bootstrap import Services
from nudge.store.tables import Message
from tests.fakes.twilio_server import FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, signed_form
from tests.integration.production_web import (
    API_TOKEN,
    EXTREMES,
    OUR_NUMBER,
    PUBLIC,
)

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

EXTREME = st.sampled_from(EXTREMES)
ODD_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80)
FIELD = st.one_of(EXTREME, ODD_TEXT)
_sids = itertools.count(1)


def fresh_sid() -> str:
    return f"SM{next(_sids):032x}"


@st.composite
def inbound_forms(draw: st.DrawFn) -> dict[str, str]:
    """A Twilio inbound form with any field replaced, dropped, or added."""
    form = {
        "MessageSid": fresh_sid(),
        "AccountSid": FAKE_ACCOUNT_SID,
        "From": "+15145550101",
        "To": OUR_NUMBER,
        "Body": draw(st.one_of(ODD_TEXT, st.just("add milk"), st.just("remind me at 8pm"))),
        "NumMedia": "0",
        "ApiVersion": "2010-04-01",
    }
    for name in draw(st.sets(st.sampled_from(sorted(form)), max_size=3)):
        form[name] = draw(FIELD)
    for name in draw(st.sets(st.sampled_from(sorted(form)), max_size=1)):
        del form[name]
    extra = draw(st.dictionaries(st.sampled_from(["MediaUrl0", "SmsSid", "x"]), FIELD, max_size=2))
    return {**form, **extra}


async def stored(services: Services, sid: str) -> int:
    async with services.db.sessions() as session:
        found = select(func.count()).where(Message.provider_sid == sid)
        return int((await session.execute(found)).scalar_one())


@FUZZ
@given(form=inbound_forms(), sign=st.booleans())
async def test_fuzzed_webhooks_get_4xx_or_200_and_store_exactly_what_was_answered(
    production: tuple[Services, httpx.AsyncClient], form: dict[str, str], sign: bool
) -> None:
    services, client = production
    path = "/webhooks/twilio/sms"
    headers = signed_form(f"{PUBLIC}{path}", form, FAKE_AUTH_TOKEN) if sign else {}
    response = await client.post(path, data=form, headers=headers)
    assert response.status_code in (200, 400, 403), (response.status_code, response.text)
    sid = form.get("MessageSid", "")
    if response.status_code == 200:
        assert await stored(services, sid) == 1
    elif sid and len(sid) <= 64 and "\x00" not in sid:
        assert await stored(services, sid) == 0


@FUZZ
@given(
    fields=st.dictionaries(
        st.sampled_from(["MessageSid", "MessageStatus", "ErrorCode", "AccountSid", "SmsSid"]),
        FIELD,
        max_size=4,
    ),
    outbox_id=st.one_of(st.none(), EXTREME, st.integers(-(2**70), 2**70).map(str)),
)
async def test_fuzzed_status_callbacks_never_give_a_5xx(
    production: tuple[Services, httpx.AsyncClient], fields: dict[str, str], outbox_id: str | None
) -> None:
    _services, client = production
    form = {
        "MessageSid": "SM" + "c" * 32,
        "MessageStatus": "delivered",
        "AccountSid": FAKE_ACCOUNT_SID,
        **fields,
    }
    query = httpx.QueryParams({"outbox_id": outbox_id} if outbox_id is not None else {})
    path = "/webhooks/twilio/status" + (f"?{query}" if query else "")
    headers = signed_form(f"{PUBLIC}{path}", form, FAKE_AUTH_TOKEN)
    response = await client.post(path, data=form, headers=headers)
    assert response.status_code in (204, 400, 403), (response.status_code, response.text)


@FUZZ
@given(
    phone=st.one_of(st.just("+15145550101"), EXTREME, ODD_TEXT),
    memory_id=st.one_of(st.integers(-(2**70), 2**70).map(str), EXTREME),
)
async def test_fuzzed_api_paths_never_give_a_5xx(
    production: tuple[Services, httpx.AsyncClient], phone: str, memory_id: str
) -> None:
    _services, client = production
    person = quote(phone, safe="+")
    auth = {"Authorization": f"Bearer {API_TOKEN}"}
    path = f"/api/v1/users/{person}/memories/{quote(memory_id, safe='')}"
    response = await client.delete(path, headers=auth)
    assert response.status_code in (204, 404, 405, 422), (response.status_code, response.text)
    listed = await client.get(f"/api/v1/users/{person}/usage", headers=auth)
    assert listed.status_code in (200, 404, 422)

"""Hostile bodies, content types and signatures at both webhooks, on SQLite and PostgreSQL.

``test_webhook_fuzz`` varies the fields of a signed form; this varies everything around
them: raw and percent-encoded binary, invalid UTF-8, control characters, injection strings,
thousands of emoji, bodies just under and over ``NUDGE_MAX_BODY_BYTES`` and 100 KB, every
content type, and signatures replayed from another body or URL or forged. Whatever
arrives: no 5xx, a 200 is an XML ``<Response>``, and a message is stored only from a
correctly signed request, once.
"""

from __future__ import annotations

import base64
import itertools
import json
from urllib.parse import quote_from_bytes, quote_plus

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from nudge.bootstrap import Services
from nudge.store.tables import Message
from nudge.web.body_limit import DEFAULT_LIMIT
from tests.fakes.twilio_server import (
    FAKE_ACCOUNT_SID,
    FAKE_AUTH_TOKEN,
    signed_form,
    twilio_signature,
)
from tests.hostile_strings import HOSTILE_TEXT, INJECTIONS
from tests.integration.hostile_requests import (
    FORM,
    assert_twiml_or_clean_refusal,
    encoded,
    inbound,
    mark_all_sent,
    outbox_states,
    server_form,
    stored_sids,
    totals,
)
from tests.integration.production_web import PUBLIC

SMS, STATUS = "/webhooks/twilio/sms", "/webhooks/twilio/status"
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
CONTENT_TYPES = st.sampled_from(
    [
        FORM,
        f"{FORM}; charset=utf-8",
        f"{FORM}; charset=utf-16",
        "APPLICATION/X-WWW-FORM-URLENCODED",
        None,
        "",
        "application/json",
        "multipart/form-data; boundary=xyz",
        "multipart/form-data",
        "text/plain",
        "application/xml",
        "application/octet-stream",
        "form\x00",
    ]
)
_sids = itertools.count(1)


def fresh_sid() -> str:
    return f"SM{next(_sids):032x}"


def headers_for(content_type: str | None, **extra: str) -> dict[str, str]:
    return extra if content_type is None else {"content-type": content_type, **extra}


@FUZZ
@given(body=HOSTILE_TEXT, from_=st.sampled_from(["+15145550101", "+33612345678"]))
async def test_a_signed_hostile_text_is_answered_with_twiml_and_stored_once(
    production: tuple[Services, httpx.AsyncClient], body: str, from_: str
) -> None:
    services, client = production
    sid = fresh_sid()
    form = inbound(sid, Body=body, From=from_)
    headers = headers_for(FORM, **signed_form(f"{PUBLIC}{SMS}", form, FAKE_AUTH_TOKEN))
    payload = encoded(form)
    for _ in range(2):  # the same request twice (Twilio retries): one message, one answer
        response = await client.post(SMS, content=payload, headers=headers)
        assert_twiml_or_clean_refusal(response)
        if len(payload) > DEFAULT_LIMIT:
            assert response.status_code == 413
        else:
            assert response.status_code == 200
    assert (await stored_sids(services)).count(sid) == (len(payload) <= DEFAULT_LIMIT)


@FUZZ
@given(
    padding=st.integers(-300, 300),
    tail=st.sampled_from(["x", "é", "😀", "\x00", "'; DROP TABLE messages; --"]),
    sign=st.booleans(),
)
async def test_a_body_just_under_or_over_the_bound_is_taken_or_413(
    production: tuple[Services, httpx.AsyncClient], padding: int, tail: str, sign: bool
) -> None:
    services, client = production
    sid = fresh_sid()
    bare = len(encoded(inbound(sid, Body="")))
    filler = max(DEFAULT_LIMIT + padding - bare - len(quote_plus(tail)), 0)
    form = inbound(sid, Body="a" * filler + tail)
    payload = encoded(form)
    assert abs(len(payload) - DEFAULT_LIMIT - padding) <= len(quote_plus(tail))
    signature = signed_form(f"{PUBLIC}{SMS}", form, FAKE_AUTH_TOKEN) if sign else {}
    before = await totals(services)
    response = await client.post(SMS, content=payload, headers=headers_for(FORM, **signature))
    assert_twiml_or_clean_refusal(response)
    expected = 413 if len(payload) > DEFAULT_LIMIT else (200 if sign else 403)
    assert response.status_code == expected
    stored = (await stored_sids(services)).count(sid)
    assert stored == (expected == 200)
    if expected != 200:
        assert await totals(services) == before


@FUZZ
@given(
    raw=st.one_of(st.binary(max_size=2048), st.binary(min_size=100_000, max_size=110_000)),
    content_type=CONTENT_TYPES,
    path=st.sampled_from([SMS, STATUS]),
)
async def test_binary_bodies_of_any_content_type_unsigned_store_nothing(
    production: tuple[Services, httpx.AsyncClient],
    raw: bytes,
    content_type: str | None,
    path: str,
) -> None:
    services, client = production
    before = await totals(services)
    response = await client.post(path, content=raw, headers=headers_for(content_type))
    assert_twiml_or_clean_refusal(response)
    assert response.status_code != 200
    assert await totals(services) == before


@FUZZ
@given(value=st.binary(max_size=600), percent_encode=st.booleans())
async def test_invalid_utf8_in_a_signed_body_is_stored_as_the_route_read_it(
    production: tuple[Services, httpx.AsyncClient], value: bytes, percent_encode: bool
) -> None:
    """Raw bytes and percent-encoded bytes (``%FF%FE``), signed over what the route reads."""
    services, client = production
    sid = fresh_sid()
    raw = value.replace(b"&", b"").replace(b"=", b"").replace(b"+", b"").replace(b"%", b"")
    wire = quote_from_bytes(value).encode() if percent_encode else raw
    payload = encoded({k: v for k, v in inbound(sid).items() if k != "Body"}) + b"&Body=" + wire
    form = server_form(payload)
    headers = headers_for(FORM, **signed_form(f"{PUBLIC}{SMS}", form, FAKE_AUTH_TOKEN))
    response = await client.post(SMS, content=payload, headers=headers)
    assert_twiml_or_clean_refusal(response)
    assert response.status_code == 200
    assert (await stored_sids(services)).count(sid) == 1
    async with services.db.sessions() as session:
        found = select(Message.body).where(Message.provider_sid == sid)
        assert (await session.execute(found)).scalar_one() == form["Body"].replace("\x00", "")


FORGERIES = st.sampled_from(
    [
        "other body",
        "other url",
        "http not https",
        "other host",
        "query added",
        "other route",
        "field added",
        "wrong token",
        "random",
        "empty",
        "huge",
        "not base64",
        "latin-1",
    ]
)


def forged_signature(kind: str, url: str, form: dict[str, str], noise: bytes) -> str:
    """A signature that is valid for something else than ``form`` posted to ``url``."""
    other_route = f"{PUBLIC}{STATUS if SMS in url else SMS}"
    other = {
        "other body": (url, {**form, "Body": form.get("Body", "") + "!"}, FAKE_AUTH_TOKEN),
        "other url": (url.replace("/twilio/", "/twilio2/"), form, FAKE_AUTH_TOKEN),
        "http not https": (url.replace("https:", "http:"), form, FAKE_AUTH_TOKEN),
        "other host": (url.replace("nudge.example.org", "evil.example"), form, FAKE_AUTH_TOKEN),
        "query added": (f"{url}{'&' if '?' in url else '?'}a=1", form, FAKE_AUTH_TOKEN),
        "other route": (other_route, form, FAKE_AUTH_TOKEN),
        "field added": (url, {**form, "x": "1"}, FAKE_AUTH_TOKEN),
        "wrong token": (url, form, FAKE_AUTH_TOKEN[:-1] + "0"),
    }
    if kind in other:
        return twilio_signature(*other[kind])
    return {
        "random": base64.b64encode(noise[:20].ljust(20, b"\0")).decode(),
        "empty": "",
        "huge": "A" * 8000,
        "not base64": "%%%" + noise.hex(),
        "latin-1": "é" + base64.b64encode(noise).decode(),
    }[kind]


@FUZZ
@given(kind=FORGERIES, body=HOSTILE_TEXT, noise=st.binary(max_size=40))
async def test_a_forged_or_replayed_signature_is_403_and_stores_nothing(
    production: tuple[Services, httpx.AsyncClient], kind: str, body: str, noise: bytes
) -> None:
    services, client = production
    form = inbound(fresh_sid(), Body=body[:1000])
    signature = forged_signature(kind, f"{PUBLIC}{SMS}", form, noise)
    before = await totals(services)
    headers = {b"content-type": FORM.encode(), b"X-Twilio-Signature": signature.encode()}
    response = await client.post(SMS, content=encoded(form), headers=headers)
    assert response.status_code == 403, (kind, response.status_code, response.text)
    assert await totals(services) == before


@FUZZ
@given(
    from_=st.one_of(st.sampled_from(INJECTIONS), HOSTILE_TEXT),
    prefix=st.sampled_from(["", "whatsapp:", "tel:", "sms:", "+", "00", "  "]),
    drop=st.sets(st.sampled_from(["From", "Body", "To", "AccountSid", "NumMedia"]), max_size=2),
)
async def test_an_invalid_from_or_missing_field_is_400_and_stores_nothing(
    production: tuple[Services, httpx.AsyncClient], from_: str, prefix: str, drop: set[str]
) -> None:
    services, client = production
    sid = fresh_sid()
    form = {k: v for k, v in inbound(sid, From=prefix + from_[:300]).items() if k not in drop}
    headers = headers_for(FORM, **signed_form(f"{PUBLIC}{SMS}", form, FAKE_AUTH_TOKEN))
    response = await client.post(SMS, content=encoded(form), headers=headers)
    assert_twiml_or_clean_refusal(response)
    assert (await stored_sids(services)).count(sid) == (response.status_code == 200)
    if drop:
        assert response.status_code == 400


STATUS_FIELDS = st.fixed_dictionaries(
    {"MessageStatus": st.sampled_from(["failed", "undelivered", "delivered", "read"])},
    optional={
        "ErrorCode": st.one_of(
            st.sampled_from(["30003", "21610"]), HOSTILE_TEXT.map(lambda text: text[:200])
        )
    },
)


@FUZZ
@given(
    fields=STATUS_FIELDS,
    kind=FORGERIES,
    noise=st.binary(max_size=40),
    query=st.one_of(st.just(""), st.binary(max_size=64).map(quote_from_bytes)),
)
async def test_a_forged_status_callback_moves_no_row(
    production: tuple[Services, httpx.AsyncClient],
    fields: dict[str, str],
    kind: str,
    noise: bytes,
    query: str,
) -> None:
    """A callback signed for another body or URL, or not at all, changes no outbox row."""
    services, client = production
    if not await outbox_states(services):
        form = inbound(fresh_sid(), Body="list")
        signature = signed_form(f"{PUBLIC}{SMS}", form, FAKE_AUTH_TOKEN)
        await client.post(SMS, content=encoded(form), headers=headers_for(FORM, **signature))
    (outbox_id, provider_sid), *_ = await mark_all_sent(services)
    callback = {"MessageSid": provider_sid, "AccountSid": FAKE_ACCOUNT_SID, **fields}
    path = f"{STATUS}?outbox_id={outbox_id}" + (f"&x={query}" if query else "")
    before = await outbox_states(services)
    forged = forged_signature(kind, f"{PUBLIC}{path}", callback, noise)
    headers = {b"content-type": FORM.encode(), b"X-Twilio-Signature": forged.encode()}
    response = await client.post(path, content=encoded(callback), headers=headers)
    assert response.status_code == 403, (kind, response.status_code, response.text)
    assert await outbox_states(services) == before
    genuine = signed_form(f"{PUBLIC}{path}", callback, FAKE_AUTH_TOKEN)
    answered = await client.post(
        path, content=encoded(callback), headers=headers_for(FORM, **genuine)
    )
    assert answered.status_code in (204, 400), (answered.status_code, answered.text)


@pytest.mark.parametrize(
    "raw",
    [
        b'{"phone": "+15145550101", "body": "add \\ud800 milk"}',
        b'{"phone": "+15145550101\\udfff", "body": "x"}',
        b'{"phone": ["\\ud800"], "body": {"\\udbff": 1}}',
        b'{"phone": Infinity, "body": [NaN, -Infinity]}',
    ],
)
async def test_a_lone_surrogate_or_infinity_in_json_is_422_not_500(
    production: tuple[Services, httpx.AsyncClient], raw: bytes
) -> None:
    """Found here: FastAPI's 422 echoed input that UTF-8 or strict JSON cannot write (a 500)."""
    services, client = production
    headers = {"content-type": "application/json"}
    response = await client.post("/simulator/api/messages", content=raw, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "body"
    assert await totals(services) == (0, 0)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children),
    max_leaves=8,
)


@FUZZ
@given(
    fields=st.fixed_dictionaries({}, optional={"phone": JSON, "body": JSON, "x": JSON}),
    raw=st.one_of(st.none(), st.binary(max_size=200)),
)
async def test_any_json_to_the_simulator_is_answered_without_a_5xx(
    production: tuple[Services, httpx.AsyncClient], fields: dict[str, object], raw: bytes | None
) -> None:
    """Any JSON (lone surrogates included: ``st.text()`` draws them), or bytes that are not."""
    _services, client = production
    content = raw if raw is not None else json.dumps(fields).encode()
    headers = {"content-type": "application/json"}
    response = await client.post("/simulator/api/messages", content=content, headers=headers)
    assert response.status_code in (200, 400, 413, 422), (response.status_code, response.text)

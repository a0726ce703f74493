"""Building and judging hostile webhook requests (for ``test_hostile_bodies``).

``server_form`` decodes a body as the server does (Starlette: each name and value read as
Latin-1, then percent-decoded as UTF-8 with bad bytes replaced), so a hostile tester who
holds our auth token can sign exactly what the route will check.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET  # noqa: S405 - parses our own answer, not input
from urllib.parse import unquote_plus, urlencode

import httpx
from sqlalchemy import func, select

from nudge.bootstrap import Services
from nudge.store.states import OutboxStatus
from nudge.store.tables import Message, Outbox
from tests.fakes.twilio_server import FAKE_ACCOUNT_SID
from tests.integration.production_web import OUR_NUMBER

FORM = "application/x-www-form-urlencoded"
OK_OR_CLEAN_REFUSAL = frozenset({200, 400, 403, 413, 415})


def server_form(body: bytes) -> dict[str, str]:
    """The form the route reads from ``body`` (the last of a repeated name wins)."""
    form: dict[str, str] = {}
    for pair in body.split(b"&"):
        if not pair:
            continue
        name, _, value = pair.partition(b"=")
        form[unquote_plus(name.decode("latin-1"))] = unquote_plus(value.decode("latin-1"))
    return form


def inbound(sid: str, **fields: str) -> dict[str, str]:
    """A well-formed inbound form from a person to our number."""
    form = {
        "MessageSid": sid,
        "AccountSid": FAKE_ACCOUNT_SID,
        "From": "+15145550101",
        "To": OUR_NUMBER,
        "Body": "add milk",
        "NumMedia": "0",
        "ApiVersion": "2010-04-01",
    }
    form.update(fields)
    return form


def encoded(form: dict[str, str]) -> bytes:
    """``form`` URL-encoded as Twilio posts it."""
    return urlencode(form).encode()


def assert_twiml_or_clean_refusal(response: httpx.Response) -> None:
    """200 with an XML ``<Response>``, or a 4xx we mean; never a 5xx."""
    assert response.status_code in OK_OR_CLEAN_REFUSAL, (response.status_code, response.text)
    if response.status_code == 200:
        assert response.headers["content-type"].startswith("application/xml")
        assert ET.fromstring(response.content).tag == "Response"  # noqa: S314


async def stored_sids(services: Services) -> list[str | None]:
    """Every stored message's provider id."""
    async with services.db.sessions() as session:
        return list((await session.execute(select(Message.provider_sid))).scalars())


async def totals(services: Services) -> tuple[int, int]:
    """Messages and outbox rows stored so far."""
    async with services.db.sessions() as session:
        messages = (await session.execute(select(func.count()).select_from(Message))).scalar_one()
        outbox = (await session.execute(select(func.count()).select_from(Outbox))).scalar_one()
    return int(messages), int(outbox)


async def outbox_states(services: Services) -> list[tuple[str, str | None, str | None]]:
    """Every outbox row's status, provider id and last error, in id order."""
    async with services.db.sessions() as session:
        rows = (await session.execute(select(Outbox).order_by(Outbox.id))).scalars()
        return [(row.status, row.provider_sid, row.last_error) for row in rows]


async def mark_all_sent(services: Services) -> list[tuple[int, str]]:
    """Mark every outbox row sent, each with a provider id of its own: ``(id, sid)``."""
    async with services.db.transaction() as session:
        rows = list((await session.execute(select(Outbox).order_by(Outbox.id))).scalars())
        for row in rows:
            if row.provider_sid is None:
                row.status, row.provider_sid = OutboxStatus.SENT, f"SM{row.id:032x}"
        return [(row.id, str(row.provider_sid)) for row in rows]

"""Who may call what: an authorization matrix generated from the app's own OpenAPI schema.

Every operation under ``/api/v1`` (but sign-in's own ``/api/v1/auth``) is called, with path
ids naming the first person's things and the example body its schema gives, by:

- every kind of bad token in ``TOKEN_KINDS`` (none, forged, expired, of a session signed
  out): 401;
- a second person: 404 on the first person's things, and never a text of hers in any answer;
- a person (premium), and an admin who has not passed a second factor, on an admin route: 403;
- the operator's read-only token: the admin reads, and nothing else;
- the first person herself: her reads answer 200 (the ids are right, so the refusals above
  are refusals).

A new route is in the matrix as soon as it is in the schema; one whose path parameter or
body this file cannot fill fails until it can.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any, Final

import pytest
from sqlalchemy import update

from nudge.accounts import sessions
from nudge.clock import FakeClock
from nudge.commands import BreakDown, Remember
from nudge.features.users.export import export_user
from nudge.store.roles import Role
from nudge.store.tables import User
from tests.integration.api_world import ANA, World
from tests.integration.memory_helpers import run_as
from tests.phone import TestPhone
from tests.web_auth import access_token_for, bearer_for, sign_in_as

MARK: Final = "zqxanamark"  # in every text of the first person's: found elsewhere, it leaked
SKIPPED: Final = re.compile(r"^/api/v1/auth(/|$)")
ACCOUNT_PAGES: Final = re.compile(r"^/api/v1/me/(password|mfa|passkeys)(/|$)")
"""The sign-in factor pages: here for the bad tokens only (401); their own tests do the rest."""
QUERY: Final = {"q": MARK}  # required query parameters, by name


@dataclass(frozen=True, slots=True)
class Operation:
    """One method and path of the schema, with what it needs."""

    method: str
    path: str
    spec: dict[str, Any]

    @property
    def label(self) -> str:
        """``GET /api/v1/...``."""
        return f"{self.method.upper()} {self.path}"

    @property
    def admin(self) -> bool:
        """An admin route."""
        return self.path.startswith("/api/v1/admin")

    @property
    def names_things(self) -> bool:
        """Whether its path names one of a person's things by id."""
        return "{" in self.path


TokenKind = Callable[[World, FakeClock], Awaitable[dict[str, str]]]


async def _anonymous(_api: World, _clock: FakeClock) -> dict[str, str]:
    return {}


async def _forged(_api: World, _clock: FakeClock) -> dict[str, str]:
    return {"Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.forged"}


async def _expired(api: World, clock: FakeClock) -> dict[str, str]:
    """The first person's own token, 15 minutes later (the others are minted again)."""
    token = await access_token_for(api.services, api.ids["ana"])
    clock.advance(minutes=15)
    for name, user_id in api.ids.items():
        api.headers[name] = await bearer_for(api.services, user_id)
    return {"Authorization": f"Bearer {token}"}


async def _signed_out(api: World, _clock: FakeClock) -> dict[str, str]:
    """The first person's token of a session she signed out of (the token itself unexpired)."""
    signed = await sign_in_as(api.services, api.ids["ana"])
    async with api.services.db.transaction() as session:
        await sessions.sign_out(
            session, user_id=signed.user_id, session_id=signed.session_id, now=_clock.now()
        )
    return {"Authorization": f"Bearer {signed.access_token}"}


TOKEN_KINDS: Final[dict[str, TokenKind]] = {
    "anonymous": _anonymous,
    "forged": _forged,
    "expired": _expired,
    "signed out": _signed_out,
}


def _operations(schema: dict[str, Any]) -> Iterator[Operation]:
    for path, methods in schema["paths"].items():
        if path.startswith("/api/v1") and not SKIPPED.match(path):
            for method, spec in methods.items():
                yield Operation(method, path, spec)


def _example(schema: dict[str, Any], operation: Operation) -> Any:
    """The first example of the operation's JSON body (None when it takes none)."""
    content = (operation.spec.get("requestBody") or {}).get("content", {}).get("application/json")
    if content is None:
        return None
    body = content["schema"]
    body = (body.get("anyOf") or [body])[0]
    name = body["$ref"].rsplit("/", 1)[-1]
    examples = schema["components"]["schemas"][name].get("examples")
    if not examples and ACCOUNT_PAGES.match(operation.path):
        return {}  # refused before its body is read
    assert examples, f"{name} needs an example in its schema (model_config examples)"
    return examples[0]


def _request(schema: dict[str, Any], operation: Operation, ids: dict[str, int]) -> dict[str, Any]:
    """Path filled with the first person's ids, the example body, the required query."""
    path = operation.path
    query: dict[str, Any] = {}
    for parameter in operation.spec.get("parameters", []):
        name = parameter["name"]
        if parameter["in"] == "path":
            known = name in ids or ACCOUNT_PAGES.match(operation.path)
            assert known, f"{operation.label}: no id of the first person's for {{{name}}}"
            path = path.replace(f"{{{name}}}", str(ids.get(name, 1)))
        elif parameter.get("required"):
            assert name in QUERY, f"{operation.label}: no value for its query {name}"
            query[name] = QUERY[name]
    return {"url": path, "params": query, "json": _example(schema, operation)}


async def _first_persons_things(api: World, clock: FakeClock) -> dict[str, int]:
    """Everything the first person (Ana, premium) has, each text marked; the second has theirs."""
    async with api.services.db.transaction() as session:
        await session.execute(
            update(User).where(User.id == api.ids["ana"]).values(role=Role.PREMIUM)
        )
    made = await api.ok("ana", "POST", "/api/v1/reminders", {"text": f"call {MARK} in 5 min"})
    await run_as(api.services, ANA, BreakDown(f"garage {MARK}", ("Clear one shelf", "Sweep it")))
    await run_as(api.services, ANA, Remember(f"my {MARK} code is 1"))
    await TestPhone(api.services, ANA).ask(f"add {MARK} to my list")
    clock.advance(minutes=6)
    await TestPhone(api.services, ANA).inbox()  # the reminder fires: a firing waits for "done"
    await api.ok("ben", "POST", "/api/v1/reminders", {"text": "ben's own in 1 hour"})
    todos = await api.ok("ana", "GET", "/api/v1/todos")
    memories = await api.ok("ana", "GET", "/api/v1/memories")
    return {
        "reminder_id": made["reminder"]["id"],
        "todo_id": todos["items"][0]["id"],
        "memory_id": memories["items"][0]["id"],
        "person_id": api.ids["ana"],
    }


async def _ana_as_exported(api: World) -> dict[str, Any]:
    async with api.services.db.sessions() as session:
        data = await export_user(session, phone=ANA)
    assert data is not None
    data.pop("audit_log")  # admins' reads are noted there, as they should be
    return data


def _leaks(text: str, api: World) -> bool:
    """Whether an answer to someone else shows the first person's words, number or id."""
    if MARK in text or ANA in text:
        return True
    found = json.loads(text) if text.startswith("{") else {}
    return _names_person(found, api.ids["ana"])


def _names_person(value: Any, person_id: int) -> bool:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("user_id", "person_id", "actor") and item == person_id:
                return True
            if _names_person(item, person_id):
                return True
    if isinstance(value, list):
        return any(_names_person(item, person_id) for item in value)
    return False


@pytest.fixture
async def schema(api: World) -> dict[str, Any]:
    openapi: dict[str, Any] = api.client._transport.app.openapi()  # type: ignore[attr-defined]  # noqa: SLF001
    return openapi


async def test_every_route_refuses_whoever_may_not_and_nothing_crosses_people(
    api: World, clock: FakeClock, schema: dict[str, Any]
) -> None:
    ids = await _first_persons_things(api, clock)
    bad_tokens = {name: await make(api, clock) for name, make in TOKEN_KINDS.items()}
    token = await access_token_for(api.services, api.ids["ada"], second_factor=False)
    api.headers["ada without mfa"] = {"Authorization": f"Bearer {token}"}
    before = await _ana_as_exported(api)
    operations = list(_operations(schema))
    assert len(operations) >= 35
    for operation in operations:
        request = _request(schema, operation, ids)
        for kind, headers in bad_tokens.items():
            answer = await api.client.request(operation.method, headers=headers, **request)
            assert answer.status_code == 401, (operation.label, kind, answer.text)
            assert answer.json()["code"] == "unauthenticated"
        if ACCOUNT_PAGES.match(operation.path):
            continue
        await _second_person(api, operation, request)
        await _roles(api, operation, request)
    assert await _ana_as_exported(api) == before  # no one else changed anything of hers


async def _second_person(api: World, operation: Operation, request: dict[str, Any]) -> None:
    answer = await api.client.request(operation.method, headers=api.headers["ben"], **request)
    assert answer.status_code < 500, (operation.label, answer.text)
    assert not _leaks(answer.text, api), (operation.label, answer.text)
    if operation.admin:
        assert answer.status_code == 403, operation.label
    elif operation.names_things:
        assert answer.status_code == 404, (operation.label, answer.status_code)


async def _roles(api: World, operation: Operation, request: dict[str, Any]) -> None:
    """Admin routes refuse a person and an admin without a second factor; the operator only
    reads them; the owner reads her own.
    """
    if operation.admin:
        for who in ("ana", "ada without mfa"):
            refused = await api.client.request(
                operation.method, headers=api.headers[who], **request
            )
            assert refused.status_code == 403, (operation.label, who)
        service = await api.client.request(
            operation.method, headers=api.headers["operator"], **request
        )
        expected = 200 if operation.method == "get" else 403
        assert service.status_code == expected, (operation.label, service.text)
        return
    service = await api.client.request(operation.method, headers=api.headers["operator"], **request)
    assert service.status_code == 403, (operation.label, service.text)  # no one's own data
    if operation.method == "get":
        owner = await api.client.request("get", headers=api.headers["ana"], **request)
        assert owner.status_code == 200, (operation.label, owner.text)  # the ids are hers

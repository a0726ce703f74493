"""schemathesis against the app's own OpenAPI schema, in-process over ASGI, on both databases.

Every operation the schema lists (the API with a real person's token, or an admin's on the
admin routes; the webhooks, the probes, the simulator) is called with generated and
schema-violating input: no 5xx, and every answer's status, content type, headers and body
are the ones the schema declares.
"""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.core.result import Err
from sqlalchemy import update

from nudge.bootstrap import Services, build
from nudge.channels.base import Inbound
from nudge.clock import FakeClock
from nudge.features.users import service as users
from nudge.store.migrate import upgrade
from nudge.store.roles import Role
from nudge.store.tables import User
from nudge.web.app import create_app
from tests.conftest import START, _clean, make_settings
from tests.fakes.twilio_server import FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, signed_form
from tests.integration.production_web import API_TOKEN, OUR_NUMBER, PUBLIC
from tests.web_auth import bearer_for

CONFIG = schemathesis.Config.from_dict(
    {
        "checks": {  # 413 (NUDGE_MAX_BODY_BYTES) is a refusal too, as the schema says
            "negative_data_rejection": {
                "expected-statuses": [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429]
            }
        },
        # Schema-valid is not always acceptable, and no JSON schema can say when: the
        # simulator and the sign-in form read a number as a person types it ("(514)
        # 555-0123"), and a webhook must name our account and number and a real sender,
        # which differ per server. There a schema-valid request may get the documented 400;
        # every other check holds.
        "operations": [
            {
                "include-path-regex": "^/(simulator|webhooks)/|^/api/v1/auth/sms-code",
                "checks": {"positive_data_acceptance": {"enabled": False}},
            },
            # These read a person's words or check more than a schema can say (a phrase may
            # name no time, a time may have passed, a rule or a zone may not exist, the phone
            # typed back may not be theirs): a schema-valid body may get the documented 422,
            # with its stable code. Every other check holds.
            *(
                {
                    "include-name": name,
                    "checks": {
                        "positive_data_acceptance": {
                            "expected-statuses": ["2xx", "401", "403", "404", "409", "422"]
                        }
                    },
                }
                for name in (
                    "POST /api/v1/reminders",
                    "PATCH /api/v1/reminders/{reminder_id}",
                    "PATCH /api/v1/me/settings",
                    "POST /api/v1/todos",
                    "POST /api/v1/me/erase",
                )
            ),
        ],
    }
)
OPERATOR = {"Authorization": f"Bearer {API_TOKEN}"}
KNOWN, ADMIN = "+15145550101", "+15145550109"
TOKENS: dict[str, dict[str, str]] = {}  # per person, minted once the store is ready
OTHERS = re.compile(r"^/api/v1/(auth|me/password|me/mfa|me/passkeys)(/|$)")


async def _ready(services: Services) -> None:
    """A migrated store: a person (premium) with a memory, a reminder and a todo; an admin."""
    await upgrade(services.db)
    await _clean(services)
    for n, text in enumerate(
        ("remember my locker code is 4512", "remind me to stretch in 1 hour", "add milk")
    ):
        said = Inbound(KNOWN, text, f"SM{n:032d}", "twilio")
        assert (await services.handler.handle(said)).intent in {
            "Remember",
            "CreateReminder",
            "AddTodo",
        }
    async with services.db.transaction() as session:
        admin, _ = await users.get_or_create(
            session, phone=ADMIN, now=START, timezone="UTC", locale="en"
        )
        await session.execute(update(User).where(User.id == admin.id).values(role=Role.ADMIN))
        await session.execute(update(User).where(User.phone == KNOWN).values(role=Role.PREMIUM))
        known = await users.find(session, phone=KNOWN)
    assert known is not None
    TOKENS["person"] = await bearer_for(services, known.id)
    TOKENS["admin"] = await bearer_for(services, admin.id)
    await services.db.dispose()  # the calls run on schemathesis's own event loop


@pytest.fixture
def api_schema(database_url: str) -> Iterator[schemathesis.BaseSchema]:
    settings = make_settings(
        database_url,
        public_url=PUBLIC,
        twilio_account_sid=FAKE_ACCOUNT_SID,
        twilio_auth_token=FAKE_AUTH_TOKEN,
        twilio_from=OUR_NUMBER,
        simulator_enabled=True,
        api_token=API_TOKEN,
        api_docs=True,
    )
    services = build(settings, clock=FakeClock(START))
    asyncio.run(_ready(services))
    app = create_app(services, run_workers=False)
    yield schemathesis.openapi.from_asgi("/openapi.json", app, config=CONFIG)
    asyncio.run(services.db.dispose())


MODES = (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)
EXAMPLES = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.generate],
)


def _signed(case: schemathesis.Case[Any], mode: schemathesis.GenerationMode) -> dict[str, str]:
    """A webhook form signed as Twilio would sign it (else the route stops at 403).

    A positive case names our account, our number and a real sender, so the generated
    MessageSid, Body, NumMedia and status reach the handler and the outbox.
    """
    body = case.body
    if not case.operation.path.startswith("/webhooks/") or not isinstance(body, dict):
        return {}
    if mode is schemathesis.GenerationMode.POSITIVE:
        body.update({"AccountSid": FAKE_ACCOUNT_SID, "To": OUR_NUMBER, "From": KNOWN})
    form = {name: value for name, value in body.items() if isinstance(value, str)}
    if len(form) < len(body):
        return {}
    return signed_form(f"{PUBLIC}{case.formatted_path}", form, FAKE_AUTH_TOKEN)


def _token(case: schemathesis.Case[Any]) -> dict[str, str]:
    """The REST API's: an admin's token on the admin routes, the person's on the others.

    Elsewhere the operator's (sign-in and the factor pages, as before: a person's token
    there could sign itself out, or add a second factor, mid-run).
    """
    path = case.operation.path
    if path.startswith("/api/v1/admin"):
        return TOKENS["admin"]
    if path.startswith("/api/v1/") and not OTHERS.match(path):
        return TOKENS["person"]
    return OPERATOR


def _has_input(operation: schemathesis.APIOperation[Any, Any, Any, Any]) -> bool:
    """Whether the operation takes anything a negative case could violate."""
    return any(len(group) for group in (operation.path_parameters, operation.query, operation.body))


def _calls_of(
    operation: schemathesis.APIOperation[Any, Any, Any, Any],
    mode: schemathesis.GenerationMode,
    calls: Counter[tuple[str, int]],
) -> Callable[[], None]:
    """The hypothesis test of one operation in one mode, counting answers by status."""

    @EXAMPLES
    @given(case=operation.as_strategy(generation_mode=mode))
    def call(case: schemathesis.Case[Any]) -> None:
        response = case.call_and_validate(headers={**_token(case), **_signed(case, mode)})
        calls[(case.operation.label, response.status_code)] += 1

    return call


def test_every_operation_answers_as_its_schema_declares(
    api_schema: schemathesis.BaseSchema,
) -> None:
    operations = []
    for result in api_schema.get_all_operations():
        if isinstance(result, Err):
            raise result.err()
        operations.append(result.ok())
    assert len(operations) >= 40  # API 35, webhooks 2, probes 2, simulator 3
    calls: Counter[tuple[str, int]] = Counter()
    for operation in operations:
        for mode in MODES if _has_input(operation) else MODES[:1]:
            _calls_of(operation, mode, calls)()
    answered = {label for label, status in calls if status < 300}
    assert {
        "GET /api/v1/me",
        "POST /api/v1/reminders",
        "POST /api/v1/reminders/preview",
        "PATCH /api/v1/me/settings",
        "GET /api/v1/memories/search",
        "GET /api/v1/admin/people/{person_id}/memories",
        "GET /api/v1/admin/model-usage",
        "POST /webhooks/twilio/sms",
        "POST /webhooks/twilio/status",
    } <= answered

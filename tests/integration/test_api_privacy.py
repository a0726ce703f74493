"""Export and erase through the API: all of the person, none of another, confirmed first.

"All" is checked against the schema itself: every table with a ``user_id`` column, so a
table added later and forgotten by the export fails here.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select

from nudge.accounts.audit import AuditAction
from nudge.agent import budget
from nudge.agent.models.base import Usage
from nudge.channels.base import Inbound
from nudge.clock import FakeClock
from nudge.commands import Remember
from nudge.store.schema import METADATA
from nudge.store.tables import AgentConfirmation, AuditLog
from tests.integration.api_world import ANA, BEN, World
from tests.integration.memory_helpers import run_as
from tests.phone import TestPhone

FACTORS = {  # the sign-in factors, exported without any secret under "sign_in_factors"
    "password_credentials": "password",
    "totp_factors": "totp",
    "recovery_codes": "recovery_codes",
    "passkeys": "passkeys",
    "webauthn_challenges": "passkey_challenges",
}
NESTED = {"occurrences": "reminders", "users": "profile", **FACTORS}


async def _everything_of(api: World, clock: FakeClock, phone: str, secret: str) -> None:
    """Rows of ``phone``'s in every table a person has: texts, reminders, memory, usage..."""
    texter = TestPhone(api.services, phone)
    await texter.ask(f"remind me to {secret} in 5 min")
    await texter.ask(f"add {secret} to my list")
    await run_as(api.services, phone, Remember(f"my {secret} is 42"))
    user_id = api.ids["ana" if phone == ANA else "ben"]
    async with api.services.db.transaction() as session:
        calls = [budget.CallRecord(Usage(10, 2), 0.2, "ok")]
        await budget.record(
            session,
            user_id=user_id,
            provider="p",
            model="m",
            calls=calls,
            now=api.services.clock.now(),
        )
        session.add(
            AgentConfirmation(
                user_id=user_id,
                tool="forget",
                arguments={"query": secret},
                created_at=api.services.clock.now(),
            )
        )
    clock.advance(minutes=6)
    await texter.inbox()  # the reminder fires: an occurrence sent, an outbox row, the handset
    await api.services.inbox.accept(
        Inbound(phone, f"{secret} still waiting", f"SM{secret:0<32}"[:34], "twilio")
    )


def _per_person_tables() -> list[str]:
    return sorted(
        t.name for t in METADATA.sorted_tables if "user_id" in t.columns or t.name == "users"
    )


async def _counts(api: World, user_id: int) -> dict[str, int]:
    counts = {}
    async with api.services.db.sessions() as session:
        for table in METADATA.sorted_tables:
            column = table.c.get("user_id") if table.name != "users" else table.c.id
            if column is not None:
                counts[table.name] = int(
                    await session.scalar(
                        select(func.count()).select_from(table).where(column == user_id)
                    )
                    or 0
                )
    return counts


def _exported(data: dict[str, Any], table: str) -> list[Any]:
    if table == "occurrences":
        return [o for r in data["reminders"] for o in r["occurrences"]]
    if table == "users":
        return [data["profile"]]
    if table in FACTORS:
        found = data["sign_in_factors"][FACTORS[table]]
        return found if isinstance(found, list) else [found] if found else []
    return list(data[table])


async def test_the_export_holds_all_of_the_person_and_none_of_another(
    api: World, clock: FakeClock
) -> None:
    await _everything_of(api, clock, ANA, "anatopsecret")
    await _everything_of(api, clock, BEN, "bensecret")
    response = await api.call("ana", "GET", "/api/v1/me/export")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="nudge-export.json"'
    data = response.json()
    counts = await _counts(api, api.ids["ana"])
    for table in _per_person_tables():
        assert table in data or table in NESTED, f"{table} is not in the export"
        rows = _exported(data, table)
        assert len(rows) == counts[table], table
        owners = {row.get("user_id", row.get("id")) for row in rows if table not in FACTORS}
        assert owners <= {api.ids["ana"]}, table
    assert all(
        counts[table] for table in ("messages", "outbox", "occurrences", "memories", "llm_usage")
    )
    assert [row["body"] for row in data["inbox"]] == ["anatopsecret still waiting"]
    assert data["simulator_messages"]
    assert "embedding" not in data["memories"][0]
    text = json.dumps(data)
    assert "bensecret" not in text
    assert BEN not in text
    assert [entry["action"] for entry in data["audit_log"]] == [AuditAction.EXPORTED.value]


async def test_erase_needs_the_phone_typed_back_and_leaves_nothing(
    api: World, clock: FakeClock
) -> None:
    await _everything_of(api, clock, ANA, "anatopsecret")
    await _everything_of(api, clock, BEN, "bensecret")
    before_ben = await _counts(api, api.ids["ben"])
    wrong = await api.call("ana", "POST", "/api/v1/me/erase", {"confirm": BEN})
    assert (wrong.status_code, wrong.json()["code"]) == (422, "confirm_mismatch")
    assert (await _counts(api, api.ids["ana"]))["users"] == 1
    erased = await api.call("ana", "POST", "/api/v1/me/erase", {"confirm": "(514) 555-0101"})
    assert erased.status_code == 204
    assert set((await _counts(api, api.ids["ana"])).values()) == {0}
    assert await _counts(api, api.ids["ben"]) == before_ben
    async with api.services.db.sessions() as session:
        left = (await session.scalars(select(AuditLog).where(AuditLog.user_id.is_(None)))).all()
    assert [(row.action, row.detail) for row in left] == [("erased", {"by": "self"})]
    gone = await api.call("ana", "GET", "/api/v1/me")
    assert (gone.status_code, gone.json()["code"]) == (401, "unauthenticated")
    assert (await api.ok("ben", "GET", "/api/v1/me"))["phone"] == BEN

"""The admin's read models (nudge/admin/): people, traffic, the outbox, the model's cost."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from nudge.admin import model_usage, people, traffic
from nudge.agent import budget
from nudge.agent.models.base import Usage
from nudge.bootstrap import Services
from nudge.clock import FakeClock
from nudge.commands import AddTodo, CreateReminder, Remember
from nudge.store.states import OutboxStatus
from nudge.store.tables import Outbox
from tests.integration.engine_helpers import make_user, queue_sms, run_command
from tests.phone import TestPhone


async def test_people_newest_first_paged_and_found_by_phone(services: Services) -> None:
    ids = [await make_user(services, f"+1514555010{n}") for n in range(3)]
    async with services.db.sessions() as session:
        page = await people.people(session, limit=2)
        rest = await people.people(session, limit=2, before=page[-1].id)
        (found,) = await people.people(session, phone="+15145550101")
        assert await people.people(session, phone="+15145550199") == []
    assert [person.id for person in page + rest] == list(reversed(ids))
    assert found.id == ids[1]
    assert found.role == "user"


async def test_holdings_count_one_persons_rows(services: Services, clock: FakeClock) -> None:
    ana, ben = await make_user(services, "+15145550101"), await make_user(services, "+15145550102")
    await run_command(services, ana, CreateReminder("call", clock.now() + timedelta(hours=1)))
    await run_command(services, ana, AddTodo("taxes"))
    await run_command(services, ana, AddTodo("milk"))
    await run_command(services, ana, Remember("my code is 1"))
    await run_command(services, ben, AddTodo("ben's"))
    async with services.db.sessions() as session:
        counted = await people.holdings(session, user_id=ana)
    assert counted == people.Holdings(active_reminders=1, open_todos=2, memories=1, messages=0)


async def test_volumes_per_utc_day_in_and_out_by_kind(services: Services, clock: FakeClock) -> None:
    ana, ben = TestPhone(services, "+15145550101"), TestPhone(services, "+15145550102")
    await ana.ask("add milk")
    clock.advance(days=1)
    await ana.ask("add bread")
    await ana.ask("list")
    await ben.ask("add tea")
    async with services.db.sessions() as session:
        days = await traffic.volumes(session, now=clock.now(), days=3)
    assert [day.day.isoformat() for day in days] == ["2026-11-23", "2026-11-24", "2026-11-25"]
    assert [(day.inbound, day.people) for day in days] == [(0, 0), (1, 1), (3, 2)]
    assert days[1].outbound == {"reply": 1}
    assert days[2].outbound == {"reply": 3}
    assert days[0].outbound == {}


async def test_failures_are_masked_and_depth_counts_the_waiting(
    services: Services, clock: FakeClock
) -> None:
    first, second, third = await queue_sms(services, 3)
    async with services.db.transaction() as session:
        await session.execute(
            update(Outbox)
            .where(Outbox.id == first)
            .values(status=OutboxStatus.FAILED, last_error="21211: invalid To +15145550001")
        )
        await session.execute(
            update(Outbox).where(Outbox.id == second).values(status=OutboxStatus.UNKNOWN)
        )
    clock.advance(minutes=3)
    async with services.db.sessions() as session:
        failed = await traffic.failures(session)
        older = await traffic.failures(session, before=failed[0].id)
        depth = await traffic.outbox_depth(session, now=clock.now())
    assert [(row.id, row.status) for row in failed] == [(second, "unknown"), (first, "failed")]
    assert failed[1].last_error == "21211: invalid To +1514*****01"
    assert [row.id for row in older] == [first]
    assert depth.by_status == {"failed": 1, "unknown": 1, "pending": 1}
    assert depth.due_waiting == 1
    assert depth.oldest_due_age_seconds == 180.0
    assert third not in {row.id for row in failed}


async def _calls(services: Services, user_id: int, days_ago: int, *tokens: tuple[int, int]) -> None:
    now = services.clock.now() - timedelta(days=days_ago)
    calls = [budget.CallRecord(Usage(i, o), 0.1, "ok") for i, o in tokens]
    async with services.db.transaction() as session:
        await budget.record(
            session, user_id=user_id, provider="gemini", model="flash", calls=calls, now=now
        )


async def test_model_usage_per_day_and_model_with_cost(services: Services) -> None:
    ana, ben = await make_user(services, "+15145550101"), await make_user(services, "+15145550102")
    await _calls(services, ana, 0, (1000, 100), (2000, 200))
    await _calls(services, ben, 0, (500, 50))
    await _calls(services, ana, 1, (1_000_000, 0))
    await _calls(services, ana, 20, (9, 9))  # outside the window
    prices = model_usage.Prices(input_per_million=0.30, output_per_million=2.50)
    now = services.clock.now()
    async with services.db.sessions() as session:
        priced = await model_usage.usage(session, now=now, days=2, prices=prices)
        unpriced = await model_usage.usage(session, now=now, days=2)
    assert [(d.day.isoformat(), d.calls, d.input_tokens, d.output_tokens) for d in priced.days] == [
        ("2026-11-23", 1, 1_000_000, 0),
        ("2026-11-24", 3, 3500, 350),
    ]
    assert priced.days[0].cost == 0.3
    assert priced.days[1].cost == round((3500 * 0.30 + 350 * 2.50) / 1e6, 6)
    assert (priced.calls, priced.input_tokens, priced.output_tokens) == (4, 1_003_500, 350)
    assert priced.cost == round((1_003_500 * 0.30 + 350 * 2.50) / 1e6, 6)
    assert unpriced.cost is None
    assert unpriced.days[0].cost is None

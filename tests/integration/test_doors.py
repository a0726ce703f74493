"""One door in: every change of a person's data goes through ``features/executor.run``.

Every Command type is walked through the executor, then the whole message path (rules, the
agent's tools and a confirmation, STOP and START) and the workers' passes, while
``write_log`` notes which module asked for each write. Each table has owners: a person's
data (``PERSON_TABLES``) is written by ``nudge.features`` only (occurrences also by the
scheduler that fires them); the outbox by ``nudge.outbox``; and so on. A module writing a
table it does not own fails here, with the module, the table and the write.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any, get_args
from zoneinfo import ZoneInfo

from nudge.agent.loop import Agent
from nudge.agent.models.scripted import ScriptedModel, call
from nudge.bootstrap import Services
from nudge.clock import FakeClock
from nudge.commands import (
    AddTodo,
    Agenda,
    AskTimezone,
    AskWhat,
    AskWhen,
    BreakDown,
    CancelReminder,
    Command,
    Complete,
    CompleteReminder,
    CompleteTodo,
    CreateReminder,
    DeleteReminder,
    EditReminder,
    Forget,
    ForgetMemory,
    Help,
    ListReminders,
    ListTodos,
    NextStep,
    OptIn,
    OptOut,
    PauseReminder,
    Recall,
    RefuseFar,
    RefusePast,
    Remember,
    ResumeReminder,
    SetBriefing,
    SetLanguage,
    SetQuietHours,
    SetRole,
    SetTimezone,
    Snooze,
    SnoozeReminder,
    Undo,
    Unknown,
)
from nudge.store.schema import METADATA
from nudge.store.tables import User
from tests.integration.engine_helpers import add_reminder, make_user, run_command
from tests.integration.sign_in_web import ANA, sign_in_web
from tests.integration.test_agent import _services
from tests.phone import TestPhone
from tests.write_log import Write, WriteLog, watching

PERSON_TABLES = frozenset({"users", "reminders", "occurrences", "todos", "memories"})
OWNERS: dict[str, tuple[str, ...]] = {
    "users": ("nudge.features.",),
    "reminders": ("nudge.features.",),
    "occurrences": ("nudge.features.", "nudge.scheduler."),  # firing them is the engine's
    "todos": ("nudge.features.",),
    "memories": ("nudge.features.",),
    "messages": ("nudge.conversation.",),
    "inbox": ("nudge.conversation.",),  # texts the webhook took, waiting for a worker
    "conversation_state": ("nudge.conversation.",),
    "outbox": ("nudge.outbox.",),
    "send_pacers": ("nudge.outbox.",),
    "agent_confirmations": ("nudge.agent.",),  # a destructive call waiting for "confirm"
    "llm_usage": ("nudge.agent.",),
    "simulator_messages": ("nudge.channels.",),  # the fake carrier's handset
    "audit_log": ("nudge.accounts.",),  # security actions (accounts/audit.py)
    "server_secrets": ("nudge.accounts.", "nudge.crypto."),  # kept signing and sealing keys
    "sign_in_secrets": ("nudge.accounts.",),  # texted codes and links, second-factor tickets
    "auth_sessions": ("nudge.accounts.",),  # signed-in browsers, checked on every request
    "refresh_tokens": ("nudge.accounts.",),
    "sign_in_attempts": ("nudge.accounts.",),  # the sign-in rate limits and the lockout
    "password_credentials": ("nudge.accounts.",),  # email and argon2 hash (accounts/credentials)
    "totp_factors": ("nudge.accounts.", "nudge.crypto."),  # sealed secret; rotate-keys reseals
    "recovery_codes": ("nudge.accounts.",),
    "passkeys": ("nudge.accounts.",),
    "webauthn_challenges": ("nudge.accounts.",),  # a passkey ceremony's single-use challenge
}
ERASURE = "nudge.features.users.export"  # GDPR erasure: every row of one person, anywhere


def _misplaced(log: WriteLog) -> list[Write]:
    return [
        write
        for write in log.writes
        if write.module != ERASURE and not write.module.startswith(OWNERS[write.table])
    ]


def test_every_table_has_owners() -> None:
    assert set(OWNERS) == set(METADATA.tables)
    assert all(OWNERS[table] == ("nudge.features.",) or table == "occurrences"
               for table in PERSON_TABLES)  # fmt: skip


def _walk(now: datetime, day: Any) -> list[Callable[[], Command]]:
    """Every Command, in an order where each finds something to act on."""
    return [
        lambda: CreateReminder("pills", now + timedelta(minutes=1)),
        lambda: AskWhen("call mom"),
        lambda: AskWhat(now + timedelta(hours=2)),
        lambda: RefusePast("water the plants"),
        lambda: RefuseFar("water the plants", now + timedelta(days=4000), "day"),
        lambda: AskTimezone("Atlantis"),
        lambda: Help(),
        lambda: Unknown("blah"),
        lambda: ListReminders(),
        lambda: Snooze(10),  # the scheduler fired "pills" before this one
        lambda: Undo(),
        lambda: Complete(),
        lambda: Undo(),
        lambda: CreateReminder("dentist", now + timedelta(days=1)),
        lambda: CancelReminder(words="dentist"),
        lambda: Undo(),
        lambda: ListReminders(),
        lambda: CancelReminder(number=1),
        lambda: AddTodo("taxes"),
        lambda: ListTodos(),
        lambda: Complete(number=1),
        lambda: Undo(),
        lambda: Complete(words="taxes"),
        lambda: BreakDown("the garage", ("Clear one shelf", "Sweep the floor")),
        lambda: NextStep(),
        lambda: Remember("my locker code is 4512", importance=9, tags=("gym",)),
        lambda: Recall("locker code"),
        lambda: Forget("locker"),
        lambda: Agenda(day),
        lambda: SetTimezone("Europe/Paris"),
        lambda: SetQuietHours(time(22), time(7)),
        lambda: SetBriefing("morning", time(7)),
        lambda: Undo(),
        lambda: SetLanguage("fr"),
        lambda: Undo(),
        lambda: OptOut(),
        lambda: OptIn(),
        # by id (the API's): a fresh store numbers from 1, "yoga" is the third reminder
        lambda: CreateReminder("yoga", now + timedelta(days=2), "FREQ=WEEKLY"),
        lambda: PauseReminder(3),
        lambda: ResumeReminder(3),
        lambda: EditReminder(3, text="yoga class", at=now + timedelta(days=3)),
        lambda: Undo(),
        lambda: SnoozeReminder(3, 10),  # not texted yet: refused, nothing written
        lambda: CompleteReminder(3),
        lambda: Undo(),
        lambda: DeleteReminder(3),
        lambda: AddTodo("stamps"),
        lambda: CompleteTodo(5),  # "taxes", the garage and its two steps came first
        lambda: Remember("my bike lock is 1234"),
        lambda: ForgetMemory(1),  # the locker code was forgotten: on SQLite its id is reused
        lambda: Undo(),
        lambda: SetRole(1, "premium"),  # not an admin: refused
    ]


async def test_every_command_changes_data_through_the_features_only(
    services: Services, clock: FakeClock
) -> None:
    user_id = await make_user(services)
    now = clock.now()
    walk = _walk(now, now.astimezone(ZoneInfo("America/Toronto")).date())
    ran: set[type[Any]] = set()
    with watching() as log:
        for make in walk:
            command = make()
            if isinstance(command, Snooze):
                clock.advance(minutes=2)
                await services.scheduler.run_once()  # "pills" is texted: now "done" applies
            reply = await run_command(services, user_id, command)
            assert reply.strip(), command
            ran.add(type(command))
    assert ran == set(get_args(Command))  # a new Command needs a step in the walk
    assert _misplaced(log) == []
    assert log.tables_written_by("nudge.features.") >= PERSON_TABLES


async def test_the_message_path_and_the_workers_write_only_what_they_own(
    database_url: str, clock: FakeClock
) -> None:
    model = ScriptedModel()
    services = await _services(database_url, clock, Agent(model))
    try:
        phone = TestPhone(services)
        with watching() as log:
            await _message_path(services, model, phone, clock)
        assert _misplaced(log) == []
        assert log.tables_written_by("nudge.features.") >= PERSON_TABLES
        owners = {"nudge.conversation.", "nudge.outbox.", "nudge.agent.", "nudge.scheduler."}
        assert all(log.tables_written_by(owner) for owner in owners)  # each was watched
    finally:
        await services.close()


async def _message_path(
    services: Services, model: ScriptedModel, phone: TestPhone, clock: FakeClock
) -> None:
    """Rules, the agent's tools and a confirmation, STOP/START, and every worker's pass."""
    for text in ("remind me to stretch in 5 min", "add milk to my list", "done 1", "undo"):
        await phone.ask(text)
    await phone.ask("remember my locker code is 4512")
    await phone.ask("I'm stuck on the tax report")  # the planner is the scripted model
    model._replies += [
        call("add_todo", text="buy stamps"),
        call("remember", fact="likes tea", importance=3, tags=["food"]),
        call("break_down", task="the garage", steps=["Clear one shelf", "Sweep the floor"]),
        call("cancel_reminder", number=1),
    ]
    await phone.ask("stamps, tea, the garage, and drop that stretch thing")
    await phone.ask("confirm")
    await phone.ask("briefing at 7am")
    await phone.ask("STOP")
    await phone.text("START")
    user = await _user_id(services)
    await add_reminder(services, user, "pills", clock.now(), always=True)  # follow-ups
    await add_reminder(services, user, "old", clock.now() - timedelta(hours=2))  # missed
    await phone.inbox()  # the scheduler and delivery passes
    clock.advance(hours=1)
    await phone.inbox()  # a follow-up
    clock.advance(days=1)
    await phone.inbox()  # the morning briefing


async def _user_id(services: Services) -> int:
    async with services.db.sessions() as session:
        user = await session.scalar(User.__table__.select().with_only_columns(User.id))
    assert user is not None
    return int(user)


ACCOUNT_TABLES = frozenset(
    {"sign_in_secrets", "auth_sessions", "refresh_tokens", "sign_in_attempts", "audit_log"}
)


async def test_signing_in_writes_only_what_the_accounts_own(
    database_url: str, clock: FakeClock
) -> None:
    """A code asked for and tried, a session refreshed and ended, a texted link, the purge."""
    async with sign_in_web(database_url, clock) as web:
        await web.person(ANA)
        with watching() as log:
            await web.browser.post(
                "/api/v1/auth/sms-code/verify", json={"phone": ANA, "code": "0" * 6}
            )
            tokens = (await web.sign_in(ANA)).json()
            await web.browser.post(
                "/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
            )
            await web.browser.post(
                "/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
            )
            token = await web.texted_link(ANA)
            await web.browser.get(f"/api/v1/auth/link/{token}")
            csrf = web.browser.cookies["nudge_csrf"]
            await web.browser.post(f"/api/v1/auth/link/{token}", data={"csrf_token": csrf})
            await web.browser.post("/api/v1/auth/sign-out", headers={"X-CSRF-Token": csrf})
            clock.advance(days=9)
            await web.services.scheduler.run_once()  # the purge
        assert _misplaced(log) == []
        assert log.tables_written_by("nudge.accounts.") >= ACCOUNT_TABLES

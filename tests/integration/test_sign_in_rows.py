"""The sign-in rows themselves: a secret's tries, the purge, and a person's export and erasure."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from nudge.accounts import one_time
from nudge.accounts.purge import PurgeJob
from nudge.bootstrap import Services
from nudge.clock import FakeClock
from nudge.features.users import service as users
from nudge.features.users.export import erase_user, export_user
from nudge.outbox.retire import REMOVED
from nudge.store.account_tables import (
    AuthSession,
    RefreshToken,
    SecretPurpose,
    SignInAttempt,
    SignInSecret,
)
from nudge.store.states import OutboxStatus
from nudge.store.tables import Outbox
from tests.integration.sign_in_web import ANA, sign_in_web
from tests.phone import TestPhone
from tests.web_auth import sign_in_as

VERIFY = "/api/v1/auth/sms-code/verify"


async def _person(services: Services) -> int:
    async with services.db.transaction() as session:
        user, _ = await users.get_or_create(
            session, phone=ANA, now=services.clock.now(), timezone="UTC", locale="en"
        )
        return user.id


async def _rows(services: Services, model: object) -> int:
    async with services.db.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)  # type: ignore[arg-type]


async def test_a_secret_dies_at_its_fifth_wrong_try(services: Services) -> None:
    user_id, now = await _person(services), services.clock.now()
    async with services.db.transaction() as session:
        await one_time.issue(
            session, user_id=user_id, purpose=SecretPurpose.CODE, secret="123456",
            ttl=timedelta(minutes=10), now=now,
        )  # fmt: skip
    for tries in range(1, 6):
        async with services.db.transaction() as session:
            row = await one_time.newest_live(
                session, user_id=user_id, purpose=SecretPurpose.CODE, now=now
            )
            assert row is not None, tries
            assert not one_time.matches(row, "654321")
            one_time.miss(row)
    async with services.db.transaction() as session:
        dead = await one_time.newest_live(
            session, user_id=user_id, purpose=SecretPurpose.CODE, now=now
        )
        stored = await session.scalar(select(SignInSecret.digest))
    assert dead is None  # the right code no longer finds it
    assert stored == one_time.digest("123456") != "123456"  # only the hash is kept


async def test_the_purge_forgets_what_expired_a_day_ago(
    services: Services, clock: FakeClock
) -> None:
    user_id = await _person(services)
    job = PurgeJob(services.db)
    phone = TestPhone(services, ANA)
    await phone.ask("login")
    await sign_in_as(services, user_id)
    async with services.db.transaction() as session:
        session.add(SignInAttempt(kind="failed", phone=ANA, network=None, created_at=clock.now()))
    await job(clock.now(), 100)
    assert await _rows(services, SignInSecret) == 1  # nothing is old yet
    clock.advance(days=8, minutes=1)
    await job(clock.now(), 100)
    for model in (SignInSecret, SignInAttempt, AuthSession, RefreshToken):
        assert await _rows(services, model) == 0, model


async def test_the_purge_runs_every_ten_minutes_not_every_pass(
    services: Services, clock: FakeClock
) -> None:
    await _person(services)
    job = PurgeJob(services.db)
    await job(clock.now(), 100)
    async with services.db.transaction() as session:
        old = clock.now() - timedelta(days=2)
        session.add(SignInAttempt(kind="failed", phone=ANA, network=None, created_at=old))
    clock.advance(minutes=9)
    await job(clock.now(), 100)
    assert await _rows(services, SignInAttempt) == 1
    clock.advance(minutes=1)
    await job(clock.now(), 100)
    assert await _rows(services, SignInAttempt) == 0


async def test_a_person_s_sign_in_rows_are_exported_without_hashes_and_erased(
    database_url: str, clock: FakeClock
) -> None:
    async with sign_in_web(database_url, clock) as web:
        await web.person(ANA)
        assert (await web.sign_in(ANA)).status_code == 200
        await web.texted_link(ANA)
        await web.browser.post(VERIFY, json={"phone": ANA, "code": "000000"})
        async with web.services.db.transaction() as session:
            exported = await export_user(session, phone=ANA)
        assert exported is not None
        assert [row["method"] for row in exported["auth_sessions"]] == ["sms_code"]
        purposes = sorted(row["purpose"] for row in exported["sign_in_secrets"])
        assert purposes == ["code", "link"]
        assert all("digest" not in row for row in exported["sign_in_secrets"])
        kinds = {row["kind"] for row in exported["sign_in_attempts"]}
        assert kinds == {"code_requested", "failed"}
        async with web.services.db.transaction() as session:
            assert await erase_user(session, phone=ANA)
        for model in (SignInSecret, SignInAttempt, AuthSession, RefreshToken):
            assert await _rows(web.services, model) == 0, model


async def _bodies(services: Services) -> list[tuple[str, str]]:
    async with services.db.sessions() as session:
        rows = await session.execute(select(Outbox.kind, Outbox.body).order_by(Outbox.id))
        return [(kind, body) for kind, body in rows]


async def test_a_texted_code_or_link_leaves_the_outbox_once_expired(
    database_url: str, clock: FakeClock
) -> None:
    async with sign_in_web(database_url, clock) as web:
        await web.person(ANA)
        code = await web.texted_code(ANA)
        token = await web.texted_link(ANA)
        await web.services.scheduler.run_once()  # the purge job: nothing expired yet
        bodies = await _bodies(web.services)
        assert [kind for kind, _ in bodies] == ["reply", "sign_in", "sign_in"]
        assert code in bodies[1][1]
        assert token in bodies[2][1]
        clock.advance(minutes=10, seconds=1)
        await web.services.scheduler.run_once()
        assert [body for _, body in await _bodies(web.services)][1:] == [REMOVED, REMOVED]
        async with web.services.db.sessions() as session:
            exported = await export_user(session, phone=ANA)
        outbox = exported["outbox"] if exported is not None else []
        assert code not in str(outbox)
        assert token not in str(outbox)


async def test_a_code_still_unsent_when_it_expires_is_cancelled(
    database_url: str, clock: FakeClock
) -> None:
    async with sign_in_web(database_url, clock) as web:
        await web.person(ANA)
        await web.browser.post("/api/v1/auth/sms-code", json={"phone": ANA})  # no delivery
        clock.advance(minutes=11)
        await PurgeJob(web.services.db)(clock.now(), 100)
        async with web.services.db.sessions() as session:
            row = await session.scalar(select(Outbox).where(Outbox.kind == "sign_in"))
        assert row is not None
        assert (row.status, row.body) == (OutboxStatus.CANCELLED, REMOVED)
        assert await web.phone(ANA).inbox() == []

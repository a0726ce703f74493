"""Secrets at rest across a key rotation, on SQLite and PostgreSQL.

Values sealed with the server's own key (nothing configured) or an old configured key stay
readable while ``rotate`` re-seals them batch by batch under the new first key; after it the
old key can go, and running it again changes nothing. ``nudge rotate-keys`` reports counts.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pyotp
from sqlalchemy import select

from nudge.accounts.totp import TotpFactors
from nudge.bootstrap import Services, build
from nudge.clock import FakeClock
from nudge.crypto.keyring import key_id_of, new_key
from nudge.crypto.rotation import rotate
from nudge.crypto.secret_keys import KEPT_NAME, SecretKeys
from nudge.store.account_tables import ServerSecret, TotpFactor
from nudge.store.migrate import upgrade
from tests.conftest import _clean, make_settings
from tests.e2e.server import nudge_env, run_nudge
from tests.integration.account_web import person

OLD, NEW = new_key("old2026"), new_key("new2027")


async def _enrol(services: Services, keys: SecretKeys, phone: str) -> tuple[int, pyotp.TOTP]:
    user_id, now = await person(services, phone), services.clock.now()
    factors = TotpFactors(keys)
    async with services.db.transaction() as session:
        made = await factors.start(session, user_id=user_id, now=now)
    totp = pyotp.TOTP(made.secret)
    async with services.db.transaction() as session:
        assert await factors.confirm(session, user_id=user_id, code=totp.at(now), now=now)
    return user_id, totp


async def _key_ids(services: Services) -> list[str]:
    async with services.db.transaction() as session:
        sealed = await session.scalars(select(TotpFactor.secret).order_by(TotpFactor.user_id))
        return [key_id_of(value) for value in sealed]


async def _passes(services: Services, keys: SecretKeys, user_id: int, totp: pyotp.TOTP) -> bool:
    clock = services.clock
    assert isinstance(clock, FakeClock)
    clock.advance(seconds=30)
    async with services.db.transaction() as session:
        return await TotpFactors(keys).verify(
            session, user_id=user_id, code=totp.at(clock.now()), now=clock.now()
        )


async def test_configured_keys_take_over_from_the_servers_own(services: Services) -> None:
    people = [await _enrol(services, services.secret_keys, f"+1514555010{n}") for n in range(3)]
    assert await _key_ids(services) == ["kept"] * 3
    configured = SecretKeys(NEW)
    assert await _passes(services, configured, *people[0])  # the kept key still opens
    report = await rotate(services.db, configured, now=services.clock.now(), batch_size=2)
    assert (report.primary, report.rotated, report.kept_key_dropped) == ("new2027", 3, True)
    assert await _key_ids(services) == ["new2027"] * 3
    async with services.db.transaction() as session:
        assert await session.get(ServerSecret, KEPT_NAME) is None
    only_new = SecretKeys(NEW)
    for user_id, totp in people:
        assert await _passes(services, only_new, user_id, totp)


async def test_an_old_key_can_go_after_rotation_and_a_rerun_does_nothing(
    services: Services,
) -> None:
    old = SecretKeys(OLD)
    people = [await _enrol(services, old, f"+1514555020{n}") for n in range(3)]
    both = SecretKeys(f"{NEW},{OLD}")
    user_id, totp = await _enrol(services, both, "+15145550299")  # new values: the new key
    assert await _key_ids(services) == ["old2026"] * 3 + ["new2027"]
    first = await rotate(services.db, both, now=services.clock.now(), batch_size=1)
    (column,) = first.columns
    assert (column.column, column.rotated, column.current) == ("totp_factors.secret", 3, 1)
    again = await rotate(services.db, both, now=services.clock.now())
    assert (again.rotated, again.columns[0].current) == (0, 4)
    only_new = SecretKeys(NEW)
    for person_id, code in [*people, (user_id, totp)]:
        assert await _passes(services, only_new, person_id, code)


def test_the_rotate_keys_command_reports_what_it_did(
    database_url: str, clock: FakeClock, tmp_path: Path
) -> None:
    asyncio.run(_one_person_under_the_old_key(database_url, clock))
    env = nudge_env({"NUDGE_DATABASE_URL": database_url, "NUDGE_SECRET_KEYS": f"{NEW},{OLD}"})
    first = run_nudge("rotate-keys", env=env, cwd=tmp_path)
    assert "totp_factors.secret: 1 re-sealed, 0 already under 'new2027'" in first
    second = run_nudge("rotate-keys", "--batch-size", "5", env=env, cwd=tmp_path)
    assert "0 re-sealed, 1 already under 'new2027'" in second
    made = run_nudge("rotate-keys", "--generate-key", "spare", env=env, cwd=tmp_path)
    assert SecretKeys(made.strip()).configured


async def _one_person_under_the_old_key(database_url: str, clock: FakeClock) -> None:
    services = build(make_settings(database_url), clock=clock)
    await upgrade(services.db)
    await _clean(services)
    try:
        await _enrol(services, SecretKeys(OLD), "+15145550301")
    finally:
        await services.close()  # the command opens its own connections

"""The audit log: entries land on the person they concern, newest first, paged, no secrets."""

from __future__ import annotations

from datetime import timedelta

from nudge.accounts import audit
from nudge.accounts.audit import AuditAction
from nudge.bootstrap import Services
from nudge.features.users import service as users


async def _person(services: Services, phone: str) -> int:
    async with services.db.transaction() as session:
        user, _ = await users.get_or_create(
            session, phone=phone, now=services.clock.now(), timezone="UTC", locale="en"
        )
        return user.id


async def test_entries_are_the_persons_own_newest_first_and_paged(services: Services) -> None:
    ana, ben = await _person(services, "+15145550101"), await _person(services, "+15145550102")
    now = services.clock.now()
    async with services.db.transaction() as session:
        for minute, action in enumerate([AuditAction.SIGN_IN, AuditAction.MFA_ENABLED]):
            at = now + timedelta(minutes=minute)
            await audit.record(session, user_id=ana, action=action, now=at, method="sms")
        await audit.record(
            session, user_id=ben, action=AuditAction.ADMIN_VIEWED, now=now, actor=ana, page=None
        )
    async with services.db.transaction() as session:
        newest, oldest = await audit.entries(session, user_id=ana)
        (older,) = await audit.entries(session, user_id=ana, before_id=newest.id)
        (seen,) = await audit.entries(session, user_id=ben, limit=5)
    assert (newest.action, oldest.action) == ("mfa_enabled", "sign_in")
    assert older == oldest
    assert oldest.detail == {"method": "sms"}
    assert seen.detail == {"actor": ana}  # a None detail is left out

"""``/api/v1/admin/people/{id}``: one person's page for an admin, and their role.

Every read of a person's data here is written to that person's audit log (ADMIN_VIEWED,
with the admin's id, or "operator" for the service token) in the same transaction, so the
person sees who looked (``GET /api/v1/me/audit``). A role change is a Command through the
executor, run as the admin, and recorded here (ROLE_CHANGED, with the admin's id).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from nudge.accounts import audit
from nudge.accounts.audit import AuditAction
from nudge.admin import people
from nudge.admin.model_usage import MAX_DAYS
from nudge.commands import SetRole
from nudge.features.memory import views as memories
from nudge.features.users import views as users
from nudge.store.tables import MAX_ID
from nudge.web.api.v1.access import ANSWERS, ReadAdmin, WriteAdmin, viewed_by_admin
from nudge.web.api.v1.acting import act
from nudge.web.api.v1.admin_models import (
    PersonDetail,
    RoleChange,
    RoleIn,
    person_detail,
    person_out,
)
from nudge.web.api.v1.list_models import MemoryPage, memory_out
from nudge.web.api.v1.me import audit_page, usage_of
from nudge.web.api.v1.me_models import AuditPage, UsageOut
from nudge.web.api.v1.paging import Before, Limit, next_before
from nudge.web.deps import ServicesDep

router = APIRouter(prefix="/admin/people", tags=["admin"], responses=ANSWERS)
PersonId = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.get("/{person_id}", response_model=PersonDetail)
async def one(person_id: PersonId, principal: ReadAdmin, services: ServicesDep) -> PersonDetail:
    """A person, and how many reminders, todos, memories and messages they keep."""
    async with services.db.transaction() as session:
        found = await viewed_by_admin(
            session, principal, person_id=person_id, page="person", now=services.clock.now()
        )
        counts = await people.holdings(session, user_id=person_id)
    return person_detail(found, counts)


@router.put("/{person_id}/role", response_model=RoleChange)
async def set_role(
    person_id: PersonId, body: RoleIn, principal: WriteAdmin, services: ServicesDep
) -> RoleChange:
    """Give the person a role (never one's own); recorded in their audit log, with who."""
    async with services.db.transaction() as session:
        before = await users.person(session, user_id=person_id)
        command = SetRole(person_id, body.role)
        outcome = await act(session, services, user_id=principal.person_id, command=command)
        assert before is not None  # else the command said no_such_person
        await audit.record(
            session,
            user_id=person_id,
            action=AuditAction.ROLE_CHANGED,
            now=services.clock.now(),
            actor=principal.person_id,
            role=body.role,
            previous=before.role,
        )
        found = await users.person(session, user_id=person_id)
    assert found is not None  # the command just changed them
    return RoleChange(said=outcome.reply, person=person_out(found))


@router.get("/{person_id}/memories", response_model=MemoryPage)
async def person_memories(
    person_id: PersonId,
    principal: ReadAdmin,
    services: ServicesDep,
    limit: Limit = 50,
    before: Before = None,
) -> MemoryPage:
    """What Nudge remembers of the person, newest first."""
    async with services.db.transaction() as session:
        found = await viewed_by_admin(
            session, principal, person_id=person_id, page="memories", now=services.clock.now()
        )
        views = await memories.listed(session, user_id=person_id, limit=limit, before=before)
    tz = found.settings.timezone
    items = [memory_out(view, tz) for view in views]
    return MemoryPage(items=items, next_before=next_before([v.id for v in views], limit))


@router.get("/{person_id}/usage", response_model=UsageOut)
async def person_usage(
    person_id: PersonId,
    principal: ReadAdmin,
    services: ServicesDep,
    days: Annotated[int, Query(ge=1, le=MAX_DAYS)] = 7,
) -> UsageOut:
    """The person's model calls per local day of theirs."""
    async with services.db.transaction() as session:
        await viewed_by_admin(
            session, principal, person_id=person_id, page="usage", now=services.clock.now()
        )
        return await usage_of(session, services, person_id, days)


@router.get("/{person_id}/audit", response_model=AuditPage)
async def person_audit(
    person_id: PersonId,
    principal: ReadAdmin,
    services: ServicesDep,
    limit: Limit = 50,
    before: Before = None,
) -> AuditPage:
    """The person's audit log, newest first (this read included)."""
    async with services.db.transaction() as session:
        found = await viewed_by_admin(
            session, principal, person_id=person_id, page="audit", now=services.clock.now()
        )
        return await audit_page(session, person_id, found.settings.timezone, limit, before)

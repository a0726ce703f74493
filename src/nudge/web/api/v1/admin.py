"""``/api/v1/admin``: traffic, the outbox, the model's cost, and the list of people.

Admins (``admin:read``) and the operator's token read these; nothing here changes anything.
None of it is one person's data, so nothing is written to an audit log here (a person's own
pages, in ``admin_people.py``, are).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from nudge.admin import model_usage, people, traffic
from nudge.web.api.v1.access import ANSWERS, ReadAdmin
from nudge.web.api.v1.admin_models import (
    FailureOut,
    FailurePage,
    ModelDayOut,
    ModelUsageOut,
    OutboxOut,
    PersonPage,
    VolumeDay,
    Volumes,
    person_out,
)
from nudge.web.api.v1.paging import Before, Limit, next_before
from nudge.web.deps import ServicesDep

router = APIRouter(prefix="/admin", tags=["admin"], responses=ANSWERS)
Days = Annotated[int, Query(ge=1, le=traffic.MAX_DAYS, description="How many days to today.")]
Phone = Annotated[
    str | None, Query(pattern=r"^\+[1-9][0-9]{1,14}$", description="Find one by E.164 number.")
]


@router.get("/people", response_model=PersonPage)
async def listed(
    _principal: ReadAdmin,
    services: ServicesDep,
    phone: Phone = None,
    limit: Limit = 50,
    before: Before = None,
) -> PersonPage:
    """People, newest first; ``phone`` finds the one with that number."""
    async with services.db.sessions() as session:
        views = await people.people(session, limit=limit, before=before, phone=phone)
    cursor = next_before([view.id for view in views], limit)
    return PersonPage(items=[person_out(view) for view in views], next_before=cursor)


@router.get("/volumes", response_model=Volumes)
async def volumes(_principal: ReadAdmin, services: ServicesDep, days: Days = 7) -> Volumes:
    """Texts in and out per UTC day (out by kind), and how many people texted."""
    async with services.db.sessions() as session:
        found = await traffic.volumes(session, now=services.clock.now(), days=days)
    return Volumes(
        days=[
            VolumeDay(
                day=d.day.isoformat(), inbound=d.inbound, outbound=d.outbound, people=d.people
            )
            for d in found
        ]
    )


@router.get("/delivery-failures", response_model=FailurePage)
async def failures(
    _principal: ReadAdmin, services: ServicesDep, limit: Limit = 50, before: Before = None
) -> FailurePage:
    """SMS that failed for good or may have gone out, newest first (never their bodies)."""
    async with services.db.sessions() as session:
        found = await traffic.failures(session, limit=limit, before=before)
    items = [
        FailureOut(
            id=row.id,
            user_id=row.user_id,
            kind=row.kind,
            status=row.status,
            attempts=row.attempts,
            last_error=row.last_error,
            created=row.created_at.isoformat(),
            status_updated=row.status_updated_at.isoformat() if row.status_updated_at else None,
        )
        for row in found
    ]
    return FailurePage(items=items, next_before=next_before([row.id for row in found], limit))


@router.get("/outbox", response_model=OutboxOut)
async def outbox(_principal: ReadAdmin, services: ServicesDep) -> OutboxOut:
    """The outbox's depth: rows per status, and how late the oldest unsent due row is."""
    async with services.db.sessions() as session:
        depth = await traffic.outbox_depth(session, now=services.clock.now())
    return OutboxOut(
        by_status=depth.by_status,
        due_waiting=depth.due_waiting,
        oldest_due_age_seconds=depth.oldest_due_age_seconds,
    )


@router.get("/model-usage", response_model=ModelUsageOut)
async def usage(_principal: ReadAdmin, services: ServicesDep, days: Days = 7) -> ModelUsageOut:
    """The model's calls per UTC day and model, tokens, and their cost at the set prices."""
    settings = services.settings
    prices = model_usage.Prices(
        settings.llm_price_input_per_million,
        settings.llm_price_output_per_million,
        settings.llm_price_currency,
    )
    async with services.db.sessions() as session:
        found = await model_usage.usage(session, now=services.clock.now(), days=days, prices=prices)
    return ModelUsageOut(
        days=[
            ModelDayOut(
                day=d.day.isoformat(),
                provider=d.provider,
                model=d.model,
                calls=d.calls,
                input_tokens=d.input_tokens,
                output_tokens=d.output_tokens,
                cost=d.cost,
            )
            for d in found.days
        ],
        calls=found.calls,
        input_tokens=found.input_tokens,
        output_tokens=found.output_tokens,
        cost=found.cost,
        currency=found.currency,
    )

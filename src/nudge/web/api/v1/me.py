"""``/api/v1/me``: the person asking, their settings, their audit log and usage; and undo."""

from __future__ import annotations

from datetime import time
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fastapi import APIRouter, Query
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.accounts import audit
from nudge.admin.model_usage import MAX_DAYS, person_usage
from nudge.bootstrap import Services
from nudge.commands import Command, SetBriefing, SetLanguage, SetQuietHours, SetTimezone, Undo
from nudge.features.users import views as users
from nudge.store.tables import User
from nudge.texts.catalog import render
from nudge.web.api.v1.access import ANSWERS, ReadOwn, ReadUsage, WriteOwn, person
from nudge.web.api.v1.acting import act
from nudge.web.api.v1.me_models import (
    AuditOut,
    AuditPage,
    MeOut,
    SettingsChange,
    SettingsOut,
    SettingsPatch,
    UndoOut,
    UsageOut,
    me_out,
    settings_out,
)
from nudge.web.api.v1.moments import moment
from nudge.web.api.v1.paging import Before, Limit, next_before
from nudge.web.deps import ServicesDep
from nudge.web.errors import ApiError

router = APIRouter(prefix="", tags=["me"], responses=ANSWERS)


@router.get("/me", response_model=MeOut)
async def me(principal: ReadOwn, services: ServicesDep) -> MeOut:
    """Who is asking: phone, role, the scopes it grants, settings."""
    async with services.db.sessions() as session:
        found = await person(session, principal)
    return me_out(found, frozenset(scope.value for scope in principal.scopes))


@router.get("/me/settings", response_model=SettingsOut)
async def settings(principal: ReadOwn, services: ServicesDep) -> SettingsOut:
    """Time zone, language, quiet hours, the morning briefing and the evening check-in."""
    async with services.db.sessions() as session:
        found = await person(session, principal)
    return settings_out(found.settings)


@router.patch("/me/settings", response_model=SettingsChange)
async def change_settings(
    body: SettingsPatch, principal: WriteOwn, services: ServicesDep
) -> SettingsChange:
    """Change some settings, each as the SMS command would (a zone keeps local times)."""
    async with services.db.transaction() as session:
        found = await person(session, principal)
        said = [
            (await act(session, services, user_id=found.id, command=command)).reply
            for command in _commands(body, found.settings.locale)
        ]
        after = await users.settings_of(session, user_id=found.id)
    assert after is not None
    return SettingsChange(said=said, settings=settings_out(after))


@router.get("/me/audit", response_model=AuditPage)
async def my_audit(
    principal: ReadOwn, services: ServicesDep, limit: Limit = 50, before: Before = None
) -> AuditPage:
    """The person's audit log, newest first: sign-ins, exports, role changes, admins' reads."""
    async with services.db.sessions() as session:
        found = await person(session, principal)
        return await audit_page(session, found.id, found.settings.timezone, limit, before)


@router.get("/me/usage", response_model=UsageOut)
async def my_usage(
    principal: ReadUsage,
    services: ServicesDep,
    days: Annotated[int, Query(ge=1, le=MAX_DAYS)] = 7,
) -> UsageOut:
    """The person's model calls per local day (premium and admin)."""
    async with services.db.sessions() as session:
        return await usage_of(session, services, principal.person_id, days)


@router.post("/undo", response_model=UndoOut)
async def undo(principal: WriteOwn, services: ServicesDep) -> UndoOut:
    """Undo the last change, made here, on the dashboard or by SMS (the same as texting "undo")."""
    async with services.db.transaction() as session:
        outcome = await act(session, services, user_id=principal.person_id, command=Undo())
    return UndoOut(said=outcome.reply, undone=outcome.problem is None)


async def audit_page(
    session: AsyncSession, user_id: int, tz: str, limit: int, before: int | None
) -> AuditPage:
    """A page of a person's audit log, times in their zone."""
    entries = await audit.entries(session, user_id=user_id, limit=limit, before_id=before)
    items = [
        AuditOut(id=e.id, action=e.action, detail=e.detail, at=moment(e.created_at, tz))
        for e in entries
    ]
    return AuditPage(items=items, next_before=next_before([e.id for e in entries], limit))


async def usage_of(session: AsyncSession, services: Services, user_id: int, days: int) -> UsageOut:
    """A person's model calls per local day of theirs."""
    user = await session.get(User, user_id)
    if user is None:
        raise ApiError(401, "unauthenticated", "sign in again")
    report = await person_usage(session, user=user, now=services.clock.now(), days=days)
    return UsageOut.model_validate({"timezone": user.timezone, "days": report})


def _commands(body: SettingsPatch, locale: str) -> list[Command]:
    """The SMS commands the change is made of: language first, so what follows speaks it."""
    given = body.model_fields_set
    commands: list[Command] = []
    if body.language is not None:
        commands.append(SetLanguage(body.language))
    if body.timezone is not None:
        commands.append(SetTimezone(_zone(body.timezone, body.language or locale)))
    if "quiet_hours" in given:
        quiet = body.quiet_hours
        start, end = (
            (time.fromisoformat(quiet.start), time.fromisoformat(quiet.end))
            if quiet
            else (None, None)
        )
        commands.append(SetQuietHours(start, end))
    for kind, field in (("morning", "morning_briefing"), ("evening", "evening_checkin")):
        if field in given:
            value = getattr(body, field)
            commands.append(SetBriefing(kind, time.fromisoformat(value) if value else None))  # type: ignore[arg-type]
    return commands


def _zone(name: str, locale: str) -> str:
    """An IANA zone this server knows, or the 422 that says so."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ApiError(422, "invalid_timezone", render(locale, "invalid_timezone")) from error
    return name

"""``/api/v1/me/export`` and ``/api/v1/me/erase``: the person's GDPR rights, by themselves.

The export is every row about the person (``features/users/export.py``, the one the CLI
uses), their audit log included, and is itself recorded there (EXPORTED). Erasing needs the
person's phone number typed back, then deletes every row of theirs, the audit log too; what
remains is one ERASED entry with no person (``user_id`` NULL) and nothing that names them:
only that an erasure was asked by the person and when, for the operator's records.
"""

from __future__ import annotations

from typing import Annotated, Any, Final

from fastapi import APIRouter, Body, Response
from pydantic import BaseModel, ConfigDict, Field

from nudge.accounts import audit
from nudge.accounts.audit import AuditAction
from nudge.channels.phones import InvalidPhoneError, normalize_phone
from nudge.features.users.export import erase_user, export_user
from nudge.texts.catalog import render
from nudge.web.api.v1.access import ANSWERS, ReadOwn, WriteOwn, person
from nudge.web.deps import ServicesDep
from nudge.web.errors import ApiError, AsciiJSONResponse

router = APIRouter(prefix="/me", tags=["privacy"], responses=ANSWERS)
DOWNLOAD: Final = {"Content-Disposition": 'attachment; filename="nudge-export.json"'}


class Erase(BaseModel):
    """The person's own phone number, typed back: erasing cannot be undone."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"confirm": "+15145550199"}]}
    )

    confirm: str = Field(min_length=1, max_length=32, pattern=r"^[0-9+()\-. ]+$")


@router.get(
    "/export",
    response_class=AsciiJSONResponse,
    responses={
        200: {
            "description": "Every row about the person, as a JSON download.",
            "content": {"application/json": {"schema": {"type": "object"}}},
        }
    },
)
async def export(principal: ReadOwn, services: ServicesDep) -> AsciiJSONResponse:
    """Everything Nudge keeps about the person (GDPR access), as a JSON file."""
    async with services.db.transaction() as session:
        me = await person(session, principal)
        await audit.record(
            session, user_id=me.id, action=AuditAction.EXPORTED, now=services.clock.now()
        )
        data: dict[str, Any] | None = await export_user(session, phone=me.phone)
    return AsciiJSONResponse(data or {}, headers=DOWNLOAD)


@router.post(
    "/erase",
    status_code=204,
    response_class=Response,
    responses={204: {"description": "Erased: every row of the person's is gone."}},
)
async def erase(
    body: Annotated[Erase, Body()], principal: WriteOwn, services: ServicesDep
) -> Response:
    """Erase the person and everything of theirs (GDPR erasure); their token stops working."""
    async with services.db.transaction() as session:
        me = await person(session, principal)
        if _number(body.confirm) != me.phone:
            raise ApiError(422, "confirm_mismatch", render(me.settings.locale, "confirm_mismatch"))
        await erase_user(session, phone=me.phone)
        await audit.record(
            session, user_id=None, action=AuditAction.ERASED, now=services.clock.now(), by="self"
        )
    return Response(status_code=204)


def _number(typed: str) -> str | None:
    try:
        return normalize_phone(typed)
    except InvalidPhoneError:
        return None

"""Who may call a route (a scope, from ``accounts/roles.py``), and the person it is about.

A route names the scope it needs; the RBAC matrix says which roles hold it. The person a
route reads is always the caller (``Principal.person_id``, 403 for the operator), or, on
the admin routes, the person named in the path, with the admin's read in their audit log.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Final

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.accounts import audit
from nudge.accounts.audit import AuditAction
from nudge.accounts.roles import Scope
from nudge.features.users import views as users
from nudge.texts.catalog import render
from nudge.web.auth.principal import Principal, require
from nudge.web.errors import ApiError
from nudge.web.routes.openapi_docs import Problem

ReadOwn = Annotated[Principal, Depends(require(Scope.OWN_READ))]
WriteOwn = Annotated[Principal, Depends(require(Scope.OWN_WRITE))]
ReadUsage = Annotated[Principal, Depends(require(Scope.USAGE_READ))]
ReadAdmin = Annotated[Principal, Depends(require(Scope.ADMIN_READ))]
WriteAdmin = Annotated[Principal, Depends(require(Scope.ADMIN_WRITE))]

ANSWERS: Final[dict[int | str, dict[str, Any]]] = {
    400: {"description": "A body that is not JSON.", "model": Problem},
    401: {"description": "No token, or an expired or forged one.", "model": Problem},
    403: {"description": "The token's role lacks this route's scope.", "model": Problem},
    404: {"description": "No such thing of this person's (or no such path).", "model": Problem},
    409: {"description": "Not possible in the thing's present state.", "model": Problem},
}  # and 422 where a route takes input (FastAPI's, described as ours by openapi_docs)


async def person(session: AsyncSession, principal: Principal) -> users.PersonView:
    """The person asking (401 when their account is gone since the token was checked)."""
    found = await users.person(session, user_id=principal.person_id)
    if found is None:
        raise ApiError(401, "unauthenticated", "sign in again")
    return found


async def viewed_by_admin(
    session: AsyncSession, principal: Principal, *, person_id: int, page: str, now: datetime
) -> users.PersonView:
    """Person ``person_id`` (404 if none), their audit log noting who of the admins read what."""
    found = await users.person(session, user_id=person_id)
    if found is None:
        raise ApiError(404, "no_such_person", render("en", "no_such_person"))
    actor: int | str = principal.user_id if principal.user_id is not None else "operator"
    await audit.record(
        session, user_id=person_id, action=AuditAction.ADMIN_VIEWED, now=now, actor=actor, page=page
    )
    return found


def say(locale: str, key: str, **values: object) -> str:
    """A message from the person's catalog, for an error the API itself raises."""
    return render(locale, key, **values)

"""Who is looking at the dashboard: the principal of ``require(scope)`` and their settings.

The API answers a missing or expired token with a JSON 401; a person in a browser should
land on the sign-in page instead, and a person without the scope on a kind "not for you"
page. So the pages ask ``viewer(scope)``: the same ``current_principal`` and the same
``require(scope)`` check as every route, with the refusal raised as ``Refused`` for the
dashboard's own handler (``pages/errors.py``) to answer in HTML.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi import HTTPException, Request
from sqlalchemy import select

from nudge.accounts.roles import Scope
from nudge.store.tables import User
from nudge.web.auth.csrf import csrf_passes
from nudge.web.auth.principal import ACCESS_COOKIE, Principal, current_principal, require
from nudge.web.dashboard.texts import known
from nudge.web.deps import ServicesDep


class Refused(Exception):  # noqa: N818 - a refusal, not an error of ours
    """The dashboard's caller may not do this: 401 (sign in), 403, or a form without CSRF."""

    def __init__(self, status: int, *, stale_form: bool = False) -> None:
        super().__init__(status)
        self.status, self.stale_form = status, stale_form


@dataclass(frozen=True, slots=True)
class Viewer:
    """The signed-in person, with what every page needs to speak to them."""

    principal: Principal
    user_id: int
    locale: str
    timezone: str

    @property
    def is_admin(self) -> bool:
        """Whether the admin console is theirs to see (the nav shows it only then)."""
        return Scope.ADMIN_READ in self.principal.scopes


def viewer(scope: Scope) -> Callable[[Request, ServicesDep], Awaitable[Viewer]]:
    """A dependency: the signed-in person holding ``scope``, else ``Refused``."""
    check = require(scope)

    async def signed_in(request: Request, services: ServicesDep) -> Viewer:
        if _by_cookie(request) and not await csrf_passes(request):
            raise Refused(403, stale_form=True)  # told apart: "reload the page", not "not yours"
        try:
            principal = await check(await current_principal(request, services))
            user_id = principal.person_id  # the operator's credential is no one here
        except HTTPException as refusal:
            raise Refused(refusal.status_code) from refusal
        async with services.db.transaction() as session:
            row = (
                await session.execute(select(User.locale, User.timezone).where(User.id == user_id))
            ).one()
        return Viewer(principal, user_id, known(row.locale), row.timezone)

    return signed_in


def _by_cookie(request: Request) -> bool:
    """Whether the request is signed by the access cookie (a browser), not a bearer token."""
    return "Authorization" not in request.headers and ACCESS_COOKIE in request.cookies

"""Refusals of the account pages, in the person's language: a code and a kind sentence.

The services say what went wrong with a code (``password_common``, ``code_wrong``…); the
sentence comes from the catalogs' ``[account]`` section in the person's own locale, so the
dashboard shows it as is and a client can still branch on the code.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from fastapi import HTTPException
from pydantic import BaseModel
from sqlalchemy import select

from nudge.bootstrap import Services
from nudge.store.tables import User
from nudge.texts.catalog import catalog
from nudge.web.routes.openapi_docs import Problem


class ProblemText(BaseModel):
    """One reason, as a code and its sentence."""

    code: str
    message: str


class AccountRefusal(ProblemText):
    """Why the request was refused, and for a weak password every way it falls short."""

    problems: list[ProblemText] = []


class AccountProblem(BaseModel):
    """A refusal: the page's own, or the framework's sentence (a bad token, a body not JSON)."""

    detail: AccountRefusal | str


PERSON_FAILURES: Final[dict[int | str, dict[str, Any]]] = {
    401: {"description": "No valid access token.", "model": Problem},
    403: {
        "description": "Not a person's token, not allowed, or no proof.",
        "model": AccountProblem,
    },
}


def refusals(**described: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for the given statuses (``_409="…"``), each an AccountProblem."""
    return {int(key[1:]): {"description": text, "model": AccountProblem}
            for key, text in described.items()}  # fmt: skip


async def refusal(
    services: Services, *, user_id: int, status: int, code: str, problems: Iterable[str] = ()
) -> HTTPException:
    """The HTTP error for ``code`` (and ``problems``), worded in the person's locale."""
    async with services.db.transaction() as session:
        locale = await session.scalar(select(User.locale).where(User.id == user_id))
    texts: dict[str, str] = catalog(locale or "en")["account"]
    body = AccountRefusal(
        code=code,
        message=texts[code],
        problems=[ProblemText(code=item, message=texts[item]) for item in problems],
    )
    return HTTPException(status_code=status, detail=body.model_dump())

"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from nudge.store.migrate import current_revision, head_revision
from nudge.web.deps import ServicesDep

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """The process is up and serving."""
    return {"status": "ok"}


@router.get(
    "/readyz",
    response_class=JSONResponse,
    responses={
        200: {"description": "Ready: the database answers, its schema is current."},
        503: {"description": "Not ready: the database is unreachable or behind."},
    },
)
async def readyz(services: ServicesDep) -> JSONResponse:
    """The database answers and its schema is this code's newest migration."""
    try:
        async with services.db.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        revision = await current_revision(services.db)
    except Exception as error:  # any driver error means "not ready"
        failure = {"status": "unavailable", "database": "unreachable"}
        return JSONResponse({**failure, "error": type(error).__name__}, status_code=503)
    head = head_revision()
    ready = revision == head
    body: dict[str, str | None] = {
        "status": "ok" if ready else "unavailable",
        "database": "ok",
        "migrations": "current" if ready else "pending",
        "revision": revision,
        "head": head,
    }
    return JSONResponse(body, status_code=200 if ready else 503)

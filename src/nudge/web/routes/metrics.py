"""``/metrics``: the Prometheus exposition; not public (Nginx refuses it, a token may guard it)."""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Request, Response

from nudge.observability.collectors import render
from nudge.web.deps import ServicesDep

router = APIRouter(tags=["metrics"])


def _authorized(request: Request, token: str) -> bool:
    if not token:
        return True
    given = request.headers.get("Authorization", "")
    return hmac.compare_digest(given.encode(), f"Bearer {token}".encode())


@router.get("/metrics", include_in_schema=False)
async def metrics(request: Request, services: ServicesDep) -> Response:
    """Every Nudge metric, with the outbox and pool gauges read now."""
    if not _authorized(request, services.settings.metrics_token.get_secret_value()):
        return Response(status_code=401, headers={"WWW-Authenticate": "Bearer"})
    body, content_type = await render(services.db, services.clock.now())
    return Response(body, media_type=content_type)

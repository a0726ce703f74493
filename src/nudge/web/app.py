"""The FastAPI application: webhooks, simulator, probes; optionally the workers too."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from nudge import __version__
from nudge.bootstrap import Services
from nudge.observability.http import MetricsMiddleware
from nudge.observability.tracing import TraceMiddleware
from nudge.store.migrate import upgrade
from nudge.web import dashboard
from nudge.web.api import v1 as api_v1
from nudge.web.body_limit import BodyLimitMiddleware
from nudge.web.errors import ApiError, api_error, http_error, validation_error
from nudge.web.routes import (
    auth,
    auth_link,
    health,
    metrics,
    mfa,
    passkeys,
    password,
    simulator,
    twilio,
)
from nudge.web.routes.openapi_docs import TOO_LARGE, described_validation


def create_app(services: Services, *, run_workers: bool = True, migrate: bool = False) -> FastAPI:
    """Build the app around ready ``services``; the lifespan starts and stops the workers."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if migrate:
            await upgrade(services.db)
        if run_workers:
            services.start_workers()
        try:
            yield
        finally:
            await services.close()

    docs = services.settings.api_docs
    app = FastAPI(
        title="Nudge",
        version=__version__,
        lifespan=lifespan,
        # A trailing-slash redirect would be built from the Host header (an open redirect,
        # before authentication): a path is either ours exactly or 404.
        redirect_slashes=False,
        docs_url="/docs" if docs else None,
        redoc_url="/redoc" if docs else None,
        openapi_url="/openapi.json" if docs else None,
        responses=TOO_LARGE,  # BodyLimitMiddleware answers it before any route
    )
    app.state.services = services
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.include_router(health.router)
    app.include_router(twilio.router)
    app.include_router(auth.router)  # sign-in, sessions (docs/accounts.md)
    app.include_router(auth_link.router)
    for account in (password.router, mfa.router, passkeys.router, passkeys.sign_in_router):
        app.include_router(account)
    app.include_router(api_v1.router())  # the REST API (docs/api.md)
    dashboard.install(app)  # /app: the person's pages and the admin console
    if services.settings.metrics_enabled:
        app.include_router(metrics.router)
    app.add_middleware(BodyLimitMiddleware, limit=services.settings.max_body_bytes)
    app.add_middleware(MetricsMiddleware)
    app.add_middleware(TraceMiddleware)
    if services.settings.simulator_active:
        app.include_router(simulator.router)
    _describe_validation(app)
    return app


def _describe_validation(app: FastAPI) -> None:
    """The schema's 422 is the body ``web/errors.py`` writes (built once, when first asked)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        return app.openapi_schema or described_validation(build())

    app.openapi = openapi  # type: ignore[method-assign]

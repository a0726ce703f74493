"""FastAPI dependencies: the Services built at startup, read from ``app.state``."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from nudge.bootstrap import Services


async def get_services(request: Request) -> Services:
    """The process's Services (a coroutine: FastAPI runs a plain function in a thread)."""
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]

"""FastAPI dependencies: the Services built at startup, read from ``app.state``."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from nudge.bootstrap import Services


def get_services(request: Request) -> Services:
    """The process's Services."""
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]

"""Fixtures shared by the integration tests that drive the production web stack."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from nudge.bootstrap import Services
from nudge.clock import FakeClock
from tests.integration.api_world import World, world
from tests.integration.production_web import production_web


@pytest.fixture
async def production(
    database_url: str, clock: FakeClock
) -> AsyncIterator[tuple[Services, httpx.AsyncClient]]:
    """The web app as production runs it (``production_web``), and a client for it."""
    async with production_web(database_url, clock) as served:
        yield served


@pytest.fixture
async def api(database_url: str, clock: FakeClock) -> AsyncIterator[World]:
    """The app with Ana, Ben (users) and Ada (an admin) signed in, and the operator's token."""
    async with world(database_url, clock) as served:
        yield served

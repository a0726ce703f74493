"""Fixtures for adapter contract tests: a loopback fake Twilio and a real httpx client."""

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from tests.fakes.twilio_server import FakeTwilio


@pytest.fixture
def fake_twilio() -> Iterator[FakeTwilio]:
    """Twilio's Messages API on 127.0.0.1, fresh for each test."""
    with FakeTwilio() as fake:
        yield fake


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    """The client the sender gets in production, with a short timeout for the tests."""
    async with httpx.AsyncClient(timeout=httpx.Timeout(1.0)) as client:
        yield client

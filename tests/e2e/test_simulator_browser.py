"""The /simulator page in a real browser (Debian's Chromium driven by Playwright)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from tests.e2e.server import NudgeServer, free_port, nudge_env

pytestmark = pytest.mark.e2e
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser_page() -> Iterator[Page]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("NUDGE_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required (NUDGE_REQUIRE_BROWSER=1) but not installed")
        pytest.skip("Debian chromium is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser.new_page()
        finally:
            browser.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[NudgeServer]:
    port = free_port()
    env = nudge_env(
        {
            "NUDGE_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/nudge.db",
            "NUDGE_PUBLIC_URL": f"http://127.0.0.1:{port}",
        }
    )
    running = NudgeServer(env, tmp_path, port)
    yield running
    running.stop()


def test_text_from_the_page_and_see_the_reply(server: NudgeServer, browser_page: Page) -> None:
    page = browser_page
    page.goto(f"{server.url}/simulator")
    page.fill("#phone", "+1 514 555 0002")
    page.click("#switch")
    page.fill("#body", "remind me to drink water in 30 min")
    page.press("#body", "Enter")
    reply = page.locator(".bubble.in").first
    reply.wait_for(timeout=10_000)
    assert reply.inner_text().startswith("OK - today ")
    assert reply.inner_text().endswith(": drink water")
    assert page.locator(".bubble.out").first.inner_text() == ("remind me to drink water in 30 min")
    page.fill("#phone", "12")
    page.click("#switch")
    page.fill("#body", "hello")
    page.press("#body", "Enter")
    page.locator("#error").filter(has_text="phone number").wait_for(timeout=5_000)

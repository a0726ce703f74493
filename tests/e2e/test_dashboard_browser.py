"""The dashboard in a real browser (Debian's Chromium driven by Playwright).

A person texts Nudge, opens the dashboard signed in, and uses it as they would: every page
is checked with axe-core (no serious or critical violation), watched for CSP refusals, and
photographed at a phone's size and a desktop's (``tests/e2e/artifacts/``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, sync_playwright

from tests.e2e.accessibility import assert_accessible
from tests.e2e.artifacts import SIZES, screenshots
from tests.e2e.dashboard_session import PolicyWatch, sign_in_cookie, text_nudge
from tests.e2e.server import NudgeServer, free_port, nudge_env
from tests.e2e.test_simulator_browser import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.e2e
PHONE = "+15145550177"


@pytest.fixture
def database_file(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path}/nudge.db"


@pytest.fixture
def server(tmp_path: Path, database_file: str) -> Iterator[NudgeServer]:
    port = free_port()
    env = nudge_env(
        {"NUDGE_DATABASE_URL": database_file, "NUDGE_PUBLIC_URL": f"http://127.0.0.1:{port}"}
    )
    running = NudgeServer(env, tmp_path, port)
    yield running
    running.stop()


@pytest.fixture
def context() -> Iterator[BrowserContext]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("NUDGE_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required (NUDGE_REQUIRE_BROWSER=1) but not installed")
        pytest.skip("Debian chromium is not installed")
    width, height = SIZES["phone"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser.new_context(viewport={"width": width, "height": height})
        finally:
            browser.close()


@pytest.fixture
def watch() -> PolicyWatch:
    return PolicyWatch()


@pytest.fixture
def page(context: BrowserContext, watch: PolicyWatch) -> Page:
    opened = context.new_page()
    opened.on("console", watch)
    return opened


def test_the_sign_in_page_reads_well_in_both_languages(
    server: NudgeServer, page: Page, watch: PolicyWatch
) -> None:
    page.goto(f"{server.url}/app")
    assert page.url.endswith("/app/sign-in")
    assert_accessible(page)
    screenshots(page, "sign-in-en")
    page.get_by_role("link", name="Français").click()
    page.get_by_role("heading", name="Connexion").wait_for()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert_accessible(page)
    screenshots(page, "sign-in-fr")
    assert watch.refused == []


def test_a_signed_in_person_sees_today(
    server: NudgeServer, context: BrowserContext, page: Page, watch: PolicyWatch, database_file: str
) -> None:
    text_nudge(server, PHONE, "hello")
    sign_in_cookie(context, server, database_file, PHONE)
    page.goto(f"{server.url}/app")
    page.get_by_role("heading", name="Today").wait_for()
    assert_accessible(page)
    screenshots(page, "today-en")
    assert watch.refused == []

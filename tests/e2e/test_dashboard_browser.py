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
from tests.e2e.dashboard_session import (
    PolicyWatch,
    make_admin,
    sign_in_by_text,
    sign_in_cookie,
    text_nudge,
)
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


def _checked(page: Page, name: str) -> None:
    """The page as it is: no serious or critical axe violation, and its screenshots kept."""
    assert_accessible(page)
    screenshots(page, name)


def _said(page: Page, text: str) -> None:
    page.locator("#said .said").filter(has_text=text).wait_for(timeout=10_000)


def test_create_a_reminder_see_it_today_mark_it_done_and_undo(
    server: NudgeServer, context: BrowserContext, page: Page, watch: PolicyWatch, database_file: str
) -> None:
    text_nudge(server, PHONE, "hello there")
    sign_in_by_text(page, server, PHONE, check=lambda step: _checked(page, f"{step}-en"))
    page.get_by_role("link", name="Reminders").click()
    # typed key by key, as a person types (htmx wires a swapped page up within its settle)
    page.get_by_label("What should I remind you of, and when?").press_sequentially(
        "drink water in 30 min", delay=20
    )
    page.locator("#preview").filter(has_text="I understood: today").wait_for(timeout=10_000)
    assert page.locator("#preview").inner_text().endswith(": drink water")
    _checked(page, "reminders-preview-en")
    page.get_by_role("button", name="Add reminder").click()
    _said(page, "OK - today")
    page.get_by_role("link", name="Today").click()
    focus = page.locator(".highlight")
    focus.filter(has_text="drink water").wait_for()
    assert focus.get_by_role("heading").inner_text() == "Next"
    _checked(page, "today-en")
    focus.get_by_role("button", name="Done already").click()
    _said(page, "Nice, done: drink water.")
    _checked(page, "today-done-en")
    page.locator("#said").get_by_role("button", name="Undo").click()
    _said(page, "Undone. Back on: drink water")
    page.locator(".highlight").filter(has_text="drink water").wait_for()
    assert watch.refused == []


def test_the_same_in_french(
    server: NudgeServer, context: BrowserContext, page: Page, watch: PolicyWatch, database_file: str
) -> None:
    text_nudge(server, PHONE, "bonjour, je suis nouvelle ici")
    check = lambda step: _checked(page, f"{step}-fr")  # noqa: E731
    sign_in_by_text(page, server, PHONE, lang="fr", check=check)
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_role("link", name="Rappels").click()
    box = page.get_by_label("De quoi dois-je vous faire penser, et quand ?")
    box.press_sequentially("boire de l'eau dans 30 min", delay=20)
    page.locator("#preview").filter(has_text="J'ai compris : aujourd'hui").wait_for(timeout=10_000)
    _checked(page, "reminders-preview-fr")
    page.get_by_role("button", name="Ajouter le rappel").click()
    _said(page, "OK - aujourd'hui")
    page.get_by_role("link", name="Aujourd'hui").click()
    focus = page.locator(".highlight")
    focus.filter(has_text="boire de l'eau").wait_for()
    _checked(page, "today-fr")
    focus.get_by_role("button", name="Déjà fait").click()
    _said(page, "boire de l'eau")
    page.locator("#said").get_by_role("button", name="Annuler").click()
    page.locator(".highlight").filter(has_text="boire de l'eau").wait_for()
    assert watch.refused == []


def test_every_page_passes_axe_at_both_sizes(
    server: NudgeServer, context: BrowserContext, page: Page, watch: PolicyWatch, database_file: str
) -> None:
    text_nudge(server, PHONE, "remind me to call the bank every weekday at 9am")
    text_nudge(server, PHONE, "add renew passport to my list")
    text_nudge(server, PHONE, "I'm stuck on renew passport")
    text_nudge(server, PHONE, "remember my bike lock is 7731")
    make_admin(database_file, PHONE)
    sign_in_cookie(context, server, database_file, PHONE)
    for name, path in (
        ("today", "/app"),
        ("reminders", "/app/reminders"),
        ("todos", "/app/todos"),
        ("memory", "/app/memory"),
        ("history", "/app/history"),
        ("settings", "/app/settings"),
        ("admin", "/app/admin"),
    ):
        page.goto(f"{server.url}{path}")
        page.get_by_role("heading", level=1).wait_for()
        _checked(page, f"page-{name}")
    page.goto(f"{server.url}/app/reminders")
    listed = page.locator(".items li").filter(has_text="call the bank")
    listed.get_by_role("link", name="Change").click()
    page.get_by_role("heading", name="Change a reminder").wait_for()
    _checked(page, "page-reminder-edit")
    assert watch.refused == []


def test_without_javascript_the_forms_still_work(
    server: NudgeServer, context: BrowserContext, database_file: str
) -> None:
    text_nudge(server, PHONE, "hello there")
    browser = context.browser
    assert browser is not None
    plain = browser.new_context(java_script_enabled=False)
    sign_in_cookie(plain, server, database_file, PHONE)
    page = plain.new_page()
    page.goto(f"{server.url}/app/reminders")
    page.get_by_label("What should I remind you of, and when?").fill("call the bank")
    page.get_by_role("button", name="Add reminder").click()
    page.locator("#preview").filter(
        has_text="When should I remind you to call the bank?"
    ).wait_for()
    assert (
        page.get_by_label("What should I remind you of, and when?").input_value() == "call the bank"
    )
    page.get_by_label("What should I remind you of, and when?").fill("call the bank tomorrow at 9")
    page.get_by_role("button", name="Add reminder").click()
    _said(page, "OK - tomorrow")
    assert page.url.endswith("/app/reminders")
    plain.close()

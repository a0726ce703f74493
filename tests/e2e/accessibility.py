"""axe-core in the browser tests: every page checked, no serious or critical violation.

axe-core comes from the npm registry, pinned in ``tests/e2e/package-lock.json`` and
installed by ``npm ci`` (``scripts/test`` does it when it is missing). It is evaluated in
the page through the DevTools protocol, which the page's CSP (``script-src 'self'``) does
not govern, so the page is checked with its real policy in force.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = frozenset({"serious", "critical"})


@cache
def _axe_source() -> str:
    if not AXE.exists():
        if os.environ.get("NUDGE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"axe-core is required but missing: run npm ci in {AXE.parents[2]}")
        pytest.skip("axe-core is not installed (npm ci in tests/e2e)")
    return AXE.read_text(encoding="utf-8")


def violations(page: Page) -> list[dict[str, Any]]:
    """axe's serious and critical violations on the page as it is now (WCAG 2.x A and AA)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(f"() => {{ {_axe_source()}\n}}")  # defines window.axe
    results: dict[str, Any] = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"""
    )
    found: list[dict[str, Any]] = results["violations"]
    return [item for item in found if item.get("impact") in BLOCKING]


def assert_accessible(page: Page) -> None:
    """Fail with each rule and the elements it found, if axe finds anything blocking."""
    found = violations(page)
    summary = [
        (item["id"], item["impact"], [node["target"] for node in item["nodes"]][:5])
        for item in found
    ]
    assert not found, f"{page.url}: {summary}"

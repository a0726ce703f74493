"""Screenshots the browser tests keep, at a phone's size and a desktop's.

Written under ``tests/e2e/artifacts/`` (ignored by git; CI keeps the folder), or under
``NUDGE_E2E_ARTIFACTS`` when set, one PNG per page and size: ``<name>-phone.png``
(390×844) and ``<name>-desktop.png`` (1280×800).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

from playwright.sync_api import Page

SIZES: Final = {"phone": (390, 844), "desktop": (1280, 800)}


def folder() -> Path:
    """Where the screenshots go (made when missing)."""
    chosen = os.environ.get("NUDGE_E2E_ARTIFACTS")
    path = Path(chosen) if chosen else Path(__file__).parent / "artifacts"
    path.mkdir(parents=True, exist_ok=True)
    return path


def screenshots(page: Page, name: str) -> list[Path]:
    """The page as it is now, at each size; the viewport is left at the phone's."""
    taken = []
    for size, (width, height) in SIZES.items():
        page.set_viewport_size({"width": width, "height": height})
        path = folder() / f"{name}-{size}.png"
        # caret "initial": hiding the caret injects a style the page's CSP rightly refuses
        page.screenshot(path=str(path), full_page=True, caret="initial")
        taken.append(path)
    page.set_viewport_size({"width": SIZES["phone"][0], "height": SIZES["phone"][1]})
    return taken

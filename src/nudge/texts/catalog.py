"""Reply texts from the per-locale catalogs (``catalogs/{en,fr}.toml``), never from code."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

CATALOGS = Path(__file__).parent / "catalogs"
LOCALES = ("en", "fr")


@cache
def catalog(locale: str) -> dict[str, Any]:
    """The parsed catalog for ``locale`` (English for anything unknown)."""
    name = locale if locale in LOCALES else "en"
    with (CATALOGS / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


def render(locale: str, key: str, **values: object) -> str:
    """Fill reply ``key`` of ``locale`` with ``values``."""
    template: str = catalog(locale)["reply"][key]
    return template.format(**values)

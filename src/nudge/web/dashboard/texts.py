"""The dashboard's words, from its own catalogs beside the SMS ones.

``texts/catalogs/dashboard/{en,fr}.toml`` hold every label, heading and hint of the pages;
the replies a change shows (``OK - today 3:00 PM: …``) are the SMS catalog's, because the
dashboard runs the same commands through the same door and says what SMS would say.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from typing import Final

from nudge.texts.catalog import CATALOGS, LOCALES

DEFAULT: Final = "en"


def known(locale: str | None) -> str:
    """``locale`` if the dashboard speaks it, else English."""
    return locale if locale in LOCALES else DEFAULT


@cache
def words(locale: str) -> Mapping[str, str]:
    """Every dashboard text of ``locale`` (English for anything unknown), by key."""
    with (CATALOGS / "dashboard" / f"{known(locale)}.toml").open("rb") as handle:
        loaded: dict[str, str] = tomllib.load(handle)["page"]
    return loaded

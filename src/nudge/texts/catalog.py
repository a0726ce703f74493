"""Reply texts from the per-locale catalogs (``catalogs/{en,fr}.toml``), never from code."""

from __future__ import annotations

import re
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


_ELIDED = re.compile(r"\b(de|que) (?=[aeiouyàâäéèêëîïôöûùü])", re.IGNORECASE)
"""French "de"/"que" before a vowel, as a value filled in makes them ("de appeler")."""


def _elide(found: re.Match[str]) -> str:
    word = found.group(1)
    return word[:-1] + "'"  # "de" → "d'", "que" → "qu'"


def render(locale: str, key: str, **values: object) -> str:
    """Fill reply ``key`` of ``locale`` with ``values`` (French elides: "d'appeler")."""
    template: str = catalog(locale)["reply"][key]
    text = template.format(**values)
    return _ELIDED.sub(_elide, text) if locale == "fr" else text

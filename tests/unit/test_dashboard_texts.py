"""The dashboard's catalogs: the same keys in both languages, every key used, none scolding."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from nudge.web.dashboard import rendering
from nudge.web.dashboard.texts import known, words

TEMPLATES = rendering.TEMPLATES
PAGES = Path(rendering.__file__).parent / "pages"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_catalogs_have_the_same_keys_and_placeholders() -> None:
    english, french = words("en"), words("fr")
    assert set(english) == set(french)
    for key in english:
        assert _fields(english[key]) == _fields(french[key]), key


def test_every_key_is_used_by_a_template_or_a_page() -> None:
    sources = "".join(path.read_text(encoding="utf-8") for path in TEMPLATES.glob("*.html"))
    sources += "".join(path.read_text(encoding="utf-8") for path in PAGES.glob("*.py"))
    sources += "".join(
        (PAGES.parent / name).read_text(encoding="utf-8")
        for name in ("phrases.py", "refusals.py", "sign_in_steps.py")
    )
    prefixes = {match.group(1) for match in re.finditer(r"t\['([a-z_]+_)' ~", sources)}
    built = {
        f"{stem}_{part}" for stem in ("not_allowed", "stale_form") for part in ("title", "body")
    }
    unused = [
        key
        for key in words("en")
        if not re.search(rf"\b{key}\b", sources)
        and not key.startswith(tuple(prefixes))
        and key not in built  # refusals.py picks the stem, the template adds the part
    ]
    assert unused == []


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_the_texts_never_scold(locale: str) -> None:
    scolding = ("overdue", "forgot", "failed to", "late", "en retard", "oublié", "should have")
    for key, text in words(locale).items():
        if key.startswith("admin_"):
            continue  # the operator's figures ("Delivery failures") are facts, not about a person
        assert not any(word in text.lower() for word in scolding), (locale, key)


def test_a_language_the_dashboard_does_not_speak_is_english() -> None:
    assert known("fr") == "fr"
    assert known("de") == known(None) == "en"

"""Every refusal the account pages can give has its sentence in both languages."""

from __future__ import annotations

from nudge.accounts.passwords import Weakness
from nudge.texts.catalog import catalog

CODES = {
    *(weakness.value for weakness in Weakness),
    "password_weak", "email_invalid", "email_taken", "current_password_wrong",
    "fresh_sign_in_needed", "code_wrong", "mfa_already_on", "mfa_not_started", "mfa_not_on",
    "mfa_admin_keeps", "passkey_refused", "passkey_not_found",
}  # fmt: skip


def test_both_catalogs_word_every_refusal() -> None:
    english, french = catalog("en")["account"], catalog("fr")["account"]
    assert set(english) == set(french) == CODES
    assert all(text.strip() for text in [*english.values(), *french.values()])


def test_refusals_never_scold() -> None:
    for locale in ("en", "fr"):
        for code, text in catalog(locale)["account"].items():
            assert not any(word in text.lower() for word in ("invalid", "failed", "error")), code

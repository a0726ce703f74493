"""Which language to answer a message in: the person's, or the one they now write in."""

from __future__ import annotations

from nudge.language import detect_locale
from nudge.store.tables import User

FOLLOW_LANGUAGE_MIN_WORDS = 3


def followed_locale(user: User, body: str) -> str:
    """Reply in the language the person writes in, unless they chose one explicitly.

    Short commands ("done", "help") are shared by both languages in practice, so only a
    message of three words or more can switch the language.
    """
    if len(body.split()) < FOLLOW_LANGUAGE_MIN_WORDS or user.locale_locked:
        return user.locale
    return detect_locale(body) or user.locale

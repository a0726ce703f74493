"""Texting LOGIN: the answer is a one-time sign-in link for the dashboard.

A whole message only, case and accents folded, like the carrier keywords: "login", "log in",
"sign in", "connexion", "se connecter"… ("login tomorrow at 9" stays a reminder). Not a
Command: a Command is a change to the person's reminders, todos, memories or settings,
carried out by the executor for SMS, the agent and the web alike; a sign-in link is a
credential, issued by ``accounts/`` (beside the features) for this phone only, and never
something the model may ask for.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from sqlalchemy.ext.asyncio import AsyncSession

from nudge.accounts.codes import OUTBOX_KIND
from nudge.accounts.links import issue_link
from nudge.language.fold import fold
from nudge.store.tables import User
from nudge.texts.catalog import render

INTENT: Final = "sign_in_link"
__all__ = ["INTENT", "OUTBOX_KIND", "asks_to_sign_in", "link_reply"]
WORDS: Final = frozenset(
    {"login", "log in", "logon", "log on", "signin", "sign in", "connexion", "connecter",
     "se connecter", "me connecter"}
)  # fmt: skip


def asks_to_sign_in(body: str) -> bool:
    """Whether the whole message asks for a sign-in link ("Log-in!" does; "login help" not)."""
    words = " ".join(fold(body).replace("-", " ").strip(" .!?").split())
    return words in WORDS


async def link_reply(session: AsyncSession, *, user: User, now: datetime, public_url: str) -> str:
    """The reply: a fresh link for this person (their earlier ones stop working)."""
    url = await issue_link(session, user_id=user.id, now=now, public_url=public_url)
    return render(user.locale, "sign_in_link", url=url)

"""What the last change said, carried across the redirect after a form post.

A form posts, the change is made, and the browser is sent back with a 303 (so reloading
never posts twice). The reply of the change ("Nice, done: call mom.") must still show on
the page it lands on: it rides in a short-lived cookie that the next page reads once and
clears. The cookie is HttpOnly and scoped to ``/app``; its text is escaped when shown, like
everything else.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Final

from fastapi import Request, Response

COOKIE: Final = "nudge_said"
PATH: Final = "/app"
MAX_TEXT: Final = 1_000  # a reply is one SMS; anything longer is not one of ours
LIFETIME_SECONDS: Final = 120


@dataclass(frozen=True, slots=True)
class Said:
    """A reply to show once, and whether "undo" can reverse what it confirms."""

    text: str
    undoable: bool = False


def keep(response: Response, said: Said) -> None:
    """Have the next page show ``said``."""
    body = json.dumps({"text": said.text[:MAX_TEXT], "undo": said.undoable}).encode()
    response.set_cookie(
        COOKIE,
        base64.urlsafe_b64encode(body).decode(),
        max_age=LIFETIME_SECONDS,
        path=PATH,
        httponly=True,
        samesite="lax",
    )


def heard(request: Request) -> Said | None:
    """What the last change said, if the browser brought it back (and it reads)."""
    raw = request.cookies.get(COOKIE)
    if not raw:
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(raw.encode()))
        text, undoable = data["text"], data["undo"]
    except (binascii.Error, ValueError, KeyError, TypeError):
        return None
    if not isinstance(text, str) or not isinstance(undoable, bool):
        return None
    return Said(text[:MAX_TEXT], undoable)


def forget(response: Response) -> None:
    """Shown once: clear the cookie."""
    response.delete_cookie(COOKIE, path=PATH, httponly=True, samesite="lax")

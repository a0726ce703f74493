"""The texted sign-in link: opening it shows a button, the button signs the browser in.

``GET /api/v1/auth/link/{token}`` spends nothing: messaging apps and link scanners open
links to preview them, and a link spent by a preview would greet the person with "expired".
The page's button POSTs the same URL with the CSRF token this page set (so no other site
can sign a browser into someone else's account), and the answer sets the session cookies
and sends the browser to ``/app`` with 303 (a second factor owed: a ticket cookie, and
``/app?second_factor=required``). The page is in the language of the person the link is for.
"""

from __future__ import annotations

from html import escape
from string import Template
from typing import Annotated, Any, Final

from fastapi import APIRouter, Path, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from nudge.accounts import links
from nudge.accounts.sign_in import TICKET_TTL, Refused, SecondFactorRequired
from nudge.web.auth.client import client_of, web_text
from nudge.web.auth.cookies import (
    CSRF_COOKIE,
    new_csrf_token,
    secure_cookies,
    set_csrf_cookie,
    set_session_cookies,
    set_ticket_cookie,
)
from nudge.web.auth.csrf import CSRF_FIELD, csrf_passes
from nudge.web.deps import ServicesDep
from nudge.web.routes import auth_answers

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])
APP: Final = "/app"
TOKEN = Path(pattern=r"^[A-Za-z0-9_-]{20,64}$", description="The token of the texted link.")
_HTML: Final = {"text/html": {"schema": {"type": "string"}}}
_PAGES: Final[dict[int | str, dict[str, Any]]] = {
    200: {"description": "The page with the sign-in button.", "content": _HTML},
    403: {"description": "The page's CSRF token is missing: reload it.", "content": _HTML},
    404: {"description": "The link expired or was used: text LOGIN again.", "content": _HTML},
}
_HEADERS: Final = {  # the token is in the URL: never cached, never sent on, never framed
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "form-action 'self'; frame-ancestors 'none'",
}
_PAGE: Final = Template("""<!doctype html>
<html lang="$lang"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title</title>
<style>body{font:18px/1.5 system-ui,sans-serif;max-width:28em;margin:15vh auto;padding:0 1em;
text-align:center}button{font:inherit;padding:.7em 2em;border:0;border-radius:2em;
background:#2f6fed;color:#fff;cursor:pointer}</style></head>
<body><h1>$title</h1><p>$text</p>$form</body></html>
""")
_FORM: Final = Template("""<form method="post"><input type="hidden" name="$field" value="$csrf">
<button type="submit">$button</button></form>""")


def _page(lang: str, text: str, *, status: int, form: str = "") -> HTMLResponse:
    title = escape(web_text(lang, "link_page_title"))
    html = _PAGE.substitute(lang=lang, title=title, text=escape(text), form=form)
    return HTMLResponse(html, status_code=status, headers=_HEADERS)


@router.get("/link/{token}", response_class=HTMLResponse, responses=_PAGES)
async def link_page(
    token: Annotated[str, TOKEN], request: Request, services: ServicesDep
) -> Response:
    """The page the texted link opens: one button (nothing is spent by opening it)."""
    async with services.db.transaction() as session:
        lang = await links.peek(session, token=token, now=services.clock.now())
    if lang is None:
        fallback = auth_answers.locale(request, services)
        return _page(fallback, web_text(fallback, "link_invalid"), status=404)
    csrf = request.cookies.get(CSRF_COOKIE) or new_csrf_token()
    button = escape(web_text(lang, "link_page_button"))
    form = _FORM.substitute(field=CSRF_FIELD, csrf=escape(csrf), button=button)
    response = _page(lang, web_text(lang, "link_page_intro"), status=200, form=form)
    secure = secure_cookies(services.settings.public_url)
    set_csrf_cookie(response, csrf, secure=secure, max_age=int(links.LINK_TTL.total_seconds()))
    return response


@router.post(
    "/link/{token}", response_class=RedirectResponse, status_code=303,
    responses={303: {"description": "Signed in: on to /app."}, **_PAGES},
)  # fmt: skip
async def use_link(
    token: Annotated[str, TOKEN], request: Request, services: ServicesDep
) -> Response:
    """The page's button: spend the link, sign the browser in, go to the dashboard."""
    lang = auth_answers.locale(request, services)
    if not await csrf_passes(request):
        return _page(lang, web_text(lang, "csrf"), status=403)
    now = services.clock.now()
    async with services.db.transaction() as session:
        keys = await services.signing_keys.get(session, now=now)
        outcome = await links.use(
            session, token=token, client=client_of(request), now=now,
            factors=services.second_factors, keys=keys,
        )  # fmt: skip
    if isinstance(outcome, Refused):
        return _page(lang, web_text(lang, "link_invalid"), status=404)
    secure = secure_cookies(services.settings.public_url)
    if isinstance(outcome, SecondFactorRequired):
        response = RedirectResponse(f"{APP}?second_factor=required", status_code=303)
        ticket_age = int(TICKET_TTL.total_seconds())
        set_ticket_cookie(response, outcome.ticket, secure=secure, max_age=ticket_age)
        return response
    response = RedirectResponse(APP, status_code=303)
    set_session_cookies(
        response, outcome, secure=secure, now=now, csrf=request.cookies.get(CSRF_COOKIE)
    )
    return response

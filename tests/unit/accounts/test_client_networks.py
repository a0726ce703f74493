"""How a client is counted (its network) and which language the web answers in."""

from __future__ import annotations

import pytest
from starlette.requests import Request

from nudge.accounts.attempts import network_of
from nudge.accounts.roles import Scope
from nudge.accounts.sessions import granted_scopes
from nudge.web.auth.client import locale_of


@pytest.mark.parametrize(
    ("ip", "network"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"),
        ("2001:db8:1:2::1", "2001:db8:1:2::/64"),  # one household's /64: one client
        ("::ffff:203.0.113.7", "203.0.113.7"),  # an IPv4 client seen over IPv6
        ("", None),
        (None, None),
        ("testclient", None),
    ],
)
def test_a_client_is_counted_by_its_network(ip: str | None, network: str | None) -> None:
    assert network_of(ip) == network


def _request(accept_language: str) -> Request:
    headers = [(b"accept-language", accept_language.encode())]
    return Request({"type": "http", "headers": headers, "method": "GET", "path": "/"})


@pytest.mark.parametrize(
    ("header", "locale"),
    [
        ("fr-CA,fr;q=0.9,en;q=0.8", "fr"),
        ("de-DE, en;q=0.5, fr;q=0.7", "fr"),
        ("en-US", "en"),
        ("de", "en"),  # none of ours: the default
        ("", "en"),
        ("fr;q=0, en;q=nan", "en"),
        ("fr;q=abc", "en"),
    ],
)
def test_the_web_answers_in_the_browser_s_language(header: str, locale: str) -> None:
    assert locale_of(_request(header), default="en") == locale


def test_an_admin_s_scopes_need_a_second_factor() -> None:
    assert Scope.ADMIN_READ not in granted_scopes("admin", second_factor=False)
    assert granted_scopes("admin", second_factor=False) == {Scope.OWN_READ, Scope.OWN_WRITE}
    assert Scope.ADMIN_WRITE in granted_scopes("admin", second_factor=True)
    assert granted_scopes("premium", second_factor=False) == granted_scopes(
        "premium", second_factor=True
    )

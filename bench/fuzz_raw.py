"""The raw hostile requests of ``bench/fuzz_webhook.py --hostile``: bodies, types, signatures.

Each is what the ASGI fuzz tests (``tests/integration/test_hostile_bodies.py``) send, here
over real HTTP to a real ``nudge serve``, so uvicorn's own parsing is in the way too.
"""

from __future__ import annotations

import base64
import random
import uuid
from dataclasses import dataclass
from urllib.parse import quote_from_bytes, urlencode

from tests.fakes.twilio_server import FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, signed_form
from tests.hostile_strings import INJECTIONS
from tests.integration.hostile_requests import server_form

FORM = "application/x-www-form-urlencoded"
LIMIT = 64 * 1024
OUR_NUMBER = "+15145550100"
SMS = "/webhooks/twilio/sms"
STATUS = "/webhooks/twilio/status"
TYPES = ("application/json", "multipart/form-data; boundary=x", "text/plain", "", "text/html")


@dataclass(frozen=True)
class Fuzzed:
    """One request to send: path with query, form or raw content, headers, method."""

    method: str
    path: str
    form: dict[str, str] | None
    headers: dict[str, str]
    content: bytes | None = None


class RawFuzzer:
    """Hostile request bodies for one public URL, drawn from a shared seeded ``random``."""

    def __init__(self, public_url: str, rng: random.Random) -> None:
        self.public_url, self.random = public_url, rng

    def form(self, body: str) -> dict[str, str]:
        return {
            "MessageSid": "SM" + uuid.UUID(int=self.random.getrandbits(128)).hex,
            "AccountSid": FAKE_ACCOUNT_SID,
            "From": f"+1514555{self.random.randint(0, 9999):04d}",
            "To": OUR_NUMBER,
            "Body": body,
            "NumMedia": "0",
        }

    def signed(self, payload: bytes, path: str = SMS, content_type: str = FORM) -> Fuzzed:
        """``payload`` signed over what the route will read from it."""
        headers = signed_form(f"{self.public_url}{path}", server_form(payload), FAKE_AUTH_TOKEN)
        headers = {**headers, "Content-Type": content_type} if content_type else headers
        return Fuzzed("POST", path, None, headers, payload)

    def binary(self) -> Fuzzed:
        size = self.random.choice((16, 1024, 100 * 1024))
        payload = self.random.randbytes(size)
        return Fuzzed(
            "POST", self.random.choice((SMS, STATUS)), None, {"Content-Type": FORM}, payload
        )

    def invalid_utf8(self) -> Fuzzed:
        raw = self.random.randbytes(self.random.randint(1, 300))
        if self.random.random() < 0.5:
            wire = quote_from_bytes(raw).encode()  # %FF%FE…
        else:
            wire = raw.translate(None, b"&=+%")  # the raw bytes, none a form delimiter
        form = {k: v for k, v in self.form("").items() if k != "Body"}
        return self.signed(urlencode(form).encode() + b"&Body=" + wire)

    def text(self) -> Fuzzed:
        return self.signed(urlencode(self.form(self.random.choice(INJECTIONS))).encode())

    def at_the_bound(self) -> Fuzzed:
        bare = len(urlencode(self.form("")).encode())
        size = LIMIT - bare + self.random.choice((-1, 0, 1, 100 * 1024 - LIMIT))
        return self.signed(urlencode(self.form("a" * max(size, 0))).encode())

    def wrong_type(self) -> Fuzzed:
        return self.signed(
            urlencode(self.form("add milk")).encode(), SMS, self.random.choice(TYPES)
        )

    def forged(self) -> Fuzzed:
        form = self.form("add milk")
        kind = self.random.randrange(4)
        if kind == 0:  # a genuine signature of another body
            headers = signed_form(f"{self.public_url}{SMS}", {**form, "Body": "x"}, FAKE_AUTH_TOKEN)
        elif kind == 1:  # a genuine signature of the same body for the other route
            headers = signed_form(f"{self.public_url}{STATUS}", form, FAKE_AUTH_TOKEN)
        elif kind == 2:  # the right URL signed with another token
            headers = signed_form(f"{self.public_url}{SMS}", form, FAKE_AUTH_TOKEN[::-1])
        else:
            headers = {"X-Twilio-Signature": base64.b64encode(self.random.randbytes(20)).decode()}
        return Fuzzed(
            "POST", SMS, None, {**headers, "Content-Type": FORM}, urlencode(form).encode()
        )

    def next(self) -> Fuzzed:
        kinds = (self.binary, self.invalid_utf8, self.text, self.at_the_bound, self.wrong_type)
        return self.random.choice((*kinds, self.forged))()

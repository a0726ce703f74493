"""A real HTTP fake of Twilio's Messages API on 127.0.0.1, for contract and e2e tests.

    with FakeTwilio() as fake:
        sender = TwilioSender(client, api_base=fake.base_url, account_sid=fake.account_sid,
                              auth_token=fake.auth_token, from_number="+15145550100")
        fake.fail_next(1, status=503)

It speaks Twilio's wire format (form in, JSON out, basic auth, Twilio error bodies), records
what it accepted (with ``received_at``, the ``time.monotonic()`` of arrival, which the load
bench compares across processes), and can be told to fail, stall or refuse a number.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import re
import socket
import threading
import time
import uuid
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from twilio.request_validator import RequestValidator

from nudge.channels.segments import count_segments

FAKE_ACCOUNT_SID = "AC" + "c0ffee00" * 4
FAKE_AUTH_TOKEN = "fake-twilio-auth-token-0123456789"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "twilio"
API = "/2010-04-01/Accounts/{account_sid}"

ERROR_MESSAGES = {
    20003: "Authenticate",
    20404: "The requested resource was not found",
    20429: "Too Many Requests",
    20500: "Internal Server Error",
    20503: "Service Unavailable",
    21211: "The 'To' number is not a valid phone number.",
    21602: "Message body is required.",
    21603: "A 'From' or 'MessagingServiceSid' parameter is required to send a message.",
    21604: "A 'To' phone number is required.",
    21610: "Attempt to send to unsubscribed recipient",
    21617: "The concatenated message body exceeds the 1600 character limit.",
}
_DEFAULT_CODE = {401: 20003, 404: 20404, 429: 20429, 500: 20500, 503: 20503}
_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
_CHALLENGE = {"WWW-Authenticate": 'Basic realm="Twilio API"'}
_OURS_ONLY = frozenset({"status_callback", "received_at"})
"""Recorded with each message but never part of Twilio's JSON."""


@dataclass(frozen=True)
class _Fault:
    status: int
    code: int
    retry_after: float | None


@dataclass(frozen=True)
class _Delay:
    seconds: float


def twilio_error(
    status: int, code: int | None = None, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    """A response shaped like Twilio's errors: code, message, more_info, status."""
    code = code or _DEFAULT_CODE.get(status, 20500)
    body = {
        "code": code,
        "message": ERROR_MESSAGES.get(code, "Error"),
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }
    return JSONResponse(body, status_code=status, headers=headers)


class FakeTwilio:
    """Twilio's Messages API served by uvicorn in a background thread on a free port."""

    def __init__(
        self,
        *,
        account_sid: str = FAKE_ACCOUNT_SID,
        auth_token: str = FAKE_AUTH_TOKEN,
        http: str = "h11",
    ) -> None:
        self.account_sid = account_sid
        self._http = http  # "httptools" for the load bench: less CPU taken from the server
        self.auth_token = auth_token
        self._lock = threading.Lock()
        self._messages: list[dict[str, Any]] = []
        self._requests: list[dict[str, str]] = []
        self._script: deque[_Fault | _Delay] = deque()
        self._refused: dict[str, int] = {}
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None

    # -- lifecycle -------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>``: pass it as the sender's ``api_base``."""
        if not self._port:
            raise RuntimeError("FakeTwilio is not started")
        return f"http://127.0.0.1:{self._port}"

    def start(self) -> FakeTwilio:
        """Bind a free loopback port and serve until ``stop()``."""
        if self._thread is not None:
            raise RuntimeError("FakeTwilio already started")
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self._port = sock.getsockname()[1]
        config = uvicorn.Config(
            self._app(), lifespan="off", http=self._http, log_level="warning", access_log=False
        )
        config.timeout_graceful_shutdown = 2
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name="fake-twilio", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("FakeTwilio did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        """Shut the server down and wait for its thread."""
        if self._server is not None and self._thread is not None:
            if self._loop is not None and self._stopping is not None:
                self._loop.call_soon_threadsafe(self._stopping.set)
            self._server.should_exit = True
            self._thread.join(timeout=10)
        self._server = self._thread = None
        self._loop = self._stopping = None

    def __enter__(self) -> FakeTwilio:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- what it saw, and what it should do next ------------------------------------------
    @property
    def messages(self) -> list[dict[str, Any]]:
        """Accepted messages: Twilio's JSON plus ``status_callback`` and ``received_at``.

        ``status_callback`` is the URL we were given, ``received_at`` the ``time.monotonic()``
        at which the create arrived.
        """
        with self._lock:
            return [dict(message) for message in self._messages]

    @property
    def requests(self) -> list[dict[str, str]]:
        """Every authenticated create request's form, accepted or not."""
        with self._lock:
            return [dict(form) for form in self._requests]

    def fail_next(
        self,
        n: int = 1,
        *,
        status: int = 500,
        code: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        """Answer the next ``n`` creates with ``status`` and a Twilio error body (not accepted)."""
        fault = _Fault(status, code or _DEFAULT_CODE.get(status, 20500), retry_after)
        with self._lock:
            self._script.extend([fault] * n)

    def delay_next(self, n: int = 1, seconds: float = 5.0) -> None:
        """Accept the next ``n`` creates, then stall the reply: the client times out, ambiguous."""
        with self._lock:
            self._script.extend([_Delay(seconds)] * n)

    def refuse(self, to_number: str, code: int = 21610) -> None:
        """Refuse every message to ``to_number`` with a 400 and ``code`` (21610: STOPped)."""
        with self._lock:
            self._refused[to_number] = code

    def set_status(self, sid: str, status: str, *, error_code: int | None = None) -> None:
        """Move a recorded message on (``sent``, ``delivered``, ``undelivered``…)."""
        with self._lock:
            for message in self._messages:
                if message["sid"] == sid:
                    message.update(status=status, error_code=error_code, date_updated=_now())
                    return
        raise KeyError(sid)

    # -- the HTTP side ---------------------------------------------------------------------
    def _app(self) -> Starlette:
        return Starlette(
            routes=[
                Route(f"{API}/Messages.json", self._create, methods=["POST"]),
                Route(f"{API}/Messages.json", self._list, methods=["GET"]),
                Route(f"{API}/Messages/{{sid}}.json", self._fetch, methods=["GET"]),
            ]
        )

    def _authorized(self, request: Request) -> bool:
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        header = request.headers.get("authorization", "")
        path_sid = request.path_params["account_sid"]
        return header == f"Basic {expected}" and path_sid == self.account_sid

    async def _create(self, request: Request) -> JSONResponse:
        received_at = time.monotonic()
        if not self._authorized(request):
            return twilio_error(401, headers=_CHALLENGE)
        form = {key: str(value) for key, value in (await request.form()).items()}
        with self._lock:
            self._requests.append(form)
            step = self._script.popleft() if self._script else None
        if isinstance(step, _Fault):
            headers = {"Retry-After": f"{step.retry_after:g}"} if step.retry_after else {}
            return twilio_error(step.status, step.code, headers)
        if (code := self._invalid(form)) is not None:
            return twilio_error(400, code)
        message = self._accept(form, received_at)
        if isinstance(step, _Delay):
            await self._stall(step.seconds)
        return JSONResponse(message, status_code=201)

    def _invalid(self, form: Mapping[str, str]) -> int | None:
        to, body = form.get("To", ""), form.get("Body", "")
        if not to:
            return 21604
        if not (form.get("From") or form.get("MessagingServiceSid")):
            return 21603
        if not body and not form.get("MediaUrl"):
            return 21602
        if len(body) > 1600:
            return 21617
        if not _E164.match(to):
            return 21211
        with self._lock:
            return self._refused.get(to)

    def _accept(self, form: Mapping[str, str], received_at: float) -> dict[str, Any]:
        sid, now = "SM" + uuid.uuid4().hex, _now()
        uri = f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}"
        via_service, body = not form.get("From"), form.get("Body", "")
        message: dict[str, Any] = {
            "account_sid": self.account_sid,
            "api_version": "2010-04-01",
            "body": body,
            "date_created": now,
            "date_sent": None,
            "date_updated": now,
            "direction": "outbound-api",
            "error_code": None,
            "error_message": None,
            "from": form.get("From") or None,
            "messaging_service_sid": form.get("MessagingServiceSid") or None,
            "num_media": "0",
            "num_segments": "0" if via_service else str(count_segments(body)),
            "price": None,
            "price_unit": "USD",
            "sid": sid,
            "status": "accepted" if via_service else "queued",
            "subresource_uris": {"media": f"{uri}/Media.json", "feedback": f"{uri}/Feedback.json"},
            "to": form["To"],
            "uri": f"{uri}.json",
        }
        with self._lock:
            callback = form.get("StatusCallback")
            self._messages.append(
                {**message, "status_callback": callback, "received_at": received_at}
            )
        return message

    async def _stall(self, seconds: float) -> None:
        """Hold the reply for ``seconds``, or until ``stop()``, whichever comes first."""
        if self._stopping is None:
            self._loop, self._stopping = asyncio.get_running_loop(), asyncio.Event()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), timeout=seconds)

    async def _fetch(self, request: Request) -> JSONResponse:
        if not self._authorized(request):
            return twilio_error(401, headers=_CHALLENGE)
        sid = request.path_params["sid"]
        with self._lock:
            found = [m for m in self._messages if m["sid"] == sid]
        if not found:
            return twilio_error(404)
        message = {key: value for key, value in found[0].items() if key not in _OURS_ONLY}
        return JSONResponse(message)

    async def _list(self, request: Request) -> JSONResponse:
        """``GET Messages.json?To=…``: newest first, like Twilio's list resource (one page)."""
        if not self._authorized(request):
            return twilio_error(401, headers=_CHALLENGE)
        to = request.query_params.get("To")
        size = int(request.query_params.get("PageSize", "50"))
        with self._lock:
            found = [m for m in reversed(self._messages) if to is None or m["to"] == to]
        page = [{k: v for k, v in m.items() if k not in _OURS_ONLY} for m in found[:size]]
        return JSONResponse({"messages": page, "page": 0, "page_size": size})


def _now() -> str:
    """RFC 2822 in GMT, the way Twilio dates its resources."""
    return format_datetime(datetime.now(UTC))


class SignedRequest(NamedTuple):
    """A webhook ready to post: ``client.post(r.url, data=r.form, headers=r.headers)``."""

    url: str
    form: dict[str, str]
    headers: dict[str, str]


def twilio_signature(url: str, params: Mapping[str, str], auth_token: str) -> str:
    """``X-Twilio-Signature`` for ``url`` and ``params``, computed as Twilio does."""
    return str(RequestValidator(auth_token).compute_signature(url, dict(params)))


def signed_form(url: str, params: Mapping[str, str], auth_token: str) -> dict[str, str]:
    """Headers that make ``params`` posted to ``url`` pass our signature check."""
    return {"X-Twilio-Signature": twilio_signature(url, params, auth_token)}


def signed_status_callback(
    message: Mapping[str, Any],
    *,
    auth_token: str,
    status: str = "delivered",
    error_code: str | None = None,
) -> SignedRequest:
    """The signed status callback Twilio would post for a message ``FakeTwilio`` recorded."""
    url = message.get("status_callback")
    if not url:
        raise ValueError("the message was sent without a StatusCallback")
    form = {
        "AccountSid": message["account_sid"],
        "ApiVersion": "2010-04-01",
        "From": message.get("from") or "+15145550100",
        "MessageSid": message["sid"],
        "MessageStatus": status,
        "SmsSid": message["sid"],
        "SmsStatus": status,
        "To": message["to"],
    }
    if message.get("messaging_service_sid"):
        form["MessagingServiceSid"] = message["messaging_service_sid"]
    if error_code:
        form["ErrorCode"] = error_code
    return SignedRequest(url, form, signed_form(url, form, auth_token))


def twilio_fixture(name: str) -> dict[str, str]:
    """A captured-style Twilio webhook form from ``tests/fixtures/twilio/<name>.json``."""
    data = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return {str(key): str(value) for key, value in data.items()}


def unused_local_url() -> str:
    """``http://127.0.0.1:<port>`` where nothing listens: connections are refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"

"""The Twilio ``Sender``: one form POST to ``/Messages.json`` over an injected httpx client."""

from __future__ import annotations

from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx
import structlog

from nudge.channels.base import (
    AmbiguousSendError,
    Lookup,
    RetryableSendError,
    SendError,
    SendResult,
)
from nudge.channels.phones import mask_phone
from nudge.channels.twilio.errors import error_from_response, error_from_transport

log = structlog.get_logger(component="channels.twilio")


class TwilioSender:
    """Sends SMS through Twilio's REST API; failures come out as our ``SendError`` kinds.

    Timeouts are the client's: build it with ``httpx.AsyncClient(timeout=…)``. Bodies and
    full phone numbers are never logged.
    """

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        api_base: str,
        account_sid: str,
        auth_token: str,
        from_number: str = "",
        messaging_service_sid: str = "",
        status_callback_url: str | None = None,
    ) -> None:
        if not (from_number or messaging_service_sid):
            raise ValueError("TwilioSender needs from_number or messaging_service_sid")
        if not (account_sid and auth_token):
            raise ValueError("TwilioSender needs account_sid and auth_token")
        self._client = client
        self._messages_url = f"{api_base.rstrip('/')}/2010-04-01/Accounts/{account_sid}/Messages"
        self._auth = httpx.BasicAuth(account_sid, auth_token)
        self._from_number = from_number
        self._messaging_service_sid = messaging_service_sid
        self._status_callback_url = status_callback_url

    async def send(self, *, to: str, body: str, outbox_id: int) -> SendResult:
        """Hand one SMS to Twilio; raise Retryable, Permanent or Ambiguous ``SendError``."""
        try:
            response = await self._request(
                "POST", f"{self._messages_url}.json", data=self._form(to, body, outbox_id)
            )
        except SendError as refused:
            self._log_failure(refused, outbox_id=outbox_id, to=to)
            raise
        if not response.is_success:
            error = error_from_response(response)
            self._log_failure(error, outbox_id=outbox_id, to=to)
            raise error
        try:
            result = _send_result(response.json())
        except (ValueError, KeyError, TypeError) as exc:
            error = AmbiguousSendError(f"twilio {response.status_code}: unreadable reply")
            self._log_failure(error, outbox_id=outbox_id, to=to)
            raise error from exc
        log.info(
            "twilio.accepted",
            outbox_id=outbox_id,
            provider_sid=result.provider_sid,
            status=result.status,
            to=mask_phone(to),
        )
        return result

    async def fetch_status(self, provider_sid: str) -> str:
        """Twilio's current status for a message (``queued``, ``delivered``, ``failed``…)."""
        response = await self._request(
            "GET", f"{self._messages_url}/{provider_sid}.json", idempotent=True
        )
        if not response.is_success:
            raise error_from_response(response, idempotent=True)
        try:
            return str(response.json()["status"])
        except (ValueError, KeyError, TypeError) as exc:
            raise RetryableSendError("twilio: unreadable message resource") from exc

    async def lookup(self, *, to: str, body: str, since: datetime, outbox_id: int) -> Lookup:
        """``StatusLookup``: find a message with ``body`` to ``to`` created after ``since``.

        Lists the recent messages to that number (the create call returns no sid when it
        times out, so the sid cannot be fetched directly) and matches body and creation time.
        """
        response = await self._request(
            "GET", f"{self._messages_url}.json", params={"To": to, "PageSize": "50"}
        )
        if not response.is_success:
            raise error_from_response(response, idempotent=True)
        try:
            messages = response.json()["messages"]
            for message in messages:
                created = parsedate_to_datetime(message["date_created"])
                if message["body"] == body and created >= since.replace(microsecond=0):
                    return Lookup(True, str(message["sid"]), str(message["status"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise RetryableSendError("twilio: unreadable message list") from exc
        log.info("twilio.lookup_not_found", outbox_id=outbox_id, to=mask_phone(to))
        return Lookup(False)

    async def _request(
        self,
        method: str,
        url: str,
        *,
        data: dict[str, str] | None = None,
        idempotent: bool = False,
        params: dict[str, str] | None = None,
    ) -> httpx.Response:
        """One HTTP call with auth; transport failures become ``SendError``."""
        try:
            return await self._client.request(
                method,
                url,
                data=data,
                params=params,
                auth=self._auth,
                headers={"Accept": "application/json"},
            )
        except httpx.TransportError as exc:
            raise error_from_transport(exc, idempotent=idempotent) from exc

    def _form(self, to: str, body: str, outbox_id: int) -> dict[str, str]:
        """The form Twilio expects; a Messaging Service wins over a bare From number."""
        form = {"To": to, "Body": body}
        if self._messaging_service_sid:
            form["MessagingServiceSid"] = self._messaging_service_sid
        else:
            form["From"] = self._from_number
        if self._status_callback_url:
            form["StatusCallback"] = with_query(self._status_callback_url, outbox_id=outbox_id)
        return form

    @staticmethod
    def _log_failure(error: SendError, *, outbox_id: int, to: str) -> None:
        """Log a refused or unreadable send without body or full number."""
        log.warning(
            "twilio.send_failed",
            outbox_id=outbox_id,
            kind=type(error).__name__,
            code=error.code,
            reason=error.reason,
            to=mask_phone(to),
        )


def with_query(url: str, **params: object) -> str:
    """``url`` with ``params`` appended to any query string it already has."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    query.extend((key, str(value)) for key, value in params.items())
    return urlunsplit(parts._replace(query=urlencode(query)))


def _send_result(data: Any) -> SendResult:
    """``SendResult`` from Twilio's Message JSON; raises if ``sid`` or ``status`` is missing."""
    sid, status = data["sid"], data["status"]
    if not isinstance(sid, str) or not isinstance(status, str) or not sid:
        raise TypeError("sid and status must be strings")
    return SendResult(provider_sid=sid, status=status)

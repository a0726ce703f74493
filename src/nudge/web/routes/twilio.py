"""Twilio webhooks: inbound SMS and delivery status callbacks, signature-checked."""

from __future__ import annotations

from functools import cache

from fastapi import APIRouter, Request, Response
from fastapi.responses import PlainTextResponse

from nudge.channels.phones import InvalidPhoneError, normalize_phone
from nudge.channels.twilio.webhook import (
    EMPTY_TWIML,
    Ours,
    parse_inbound,
    parse_status,
    verify_signature,
    webhook_url,
)
from nudge.observability.logging import get_logger
from nudge.observability.metrics import SMS_INBOUND
from nudge.outbox.status import apply_status
from nudge.settings import Settings
from nudge.store.tables import MAX_ID
from nudge.web.deps import ServicesDep
from nudge.web.routes.openapi_docs import INBOUND_ANSWERS, INBOUND_FORM, STATUS_ANSWERS, STATUS_FORM

router = APIRouter(prefix="/webhooks/twilio", tags=["twilio"])
log = get_logger("webhook")
FORM = "application/x-www-form-urlencoded"


@cache
def _ours(account_sid: str, sender: str, messaging_service_sid: str) -> Ours:
    """Our account and numbers, as a genuine webhook names them."""
    return Ours(
        account_sid=account_sid,
        numbers=frozenset({normalize_phone(sender)}) if sender else frozenset(),
        messaging_service_sid=messaging_service_sid,
    )


def ours(settings: Settings) -> Ours:
    """``Ours`` from the Twilio settings (computed once per distinct configuration)."""
    return _ours(
        settings.twilio_account_sid, settings.twilio_from, settings.twilio_messaging_service_sid
    )


async def _signed_form(request: Request, settings: Settings) -> dict[str, str] | Response:
    """The signed form (checked over the public URL, not request.url), or the refusal.

    415 for anything but a form, 403 for a bad signature.
    The body was already bounded by ``BodyLimitMiddleware``; only a URL-encoded form is
    read (Twilio sends nothing else), so no multipart upload is ever spooled.
    """
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != FORM:
        log.warning("webhook.not_a_form", path=request.url.path)
        return PlainTextResponse("Expected a URL-encoded form.", status_code=415)
    form = await request.form()
    params = {key: str(value) for key, value in form.multi_items()}
    url = webhook_url(
        public_url=settings.public_url, path=request.url.path, query=request.url.query
    )
    if not settings.twilio_validate_signature:
        return params
    token = settings.twilio_auth_token.get_secret_value()
    signature = request.headers.get("X-Twilio-Signature")
    if token and verify_signature(auth_token=token, url=url, params=params, signature=signature):
        return params
    log.warning("webhook.bad_signature", path=request.url.path, has_signature=bool(signature))
    return PlainTextResponse("Invalid Twilio signature.", status_code=403)


@router.post("/sms", response_class=Response, responses=INBOUND_ANSWERS, openapi_extra=INBOUND_FORM)
async def inbound_sms(request: Request, services: ServicesDep) -> Response:
    """Store one inbound SMS and answer at once; a worker handles it, the outbox replies."""
    params = await _signed_form(request, services.settings)
    if isinstance(params, Response):
        SMS_INBOUND.labels("twilio", "bad_signature").inc()
        return params
    try:
        inbound = parse_inbound(params, ours(services.settings))
    except InvalidPhoneError as error:
        SMS_INBOUND.labels("twilio", "invalid").inc()
        return PlainTextResponse(f"Invalid From number: {error}", status_code=400)
    except ValueError as error:
        SMS_INBOUND.labels("twilio", "invalid").inc()
        return PlainTextResponse(f"Bad request: {error}", status_code=400)
    await services.inbox.accept(inbound)
    return Response(EMPTY_TWIML, media_type="application/xml")


@router.post(
    "/status",
    status_code=204,
    response_class=Response,
    responses=STATUS_ANSWERS,
    openapi_extra=STATUS_FORM,
)
async def status_callback(request: Request, services: ServicesDep) -> Response:
    """Move an outgoing message's status forward (queued → sent → delivered, or failed)."""
    params = await _signed_form(request, services.settings)
    if isinstance(params, Response):
        return params
    try:
        update = parse_status(params, ours(services.settings))
        outbox_id = _outbox_id(request.query_params.get("outbox_id"))
    except ValueError as error:
        return PlainTextResponse(f"Bad request: {error}", status_code=400)
    matched = await apply_status(
        services.db,
        provider_sid=update.message_sid,
        status=update.status,
        outbox_id=outbox_id,
        error_code=update.error_code,
        now=services.clock.now(),
    )
    if not matched:
        log.info("webhook.status_unmatched", outbox_id=outbox_id, status=update.status)
    return Response(status_code=204)


def _outbox_id(raw: str | None) -> int | None:
    """The ``outbox_id`` our StatusCallback URL carries, bounded; absent is None."""
    if raw is None:
        return None
    if not raw.isascii() or not raw.isdigit() or len(raw) > 10 or int(raw) > MAX_ID:
        raise ValueError("outbox_id must be a whole number")
    return int(raw)

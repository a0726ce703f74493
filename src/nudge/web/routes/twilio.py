"""Twilio webhooks: inbound SMS and delivery status callbacks, signature-checked."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import PlainTextResponse

from nudge.channels.phones import InvalidPhoneError
from nudge.channels.twilio.webhook import (
    EMPTY_TWIML,
    parse_inbound,
    parse_status,
    verify_signature,
    webhook_url,
)
from nudge.observability.logging import get_logger
from nudge.observability.metrics import SMS_INBOUND
from nudge.outbox.status import apply_status
from nudge.settings import Settings
from nudge.web.deps import ServicesDep

router = APIRouter(prefix="/webhooks/twilio", tags=["twilio"])
log = get_logger("webhook")


async def _signed_form(request: Request, settings: Settings) -> dict[str, str] | None:
    """The posted form if its signature is valid (over the public URL, not request.url)."""
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
    return None


@router.post("/sms")
async def inbound_sms(request: Request, services: ServicesDep) -> Response:
    """Store and handle one inbound SMS; the reply goes out through the outbox."""
    params = await _signed_form(request, services.settings)
    if params is None:
        SMS_INBOUND.labels("twilio", "bad_signature").inc()
        return PlainTextResponse("Invalid Twilio signature.", status_code=403)
    try:
        inbound = parse_inbound(params)
    except InvalidPhoneError as error:
        SMS_INBOUND.labels("twilio", "invalid").inc()
        return PlainTextResponse(f"Invalid From number: {error}", status_code=400)
    except ValueError as error:
        SMS_INBOUND.labels("twilio", "invalid").inc()
        return PlainTextResponse(f"Bad request: {error}", status_code=400)
    await services.handler.handle(inbound)
    return Response(EMPTY_TWIML, media_type="application/xml")


@router.post("/status")
async def status_callback(request: Request, services: ServicesDep) -> Response:
    """Move an outgoing message's status forward (queued → sent → delivered, or failed)."""
    params = await _signed_form(request, services.settings)
    if params is None:
        return PlainTextResponse("Invalid Twilio signature.", status_code=403)
    try:
        update = parse_status(params)
    except ValueError as error:
        return PlainTextResponse(f"Bad request: {error}", status_code=400)
    outbox_id = request.query_params.get("outbox_id")
    await apply_status(
        services.db,
        provider_sid=update.message_sid,
        status=update.status,
        outbox_id=int(outbox_id) if outbox_id and outbox_id.isdigit() else None,
        error_code=update.error_code,
        now=services.clock.now(),
    )
    return Response(status_code=204)

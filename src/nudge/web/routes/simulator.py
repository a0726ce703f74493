"""The phone simulator in a browser: text Nudge as any number, see replies and reminders."""

from __future__ import annotations

import uuid
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from nudge.channels.base import Inbound
from nudge.channels.phones import InvalidPhoneError, normalize_phone
from nudge.channels.simulator import conversation
from nudge.web.deps import ServicesDep
from nudge.web.routes.openapi_docs import Problem

router = APIRouter(
    prefix="/simulator",
    tags=["simulator"],
    responses={400: {"description": "No phone number in what was typed.", "model": Problem}},
)
PAGE = Path(__file__).parent.parent / "simulator" / "index.html"


class SimulatedText(BaseModel):
    """A text typed into the simulator."""

    phone: str = Field(max_length=32)
    body: str = Field(max_length=10_000)


@router.get("", response_class=HTMLResponse)
async def page() -> HTMLResponse:
    """The phone page."""
    return HTMLResponse(PAGE.read_text(encoding="utf-8"))


def _phone(raw: str) -> str:
    try:
        return normalize_phone(raw)
    except InvalidPhoneError as error:
        raise HTTPException(status_code=400, detail=str(error)) from error


@router.post("/api/messages")
async def send(text: SimulatedText, services: ServicesDep) -> dict[str, object]:
    """Deliver a text to Nudge as if it came from ``phone``."""
    phone = _phone(text.phone)
    inbound = Inbound(phone, text.body, f"SIM-IN-{uuid.uuid4().hex}", "simulator")
    handled = await services.handler.handle(inbound)
    return {"phone": phone, "intent": handled.intent, "queued_reply": handled.outbox_id}


@router.get("/api/messages")
async def messages(phone: str, services: ServicesDep) -> dict[str, object]:
    """The conversation of a simulated phone, both ways, oldest first."""
    normalized = _phone(phone)
    bubbles = await conversation(services.db, phone=normalized)
    return {
        "phone": normalized,
        "messages": [
            {"id": b.id, "direction": b.direction, "body": b.body, "at": b.at.isoformat()}
            for b in bubbles
        ],
    }

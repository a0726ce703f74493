"""What the OpenAPI schema says of the routes that read their input by hand.

The webhooks read the raw form (the signature covers every field, so no model may drop or
coerce one); the schema still names the form and every answer, so a client generated from
it, or schemathesis in the test suite, knows them. The API's answers are pydantic models.
"""

from __future__ import annotations

from typing import Any, Final

from pydantic import BaseModel, ConfigDict

FORM: Final = "application/x-www-form-urlencoded"
_TEXT: Final = {"text/plain": {"schema": {"type": "string"}}}
_SID: Final = {"type": "string", "pattern": "^(SM|MM)[0-9a-f]{32}$"}
_ACCOUNT: Final = {"type": "string", "pattern": "^AC[0-9a-f]{32}$"}


def _form(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    schema = {"type": "object", "properties": properties, "required": required}
    return {"requestBody": {"required": True, "content": {FORM: {"schema": schema}}}}


INBOUND_FORM: Final = _form(
    {
        "MessageSid": _SID,
        "AccountSid": _ACCOUNT,
        "From": {"type": "string", "description": "The sender, E.164."},
        "To": {"type": "string", "description": "One of this server's numbers."},
        "Body": {"type": "string", "maxLength": 1600},
        "NumMedia": {"type": "string", "pattern": "^([0-9]|10)?$"},
        "MessagingServiceSid": {"type": "string"},
        "SmsMessageSid": _SID,
        "SmsSid": _SID,
    },
    ["MessageSid", "AccountSid", "From", "To", "Body", "NumMedia"],
)
STATUS_FORM: Final = _form(
    {
        "MessageSid": _SID,
        "AccountSid": _ACCOUNT,
        "MessageStatus": {"type": "string", "pattern": "^[a-z_]{1,32}$"},
        "ErrorCode": {"type": "string", "pattern": "^[0-9]{0,8}$"},
    },
    ["MessageSid", "AccountSid", "MessageStatus"],
)

TOO_LARGE: Final[dict[int | str, dict[str, Any]]] = {
    413: {"description": "Body over NUDGE_MAX_BODY_BYTES.", "content": _TEXT},
}
_REFUSALS: Final[dict[int | str, dict[str, Any]]] = {
    400: {"description": "A field Twilio would never send this way.", "content": _TEXT},
    403: {"description": "Missing or wrong X-Twilio-Signature.", "content": _TEXT},
    415: {"description": "Not a URL-encoded form.", "content": _TEXT},
}
INBOUND_ANSWERS: Final[dict[int | str, dict[str, Any]]] = {
    200: {
        "description": "Stored (or a replay of a stored message): empty TwiML, the reply "
        "goes out through the outbox.",
        "content": {"application/xml": {"schema": {"type": "string"}}},
    },
    **_REFUSALS,
}
STATUS_ANSWERS: Final[dict[int | str, dict[str, Any]]] = {
    204: {"description": "Applied, or about no message of ours."},
    **_REFUSALS,
}


class Problem(BaseModel):
    """Every JSON error: a stable ``code`` to branch on and a ``message`` to show a person.

    Some errors add fields: FastAPI's ``detail`` (an ``HTTPException``'s, or a 422's list of
    what was invalid), a reminder phrase's ``understood``; ``docs/api.md`` lists the codes.
    """

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={"examples": [{"code": "not_found", "message": "Not Found"}]},
    )

    code: str
    message: str


class ValidationProblem(Problem):
    """A 422: not valid, or not possible as asked.

    ``invalid_request`` comes with FastAPI's ``detail`` list; other codes say why a valid
    request cannot be done (a phrase without a time, a past time, a rule it cannot run).
    """

    detail: list[dict[str, Any]] = []


def described_validation(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with FastAPI's 422 body described as ours (``code``, ``message``, ``detail``).

    FastAPI documents its own 422 on every operation that takes input; the body our handler
    writes is that one plus a code and a message (``web/errors.validation_error``).
    """
    shape = schema.get("components", {}).get("schemas", {}).get("HTTPValidationError")
    if shape is not None:
        shape["description"] = ValidationProblem.__doc__
        shape["properties"] = {
            "code": {"type": "string", "examples": ["invalid_request"]},
            "message": {"type": "string"},
            **shape["properties"],
        }
    return schema

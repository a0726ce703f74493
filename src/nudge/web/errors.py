r"""Every JSON error has ``code`` and ``message``: a stable code to branch on, words to show.

``ApiError`` is what the REST API's routes raise. An ``HTTPException`` (401 and 403 from the
principal, a 404 for an unknown path, the account pages' refusals) keeps FastAPI's
``detail`` as it was, and gains a code (the detail's own, else one from its status) and a
message beside it; a 422 for invalid input too (``detail``: FastAPI's list of what was wrong
where). So every client of before still finds ``detail``, and every error has the two keys.

That 422 echoes the invalid input, and rendering it raised (so the request got a 500) for
two kinds of JSON Python reads but cannot write back: a lone surrogate (``"\ud800"``), a
``str`` that UTF-8 cannot encode, and ``Infinity``/``NaN``, floats that strict JSON has no
word for. Escaping everything outside ASCII, and echoing a non-finite number as its name
(``"inf"``), keeps the answer the same JSON, and writable.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any, Final

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

STATUS_CODES: Final[Mapping[int, str]] = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
}
INVALID_MESSAGE: Final = "Some of the request is not valid: see errors."


class ApiError(Exception):
    """An answer other than success: its HTTP status, stable code and human message."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        extra: Mapping[str, object] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(code)
        self.status, self.code, self.message = status, code, message
        self.extra, self.headers = dict(extra or {}), dict(headers or {})


class AsciiJSONResponse(JSONResponse):
    r"""JSON with every non-ASCII character escaped (``\uXXXX``), so any ``str`` renders."""

    def render(self, content: Any) -> bytes:
        """The content as ASCII-only JSON."""
        text = json.dumps(content, ensure_ascii=True, allow_nan=False, separators=(",", ":"))
        return text.encode("ascii")


def _finite(value: Any) -> Any:
    """``value`` with every non-finite float replaced by its name, at any depth."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    return value


async def validation_error(_request: Request, error: Exception) -> JSONResponse:
    """A 422: ``invalid_request`` and FastAPI's ``detail`` list, rendered as ASCII-only JSON."""
    assert isinstance(error, RequestValidationError)  # registered for that class only
    detail = _finite(jsonable_encoder(error.errors()))
    body = {"code": STATUS_CODES[422], "message": INVALID_MESSAGE, "detail": detail}
    return AsciiJSONResponse(body, status_code=422)


async def api_error(_request: Request, error: Exception) -> JSONResponse:
    """An ``ApiError`` as its JSON body."""
    assert isinstance(error, ApiError)  # registered for that class only
    body = {"code": error.code, "message": error.message, **_finite(jsonable_encoder(error.extra))}
    return AsciiJSONResponse(body, status_code=error.status, headers=error.headers)


async def http_error(_request: Request, error: Exception) -> JSONResponse:
    """An ``HTTPException`` with its ``detail``, and a ``code`` and ``message`` beside it."""
    assert isinstance(error, HTTPException)  # registered for that class only
    detail = _finite(jsonable_encoder(error.detail))
    code = STATUS_CODES.get(error.status_code, f"http_{error.status_code}")
    message = str(detail)
    if isinstance(detail, dict):  # a refusal that names itself (the account pages')
        code, message = str(detail.get("code", code)), str(detail.get("message", message))
    body = {"code": code, "message": message, "detail": detail}
    return AsciiJSONResponse(body, status_code=error.status_code, headers=error.headers)

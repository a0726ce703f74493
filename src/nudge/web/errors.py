r"""A 422 whose body can always be written, whatever the request held.

FastAPI's 422 echoes the invalid input. JSON may carry a lone surrogate (``"\ud800"``),
which Python reads into a ``str`` that UTF-8 cannot encode: rendering the 422 then raised,
and the request got a 500 instead. Escaping everything outside ASCII keeps the answer the
same JSON, and writable.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse


class AsciiJSONResponse(JSONResponse):
    r"""JSON with every non-ASCII character escaped (``\uXXXX``), so any ``str`` renders."""

    def render(self, content: Any) -> bytes:
        """The content as ASCII-only JSON."""
        text = json.dumps(content, ensure_ascii=True, allow_nan=False, separators=(",", ":"))
        return text.encode("ascii")


async def validation_error(_request: Request, error: Exception) -> JSONResponse:
    """FastAPI's 422 body (``{"detail": [...]}``), rendered as ASCII-only JSON."""
    assert isinstance(error, RequestValidationError)  # registered for that class only
    return AsciiJSONResponse({"detail": jsonable_encoder(error.errors())}, status_code=422)

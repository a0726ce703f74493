r"""A 422 whose body can always be written, whatever the request held.

FastAPI's 422 echoes the invalid input, and rendering it raised (so the request got a 500)
for two kinds of JSON Python reads but cannot write back: a lone surrogate (``"\ud800"``),
a ``str`` that UTF-8 cannot encode, and ``Infinity``/``NaN``, floats that strict JSON has
no word for. Escaping everything outside ASCII, and echoing a non-finite number as its
name (``"inf"``), keeps the answer the same JSON, and writable.
"""

from __future__ import annotations

import json
import math
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
    """FastAPI's 422 body (``{"detail": [...]}``), rendered as ASCII-only JSON."""
    assert isinstance(error, RequestValidationError)  # registered for that class only
    detail = _finite(jsonable_encoder(error.errors()))
    return AsciiJSONResponse({"detail": detail}, status_code=422)

"""Structured JSON logs for Loki, with phone numbers masked and message bodies kept out."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog

from nudge.channels.phones import mask_phone

PHONE = re.compile(r"\+\d{8,15}")
PRIVATE_KEYS = frozenset({"body", "text", "message_body", "Body"})


def _mask(value: object) -> object:
    if isinstance(value, str):
        return PHONE.sub(lambda match: mask_phone(match.group(0)), value)
    return value


def redact(
    _logger: object, method: str, event: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """Mask phone numbers everywhere; drop bodies unless logging at DEBUG."""
    for key in list(event):
        if key in PRIVATE_KEYS and method != "debug":
            event[key] = f"<{len(str(event[key]))} chars>"
        else:
            event[key] = _mask(event[key])
    return event


def mask_exception(
    _logger: object, _method: str, event: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """Mask phone numbers in a formatted traceback (it is rendered after ``redact`` ran)."""
    text = event.get("exception")
    if isinstance(text, str):
        event["exception"] = _mask(text)
    return event


def configure_logging(*, level: str = "INFO", json: bool = True) -> None:
    """Set up structlog, and send stdlib logging (uvicorn, SQLAlchemy) through it too."""
    numeric = logging.getLevelName(level.upper())
    if not isinstance(numeric, int):
        numeric = logging.INFO
    renderer: Any = structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer()
    shared: list[Any] = [
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        redact,
    ]
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            *shared,
            structlog.processors.format_exc_info,
            mask_exception,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(numeric),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=False,
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=shared,
            # uvicorn logs a crash with exc_info: render it as text, or the line would end
            # in "<traceback object at 0x…>" and never show where it failed.
            processors=[
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.processors.format_exc_info,
                mask_exception,
                renderer,
            ],
        )
    )
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(max(numeric, logging.WARNING))


def get_logger(name: str) -> structlog.typing.FilteringBoundLogger:
    """A logger bound to a component name."""
    logger: structlog.typing.FilteringBoundLogger = structlog.get_logger(component=name)
    return logger

import json

import pytest
import structlog

from nudge.channels.phones import mask_phone
from nudge.observability.logging import configure_logging, get_logger


def test_mask_phone_keeps_only_prefix_and_last_two_digits() -> None:
    assert mask_phone("+15145550001") == "+1514*****01"
    assert "555000" not in mask_phone("+15145550001")


def test_logs_are_json_with_phones_masked_and_bodies_hidden(
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure_logging(level="INFO", json=True)
    get_logger("test").info(
        "inbound", phone="+15145550001", body="my secret", note="from +33612345678"
    )
    line = capsys.readouterr().err.strip().splitlines()[-1]
    event = json.loads(line)
    assert event["event"] == "inbound"
    assert event["phone"] == "+1514*****01"
    assert "my secret" not in line
    assert "+33612345678" not in line
    structlog.reset_defaults()


def test_stdlib_records_are_json_and_masked_too(capsys: pytest.CaptureFixture[str]) -> None:
    import logging

    configure_logging(level="INFO", json=True)
    logging.getLogger("sqlalchemy.pool").warning("client +15145550001 disconnected")
    line = capsys.readouterr().err.strip().splitlines()[-1]
    event = json.loads(line)
    assert event["level"] == "warning"
    assert "+15145550001" not in line
    structlog.reset_defaults()


def _raise_with_a_phone() -> None:
    raise RuntimeError("no route for +15145550001")


def test_a_crash_logged_by_uvicorn_carries_its_traceback_masked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import logging

    configure_logging(level="INFO", json=True)
    try:
        _raise_with_a_phone()
    except RuntimeError:
        logging.getLogger("tests.crash").exception("Exception in ASGI application")  # as uvicorn
    line = capsys.readouterr().err.strip().splitlines()[-1]
    event = json.loads(line)
    assert "traceback object" not in line
    assert "_raise_with_a_phone" in event["exception"]
    assert 'raise RuntimeError("no route for' in event["exception"]
    assert "+15145550001" not in line
    structlog.reset_defaults()


def test_a_structlog_exception_is_masked_too(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(level="INFO", json=True)
    try:
        _raise_with_a_phone()
    except RuntimeError:
        get_logger("test").exception("handler.crashed")
    line = capsys.readouterr().err.strip().splitlines()[-1]
    assert "_raise_with_a_phone" in json.loads(line)["exception"]
    assert "+15145550001" not in line
    structlog.reset_defaults()

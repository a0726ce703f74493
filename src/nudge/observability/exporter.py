"""A tiny HTTP endpoint for ``nudge worker``: ``GET /metrics`` (and ``/healthz``) on its loop.

Workers have no web app, but Prometheus must see their heartbeats and delivery counters. This
serves the same registry and scrape-time collection as the web's ``/metrics``, on the worker's
own event loop, without threads.
"""

from __future__ import annotations

import asyncio
import contextlib

from nudge.clock import Clock
from nudge.observability.collectors import render
from nudge.store.db import Database

READ_TIMEOUT_SECONDS = 5.0


def _response(status: str, body: bytes, content_type: str = "text/plain") -> bytes:
    head = (
        f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode() + body


async def _answer(db: Database, clock: Clock, request_line: bytes) -> bytes:
    parts = request_line.decode("latin-1").split()
    if len(parts) < 2 or parts[0] not in ("GET", "HEAD"):
        return _response("405 Method Not Allowed", b"")
    path = parts[1].split("?", 1)[0]
    if path == "/metrics":
        body, content_type = await render(db, clock.now())
        return _response("200 OK", body, content_type)
    if path == "/healthz":
        return _response("200 OK", b'{"status":"ok"}', "application/json")
    return _response("404 Not Found", b"")


async def serve_metrics(db: Database, clock: Clock, host: str, port: int) -> asyncio.Server:
    """Start serving; close the returned server to stop."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request_line = await asyncio.wait_for(reader.readline(), READ_TIMEOUT_SECONDS)
            while (await asyncio.wait_for(reader.readline(), READ_TIMEOUT_SECONDS)).strip():
                pass
            writer.write(await _answer(db, clock, request_line))
            await writer.drain()
        except (TimeoutError, ConnectionError):
            pass
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    return await asyncio.start_server(handle, host, port)

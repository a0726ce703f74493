"""The load generator, run as its own process: pre-signed webhooks over keep-alive HTTP/1.1.

    python -m bench.load_kit.generator --public-url URL --out results.json \
        (--rate 100 --duration 20 | --connections 64 --duration 20) [--phones N] [--seed S]
        [--cafile PEM] [--sources K]

Every request is built and signed before the clock starts (``mix.plan``); sending one is a
socket write of ready bytes and a minimal response read on uvloop, so the generator takes
little of the CPU the server needs (its CPU seconds are reported with the results).

Open loop (``--rate``): request *i* is due at start + i / rate whatever happened before, on
an idle connection or a new one; its latency counts from that due time, so a server that
falls behind is charged for the queue it causes (no coordinated omission). Closed loop
(``--connections``): each connection sends its next request as soon as the last answer came.
``--sources K`` spreads connections over K loopback source addresses (127.0.0.2…), as
Twilio's webhooks come from many addresses (Nginx limits the rate per address).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import ssl
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bench.load_kit.mix import plan

MAX_CONNECTIONS = 512


class Closed(Exception):
    """The server closed the connection before a whole answer."""


@dataclass
class Connection:
    """One keep-alive HTTP/1.1 connection."""

    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    usable: bool = True

    async def exchange(self, raw: bytes) -> int:
        """Send one request, read its whole answer; the status code."""
        self.writer.write(raw)
        try:
            head = await self.reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, ConnectionError) as error:
            self.usable = False
            raise Closed from error
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = dict(line.lower().split(": ", 1) for line in lines[1:] if ": " in line)
        if headers.get("transfer-encoding") == "chunked":
            await self._chunks()
        else:
            await self.reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection") == "close":
            self.usable = False
        return status

    async def _chunks(self) -> None:
        while size := int((await self.reader.readuntil(b"\r\n")).strip() or b"0", 16):
            await self.reader.readexactly(size + 2)
        await self.reader.readuntil(b"\r\n")

    def close(self) -> None:
        self.writer.close()


@dataclass
class Pool:
    """Idle connections to reuse, new ones opened on demand (up to ``MAX_CONNECTIONS``)."""

    host: str
    port: int
    tls: ssl.SSLContext | None
    sources: int
    idle: list[Connection] = field(default_factory=list)
    opened: int = 0

    async def take(self) -> Connection:
        if self.idle:
            return self.idle.pop()
        source = f"127.0.0.{2 + self.opened % self.sources}" if self.sources else None
        self.opened += 1
        reader, writer = await asyncio.open_connection(
            self.host,
            self.port,
            ssl=self.tls,
            server_hostname=self.host if self.tls else None,
            local_addr=(source, 0) if source else None,
        )
        return Connection(reader, writer)

    def give(self, connection: Connection) -> None:
        if connection.usable:
            self.idle.append(connection)
        else:
            connection.close()


@dataclass
class Results:
    """One row per request sent: MessageSid, due, start and end (monotonic s), status."""

    sid: list[str] = field(default_factory=list)
    due: list[float] = field(default_factory=list)
    start: list[float] = field(default_factory=list)
    end: list[float] = field(default_factory=list)
    status: list[int] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)

    def record(self, sid: str, due: float, start: float, status: int) -> None:
        self.sid.append(sid)
        self.due.append(due)
        self.start.append(start)
        self.end.append(time.monotonic())
        self.status.append(status)


async def send(pool: Pool, results: Results, sid: str, raw: bytes, due: float) -> None:
    """One request; a transport failure is recorded as status 0 with its kind."""
    start = time.monotonic()
    try:
        connection = await pool.take()
    except OSError as error:
        results.errors[type(error).__name__] = results.errors.get(type(error).__name__, 0) + 1
        results.record(sid, due, start, 0)
        return
    try:
        status = await connection.exchange(raw)
    except (Closed, OSError) as error:
        kind = type(error).__name__
        results.errors[kind] = results.errors.get(kind, 0) + 1
        connection.usable = False
        status = 0
    pool.give(connection)
    results.record(sid, due, start, status)


async def open_loop(pool: Pool, requests: list[tuple[str, bytes]], rate: float) -> Results:
    """Each request at its due time, on whatever connection is free (see module doc)."""
    results, tasks = Results(), set()
    semaphore = asyncio.Semaphore(MAX_CONNECTIONS)
    origin = time.monotonic() + 0.2

    async def one(sid: str, raw: bytes, due: float) -> None:
        async with semaphore:
            await send(pool, results, sid, raw, due)

    for index, (sid, raw) in enumerate(requests):
        due = origin + index / rate
        if (wait := due - time.monotonic()) > 0:
            await asyncio.sleep(wait)
        task = asyncio.create_task(one(sid, raw, due))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    await asyncio.gather(*tasks)
    return results


async def closed_loop(
    pool: Pool, requests: list[tuple[str, bytes]], connections: int, duration: float
) -> Results:
    """``connections`` senders, each with one request in flight, until ``duration`` ends."""
    results, queue = Results(), iter(requests)
    stop_at = time.monotonic() + duration

    async def sender() -> None:
        for sid, raw in queue:
            if time.monotonic() >= stop_at:
                return
            now = time.monotonic()
            await send(pool, results, sid, raw, now)

    await asyncio.gather(*(sender() for _ in range(connections)))
    return results


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--public-url", required=True)
    options.add_argument("--token", required=True)
    options.add_argument("--out", type=Path, required=True)
    options.add_argument("--rate", type=float, default=0.0, help="open loop: messages/s")
    options.add_argument("--connections", type=int, default=64, help="closed loop")
    options.add_argument("--duration", type=float, default=20.0)
    options.add_argument("--count", type=int, default=0, help="requests (default: from rate)")
    options.add_argument("--phones", type=int, default=1000)
    options.add_argument("--seed", type=int, default=12)
    options.add_argument("--cafile", default="")
    options.add_argument("--sources", type=int, default=0)
    arguments = options.parse_args()
    count = arguments.count or (
        round(arguments.rate * arguments.duration) if arguments.rate else 3000
    )
    requests = plan(
        count,
        phones=arguments.phones,
        public_url=arguments.public_url,
        auth_token=arguments.token,
        seed=arguments.seed,
    )
    pairs = [(item.sid, item.raw) for item in requests]
    url = urlsplit(arguments.public_url)
    tls = ssl.create_default_context(cafile=arguments.cafile) if arguments.cafile else None
    pool = Pool(url.hostname or "127.0.0.1", url.port or 80, tls, arguments.sources)
    import uvloop

    before = resource.getrusage(resource.RUSAGE_SELF)
    began = time.monotonic()
    if arguments.rate:
        work = open_loop(pool, pairs, arguments.rate)
    else:
        work = closed_loop(pool, pairs, arguments.connections, arguments.duration)
    results = uvloop.run(work)
    elapsed = time.monotonic() - began
    usage = resource.getrusage(resource.RUSAGE_SELF)
    report = {
        **results.__dict__,
        "elapsed": elapsed,
        "cpu_seconds": usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime,
        "planned": len(pairs),
        "connections_opened": pool.opened,
    }
    arguments.out.write_text(json.dumps(report), encoding="utf-8")


if __name__ == "__main__":
    main()

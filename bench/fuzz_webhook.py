"""10,000 fuzzed requests against a real ``nudge serve``: no 5xx, no dropped connection.

    PYTHONPATH=. .venv/bin/python bench/fuzz_webhook.py [--requests N] [--concurrency N]
        [--sqlite] [--seed N] [--hostile]

Starts ``nudge serve`` (web, scheduler and delivery in one process, as an operator runs it)
on a throwaway PostgreSQL database (``NUDGE_TEST_POSTGRES_DSN``, default the local server)
or, with ``--sqlite``, on a SQLite file, with Twilio configured against the fake Twilio
REST API on loopback. Then sends, over keep-alive connections at the given concurrency,
a seeded mix of fuzzed requests, signed with the server's own auth token (a hostile tester
who holds it, or a re-cut capture): inbound SMS (70 %), status callbacks (15 %) and
operator API deletes (15 %), each with fields replaced by extremes (empty, NUL bytes,
20-digit and negative numbers, non-ASCII digits, 10 KB ids) or dropped, and 1 in 10
well-formed. ``--hostile`` makes a fifth of the requests raw: binary bodies, invalid UTF-8
(raw and percent-encoded, signed as the route reads it), injection strings and thousands of
emoji, 100 KB bodies and bodies one byte either side of the 64 KB bound, JSON, multipart,
text and no content type, and signatures replayed from another body or URL or forged.
Prints the answers by status, the 5xx count, connections closed with no
answer, requests per second, and the server log's error lines (tracebacks). Exits 1 when
any 5xx or dropped connection was seen.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import random
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx
from tests.e2e.server import NudgeServer, free_port, nudge_env
from tests.fakes.twilio_server import FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, FakeTwilio, signed_form
from tests.integration.production_web import EXTREMES

from bench.fuzz_raw import Fuzzed, RawFuzzer
from bench.scheduler import ADMIN, admin

OUR_NUMBER = "+15145550100"
API_TOKEN = "fuzz-operator-token"
BODIES = ("add milk", "remind me to call mom in 20 min", "what's on today?", "done", "snooze 10")


@dataclass
class Tally:
    """What the fuzzed requests got back."""

    statuses: collections.Counter[int] = field(default_factory=collections.Counter)
    dropped: collections.Counter[str] = field(default_factory=collections.Counter)
    examples: list[str] = field(default_factory=list)

    @property
    def server_errors(self) -> int:
        return sum(count for status, count in self.statuses.items() if status >= 500)


class Fuzzer:
    """A seeded source of hostile requests for one public URL."""

    def __init__(self, public_url: str, seed: int, *, hostile: bool = False) -> None:
        self.public_url, self.random, self.hostile = public_url, random.Random(seed), hostile

    def odd(self) -> str:
        """An extreme value, or random text with control characters and NUL."""
        if self.random.random() < 0.7:
            return self.random.choice(EXTREMES)
        length = self.random.randint(0, 40)
        return "".join(chr(self.random.choice((0, 9, 31, 65, 233, 0x263A))) for _ in range(length))

    def mutate(self, form: dict[str, str]) -> dict[str, str]:
        """Replace up to three fields, maybe drop one, maybe add one; 1 in 10 untouched."""
        if self.random.random() < 0.1:
            return form
        names = sorted(form)
        for name in self.random.sample(names, k=self.random.randint(1, 3)):
            form[name] = self.odd()
        if self.random.random() < 0.3:
            del form[self.random.choice(sorted(form))]
        if self.random.random() < 0.2:
            form[self.random.choice(("MediaUrl0", "SmsSid", "Extra"))] = self.odd()
        return form

    def signed(self, path: str, form: dict[str, str]) -> Fuzzed:
        headers = signed_form(f"{self.public_url}{path}", form, FAKE_AUTH_TOKEN)
        return Fuzzed("POST", path, form, headers)

    def inbound(self) -> Fuzzed:
        form = {
            "MessageSid": "SM" + uuid.UUID(int=self.random.getrandbits(128)).hex,
            "AccountSid": FAKE_ACCOUNT_SID,
            "From": f"+1514555{self.random.randint(0, 9999):04d}",
            "To": OUR_NUMBER,
            "Body": self.random.choice(BODIES),
            "NumMedia": "0",
            "ApiVersion": "2010-04-01",
        }
        return self.signed("/webhooks/twilio/sms", self.mutate(form))

    def status(self) -> Fuzzed:
        form = {
            "MessageSid": "SM" + uuid.UUID(int=self.random.getrandbits(128)).hex,
            "MessageStatus": self.random.choice(("delivered", "failed", "sent")),
            "AccountSid": FAKE_ACCOUNT_SID,
            "ErrorCode": "30003",
        }
        outbox_id = self.random.choice((self.odd(), str(self.random.randint(-(2**70), 2**70))))
        path = "/webhooks/twilio/status?" + str(httpx.QueryParams({"outbox_id": outbox_id}))
        return self.signed(path, self.mutate(form))

    def api(self) -> Fuzzed:
        phone = self.random.choice(("+15145550101", self.odd()))
        memory = self.random.choice((str(self.random.randint(-(2**70), 2**70)), self.odd()))
        path = f"/api/v1/users/{quote(phone, safe='+')}/memories/{quote(memory, safe='')}"
        return Fuzzed("DELETE", path, None, {"Authorization": f"Bearer {API_TOKEN}"})

    def next(self) -> Fuzzed:
        if self.hostile and self.random.random() < 0.2:
            return RawFuzzer(self.public_url, self.random).next()
        roll = self.random.random()
        return self.inbound() if roll < 0.7 else self.status() if roll < 0.85 else self.api()


async def send_all(url: str, requests: list[Fuzzed], concurrency: int) -> Tally:
    """Send every request over ``concurrency`` keep-alive connections; tally the answers."""
    tally = Tally()
    queue: asyncio.Queue[Fuzzed] = asyncio.Queue()
    for request in requests:
        queue.put_nowait(request)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as client:

        async def worker() -> None:
            while not queue.empty():
                request = queue.get_nowait()
                try:
                    response = await client.request(
                        request.method,
                        request.path,
                        data=request.form,
                        content=request.content,
                        headers=request.headers,
                    )
                except httpx.TransportError as error:
                    tally.dropped[type(error).__name__] += 1
                    tally.examples.append(
                        f"{request.method} {request.path[:80]!r} {request.form!r:.300}"
                    )
                else:
                    tally.statuses[response.status_code] += 1

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return tally


def database_url(name: str, workdir: Path, *, sqlite: bool) -> str:
    if sqlite:
        return f"sqlite+aiosqlite:///{workdir / 'fuzz.db'}"
    base = ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://", 1)
    return f"{base}/{name}"


def error_lines(log: str) -> list[str]:
    """Server log lines at error level or carrying a traceback."""
    return [
        line
        for line in log.splitlines()
        if '"level": "error"' in line or "Traceback" in line or '"exception"' in line
    ]


def main() -> None:
    """Run the fuzz against a fresh server and print the tally."""
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--requests", type=int, default=10_000)
    options.add_argument("--concurrency", type=int, default=20)
    options.add_argument("--sqlite", action="store_true")
    options.add_argument("--seed", type=int, default=16)
    options.add_argument("--hostile", action="store_true", help="a fifth raw hostile requests")
    arguments = options.parse_args()
    name = f"nudge_fuzz_{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory() as tmp, FakeTwilio() as fake:
        workdir = Path(tmp)
        if not arguments.sqlite:
            asyncio.run(admin(f'CREATE DATABASE "{name}"'))
        port = free_port()
        public = f"http://127.0.0.1:{port}"
        env = nudge_env(
            {
                "NUDGE_DATABASE_URL": database_url(name, workdir, sqlite=arguments.sqlite),
                "NUDGE_PUBLIC_URL": public,
                "NUDGE_TWILIO_ACCOUNT_SID": FAKE_ACCOUNT_SID,
                "NUDGE_TWILIO_AUTH_TOKEN": FAKE_AUTH_TOKEN,
                "NUDGE_TWILIO_FROM": OUR_NUMBER,
                "NUDGE_TWILIO_API_BASE": fake.base_url,
                "NUDGE_API_TOKEN": API_TOKEN,
                "NUDGE_SEND_RATE_PER_SECOND": "0",
                "NUDGE_LOG_LEVEL": "WARNING",
            }
        )
        try:
            if not arguments.sqlite:
                migrate = [sys.executable, "-m", "nudge", "migrate"]
                subprocess.run(migrate, env=env, cwd=workdir, check=True, capture_output=True)
            server = NudgeServer(env, workdir, port)
            fuzzer = Fuzzer(public, arguments.seed, hostile=arguments.hostile)
            requests = [fuzzer.next() for _ in range(arguments.requests)]
            started = time.perf_counter()
            tally = asyncio.run(send_all(server.url, requests, arguments.concurrency))
            elapsed = time.perf_counter() - started
            server.stop()
            errors = error_lines(server.log())
        finally:
            if not arguments.sqlite:
                asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    database = "SQLite" if arguments.sqlite else "PostgreSQL"
    print(f"{arguments.requests} fuzzed requests, {arguments.concurrency} connections, {database}")
    print(f"answers: {dict(sorted(tally.statuses.items()))}")
    print(f"5xx: {tally.server_errors}  dropped connections: {sum(tally.dropped.values())}")
    if tally.dropped:
        print(f"dropped by kind: {dict(tally.dropped)}")
        for example in tally.examples[:5]:
            print(f"  {example}")
    print(f"{arguments.requests / elapsed:.0f} requests/s  server error lines: {len(errors)}")
    for line in errors[:5]:
        print(f"  {line[:200]} … {line[-400:]}")
    sys.exit(1 if tally.server_errors or tally.dropped else 0)


if __name__ == "__main__":
    main()

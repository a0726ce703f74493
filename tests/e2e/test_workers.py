"""Several ``nudge worker`` processes on PostgreSQL, killed and disturbed: every reminder once.

Each test inserts due reminders through the reminders service, starts real worker
subprocesses against a fake Twilio on loopback, disturbs them (SIGKILL, every database
connection terminated, provider 500s/503s/timeouts) and checks the fake received each
reminder exactly once.
"""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from nudge.bootstrap import build
from nudge.clock import SystemClock
from nudge.features.reminders import service as reminders
from nudge.store.tables import Outbox, User
from tests.conftest import PG_ADMIN_DSN, _clean, make_settings
from tests.e2e.server import nudge_env
from tests.fakes.twilio_server import FakeTwilio

pytestmark = pytest.mark.e2e
FROM_NUMBER = "+15145550100"
USERS, PER_USER = 200, 10
TOTAL = USERS * PER_USER


def body_of(n: int) -> str:
    return f'Reminder: task {n}. Reply "done" or "snooze 10".'


async def _seed(url: str, *, users: int, per_user: int) -> None:
    """Users (quiet hours off, so the test passes at any hour) with reminders due now."""
    services = build(make_settings(url), clock=SystemClock())
    try:
        await _clean(services)
        now = services.clock.now()
        async with services.db.transaction() as session:
            for u in range(users):
                user = User(
                    phone=f"+1514555{u:04d}",
                    timezone="America/Toronto",
                    locale="en",
                    quiet_start="",
                    quiet_end="",
                    created_at=now,
                )
                session.add(user)
                await session.flush()
                for r in range(per_user):
                    n = u * per_user + r
                    await reminders.create(
                        session,
                        user_id=user.id,
                        text=f"task {n}",
                        at=now - timedelta(seconds=1) + timedelta(milliseconds=r),
                        rrule=None,
                        timezone="America/Toronto",
                        always=False,
                        now=now,
                    )
    finally:
        await services.close()


async def _statuses(url: str) -> dict[str, int]:
    services = build(make_settings(url))
    try:
        async with services.db.sessions() as session:
            result = await session.execute(
                select(Outbox.status, func.count()).group_by(Outbox.status)
            )
            return {status: int(n) for status, n in result.all()}
    finally:
        await services.close()


async def _terminate_connections(url: str) -> int:
    """Cut every server-side connection to the test database, as a PostgreSQL restart would."""
    database = make_url(url).database
    connection = await asyncpg.connect(PG_ADMIN_DSN, timeout=5)
    try:
        rows = await connection.fetch(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = $1 AND pid <> pg_backend_pid()",
            database,
        )
        return len(rows)
    finally:
        await connection.close()


class Workers:
    """``nudge worker`` subprocesses sharing one environment."""

    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        self.env, self.cwd = env, cwd
        self.processes: list[subprocess.Popen[bytes]] = []

    def start(self) -> subprocess.Popen[bytes]:
        log = (self.cwd / f"worker{len(self.processes)}.log").open("wb")
        process = subprocess.Popen(
            [sys.executable, "-m", "nudge", "worker"],
            env=self.env,
            cwd=self.cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        return process

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=10)

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace")[-2000:] for p in self.cwd.glob("*.log"))


def wait_for(predicate: Callable[[], Any], *, timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def fake_twilio() -> Iterator[FakeTwilio]:
    with FakeTwilio() as fake:
        yield fake


@pytest.fixture
def workers(postgres_url: str, fake_twilio: FakeTwilio, tmp_path: Path) -> Iterator[Workers]:
    env = nudge_env(
        {
            "NUDGE_DATABASE_URL": postgres_url,
            "NUDGE_TWILIO_ACCOUNT_SID": fake_twilio.account_sid,
            "NUDGE_TWILIO_AUTH_TOKEN": fake_twilio.auth_token,
            "NUDGE_TWILIO_FROM": FROM_NUMBER,
            "NUDGE_TWILIO_API_BASE": fake_twilio.base_url,
            "NUDGE_TWILIO_TIMEOUT_SECONDS": "1",
            "NUDGE_SCHEDULER_POLL_SECONDS": "0.2",
            "NUDGE_DELIVERY_POLL_SECONDS": "0.2",
            "NUDGE_DELIVERY_LEASE_SECONDS": "4",
            "NUDGE_RECONCILE_AFTER_SECONDS": "2",
            "NUDGE_SEND_RATE_PER_SECOND": "0",
            "NUDGE_BATCH_SIZE": "50",
            "NUDGE_LOG_LEVEL": "ERROR",
        }
    )
    group = Workers(env, tmp_path)
    yield group
    group.stop_all()


def _assert_exactly_once(fake: FakeTwilio, url: str, total: int, logs: str) -> None:
    def all_settled() -> bool:
        statuses = asyncio.run(_statuses(url))
        return statuses.get("sent", 0) + statuses.get("delivered", 0) == total

    wait_for(all_settled, timeout=45, what=f"{total} sent rows\n{logs}")
    counts = Counter(message["body"] for message in fake.messages)
    assert sorted(counts) == sorted(body_of(n) for n in range(total))
    assert set(counts.values()) == {1}, [b for b, c in counts.items() if c > 1][:5]


def test_sigkill_mid_run_still_delivers_every_reminder_once(
    postgres_url: str, fake_twilio: FakeTwilio, workers: Workers
) -> None:
    asyncio.run(_seed(postgres_url, users=USERS, per_user=PER_USER))
    for _ in range(3):
        workers.start()
    wait_for(lambda: len(fake_twilio.messages) >= 300, timeout=30, what="first sends")
    victim = workers.processes[0]
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=5)
    workers.start()
    _assert_exactly_once(fake_twilio, postgres_url, TOTAL, workers.logs())
    # The killed worker never sent a reminder twice: the per-user order held too.
    for u in range(0, USERS, 37):
        mine = [m["body"] for m in fake_twilio.messages if m["to"] == f"+1514555{u:04d}"]
        assert len(mine) == PER_USER


def test_database_connections_cut_mid_run(
    postgres_url: str, fake_twilio: FakeTwilio, workers: Workers
) -> None:
    asyncio.run(_seed(postgres_url, users=100, per_user=10))
    for _ in range(3):
        workers.start()
    wait_for(lambda: len(fake_twilio.messages) >= 100, timeout=30, what="first sends")
    for _ in range(2):
        assert _cut_once_connected(postgres_url) > 0
        time.sleep(0.3)
    _assert_exactly_once(fake_twilio, postgres_url, 1000, workers.logs())


def _cut_once_connected(url: str, timeout: float = 15.0) -> int:
    """Cut the test database's connections as soon as a worker holds one again.

    After a cut the workers pause before reconnecting: the second cut waits for them
    rather than finding nothing to cut.
    """
    deadline = time.monotonic() + timeout
    while True:
        cut = asyncio.run(_terminate_connections(url))
        if cut > 0 or time.monotonic() > deadline:
            return cut
        time.sleep(0.05)


def test_provider_errors_and_timeouts_for_a_while(
    postgres_url: str, fake_twilio: FakeTwilio, workers: Workers
) -> None:
    asyncio.run(_seed(postgres_url, users=50, per_user=10))
    fake_twilio.fail_next(15, status=503)  # definite: retried with backoff
    fake_twilio.fail_next(10, status=500)  # ambiguous: looked up before any re-send
    fake_twilio.delay_next(5, seconds=2)  # accepted, but the client times out: looked up
    for _ in range(3):
        workers.start()
    _assert_exactly_once(fake_twilio, postgres_url, 500, workers.logs())


def test_sigterm_hands_back_unstarted_rows_and_exits_cleanly(
    postgres_url: str, fake_twilio: FakeTwilio, workers: Workers
) -> None:
    asyncio.run(_seed(postgres_url, users=10, per_user=5))
    workers.env["NUDGE_SEND_RATE_PER_SECOND"] = "20"  # paced: the worker holds a queue
    worker = workers.start()
    wait_for(lambda: len(fake_twilio.messages) >= 5, timeout=20, what="first sends")
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(timeout=15) == 0
    statuses = asyncio.run(_statuses(postgres_url))
    assert "sending" not in statuses, statuses
    assert "unknown" not in statuses, statuses
    sent = statuses.get("sent", 0)
    assert sent == len(fake_twilio.messages) < 50
    workers.start()
    _assert_exactly_once(fake_twilio, postgres_url, 50, workers.logs())

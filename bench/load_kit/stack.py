"""The processes of a load run: a scratch database, ``nudge`` web and workers, Nginx, RSS.

Every process is a real subprocess with its own log file, started as an operator would and
stopped with SIGTERM (or SIGKILL when a run kills one on purpose).
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import httpx
from tests.e2e.server import free_port, nudge_env
from tests.fakes.twilio_server import FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN
from tests.ops.tools import nginx_command, write_config

from bench.load_kit.mix import OUR_NUMBER
from bench.scheduler import ADMIN, admin

ROOT = Path(__file__).resolve().parents[2]
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


SOURCES = "NUDGE_LOAD_SOURCES"
"""``bench/load.py --src DIR``: run another tree's ``nudge`` (an older commit, exported)."""


def python_path() -> str:
    """This checkout's sources first (or ``--src``), for every child process."""
    sources = os.environ.get(SOURCES) or str(ROOT / "src")
    parts = [sources, str(ROOT), os.environ.get("PYTHONPATH", "")]
    return os.pathsep.join(part for part in parts if part)


class Proc:
    """One child process, its log, and the resident memory of its process tree."""

    def __init__(self, name: str, args: Sequence[str], env: Mapping[str, str], cwd: Path) -> None:
        self.name, self.log_path = name, cwd / f"{name}.log"
        self._log = self.log_path.open("w")
        self.process = subprocess.Popen(
            list(args), env=dict(env), cwd=cwd, stdout=self._log, stderr=subprocess.STDOUT
        )

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def rss_mb(self) -> float:
        """Resident memory of the process and its children (uvicorn's workers), in MB."""
        return sum(_rss_kb(pid) for pid in _tree(self.pid)) / 1024

    def cpu_seconds(self) -> float:
        """User + system CPU of the process and its live children so far."""
        return sum(_cpu(pid) for pid in _tree(self.pid))

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL: the process gets no chance to finish anything."""
        if self.alive():
            self.process.kill()
            self.process.wait()

    def stop(self, timeout: float = 20) -> None:
        """SIGTERM, then SIGKILL if it is still there after ``timeout``."""
        if self.alive():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()
        self._log.close()


def _tree(pid: int) -> list[int]:
    pids, index = [pid], 0
    while index < len(pids):
        try:
            children = Path(f"/proc/{pids[index]}/task/{pids[index]}/children").read_text()
        except OSError:
            children = ""
        pids.extend(int(child) for child in children.split())
        index += 1
    return pids


TICKS = os.sysconf("SC_CLK_TCK")


def _cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


async def _backends(database: str) -> list[int]:
    connection = await asyncpg.connect(ADMIN)
    try:
        rows = await connection.fetch(
            "SELECT pid FROM pg_stat_activity WHERE datname = $1", database
        )
    finally:
        await connection.close()
    return [int(row["pid"]) for row in rows]


def backend_pids(database: str) -> list[int]:
    """The PostgreSQL server processes serving ``database`` now (local server only)."""
    try:
        return asyncio.run(_backends(database))
    except (OSError, asyncpg.PostgresError):
        return []


def _rss_kb(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0


def wait_ready(proc: Proc, url: str, timeout: float = 60) -> None:
    """Poll ``url`` until it answers 200; fail with the process's log if it died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not proc.alive():
            raise RuntimeError(f"{proc.name} exited:\n{proc.log()[-3000:]}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{proc.name} never became ready:\n{proc.log()[-3000:]}")


@dataclass
class Scratch:
    """A throwaway database: a new PostgreSQL database, or a SQLite file in ``workdir``."""

    workdir: Path
    sqlite: bool
    name: str = field(default_factory=lambda: f"nudge_load_{uuid.uuid4().hex[:8]}")

    @property
    def url(self) -> str:
        if self.sqlite:
            return f"sqlite+aiosqlite:///{self.workdir / (self.name + '.db')}"
        base = ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://", 1)
        return f"{base}/{self.name}"

    def create(self) -> None:
        if not self.sqlite:
            asyncio.run(admin(f'CREATE DATABASE "{self.name}"'))

    def drop(self) -> None:
        if not self.sqlite:
            asyncio.run(admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))


def nudge_settings(db_url: str, public_url: str, fake_url: str, **extra: str) -> dict[str, str]:
    """``nudge``'s environment: real Twilio against the fake, signatures on, no pacing.

    The per-phone rate limits are raised out of reach, not turned off: a synthetic crowd of
    1,000 phones at hundreds of texts a second sends each more than a person could.
    """
    env = nudge_env(
        {
            "NUDGE_DATABASE_URL": db_url,
            "NUDGE_PUBLIC_URL": public_url,
            "NUDGE_TWILIO_ACCOUNT_SID": FAKE_ACCOUNT_SID,
            "NUDGE_TWILIO_AUTH_TOKEN": FAKE_AUTH_TOKEN,
            "NUDGE_TWILIO_FROM": OUR_NUMBER,
            "NUDGE_TWILIO_API_BASE": fake_url,
            "NUDGE_TWILIO_VALIDATE_SIGNATURE": "true",
            "NUDGE_SEND_RATE_PER_SECOND": "0",
            "NUDGE_LOG_LEVEL": "INFO",
            # 1,000 phones at 600 texts/s send 36 a minute each, over the per-phone limit:
            # limits still counted (their query runs), never reached
            "NUDGE_RATE_LIMIT_PER_MINUTE": "100000",
            "NUDGE_RATE_LIMIT_PER_HOUR": "100000",
            "NUDGE_RATE_LIMIT_PER_DAY": "100000",
            "NUDGE_RATE_LIMIT_REPEATS": "100000",
            **extra,
        }
    )
    env["PYTHONPATH"] = python_path()
    return env


def nudge(*args: str) -> list[str]:
    return [sys.executable, "-m", "nudge", *args]


def migrate(env: Mapping[str, str], cwd: Path) -> None:
    subprocess.run(nudge("migrate"), env=dict(env), cwd=cwd, check=True, capture_output=True)


def start_web(name: str, env: Mapping[str, str], cwd: Path, port: int, *, workers: bool) -> Proc:
    """``nudge serve`` on ``port`` (``--no-workers`` unless ``workers``), ready to take load."""
    args = nudge("serve", "--port", str(port), *(() if workers else ("--no-workers",)))
    proc = Proc(name, args, env, cwd)
    wait_ready(proc, f"http://127.0.0.1:{port}/readyz")
    return proc


def start_profiler(target: Proc, out: str, seconds: float, cwd: Path) -> Proc:
    """py-spy sampling ``target`` for ``seconds`` into ``out`` (collapsed stacks, ``-f raw``)."""
    spy = str(Path(sys.executable).with_name("py-spy"))
    args = [
        spy,
        "record",
        "--pid",
        str(target.pid),
        "-d",
        str(round(seconds)),
        "-r",
        "200",
        "--gil",
    ]
    return Proc("py-spy", [*args, "-f", "raw", "-o", out, "--nonblocking"], os.environ, cwd)


def start_worker(name: str, env: Mapping[str, str], cwd: Path) -> Proc:
    """``nudge worker``, ready when its metrics port answers /healthz."""
    port = free_port()
    extra = {"NUDGE_WORKER_METRICS_PORT": str(port)}
    proc = Proc(name, nudge("worker"), {**env, **extra}, cwd)
    wait_ready(proc, f"http://127.0.0.1:{port}/healthz")
    return proc


def start_floor(db_url: str, public_url: str, cwd: Path, port: int, workers: int) -> Proc:
    """The bare signed-INSERT app (``floor_app``) on ``port``."""
    env = {
        **nudge_env({}),
        "PYTHONPATH": python_path(),
        "FLOOR_DATABASE_URL": db_url,
        "FLOOR_PUBLIC_URL": public_url,
        "FLOOR_AUTH_TOKEN": FAKE_AUTH_TOKEN,
    }
    args = [sys.executable, "-m", "bench.load_kit.floor_app", "--port", str(port)]
    proc = Proc("floor", [*args, "--workers", str(workers)], env, cwd)
    wait_ready(proc, f"http://127.0.0.1:{port}/readyz")
    return proc


@dataclass
class Edge:
    """Nginx with the shipped config in front of the web processes; TLS on ``port``."""

    proc: Proc
    port: int
    cert: Path

    @property
    def public_url(self) -> str:
        return f"https://127.0.0.1:{self.port}"


def start_nginx(nginx: str, cwd: Path, web_ports: Sequence[int], https_port: int) -> Edge:
    """Render ``deploy/nginx/nudge.conf.template`` for loopback, every web port upstream."""
    tmp = cwd / f"nginx-{https_port}"
    tmp.mkdir()
    upstream = " max_fails=3 fail_timeout=10s; server ".join(f"127.0.0.1:{p}" for p in web_ports)
    taken = {*web_ports, https_port}
    http_port = next(port for port in iter(free_port, None) if port not in taken)
    cert = write_config(tmp, upstream, http_port, https_port, connections=4096)
    checked = subprocess.run(nginx_command(nginx, tmp, "-t"), capture_output=True, check=False)
    if checked.returncode:
        raise RuntimeError(checked.stderr.decode())
    proc = Proc("nginx", nginx_command(nginx, tmp, "-g", "daemon off;"), os.environ, cwd)
    deadline = time.monotonic() + 10
    while not (tmp / "nginx.pid").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    return Edge(proc, https_port, cert)


class RssSampler:
    """Samples memory and CPU twice a second in a thread: peak RSS, CPU seconds used.

    ``database``: also the CPU of the PostgreSQL backends serving it (each backend's total
    at its last sample; they live as long as the pools that opened them).
    """

    def __init__(self, procs: Sequence[Proc], database: str = "") -> None:
        self.procs, self.peak = list(procs), {proc.name: 0.0 for proc in procs}
        self.cpu = {proc.name: 0.0 for proc in procs}
        self._database = database
        self._base: dict[int, float] = {}  # CPU of the backends open at the start
        self._backends: dict[int, float] = {}  # CPU each backend used since
        self._started = {proc.name: 0.0 for proc in procs}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> RssSampler:
        for proc in self.procs:
            self._started[proc.name] = proc.cpu_seconds()
        if self._database:
            self._base = {pid: _cpu(pid) for pid in backend_pids(self._database)}
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()
        if self._database:
            self.cpu["postgres"] = sum(self._backends.values())

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            self._sample()

    def _sample(self) -> None:
        for proc in self.procs:
            if proc.alive():
                self.peak[proc.name] = max(self.peak[proc.name], proc.rss_mb())
                used = proc.cpu_seconds() - self._started[proc.name]
                self.cpu[proc.name] = max(self.cpu[proc.name], used)
        if self._database:
            for pid in backend_pids(self._database):
                used = _cpu(pid) - self._base.get(pid, 0.0)
                self._backends[pid] = max(self._backends.get(pid, 0.0), used)

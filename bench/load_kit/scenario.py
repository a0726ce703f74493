"""One load run end to end: fresh database, processes, generator, drain, tally.

``run_nudge`` measures Nudge (one web process, or several behind Nginx, with ``nudge
worker`` processes or the delivery loop inside ``nudge serve``); ``run_floor`` the bare
signed-INSERT app. Both return an ``Outcome``; nothing here prints.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.e2e.server import free_port, free_ports, nudge_env
from tests.fakes.twilio_server import FAKE_AUTH_TOKEN, FakeTwilio

from bench.load_kit import stack, tally

DRAIN_IDLE_SECONDS = 15.0


@dataclass(frozen=True)
class Load:
    """What to send: open loop at ``rate`` (0: closed loop on ``connections``)."""

    rate: float = 0.0
    connections: int = 64
    duration: float = 20.0
    count: int = 0  # requests planned (0: from rate x duration, or plenty for closed loop)
    phones: int = 1000
    seed: int = 12
    sources: int = 0

    def args(self) -> list[str]:
        planned = self.count or (
            round(self.rate * self.duration) if self.rate else round(2000 * self.duration)
        )
        return [
            *(("--rate", str(self.rate)) if self.rate else ()),
            "--connections", str(self.connections), "--duration", str(self.duration),
            "--count", str(planned), "--phones", str(self.phones), "--seed", str(self.seed),
            "--sources", str(self.sources),
        ]  # fmt: skip


@dataclass(frozen=True)
class Topology:
    """Which processes serve: web processes, worker processes, Nginx in front or not."""

    webs: int = 1
    workers: int = 1  # 0: the delivery and scheduler loops run inside ``nudge serve``
    nginx: bool = False
    sqlite: bool = False
    kill_web_at: float = 0.0  # seconds into the run: SIGKILL the first web process
    profile: str = ""  # py-spy output (collapsed stacks) for ``profiled``
    profiled: str = "web1"  # the process py-spy samples (web1, worker1…)
    extra_env: tuple[tuple[str, str], ...] = ()


@dataclass
class Outcome:
    """Everything a run measured."""

    label: str
    sent: tally.Sent
    stored: tally.Stored | None = None
    replies: tally.Replies = field(default_factory=tally.Replies)
    rss_peak: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds by process, and postgres
    bench_cpu_seconds: float = 0.0
    killed: str = ""

    @property
    def lost(self) -> int:
        """Acknowledged with 200 but not stored, or stored and never answered."""
        if self.stored is None:
            return 0
        accepted = self.sent.accepted
        unanswered = accepted - set(self.replies.arrived)
        return len((accepted - self.stored.inbound) | unanswered)

    @property
    def expected_replies(self) -> int:
        """One reply per stored message of this run (200 or not: stored is answered)."""
        return 0 if self.stored is None else len(self.stored.inbound & set(self.sent.due))

    @property
    def errors(self) -> int:
        """Requests not answered 200 (refusals, 5xx, dropped connections)."""
        return len(self.sent.status) - len(self.sent.accepted)


def generate(public_url: str, workdir: Path, load: Load, cafile: str = "") -> tally.Sent:
    """Run the generator process to the end and read its results."""
    out = workdir / f"sent-{time.monotonic_ns()}.json"
    args = [sys.executable, "-m", "bench.load_kit.generator", "--public-url", public_url]
    args += ["--token", FAKE_AUTH_TOKEN, "--out", str(out), *load.args()]
    if cafile:
        args += ["--cafile", cafile]
    env = {**nudge_env({}), "PYTHONPATH": stack.python_path()}
    subprocess.run(args, env=env, cwd=stack.ROOT, check=True)
    return tally.Sent.read(out)


def run_floor(workdir: Path, load: Load, *, sqlite: bool, workers: int = 1) -> Outcome:
    """The bare signed-INSERT endpoint under ``load``."""
    scratch = stack.Scratch(workdir, sqlite)
    scratch.create()
    port = free_port()
    public = f"http://127.0.0.1:{port}"
    proc = stack.start_floor(scratch.url, public, workdir, port, workers)
    try:
        with stack.RssSampler([proc], "" if sqlite else scratch.name) as sampler:
            sent = generate(public, workdir, load)
        stored = tally.count(scratch.url, "SELECT count(*) FROM floor_messages")
    finally:
        proc.stop()
        scratch.drop()
    outcome = Outcome("floor", sent, rss_peak=sampler.peak, cpu=sampler.cpu)
    outcome.stored = tally.Stored(sent.accepted, stored, {}, {})
    return outcome


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _drain(fake: FakeTwilio, scratch: stack.Scratch, sent: tally.Sent, timeout: float) -> None:
    """Wait until every stored message of the run has its reply, or nothing moves for long."""
    expected = tally.count(scratch.url, tally.STORED_COUNT) or len(sent.accepted)
    last, moved, deadline = -1, time.monotonic(), time.monotonic() + timeout
    while time.monotonic() < deadline:
        arrived = len(fake.messages)
        if arrived >= expected:
            return
        if arrived != last:
            last, moved = arrived, time.monotonic()
        elif time.monotonic() - moved > DRAIN_IDLE_SECONDS:
            return
        time.sleep(0.25)


def _start(
    topology: Topology, env: dict[str, str], workdir: Path, web_ports: list[int], edge_port: int
) -> tuple[list[stack.Proc], str]:
    """Migrate, then start web processes, workers and Nginx; the processes and the CA file."""
    stack.migrate(env, workdir)
    procs = [
        stack.start_web(f"web{index + 1}", env, workdir, port, workers=not topology.workers)
        for index, port in enumerate(web_ports)
    ]
    procs += [stack.start_worker(f"worker{n + 1}", env, workdir) for n in range(topology.workers)]
    if not topology.nginx:
        return procs, ""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    edge = stack.start_nginx(nginx, workdir, web_ports, edge_port)
    return [*procs, edge.proc], str(edge.cert)


def run_nudge(workdir: Path, load: Load, topology: Topology, *, drain: float = 120) -> Outcome:
    """Nudge under ``load`` on ``topology``: every reply awaited, then everything counted."""
    scratch = stack.Scratch(workdir, topology.sqlite)
    scratch.create()
    procs: list[stack.Proc] = []
    *web_ports, edge_port = free_ports(topology.webs + 1)  # all different (Nginx's last)
    edge_port = edge_port if topology.nginx else 0
    public = (
        f"https://127.0.0.1:{edge_port}" if topology.nginx else f"http://127.0.0.1:{web_ports[0]}"
    )
    with FakeTwilio(http="httptools") as fake:
        try:
            env = stack.nudge_settings(
                scratch.url, public, fake.base_url, **dict(topology.extra_env)
            )
            procs, cafile = _start(topology, env, workdir, web_ports, edge_port)
            killer = _killer(procs[0], topology.kill_web_at)
            if topology.profile:
                target = next(proc for proc in procs if proc.name == topology.profiled)
                procs.append(stack.start_profiler(target, topology.profile, load.duration, workdir))
            cpu = _cpu()
            database = "" if topology.sqlite else scratch.name
            with stack.RssSampler(procs, database) as sampler:
                sent = generate(public, workdir, load, cafile)
                _drain(fake, scratch, sent, drain)
            bench_cpu = _cpu() - cpu
            if killer is not None:
                killer.cancel()
            stored = tally.stored(scratch.url)
            replies = tally.Replies.match(fake.messages, stored.reply_key)
        finally:
            for proc in reversed(procs):
                proc.stop()
            scratch.drop()
    label = f"nudge {topology.webs} web / {topology.workers} worker"
    killed = procs[0].name if topology.kill_web_at else ""
    return Outcome(label, sent, stored, replies, sampler.peak, sampler.cpu, bench_cpu, killed)


def _killer(proc: stack.Proc, at: float) -> threading.Timer | None:
    """SIGKILL ``proc`` ``at`` seconds from now (a web process dying mid-run)."""
    if not at:
        return None
    timer = threading.Timer(at, proc.kill)
    timer.daemon = True
    timer.start()
    return timer

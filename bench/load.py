"""Webhook load on a real stack: capacity, latency at a steady rate, nothing lost, the floor.

    PYTHONPATH=src:. .venv/bin/python bench/load.py [--mode all|capacity|open|floor]
        [--connections 64] [--rate 100] [--duration 20] [--phones 1000]
        [--webs 1] [--web-workers 1] [--workers 1 | --workers 0] [--sqlite]
        [--scale-out [--kill]]
        [--profile FILE [--profiled worker1]] [--env NUDGE_X=v] [--src DIR] [--keep]

On a throwaway PostgreSQL database (``NUDGE_TEST_POSTGRES_DSN``, default the local server),
or a SQLite file with ``--sqlite``: ``nudge migrate``, then ``nudge serve --no-workers`` and
``nudge worker`` (``--workers 0``: one ``nudge serve`` with its own scheduler and delivery
loops), Twilio configured against the fake Twilio REST API on loopback, signatures checked,
delivery pacing off. A generator process (``bench/load_kit/generator.py``) sends pre-signed
webhooks from ``--phones`` senders in a realistic English/French mix (``mix.py``):

* ``capacity``: closed loop, ``--connections`` connections for ``--duration`` seconds;
* ``open``: a fixed ``--rate`` for ``--duration`` seconds, latency from each request's
  scheduled time (no coordinated omission);
* ``floor``: the bare FastAPI app that checks the signature and does one INSERT
  (``floor_app.py``), closed loop like ``capacity``, in the same run; Nudge's capacity is
  quoted as a ratio of it.

Each run waits for every reply at the fake Twilio, then prints throughput, webhook and
end-to-end (webhook due → reply at the fake) p50/p95/p99, errors, messages stored against
accepted, replies against expected, duplicates, peak RSS of every process, and the CPU the
generator and the fake took. ``--scale-out``: 2 web processes behind the shipped Nginx
config (TLS, rendered for loopback, connections from 16 loopback addresses) and 2 workers;
``--kill`` SIGKILLs one web process halfway. Exits 1 when anything was lost or duplicated.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from pathlib import Path

from bench.load_kit.scenario import Load, Outcome, Topology, run_floor, run_nudge
from bench.load_kit.stack import SOURCES
from bench.load_kit.tally import spread_ms


def describe(outcome: Outcome, load: Load) -> list[str]:
    """The lines printed for one run."""
    sent = outcome.sent
    mode = f"open loop {load.rate:g}/s" if load.rate else f"closed loop {load.connections} conn"
    lines = [
        f"## {outcome.label}, {mode}, {load.duration:g} s, {load.phones} phones",
        f"requests {len(sent.status):,} of {sent.planned:,} planned; answers {sent.statuses}"
        + (f"; dropped {sent.errors}" if sent.errors else ""),
        f"throughput {sent.throughput:,.0f} accepted/s;"
        f" webhook p50/p95/p99 {spread_ms(sent.webhook_latencies)} ms",
    ]
    if outcome.label != "floor" and outcome.stored is not None:
        stored = outcome.stored
        of_run = stored.inbound & set(sent.due)
        replies = outcome.replies
        lines += [
            f"end-to-end (due -> reply at fake) p50/p95/p99 "
            f"{spread_ms(outcome.replies.end_to_end(sent))} ms",
            f"stored {len(of_run):,} of {len(sent.accepted):,} accepted"
            f" ({len(sent.accepted - stored.inbound)} accepted not stored);"
            f" replies {len(replies.arrived):,} of {outcome.expected_replies:,} expected;"
            f" duplicates {replies.duplicates}; lost {outcome.lost}; outbox {stored.outbox_status}"
            f"; never handled {stored.waiting}",
        ]
    elif outcome.stored is not None:
        lines.append(f"rows inserted {outcome.stored.inbound_rows:,}")
    rss = ", ".join(f"{name} {mb:.0f} MB" for name, mb in outcome.rss_peak.items())
    per = max(len(sent.accepted), 1) / 1000
    cpu = ", ".join(f"{name} {seconds / per:.1f}" for name, seconds in outcome.cpu.items())
    lines.append(f"CPU ms per accepted message: {cpu}")
    lines.append(
        f"peak RSS: {rss}; generator CPU {sent.cpu_seconds:.1f} s,"
        f" fake Twilio + bench CPU {outcome.bench_cpu_seconds:.1f} s"
        + (f"; killed {outcome.killed} mid-run" if outcome.killed else "")
    )
    return lines


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--mode", choices=("all", "capacity", "open", "floor"), default="all")
    options.add_argument("--connections", type=int, default=64)
    options.add_argument("--rate", type=float, default=100.0)
    options.add_argument("--duration", type=float, default=20.0)
    options.add_argument("--phones", type=int, default=1000)
    options.add_argument("--count", type=int, default=0, help="requests per run (0: by time)")
    options.add_argument("--webs", type=int, default=1)
    options.add_argument("--workers", type=int, default=1)
    options.add_argument(
        "--web-workers", type=int, default=1, help="NUDGE_WEB_WORKERS (the floor gets as many)"
    )
    options.add_argument("--sqlite", action="store_true")
    options.add_argument("--scale-out", action="store_true")
    options.add_argument("--kill", action="store_true", help="with --scale-out")
    options.add_argument("--profile", default="", help="py-spy collapsed stacks file")
    options.add_argument("--profiled", default="web1", help="the process to profile (worker1…)")
    options.add_argument("--env", action="append", default=[], help="NUDGE_X=value for nudge")
    options.add_argument("--keep", action="store_true", help="keep the logs' directory")
    options.add_argument("--src", default="", help="another tree's src/ to run (before/after)")
    arguments = options.parse_args()
    if arguments.src:
        os.environ[SOURCES] = str(Path(arguments.src).resolve())
    webs, workers = arguments.webs, arguments.workers
    if arguments.scale_out:
        webs, workers = max(webs, 2), max(workers, 2)
    sources = 16 if arguments.scale_out else 0
    common = {"duration": arguments.duration, "phones": arguments.phones, "sources": sources}
    capacity = Load(connections=arguments.connections, count=arguments.count, **common)
    steady = Load(rate=arguments.rate, count=arguments.count, seed=13, **common)
    extra = tuple(tuple(item.split("=", 1)) for item in arguments.env)
    if arguments.web_workers > 1:
        extra += (("NUDGE_WEB_WORKERS", str(arguments.web_workers)),)
    topology = Topology(
        webs=webs,
        workers=workers,
        nginx=arguments.scale_out,
        sqlite=arguments.sqlite,
        kill_web_at=arguments.duration / 2 if arguments.kill else 0.0,
        profile=arguments.profile,
        profiled=arguments.profiled,
        extra_env=extra,
    )
    outcomes: list[tuple[Outcome, Load]] = []
    workspace: contextlib.AbstractContextManager[str] = (
        contextlib.nullcontext(tempfile.mkdtemp(prefix="nudge-load-"))
        if arguments.keep
        else tempfile.TemporaryDirectory(prefix="nudge-load-")
    )
    with workspace as tmp:
        workdir = Path(tmp)
        database = "SQLite" if arguments.sqlite else "PostgreSQL"
        kept = "kept" if arguments.keep else "removed at exit"
        print(f"# load on {database}, logs in {workdir} ({kept})", flush=True)
        if arguments.mode in ("all", "floor") and not arguments.scale_out:
            floor_workers = webs * arguments.web_workers
            floor = run_floor(workdir, capacity, sqlite=arguments.sqlite, workers=floor_workers)
            outcomes.append((floor, capacity))
            _print(floor, capacity)
        if arguments.mode in ("all", "capacity"):
            outcomes.append((run_nudge(workdir, capacity, topology), capacity))
            _print(*outcomes[-1])
        if arguments.mode in ("all", "open"):
            outcomes.append((run_nudge(workdir, steady, topology), steady))
            _print(*outcomes[-1])
    _summary(outcomes)
    bad = [o for o, _ in outcomes if o.label != "floor" and (o.lost or o.replies.duplicates)]
    sys.exit(1 if bad else 0)


def _print(outcome: Outcome, load: Load) -> None:
    print("\n".join(describe(outcome, load)) + "\n", flush=True)


def _summary(outcomes: list[tuple[Outcome, Load]]) -> None:
    floor = next((o for o, _ in outcomes if o.label == "floor"), None)
    capacity = next((o for o, load in outcomes if o.label != "floor" and not load.rate), None)
    if floor is not None and capacity is not None and floor.sent.throughput:
        ratio = capacity.sent.throughput / floor.sent.throughput
        print(
            f"capacity {capacity.sent.throughput:,.0f}/s against the floor's"
            f" {floor.sent.throughput:,.0f}/s: ratio {ratio:.2f}"
        )


if __name__ == "__main__":
    main()

"""Agent overhead per turn (everything except model time) with the scripted model, on SQLite.

    .venv/bin/python bench/agent.py [turns]

Each turn is one SMS the rules miss, through the real handler: history and memory lookup,
budget check, two model calls (a tool call, then text) answered instantly, the tool run,
usage rows, the reply in the outbox. Target: p99 < 20 ms.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime

from nudge.agent.loop import Agent, AgentConfig
from nudge.agent.models.base import ModelReply
from nudge.agent.models.scripted import Request, ScriptedModel, call, say
from nudge.bootstrap import build
from nudge.channels.base import Inbound
from nudge.clock import FakeClock
from nudge.commands import Remember
from nudge.settings import Settings
from nudge.store.migrate import upgrade


def script(request: Request) -> ModelReply:
    return (
        call("add_todo", text="water the plants") if request.turns[-1].role == "user" else say("")
    )


async def main(turns: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            _env_file=None, database_url=f"sqlite+aiosqlite:///{folder}/b.db", log_level="WARNING"
        )  # type: ignore[call-arg]
        clock = FakeClock(datetime(2026, 11, 24, 15, tzinfo=UTC))
        services = build(
            settings,
            clock=clock,
            agent=Agent(ScriptedModel(script), AgentConfig(daily_token_budget=10**9)),
        )
        await upgrade(services.db)
        for n in range(50):  # a user with some memories
            inbound = Inbound("+15145550001", f"warmup {n}", f"SMwarm{n}", "simulator", 0)
            await services.handler.handle(inbound)
        from tests.integration.memory_helpers import run_as

        for n in range(30):
            await run_as(services, "+15145550001", Remember(f"fact number {n} about plants"))
        times = []
        for n in range(turns):
            inbound = Inbound("+15145550001", "the plants look sad", f"SMbench{n}", "simulator", 0)
            started = time.perf_counter()
            await services.handler.handle(inbound)
            times.append((time.perf_counter() - started) * 1000)
        await services.close()
    times.sort()
    p50 = statistics.median(times)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"agent turns={turns} p50={p50:.2f} ms p99={p99:.2f} ms (target p99 < 20 ms)")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 300))

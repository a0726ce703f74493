"""Per-call usage records (table and Prometheus) and the per-user daily token budget."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.agent.models.base import Usage
from nudge.observability.metrics import LLM_LATENCY, LLM_TOKENS
from nudge.store.tables import LlmUsage


def start_of_day(now: datetime, tz: str) -> datetime:
    """Local midnight of the user's current day, as an aware instant."""
    zone = ZoneInfo(tz)
    return datetime.combine(now.astimezone(zone).date(), time(0), tzinfo=zone)


async def tokens_today(session: AsyncSession, *, user_id: int, now: datetime, tz: str) -> int:
    """Tokens the user's agent turns used since local midnight."""
    total = func.coalesce(func.sum(LlmUsage.input_tokens + LlmUsage.output_tokens), 0)
    result = await session.execute(
        select(total).where(
            LlmUsage.user_id == user_id, LlmUsage.created_at >= start_of_day(now, tz)
        )
    )
    return int(result.scalar_one())


def observe(provider: str, usage: Usage, seconds: float) -> None:
    """Prometheus only: one call's latency and tokens."""
    LLM_LATENCY.labels(provider=provider).observe(seconds)
    LLM_TOKENS.labels(provider=provider, direction="input").inc(usage.input_tokens)
    LLM_TOKENS.labels(provider=provider, direction="output").inc(usage.output_tokens)


async def record(
    session: AsyncSession,
    *,
    user_id: int,
    provider: str,
    model: str,
    usage: Usage,
    seconds: float,
    outcome: str,
    now: datetime,
) -> None:
    """Keep one call's tokens and latency (table for the budget, Prometheus for ops)."""
    observe(provider, usage, seconds)
    session.add(
        LlmUsage(
            user_id=user_id,
            provider=provider,
            model=model[:64],
            input_tokens=usage.input_tokens,
            output_tokens=usage.output_tokens,
            latency_ms=round(seconds * 1000),
            outcome=outcome,
            created_at=now,
        )
    )
    await session.flush()


async def report(session: AsyncSession, *, user_id: int) -> dict[str, int]:
    """All-time totals for one user: calls, input and output tokens, mean latency (ms)."""
    result = await session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(LlmUsage.input_tokens), 0),
            func.coalesce(func.sum(LlmUsage.output_tokens), 0),
            func.coalesce(func.avg(LlmUsage.latency_ms), 0),
        ).where(LlmUsage.user_id == user_id)
    )
    calls, tokens_in, tokens_out, latency = result.one()
    return {
        "calls": int(calls),
        "input_tokens": int(tokens_in),
        "output_tokens": int(tokens_out),
        "mean_latency_ms": round(float(latency)),
    }

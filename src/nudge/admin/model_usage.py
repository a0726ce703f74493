"""The model's calls for the admin: per UTC day and model, tokens, and what they cost.

Every call is a row of ``llm_usage`` (``agent/budget.py`` writes them). The cost is the
tokens times the operator's prices (``NUDGE_LLM_PRICE_*_PER_MILLION``); with no price set
it is None, never a made-up zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.agent import budget
from nudge.store.tables import LlmUsage, User

MAX_DAYS = budget.MAX_REPORT_DAYS


@dataclass(frozen=True, slots=True)
class Prices:
    """What a million tokens cost, in and out (0 and 0: no price known)."""

    input_per_million: float = 0.0
    output_per_million: float = 0.0
    currency: str = "USD"

    def cost(self, input_tokens: int, output_tokens: int) -> float | None:
        """The cost of these tokens, or None when no price is set."""
        if not (self.input_per_million or self.output_per_million):
            return None
        spent = input_tokens * self.input_per_million + output_tokens * self.output_per_million
        return round(spent / 1_000_000, 6)


@dataclass(frozen=True, slots=True)
class ModelDay:
    """One model's calls on one UTC day."""

    day: date
    provider: str
    model: str
    calls: int
    input_tokens: int
    output_tokens: int
    cost: float | None


@dataclass(frozen=True, slots=True)
class ModelUsage:
    """Days with calls, oldest first, and the totals of the period."""

    days: tuple[ModelDay, ...]
    calls: int
    input_tokens: int
    output_tokens: int
    cost: float | None
    currency: str


async def usage(
    session: AsyncSession, *, now: datetime, days: int = 7, prices: Prices | None = None
) -> ModelUsage:
    """Every model's calls over the last ``days`` UTC days to today (one scan)."""
    prices = prices or Prices()
    today = datetime.combine(now.astimezone(UTC).date(), time(0), tzinfo=UTC)
    starts = [today - timedelta(days=n) for n in reversed(range(max(1, min(MAX_DAYS, days))))]
    rows = await session.execute(
        select(LlmUsage.provider, LlmUsage.model, *_per_day(starts))
        .where(LlmUsage.created_at >= starts[0], LlmUsage.created_at < today + timedelta(days=1))
        .group_by(LlmUsage.provider, LlmUsage.model)
    )
    found: list[ModelDay] = []
    for provider, model, *sums in rows:
        for n, start in enumerate(starts):
            calls, tokens_in, tokens_out = (int(value or 0) for value in sums[3 * n : 3 * n + 3])
            if calls:
                cost = prices.cost(tokens_in, tokens_out)
                found.append(
                    ModelDay(start.date(), provider, model, calls, tokens_in, tokens_out, cost)
                )
    found.sort(key=lambda item: (item.day, item.provider, item.model))
    tokens_in = sum(item.input_tokens for item in found)
    tokens_out = sum(item.output_tokens for item in found)
    calls = sum(item.calls for item in found)
    return ModelUsage(
        tuple(found),
        calls,
        tokens_in,
        tokens_out,
        prices.cost(tokens_in, tokens_out),
        prices.currency,
    )


async def person_usage(
    session: AsyncSession, *, user: User, now: datetime, days: int = 7
) -> list[dict[str, Any]]:
    """One person's calls per local day of theirs (``budget.usage_by_day``)."""
    return await budget.usage_by_day(session, user_id=user.id, now=now, tz=user.timezone, days=days)


def _per_day(starts: list[datetime]) -> list[ColumnElement[Any]]:
    """Per day: calls, input tokens and output tokens (three ``SUM(CASE …)`` each)."""
    columns: list[ColumnElement[Any]] = []
    for start in starts:
        inside = (LlmUsage.created_at >= start) & (LlmUsage.created_at < start + timedelta(days=1))
        columns += [
            func.sum(case((inside, 1), else_=0)),
            func.sum(case((inside, LlmUsage.input_tokens), else_=0)),
            func.sum(case((inside, LlmUsage.output_tokens), else_=0)),
        ]
    return columns

"""Long-term memory: store facts, find them by hybrid search, forget them. Per user only.

Search fuses two rankings by reciprocal rank (RRF, k=60): full-text (``fulltext``) and
cosine similarity of embeddings (``embeddings``). Importance (1–10) lifts a memory a little;
age since last use (half-life ``HALF_LIFE_DAYS``) lowers it, so old unused facts sink.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.features.memory import embeddings, fulltext
from nudge.store.tables import Memory

RRF_K = 60
HALF_LIFE_DAYS = 90.0
MIN_COSINE = 0.25
MAX_FACT_CHARS = 300


@dataclass(frozen=True, slots=True)
class Hit:
    """A memory and why it was found."""

    memory: Memory
    score: float
    lexical: bool
    cosine: float


async def remember(
    session: AsyncSession,
    *,
    user_id: int,
    fact: str,
    now: datetime,
    importance: int = 5,
    tags: Sequence[str] = (),
    source: str = "user",
) -> Memory:
    """Store ``fact`` for the user (an identical fact is refreshed, not duplicated)."""
    fact = " ".join(fact.split())[:MAX_FACT_CHARS]
    await fulltext.ensure(session)
    existing = await session.execute(
        select(Memory).where(Memory.user_id == user_id, Memory.text == fact)
    )
    memory = existing.scalars().first()
    if memory is None:
        embedder = embeddings.active()
        vector = embedder.embed([fact])[0]
        memory = Memory(
            user_id=user_id,
            text=fact,
            source=source,
            embedding={"model": embedder.name, "v": vector},
            created_at=now,
        )
        session.add(memory)
    memory.importance = max(1, min(10, importance))
    memory.tags = {"tags": [tag[:32] for tag in tags][:8]}
    memory.last_used_at = now
    await session.flush()
    return memory


async def all_of(session: AsyncSession, *, user_id: int) -> Sequence[Memory]:
    """The user's memories, newest first (the numbering a memory list shows)."""
    result = await session.execute(
        select(Memory).where(Memory.user_id == user_id).order_by(Memory.id.desc())
    )
    return result.scalars().all()


async def search(
    session: AsyncSession, *, user_id: int, query: str, now: datetime, limit: int = 5
) -> list[Hit]:
    """The user's memories most relevant to ``query``, best first (never another user's)."""
    lexical = await fulltext.rank(session, user_id=user_id, query=query)
    memories = {memory.id: memory for memory in await all_of(session, user_id=user_id)}
    embedder = embeddings.active()
    probe = embedder.embed([query])[0]
    cosines = {
        memory_id: embeddings.cosine(probe, memory.embedding["v"])
        for memory_id, memory in memories.items()
        if memory.embedding and memory.embedding.get("model") == embedder.name
    }
    by_vector = sorted(
        (memory_id for memory_id, value in cosines.items() if value >= MIN_COSINE),
        key=lambda memory_id: -cosines[memory_id],
    )
    fused: dict[int, float] = {}
    for ranking in (lexical, by_vector):
        for position, memory_id in enumerate(ranking):
            fused[memory_id] = fused.get(memory_id, 0.0) + 1.0 / (RRF_K + position + 1)
    hits = [
        Hit(
            memories[memory_id],
            score * _weight(memories[memory_id], now),
            memory_id in lexical,
            cosines.get(memory_id, 0.0),
        )
        for memory_id, score in fused.items()
        if memory_id in memories
    ]
    hits.sort(key=lambda hit: (-hit.score, -hit.memory.id))
    return hits[:limit]


def _weight(memory: Memory, now: datetime) -> float:
    """Importance lifts, age since last use lowers (half-life ``HALF_LIFE_DAYS``)."""
    last = memory.last_used_at or memory.created_at
    age_days = max(0.0, (now - last).total_seconds() / 86400)
    freshness = float(0.5 ** (age_days / HALF_LIFE_DAYS))
    return (0.6 + 0.4 * freshness) * (1.0 + memory.importance / 20)


async def touch(session: AsyncSession, *, memory: Memory, now: datetime) -> None:
    """Mark a memory as just used (it ranks higher for a while)."""
    memory.uses += 1
    memory.last_used_at = now
    await session.flush()


async def forget(session: AsyncSession, *, memory: Memory) -> None:
    """Delete a memory for good."""
    await session.delete(memory)
    await session.flush()

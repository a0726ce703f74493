"""Long-term memory: store facts, find them by hybrid search, forget them. Per user only.

Search fuses two rankings by reciprocal rank (RRF, k=60): full-text (``fulltext``) and
cosine similarity of embeddings (``embeddings``). Importance (1–10) lifts a memory a little;
age since last use (half-life ``HALF_LIFE_DAYS``) lowers it, so old unused facts sink.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Select, bindparam, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.features.memory import embeddings, fulltext
from nudge.store.tables import Memory, User

RRF_K = 60
HALF_LIFE_DAYS = 90.0
MIN_COSINE = 0.25
MAX_FACT_CHARS = 300
MAX_VECTOR_SCAN = 500


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
    embedder: embeddings.Embedder,
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
    session: AsyncSession,
    *,
    user_id: int,
    query: str,
    now: datetime,
    embedder: embeddings.Embedder,
    limit: int = 5,
) -> list[Hit]:
    """The user's memories most relevant to ``query``, best first (never another user's).

    Only the columns scoring needs are read for candidates (no ORM objects); full rows are
    loaded for the ``limit`` best. Vectors are compared for the ``MAX_VECTOR_SCAN`` most
    recently used memories; full-text hits are always candidates, however old.
    """
    ranked = await _rank(
        session, user_id=user_id, query=query, now=now, embedder=embedder, limit=limit
    )
    loaded = await _load(session, user_id=user_id, ids=[memory_id for _, memory_id in ranked.best])
    return [
        Hit(
            loaded[memory_id],
            score,
            memory_id in ranked.lexical,
            ranked.cosines.get(memory_id, 0.0),
        )
        for score, memory_id in ranked.best
        if memory_id in loaded
    ]


async def relevant_texts(
    session: AsyncSession,
    *,
    user_id: int,
    query: str,
    now: datetime,
    embedder: embeddings.Embedder,
    limit: int = 5,
) -> list[str]:
    """The texts of ``search``'s memories, without loading full rows (for a model's prompt)."""
    ranked = await _rank(
        session, user_id=user_id, query=query, now=now, embedder=embedder, limit=limit
    )
    return [ranked.candidates[memory_id].text for _, memory_id in ranked.best]


@dataclass(frozen=True, slots=True)
class _Ranked:
    best: list[tuple[float, int]]  # (score, memory id), best first
    candidates: dict[int, Row[Any]]
    lexical: frozenset[int]
    cosines: dict[int, float]


async def _rank(
    session: AsyncSession,
    *,
    user_id: int,
    query: str,
    now: datetime,
    embedder: embeddings.Embedder,
    limit: int,
) -> _Ranked:
    """Fuse the full-text and vector rankings of the user's candidates (one round trip)."""
    candidates, lexical = await _candidates(session, user_id=user_id, query=query)
    probe = embedder.embed([query])[0]
    cosines = {
        row.id: embeddings.cosine(probe, row.embedding["v"])
        for row in candidates.values()
        if row.embedding and row.embedding.get("model") == embedder.name
    }
    by_vector = sorted(
        (memory_id for memory_id, value in cosines.items() if value >= MIN_COSINE),
        key=lambda memory_id: -cosines[memory_id],
    )
    fused: dict[int, float] = {}
    for ranking in (lexical, by_vector):
        for position, memory_id in enumerate(ranking):
            fused[memory_id] = fused.get(memory_id, 0.0) + 1.0 / (RRF_K + position + 1)
    best = sorted(
        (
            (score * _weight(candidates[memory_id], now), memory_id)
            for memory_id, score in fused.items()
            if memory_id in candidates
        ),
        key=lambda pair: (-pair[0], -pair[1]),
    )[:limit]
    return _Ranked(best, candidates, frozenset(lexical), cosines)


_SCORING = (
    Memory.id,
    Memory.text,
    Memory.embedding,
    Memory.importance,
    Memory.created_at,
    Memory.last_used_at,
)


_MINE = Memory.user_id == bindparam("user_id")
_BY_RECENCY = (Memory.last_used_at.desc(), Memory.id.desc())
_RECENT = select(*_SCORING).where(_MINE).order_by(*_BY_RECENCY).limit(bindparam("scan"))
_RECENT_IDS = select(Memory.id).where(_MINE).order_by(*_BY_RECENCY).limit(bindparam("scan"))
_WITH_HITS: dict[str, Select[Any]] = {}  # per dialect: built once, executed with parameters


async def _candidates(
    session: AsyncSession, *, user_id: int, query: str
) -> tuple[dict[int, Row[Any]], list[int]]:
    """The candidates' scoring columns (and text), and the full-text hits' ids best first.

    Candidates: the ``MAX_VECTOR_SCAN`` most recently used memories and every full-text hit,
    however old. One query: the full-text ranking is joined as a subquery.
    """
    parameters: dict[str, Any] = {"user_id": user_id, "scan": MAX_VECTOR_SCAN}
    match = await fulltext.terms(session, query)
    if match is None:
        return {row.id: row for row in await session.execute(_RECENT, parameters)}, []
    parameters.update(fts_query=match, fts_user=user_id)
    rows = list(await session.execute(_with_hits(session), parameters))
    lexical = [row.id for row in sorted(rows, key=_position) if row.position is not None]
    return {row.id: row for row in rows}, lexical


def _with_hits(session: AsyncSession) -> Select[Any]:
    dialect = session.get_bind().dialect.name
    if dialect not in _WITH_HITS:
        hits = fulltext.hits(session)
        _WITH_HITS[dialect] = (
            select(*_SCORING, hits.c.position)
            .outerjoin(hits, hits.c.id == Memory.id)
            .where(_MINE, or_(hits.c.position.is_not(None), Memory.id.in_(_RECENT_IDS)))
            .order_by(*_BY_RECENCY)  # ties in the vector ranking keep this order
        )
    return _WITH_HITS[dialect]


def _position(row: Row[Any]) -> int:
    return int(row.position or 0)


async def _load(session: AsyncSession, *, user_id: int, ids: list[int]) -> dict[int, Memory]:
    if not ids:
        return {}
    result = await session.execute(
        select(Memory).where(Memory.user_id == user_id, Memory.id.in_(ids))
    )
    return {memory.id: memory for memory in result.scalars()}


def _weight(memory: Memory | Row[Any], now: datetime) -> float:
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


def as_dict(memory: Memory) -> dict[str, Any]:
    """A memory as the operator API and CLI show it (no embedding)."""
    return {
        "id": memory.id,
        "text": memory.text,
        "importance": memory.importance,
        "tags": list((memory.tags or {}).get("tags", [])),
        "source": memory.source,
        "uses": memory.uses,
        "created_at": memory.created_at.isoformat(),
        "last_used_at": memory.last_used_at.isoformat() if memory.last_used_at else None,
    }


async def get(session: AsyncSession, *, user_id: int, memory_id: int) -> Memory | None:
    """One of the user's memories by id (never another user's)."""
    result = await session.execute(
        select(Memory).where(Memory.user_id == user_id, Memory.id == memory_id)
    )
    return result.scalar_one_or_none()


async def report(session: AsyncSession, *, user: User) -> dict[str, Any]:
    """One person's memories, newest first, as the API and ``nudge memories`` print them."""
    listed = await all_of(session, user_id=user.id)
    return {"phone": user.phone, "memories": [as_dict(memory) for memory in listed]}

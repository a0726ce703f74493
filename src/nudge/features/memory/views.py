"""What Nudge remembers, as a screen shows it: read models, never the embedding.

Searching is the same hybrid search recall uses (``service.search``), so a page finds what an
SMS question would, and reading it changes nothing (no "last used" touch). Per person only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.features.memory import embeddings, service
from nudge.store.tables import Memory


@dataclass(frozen=True, slots=True)
class MemoryView:
    """One remembered fact."""

    id: int
    text: str
    importance: int
    tags: tuple[str, ...]
    source: str
    uses: int
    created_at: datetime
    last_used_at: datetime | None


@dataclass(frozen=True, slots=True)
class FoundMemory:
    """A memory a search found, and how well it matched (higher is better)."""

    memory: MemoryView
    score: float


async def listed(
    session: AsyncSession, *, user_id: int, limit: int = 50, before: int | None = None
) -> list[MemoryView]:
    """The person's memories, newest first, paged by id."""
    query = select(Memory).where(Memory.user_id == user_id)
    if before is not None:
        query = query.where(Memory.id < before)
    rows = await session.scalars(query.order_by(Memory.id.desc()).limit(limit))
    return [memory_view(row) for row in rows]


async def one(session: AsyncSession, *, user_id: int, memory_id: int) -> MemoryView | None:
    """One of the person's memories (None when there is no such memory of theirs)."""
    row = await session.scalar(
        select(Memory).where(Memory.user_id == user_id, Memory.id == memory_id)
    )
    return memory_view(row) if row is not None else None


async def search(
    session: AsyncSession,
    *,
    user_id: int,
    query: str,
    now: datetime,
    embedder: embeddings.Embedder,
    limit: int = 10,
) -> list[FoundMemory]:
    """The person's memories that match ``query``, best first."""
    hits = await service.search(
        session, user_id=user_id, query=query, now=now, embedder=embedder, limit=limit
    )
    return [FoundMemory(memory_view(hit.memory), round(hit.score, 6)) for hit in hits]


def memory_view(row: Memory) -> MemoryView:
    """A memory row as a read model (its tags as a tuple, no embedding)."""
    tags = tuple(str(tag) for tag in (row.tags or {}).get("tags", []))
    return MemoryView(
        row.id,
        row.text,
        row.importance,
        tags,
        row.source,
        row.uses,
        row.created_at,
        row.last_used_at,
    )

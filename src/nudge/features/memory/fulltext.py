"""Full-text ranking of one user's memories: SQLite FTS5, PostgreSQL ``tsvector``.

SQLite keeps an external-content FTS5 index over ``memories`` (no second copy of the text),
kept in step by triggers, so a cascade delete (account erasure) also leaves the index.
The index and triggers are created on first use (``ensure``, checked once per engine)
because the migration is generated from the models and cannot express virtual tables.
PostgreSQL ranks with ``ts_rank`` over ``to_tsvector('simple', text)`` (``simple``: no
stemming, fine for FR+EN). Every query is filtered by ``user_id``.
"""

from __future__ import annotations

from weakref import WeakSet

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.features.memory.embeddings import words

_SQLITE_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS memories_fts USING fts5("
    "text, content='memories', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS memories_fts_ai AFTER INSERT ON memories BEGIN "
    "INSERT INTO memories_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS memories_fts_ad AFTER DELETE ON memories BEGIN "
    "INSERT INTO memories_fts(memories_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS memories_fts_au AFTER UPDATE OF text ON memories BEGIN "
    "INSERT INTO memories_fts(memories_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO memories_fts(rowid, text) VALUES (new.id, new.text); END",
)
_SQLITE_PRESENT = text(
    "SELECT count(*) FROM sqlite_master WHERE name IN "
    "('memories_fts', 'memories_fts_ai', 'memories_fts_ad', 'memories_fts_au')"
)
_SQLITE_QUERY = text(
    "SELECT m.id FROM memories_fts JOIN memories m ON m.id = memories_fts.rowid "
    "WHERE memories_fts MATCH :query AND m.user_id = :user_id "
    "ORDER BY bm25(memories_fts) LIMIT :limit"
)
_PG_QUERY = text(
    "SELECT id FROM memories WHERE user_id = :user_id "
    "AND to_tsvector('simple', text) @@ to_tsquery('simple', :query) "
    "ORDER BY ts_rank(to_tsvector('simple', text), to_tsquery('simple', :query)) DESC, id DESC "
    "LIMIT :limit"
)


_ENSURED: WeakSet[Engine] = WeakSet()


def _is_sqlite(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "sqlite"


async def ensure(session: AsyncSession) -> None:
    """Create the SQLite FTS5 index and its triggers if missing (no-op on PostgreSQL).

    Four idempotent DDL round trips on every search were a tenth of an agent turn, so an
    engine is remembered once the index is seen *committed*: present, and not created by
    this session's own (maybe later rolled back) transaction.
    """
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    if bind.dialect.name != "sqlite" or engine in _ENSURED:
        return
    present = (await session.execute(_SQLITE_PRESENT)).scalar_one()
    if present == len(_SQLITE_DDL):
        if not session.info.get("memories_fts_created"):
            _ENSURED.add(engine)
        return
    for statement in _SQLITE_DDL:
        await session.execute(text(statement))
    session.info["memories_fts_created"] = True


async def rank(session: AsyncSession, *, user_id: int, query: str, limit: int = 20) -> list[int]:
    """Ids of the user's memories matching any content word of ``query``, best first."""
    terms = words(query)
    if not terms:
        return []
    if _is_sqlite(session):
        await ensure(session)
        match = " OR ".join(f'"{term}"*' for term in terms)
        result = await session.execute(
            _SQLITE_QUERY, {"query": match, "user_id": user_id, "limit": limit}
        )
    else:
        tsquery = " | ".join(f"{term}:*" for term in terms)
        result = await session.execute(
            _PG_QUERY, {"query": tsquery, "user_id": user_id, "limit": limit}
        )
    return [int(row[0]) for row in result]

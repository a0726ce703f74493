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

from sqlalchemy import Integer, Subquery, text
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
HITS_LIMIT = 20
# The best matches with their 1-based position in the ranking (a subquery of the search).
_SQLITE_HITS = (  # bm25() cannot sit in a window next to a join: number the ranked rows after
    "SELECT id, row_number() OVER (ORDER BY score) AS position FROM ("
    "SELECT m.id AS id, bm25(memories_fts) AS score "
    "FROM memories_fts JOIN memories m ON m.id = memories_fts.rowid "
    "WHERE memories_fts MATCH :fts_query AND m.user_id = :fts_user "
    f"ORDER BY score LIMIT {HITS_LIMIT})"
)
_PG_HITS = (
    "SELECT id, row_number() OVER (ORDER BY ts_rank(to_tsvector('simple', text), "
    "to_tsquery('simple', :fts_query)) DESC, id DESC) AS position FROM memories "
    "WHERE user_id = :fts_user AND to_tsvector('simple', text) @@ to_tsquery('simple', :fts_query) "
    f"ORDER BY position LIMIT {HITS_LIMIT}"
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


async def terms(session: AsyncSession, query: str) -> str | None:
    """``query``'s content words as the dialect's full-text query; None when it has none.

    Makes sure the SQLite index exists, so the ``hits`` subquery can run.
    """
    found = words(query)
    if not found:
        return None
    if _is_sqlite(session):
        await ensure(session)
        return " OR ".join(f'"{term}"*' for term in found)
    return " | ".join(f"{term}:*" for term in found)


_HITS: dict[str, Subquery] = {}


def hits(session: AsyncSession) -> Subquery:
    """The user's ``HITS_LIMIT`` best matches: ``id`` and ``position`` (1: best).

    A subquery to join in the caller's query, so ranking costs no round trip of its own;
    parameters ``fts_query`` (from ``terms``) and ``fts_user``. Built once per dialect.
    """
    dialect = session.get_bind().dialect.name
    if dialect not in _HITS:
        sql = _SQLITE_HITS if dialect == "sqlite" else _PG_HITS
        clause = text(sql)
        _HITS[dialect] = clause.columns(id=Integer, position=Integer).subquery("hits")
    return _HITS[dialect]

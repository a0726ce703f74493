"""Lists that grow are read a page at a time: ``limit`` and a ``before`` cursor.

A page is newest first; ``next_before`` is what to pass as ``before`` for the page after it
(None on the last page). For most lists the cursor is the last item's id; the message
history's is the last line's ``cursor`` (it merges two tables).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Final

from fastapi import Query

from nudge.store.tables import MAX_ID

MAX_LIMIT: Final = 200
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="How many, at most.")]
Before = Annotated[
    int | None,
    Query(ge=1, le=MAX_ID, description="The page after this: the last page's next_before."),
]


def next_before(ids: Sequence[int], limit: int) -> int | None:
    """The cursor of the next page: the last id of a full page, None after the last one."""
    return ids[-1] if ids and len(ids) >= limit else None

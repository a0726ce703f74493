"""Memory commands as the user sees them: remember X, what's X?, forget X, my memories.

"what do you remember" style queries (``LIST_QUERIES``) list the memories, numbered newest
first; "forget 2" forgets number 2 of that list. Recall quotes the stored fact, turned to
the second person ("my code is 4512" → "your code is 4512"); it never makes anything up.
"""

from __future__ import annotations

import re

from nudge.commands import Forget, ForgetMemory, Recall, Remember
from nudge.features.context import Context, Outcome
from nudge.features.memory import service
from nudge.features.memory.undo import MemoryForgotten
from nudge.language.fold import fold
from nudge.store.tables import Memory
from nudge.texts.catalog import catalog

MAX_LISTED = 6
MAX_SHOWN_CHARS = 60
LIST_QUERIES = frozenset(
    {"", "*", "all", "everything", "memories", "my memories", "what you remember",
     "what do you remember", "tout", "souvenirs", "mes souvenirs", "ce que tu sais"}
)  # fmt: skip
_WORD = re.compile(r"[\w']+|\W+")


async def remember(ctx: Context, command: Remember) -> Outcome:
    """Keep a fact the user (or the agent, ``source="agent"``) asked to remember."""
    memory = await service.remember(
        ctx.session,
        user_id=ctx.user.id,
        fact=command.fact,
        now=ctx.now,
        embedder=ctx.deps.embedder,
        importance=command.importance,
        tags=command.tags,
        source=command.source,
    )
    # the agent's confirmation is a tool result the model reads: cut, not ellipsed
    shown = memory.text[:MAX_SHOWN_CHARS] if command.source == "agent" else _short(memory.text)
    return Outcome(ctx.say("remembered", text=shown), made=memory.id)


async def recall(ctx: Context, command: Recall) -> Outcome:
    """Answer from memory in one SMS, or list what is remembered."""
    if _is_list_query(command.query):
        return await _list(ctx)
    hits = await _search(ctx, command.query)
    best = next((hit for hit in hits if hit.lexical or hit.cosine >= 0.35), None)
    if best is None:
        return Outcome(ctx.say("recall_none"))
    await service.touch(ctx.session, memory=best.memory, now=ctx.now)
    return Outcome(ctx.say("recall_found", text=second_person(best.memory.text, ctx.user.locale)))


async def forget(ctx: Context, command: Forget) -> Outcome:
    """Forget the best match for the query, or number N of the memory list."""
    query = command.query.strip()
    target = None
    if query.isdigit():
        listed = await service.all_of(ctx.session, user_id=ctx.user.id)
        number = int(query)
        target = listed[number - 1] if 1 <= number <= len(listed) else None
    else:
        hits = await _search(ctx, query)
        target = next((hit.memory for hit in hits if hit.lexical), None)
    if target is None:
        return Outcome(ctx.say("forget_none"))
    return await forget_one(ctx, target)


async def forget_by_id(ctx: Context, command: ForgetMemory) -> Outcome:
    """Forget memory ``memory_id`` of the person's (the API and the dashboard)."""
    target = await service.get(ctx.session, user_id=ctx.user.id, memory_id=command.memory_id)
    if target is None:
        return Outcome(ctx.say("no_such_memory"), problem="no_such_memory")
    return await forget_one(ctx, target)


async def forget_one(ctx: Context, memory: Memory) -> Outcome:
    """Forget one memory (undoable: "undo" remembers it again) and say so."""
    undo = MemoryForgotten(
        memory.text,
        memory.importance,
        tuple(str(tag) for tag in (memory.tags or {}).get("tags", [])),
        memory.source,
    )
    text, made = memory.text, memory.id
    await service.forget(ctx.session, memory=memory)
    return Outcome(ctx.say("forgotten", text=_short(text)), undo, made=made)


async def _search(ctx: Context, query: str) -> list[service.Hit]:
    return await service.search(
        ctx.session, user_id=ctx.user.id, query=query, now=ctx.now, embedder=ctx.deps.embedder
    )


async def _list(ctx: Context) -> Outcome:
    memories = await service.all_of(ctx.session, user_id=ctx.user.id)
    if not memories:
        return Outcome(ctx.say("memories_empty"))
    lines = [ctx.say("memories_header")]
    lines += [f"{n}. {_short(m.text)}" for n, m in enumerate(memories[:MAX_LISTED], 1)]
    return Outcome("\n".join(lines))


def _is_list_query(query: str) -> bool:
    return " ".join(fold(query).strip(" ?!.").split()) in LIST_QUERIES


def _short(text: str) -> str:
    return text if len(text) <= MAX_SHOWN_CHARS else text[: MAX_SHOWN_CHARS - 3] + "..."


def second_person(fact: str, locale: str) -> str:
    """``fact`` as said back to the user ("my" → "your", "mon" → "ton")."""
    swaps: dict[str, str] = catalog(locale).get("second_person", {})
    out = "".join(swaps.get(part.lower(), part) for part in _WORD.findall(fact))
    return out[:1].upper() + out[1:]

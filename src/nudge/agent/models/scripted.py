"""A scripted ChatModel for tests and demos: replies from a list or a function, recorded."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from nudge.agent.models.base import ModelReply, ToolCall, ToolSpec, Turn, Usage


@dataclass(frozen=True, slots=True)
class Request:
    """One call the scripted model received."""

    system: str
    turns: tuple[Turn, ...]
    tools: tuple[ToolSpec, ...]


Script = Callable[[Request], ModelReply]


def call(name: str, **arguments: object) -> ModelReply:
    """A reply that asks for one tool call."""
    return ModelReply(
        calls=(ToolCall(name, dict(arguments), id=f"call-{name}"),), usage=Usage(50, 10)
    )


def say(text: str) -> ModelReply:
    """A plain text reply."""
    return ModelReply(text=text, usage=Usage(60, 12))


class ScriptedModel:
    """Answers each call with the next scripted reply (or ``script(request)``)."""

    provider = "scripted"
    model = "scripted"

    def __init__(self, replies: Sequence[ModelReply] | Script = (), *, delay: float = 0.0) -> None:
        self._replies = list(replies) if not callable(replies) else []
        self._script = replies if callable(replies) else None
        self.delay = delay
        self.requests: list[Request] = []

    async def complete(
        self, *, system: str, turns: Sequence[Turn], tools: Sequence[ToolSpec]
    ) -> ModelReply:
        """The next scripted reply; a plain "OK" when the script has run out."""
        request = Request(system, tuple(turns), tuple(tools))
        self.requests.append(request)
        if self.delay:
            await asyncio.sleep(self.delay)
        if self._script is not None:
            return self._script(request)
        return self._replies.pop(0) if self._replies else say("OK")

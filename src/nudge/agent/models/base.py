"""The ChatModel protocol every provider adapter implements, and the types it speaks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol


class ModelError(Exception):
    """A provider failed (HTTP error, bad payload); the agent falls back to the rules."""


@dataclass(frozen=True, slots=True)
class ToolSpec:
    """A tool as a model sees it: name, description, JSON-schema parameters."""

    name: str
    description: str
    parameters: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ToolCall:
    """The model asks to run ``name`` with ``arguments``."""

    name: str
    arguments: dict[str, Any]
    id: str = ""


@dataclass(frozen=True, slots=True)
class Turn:
    """One entry of the conversation sent to the model.

    ``user``/``assistant`` carry ``text`` (an assistant turn may carry ``calls``); a ``tool``
    turn carries the result ``text`` of call ``call_id`` to tool ``name``.
    """

    role: Literal["user", "assistant", "tool"]
    text: str = ""
    calls: tuple[ToolCall, ...] = ()
    call_id: str = ""
    name: str = ""


@dataclass(frozen=True, slots=True)
class Usage:
    """Tokens one call used."""

    input_tokens: int = 0
    output_tokens: int = 0


@dataclass(frozen=True, slots=True)
class ModelReply:
    """What the model answered: text, tool calls, or both."""

    text: str = ""
    calls: tuple[ToolCall, ...] = ()
    usage: Usage = field(default_factory=Usage)


class ChatModel(Protocol):
    """A chat model with function calling (Gemini, OpenAI-compatible, scripted)."""

    provider: str
    model: str

    async def complete(
        self, *, system: str, turns: Sequence[Turn], tools: Sequence[ToolSpec]
    ) -> ModelReply:
        """One model call: the next reply given the conversation so far."""
        ...

"""Any OpenAI-compatible ``/chat/completions`` server (Ollama, vLLM, others) over httpx."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import httpx

from nudge.agent.models.base import ModelError, ModelReply, ToolCall, ToolSpec, Turn, Usage

MAX_TOKENS = 400


class OpenAICompatModel:
    """A ChatModel over ``POST {base_url}/chat/completions`` with tools."""

    provider = "openai"

    def __init__(self, http: httpx.AsyncClient, *, base_url: str, api_key: str, model: str) -> None:
        self._http, self._url = http, base_url.rstrip("/") + "/chat/completions"
        self._headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.model = model

    async def complete(
        self, *, system: str, turns: Sequence[Turn], tools: Sequence[ToolSpec]
    ) -> ModelReply:
        """One chat-completions call."""
        body: dict[str, Any] = {
            "model": self.model,
            "max_tokens": MAX_TOKENS,
            "messages": [{"role": "system", "content": system}] + [_message(t) for t in turns],
        }
        if tools:
            body["tools"] = [_tool(spec) for spec in tools]
        try:
            response = await self._http.post(self._url, json=body, headers=self._headers)
            response.raise_for_status()
            return _reply(response.json())
        except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError) as error:
            raise ModelError(f"openai-compatible: {error}") from error


def _tool(spec: ToolSpec) -> dict[str, Any]:
    return {
        "type": "function",
        "function": {
            "name": spec.name,
            "description": spec.description,
            "parameters": spec.parameters,
        },
    }


def _message(turn: Turn) -> dict[str, Any]:
    if turn.role == "tool":
        return {"role": "tool", "tool_call_id": turn.call_id, "content": turn.text}
    message: dict[str, Any] = {"role": turn.role, "content": turn.text or None}
    if turn.calls:
        message["tool_calls"] = [
            {
                "id": call.id,
                "type": "function",
                "function": {"name": call.name, "arguments": json.dumps(call.arguments)},
            }
            for call in turn.calls
        ]
    return message


def _reply(payload: dict[str, Any]) -> ModelReply:
    message = payload["choices"][0]["message"]
    calls = tuple(
        ToolCall(
            item["function"]["name"],
            json.loads(item["function"].get("arguments") or "{}"),
            id=item.get("id", ""),
        )
        for item in message.get("tool_calls") or []
    )
    usage = payload.get("usage") or {}
    return ModelReply(
        (message.get("content") or "").strip(),
        calls,
        Usage(int(usage.get("prompt_tokens", 0)), int(usage.get("completion_tokens", 0))),
    )

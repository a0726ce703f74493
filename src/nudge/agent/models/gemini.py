"""Gemini through the ``google-genai`` SDK: function calling, our own tool loop.

The SDK gets our ``httpx.AsyncClient`` (its default transport is not httpx, so nothing else
could be pointed at a fake) and an optional ``base_url`` (tests, proxies). Automatic function
calling is off: ``agent.loop`` runs the tools. SDK and HTTP errors become ``ModelError``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx
from google import genai
from google.genai import errors, types

from nudge.agent.models.base import ModelError, ModelReply, ToolCall, ToolSpec, Turn, Usage

MAX_OUTPUT_TOKENS = 400


class GeminiModel:
    """A ChatModel over the Gemini API's ``generateContent``."""

    provider = "gemini"

    def __init__(
        self, http: httpx.AsyncClient, *, api_key: str, model: str, base_url: str | None = None
    ) -> None:
        self.model = model
        options = types.HttpOptions(base_url=base_url, httpx_async_client=http)
        self._client = genai.Client(api_key=api_key, http_options=options)

    async def complete(
        self, *, system: str, turns: Sequence[Turn], tools: Sequence[ToolSpec]
    ) -> ModelReply:
        """One ``generateContent`` call."""
        config = types.GenerateContentConfig(
            system_instruction=system,
            max_output_tokens=MAX_OUTPUT_TOKENS,
            automatic_function_calling=types.AutomaticFunctionCallingConfig(disable=True),
            tools=[_tools(tools)] if tools else None,
        )
        try:
            response = await self._client.aio.models.generate_content(
                model=self.model, contents=[_content(turn) for turn in turns], config=config
            )
        except (errors.APIError, httpx.HTTPError, ValueError) as error:
            raise ModelError(f"gemini: {error}") from error
        return _reply(response)


def _tools(specs: Sequence[ToolSpec]) -> types.Tool:
    return types.Tool(
        function_declarations=[
            types.FunctionDeclaration(
                name=spec.name,
                description=spec.description,
                parameters_json_schema=spec.parameters,
            )
            for spec in specs
        ]
    )


def _content(turn: Turn) -> types.Content:
    if turn.role == "tool":
        response = types.FunctionResponse(name=turn.name, response={"result": turn.text})
        return types.Content(role="user", parts=[types.Part(function_response=response)])
    parts = [types.Part(text=turn.text)] if turn.text else []
    parts += [
        types.Part(function_call=types.FunctionCall(name=call.name, args=call.arguments))
        for call in turn.calls
    ]
    return types.Content(role="model" if turn.role == "assistant" else "user", parts=parts)


def _reply(response: types.GenerateContentResponse) -> ModelReply:
    calls = tuple(
        ToolCall(call.name or "", dict(call.args or {}), id=call.id or call.name or "")
        for call in response.function_calls or []
    )
    texts: list[str] = []
    for candidate in response.candidates or []:
        for part in (candidate.content.parts or []) if candidate.content else []:
            if part.text and not part.thought:
                texts.append(part.text)
    meta: Any = response.usage_metadata
    usage = Usage(
        int(getattr(meta, "prompt_token_count", 0) or 0),
        int(getattr(meta, "candidates_token_count", 0) or 0),
    )
    return ModelReply("".join(texts).strip(), calls, usage)

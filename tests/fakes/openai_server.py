"""A fake OpenAI-compatible ``/v1/chat/completions`` server on loopback."""

from __future__ import annotations

import json
from typing import Any

from tests.fakes.llm_http import ScriptedHTTP


class FakeOpenAI(ScriptedHTTP):
    """Queue replies with ``tool_call`` / ``text``; read ``requests``."""

    def tool_call(self, name: str, args: dict[str, Any]) -> None:
        call = {"id": f"call_{len(self.responses)}", "type": "function",
                "function": {"name": name, "arguments": json.dumps(args)}}  # fmt: skip
        self._push({"role": "assistant", "content": None, "tool_calls": [call]}, "tool_calls")

    def text(self, text: str) -> None:
        self._push({"role": "assistant", "content": text}, "stop")

    def _push(self, message: dict[str, Any], finish: str) -> None:
        self.responses.append((200, {
            "id": "chatcmpl-1", "object": "chat.completion", "model": "llama3",
            "choices": [{"index": 0, "message": message, "finish_reason": finish}],
            "usage": {"prompt_tokens": 100, "completion_tokens": 10, "total_tokens": 110},
        }))  # fmt: skip

"""A fake Gemini API on loopback speaking ``generateContent`` JSON (function calls and text)."""

from __future__ import annotations

from typing import Any

from tests.fakes.llm_http import ScriptedHTTP


def _usage(prompt: int, output: int) -> dict[str, int]:
    return {
        "promptTokenCount": prompt,
        "candidatesTokenCount": output,
        "totalTokenCount": prompt + output,
    }


class FakeGemini(ScriptedHTTP):
    """Queue replies with ``function_call`` / ``text`` / ``error``; read ``requests``."""

    def function_call(self, name: str, args: dict[str, Any]) -> None:
        part = {"functionCall": {"name": name, "args": args}}
        self.responses.append((200, self._candidate([part], 120, 15)))

    def text(self, text: str) -> None:
        self.responses.append((200, self._candidate([{"text": text}], 150, 20)))

    def error(self, status: int = 503) -> None:
        body = {"error": {"code": status, "message": "unavailable", "status": "UNAVAILABLE"}}
        self.responses.append((status, body))

    @staticmethod
    def _candidate(parts: list[dict[str, Any]], prompt: int, output: int) -> dict[str, Any]:
        return {
            "candidates": [
                {"content": {"role": "model", "parts": parts}, "finishReason": "STOP", "index": 0}
            ],
            "usageMetadata": _usage(prompt, output),
            "modelVersion": "gemini-2.5-flash",
        }

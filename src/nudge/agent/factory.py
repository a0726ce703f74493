"""Build the ChatModel and the Agent from settings (None when no model is configured)."""

from __future__ import annotations

import httpx

from nudge.agent.loop import Agent, AgentConfig
from nudge.agent.models.base import ChatModel
from nudge.settings import Settings


def chat_model_configured(settings: Settings) -> bool:
    """Whether settings name a model (a Gemini key, or an OpenAI-compatible base URL)."""
    return bool(
        settings.agent_provider
        or settings.gemini_api_key.get_secret_value()
        or settings.openai_base_url
    )


def chat_model(settings: Settings, http: httpx.AsyncClient) -> ChatModel | None:
    """The configured model, or None (rules only) when no key or base URL is set."""
    provider = settings.agent_provider
    gemini_key = settings.gemini_api_key.get_secret_value()
    if provider == "gemini" or (not provider and gemini_key):
        from nudge.agent.models.gemini import GeminiModel

        return GeminiModel(
            http,
            api_key=gemini_key,
            model=settings.gemini_model,
            base_url=settings.gemini_base_url or None,
        )
    if provider == "openai" or (not provider and settings.openai_base_url):
        from nudge.agent.models.openai_compat import OpenAICompatModel

        return OpenAICompatModel(
            http,
            base_url=settings.openai_base_url,
            api_key=settings.openai_api_key.get_secret_value(),
            model=settings.openai_model,
        )
    return None


def agent_config(settings: Settings) -> AgentConfig:
    """The agent's limits from settings."""
    return AgentConfig(
        max_steps=settings.agent_max_steps,
        timeout=settings.agent_timeout_seconds,
        daily_token_budget=settings.agent_daily_token_budget,
        resume_minutes=settings.agent_resume_minutes,
        history_messages=settings.agent_history_messages,
    )


def build_agent(settings: Settings, http: httpx.AsyncClient) -> Agent | None:
    """The agent for these settings, or None when no model is configured."""
    model = chat_model(settings, http)
    return Agent(model, agent_config(settings)) if model is not None else None

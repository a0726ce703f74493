"""Settings read from ``NUDGE_*`` environment variables; built in bootstrap, never at import."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATA_DIR = Path("data")


class Settings(BaseSettings):
    """Every knob an operator can turn. Defaults give the embedded, offline setup."""

    model_config = SettingsConfigDict(env_prefix="NUDGE_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default=f"sqlite+aiosqlite:///{DEFAULT_DATA_DIR / 'nudge.db'}",
        description="SQLAlchemy async URL: sqlite+aiosqlite:///path or postgresql+asyncpg://…",
    )
    public_url: str = Field(
        default="http://127.0.0.1:8000",
        description="Public base URL Twilio calls; signatures are checked against it.",
    )
    host: str = Field(default="127.0.0.1", description="Address `nudge serve` binds.")
    port: int = Field(default=8000, description="Port `nudge serve` binds.")
    default_timezone: str = Field(
        default="America/Toronto", description="IANA zone given to a new user."
    )
    default_locale: str = Field(default="en", description="Language when a message is unclear.")
    default_quiet_start: str = Field(
        default="22:00",
        pattern=r"^([01]\d|2[0-3]):[0-5]\d$",
        description="Start of quiet hours (local HH:MM) given to a new user.",
    )
    default_quiet_end: str = Field(
        default="08:00",
        pattern=r"^([01]\d|2[0-3]):[0-5]\d$",
        description="End of quiet hours (local HH:MM) given to a new user.",
    )
    log_level: str = Field(default="INFO", description="Log level: DEBUG, INFO, WARNING…")
    log_json: bool = Field(default=True, description="JSON logs (false: readable console logs).")
    simulator_enabled: bool | None = Field(
        default=None,
        description="Serve the phone simulator at /simulator (default: on unless Twilio is set).",
    )

    twilio_account_sid: str = Field(default="", description="Twilio Account SID (AC…).")
    twilio_auth_token: SecretStr = Field(
        default=SecretStr(""), description="Twilio auth token; signs webhooks."
    )
    twilio_from: str = Field(default="", description="Sending number in E.164.")
    twilio_messaging_service_sid: str = Field(
        default="", description="Messaging Service SID (MG…), used instead of a From number."
    )
    twilio_api_base: str = Field(
        default="https://api.twilio.com", description="Twilio REST base URL (tests use a fake)."
    )
    twilio_validate_signature: bool = Field(
        default=True, description="Check X-Twilio-Signature (never turn off in production)."
    )
    twilio_timeout_seconds: float = Field(default=10.0, description="Twilio REST call timeout.")

    scheduler_poll_seconds: float = Field(
        default=1.0, description="How often the scheduler looks for due reminders."
    )
    delivery_poll_seconds: float = Field(
        default=1.0, description="How often the delivery worker looks for pending SMS."
    )
    delivery_lease_seconds: int = Field(
        default=60, description="How long a worker holds an SMS it is sending."
    )
    delivery_concurrency: int = Field(
        default=8,
        ge=1,
        le=100,
        description="SMS one delivery loop sends at once when unpaced (paced: one at a time).",
    )
    delivery_max_attempts: int = Field(
        default=5, description="Definite failures retried this many times, then failed."
    )
    batch_size: int = Field(default=100, description="Rows claimed per scheduler/delivery pass.")
    inbox_concurrency: int = Field(
        default=8,
        ge=1,
        le=100,
        description="Inbound SMS one inbox loop handles at once (each of a different phone).",
    )
    inbox_lease_seconds: int = Field(
        default=120,
        ge=10,
        description="How long a worker holds an inbound SMS it is handling before another may.",
    )
    # Reminder engine (scheduler, outbox): catch-up, follow-ups, pacing, reconciliation.
    catchup_grace_minutes: int = Field(
        default=30, description="A reminder later than this after downtime is recorded missed."
    )
    late_after_seconds: int = Field(
        default=120, description="A reminder sent later than this says it is a little late."
    )
    followup_intervals_minutes: list[int] = Field(
        default=[10, 30], description="Minutes before each follow-up (the last one repeats)."
    )
    followup_max: int = Field(default=3, description="Follow-ups at most per reminder firing.")
    followup_all_reminders: bool = Field(
        default=False, description='Ask every reminder for "done" (default: only "always").'
    )
    send_rate_per_second: float = Field(
        default=1.0, description="SMS segments per second per sender number (0: no pacing)."
    )
    reconcile_after_seconds: int = Field(
        default=120, description="Wait this long before looking up an ambiguous send."
    )
    max_body_chars: int = Field(
        default=1600,
        description="Longer texts are stored whole but answered with a short-message hint.",
    )
    # Rate limits per sending phone (conversation/rate_limit.py), counted in the database.
    rate_limit_per_minute: int = Field(
        default=20, ge=0, description="Texts per phone per minute acted on; more: one notice."
    )
    rate_limit_per_hour: int = Field(
        default=200, ge=0, description="Texts per phone per hour acted on (0: no limit)."
    )
    rate_limit_per_day: int = Field(
        default=1000, ge=0, description="Texts per phone per day acted on (0: no limit)."
    )
    rate_limit_repeats: int = Field(
        default=5, ge=0, description="The same text this many times in a row is a loop (0: off)."
    )
    rate_limit_repeat_minutes: int = Field(
        default=10, ge=1, description="Minutes within which repeated texts count as a loop."
    )

    # Operations: metrics and backups (observability/, ops/, deploy/).
    metrics_enabled: bool = Field(default=True, description="Serve /metrics (Prometheus).")
    metrics_token: SecretStr = Field(
        default=SecretStr(""), description="If set, /metrics needs 'Authorization: Bearer <it>'."
    )
    worker_metrics_host: str = Field(
        default="127.0.0.1", description="Address `nudge worker` serves /metrics on."
    )
    worker_metrics_port: int = Field(
        default=0, description="Port `nudge worker` serves /metrics on (0: off)."
    )
    backup_dir: Path = Field(
        default=Path("backups"), description="Where `nudge backup` writes encrypted dumps."
    )
    backup_key: SecretStr = Field(
        default=SecretStr(""), description="Backup key: 32 bytes, URL-safe base64."
    )
    backup_key_file: Path | None = Field(
        default=None, description="File holding the backup key (used when backup_key is empty)."
    )
    backup_keep_daily: int = Field(default=30, description="Newest backup of each of N days.")
    backup_keep_weekly: int = Field(default=12, description="Newest backup of each of N weeks.")
    backup_keep_monthly: int = Field(default=12, description="Newest backup of each of N months.")
    backup_keep_yearly: int = Field(default=7, description="Newest backup of each of N years.")

    # Agent, LLM and long-term memory (agent/, features/memory/, features/breakdown/).
    agent_provider: str = Field(
        default="", description="gemini, openai, or empty: gemini if its key is set, else openai."
    )
    gemini_api_key: SecretStr = Field(
        default=SecretStr(""), description="Gemini API key; empty: no Gemini."
    )
    gemini_model: str = Field(default="gemini-2.5-flash", description="Gemini model name.")
    gemini_base_url: str = Field(
        default="", description="Gemini API base URL (empty: Google's; tests use a fake)."
    )
    openai_base_url: str = Field(
        default="", description="OpenAI-compatible base URL (…/v1) for Ollama, vLLM or others."
    )
    openai_api_key: SecretStr = Field(
        default=SecretStr(""), description="Bearer key for the OpenAI-compatible server."
    )
    openai_model: str = Field(default="", description="Model name on that server.")
    agent_max_steps: int = Field(default=6, description="Model calls at most per agent turn.")
    agent_timeout_seconds: float = Field(
        default=8.0, description="An agent turn longer than this falls back to the rules."
    )
    agent_daily_token_budget: int = Field(
        default=20_000, description="Tokens per user per local day; then rules only."
    )
    agent_resume_minutes: int = Field(
        default=30, description="Earlier messages within this many minutes go to the model."
    )
    agent_history_messages: int = Field(
        default=6, description="At most this many earlier messages go to the model."
    )
    llm_price_input_per_million: float = Field(
        default=0.0, ge=0, description="What a million input tokens cost (0: unknown)."
    )
    llm_price_output_per_million: float = Field(
        default=0.0, ge=0, description="What a million output tokens cost (0: unknown)."
    )
    llm_price_currency: str = Field(
        default="USD", max_length=8, description="The currency of those prices."
    )
    memory_embedder: str = Field(
        default="hash", description="hash (built in) or minilm (needs nudge-sms[embeddings])."
    )
    # The JSON API /api/v1 (web/api/v1/): the operator's token reads what an admin reads.
    api_token: SecretStr = Field(
        default=SecretStr(""),
        description="The operator's bearer token for /api/v1 (admin reads only); empty: none.",
    )
    auth_signing_keys: SecretStr = Field(
        default=SecretStr(""),
        description=(
            "Keys signing web access tokens, comma-separated, 32+ characters each; the first"
            " signs. Empty: the server makes one and keeps it in its database."
        ),
    )
    secret_keys: SecretStr = Field(
        default=SecretStr(""),
        description=(
            "Keys sealing secrets at rest (TOTP secrets, tokens), comma-separated"
            " '<id>:<32 bytes base64url>'; the first seals, all open. Empty: the server keeps"
            " one in its database (a dump then carries it: set keys in production)."
        ),
    )
    api_docs: bool = Field(
        default=False, description="Serve /docs, /redoc and /openapi.json (off: they are 404)."
    )
    max_body_bytes: int = Field(
        default=64 * 1024, ge=1024, description="Bigger request bodies get 413 before parsing."
    )
    web_workers: int = Field(
        default=1,
        ge=1,
        le=64,
        description="Processes `nudge serve` runs on one port (uvicorn workers); 1 = this one.",
    )

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown IANA timezone: {value}") from exc
        return value

    @field_validator("rate_limit_repeats")
    @classmethod
    def _repeats_make_a_loop(cls, value: int) -> int:
        if value == 1:
            raise ValueError("rate_limit_repeats must be 0 (off) or at least 2")
        return value

    @field_validator("default_locale")
    @classmethod
    def _known_locale(cls, value: str) -> str:
        if value not in ("en", "fr"):
            raise ValueError("default_locale must be 'en' or 'fr'")
        return value

    @property
    def is_sqlite(self) -> bool:
        """Whether the store is the embedded SQLite file."""
        return self.database_url.startswith("sqlite")

    @property
    def simulator_active(self) -> bool:
        """Whether /simulator is served: anyone reaching it can text as any number."""
        if self.simulator_enabled is None:
            return not self.twilio_enabled
        return self.simulator_enabled

    @property
    def twilio_enabled(self) -> bool:
        """Whether real Twilio delivery is configured (otherwise the simulator sends)."""
        has_sender = bool(self.twilio_from or self.twilio_messaging_service_sid)
        return bool(self.twilio_account_sid and self.twilio_auth_token.get_secret_value()) and (
            has_sender
        )

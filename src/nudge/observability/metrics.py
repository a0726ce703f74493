"""Prometheus metrics: one registry for the process, every name defined here.

Names follow Prometheus conventions (``nudge_`` prefix, ``_total`` counters, base units).
Other modules import the objects they update; nothing is created at call time.
Gauges read from the database (inbox and outbox depth and age, pool use) are refreshed at
scrape time by ``nudge.observability.collectors``, so any replica, web-only or worker, reports
them.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from nudge import __version__

REGISTRY = CollectorRegistry(auto_describe=True)

# ① HTTP (RED by route template, never by raw path)
HTTP_REQUESTS = Counter(
    "nudge_http_requests_total",
    "HTTP requests by route template, method and status class.",
    ["route", "method", "status"],
    registry=REGISTRY,
)
HTTP_LATENCY = Histogram(
    "nudge_http_request_duration_seconds",
    "HTTP request latency by route template.",
    ["route", "method"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30),
    registry=REGISTRY,
)

# ② SMS flow
SMS_INBOUND = Counter(
    "nudge_sms_inbound_total",
    "Inbound SMS by channel and outcome (handled, rate_limited, duplicate, bad_signature,"
    " invalid, failed: a handling that raised and will be retried).",
    ["channel", "outcome"],
    registry=REGISTRY,
)
RATE_LIMITED = Counter(
    "nudge_sms_rate_limited_total",
    "Inbound SMS stored but not acted on: the sender is over a rate limit, by rule"
    " (minute, hour, day, repeat) and reply (notice: the one kind reply, silent).",
    ["rule", "reply"],
    registry=REGISTRY,
)
SMS_OUTBOUND = Counter(
    "nudge_sms_outbound_total",
    "Outgoing SMS handed to the provider, by kind (reply, reminder, ...).",
    ["kind"],
    registry=REGISTRY,
)

INBOX_DEPTH = Gauge(
    "nudge_inbox_depth",
    "Inbound SMS stored by the webhook and not yet handled (kept failures included).",
    registry=REGISTRY,
)
INBOX_OLDEST_AGE = Gauge(
    "nudge_inbox_oldest_age_seconds",
    "Age of the oldest inbound SMS not yet handled.",
    registry=REGISTRY,
)

# ③ Understanding
UNDERSTANDING = Counter(
    "nudge_understanding_total",
    "Messages understood, by source (rules, llm, none) and intent.",
    ["source", "intent"],
    registry=REGISTRY,
)
LLM_LATENCY = Histogram(
    "nudge_llm_request_duration_seconds",
    "LLM call latency by provider.",
    ["provider"],
    buckets=(0.1, 0.25, 0.5, 1, 2, 4, 8, 16),
    registry=REGISTRY,
)
LLM_TOKENS = Counter(
    "nudge_llm_tokens_total",
    "LLM tokens by provider and direction (input, output).",
    ["provider", "direction"],
    registry=REGISTRY,
)

# ⑥ Reminders
REMINDERS_FIRED = Counter(
    "nudge_reminders_fired_total", "Reminder occurrences queued for sending.", registry=REGISTRY
)
REMINDERS_LATE = Counter(
    "nudge_reminders_late_total",
    "Occurrences sent after their time but within the grace window.",
    registry=REGISTRY,
)
REMINDERS_MISSED = Counter(
    "nudge_reminders_missed_total",
    "Occurrences past their grace window, recorded as missed.",
    registry=REGISTRY,
)
REMINDERS_DEFERRED = Counter(
    "nudge_reminders_deferred_total",
    "Occurrences moved to the end of the user's quiet hours.",
    registry=REGISTRY,
)
REMINDER_LATENESS = Histogram(
    "nudge_reminder_lateness_seconds",
    "Delay between an occurrence's due time and its claim into the outbox.",
    buckets=(0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 1800),
    registry=REGISTRY,
)

# ⑦ Delivery
DELIVERY_ATTEMPTS = Counter(
    "nudge_delivery_attempts_total", "Send attempts to the SMS provider.", registry=REGISTRY
)
DELIVERY_FAILURES = Counter(
    "nudge_delivery_failures_total",
    "Failed send attempts by reason (retryable, permanent, ambiguous, crash, lease_expired).",
    ["reason"],
    registry=REGISTRY,
)
OUTBOX_DEPTH = Gauge(
    "nudge_outbox_depth",
    "Outbox rows waiting to be sent (pending and due, or sending).",
    registry=REGISTRY,
)
OUTBOX_OLDEST_AGE = Gauge(
    "nudge_outbox_oldest_pending_age_seconds",
    "Age of the oldest due outbox row not yet sent.",
    registry=REGISTRY,
)
WORKER_HEARTBEAT = Gauge(
    "nudge_worker_last_heartbeat_timestamp_seconds",
    "Unix time of the last completed pass of each worker loop.",
    ["loop"],
    registry=REGISTRY,
)

# ⑤ Store
DB_POOL_IN_USE = Gauge(
    "nudge_db_pool_connections_in_use", "Database connections checked out.", registry=REGISTRY
)
DB_POOL_SIZE = Gauge(
    "nudge_db_pool_connections_max",
    "Most connections the pool may open (pool size plus overflow).",
    registry=REGISTRY,
)
COLLECT_ERRORS = Counter(
    "nudge_metrics_collect_errors_total",
    "Scrape-time collections that failed (the database did not answer in time).",
    registry=REGISTRY,
)
BUILD_INFO = Gauge(
    "nudge_build_info", "Always 1; the running version as a label.", ["version"], registry=REGISTRY
)
BUILD_INFO.labels(version=__version__).set(1)

"""The floor: a bare FastAPI webhook that checks the Twilio signature and does one INSERT.

    python -m bench.load_kit.floor_app --port P [--workers N]
    (env: FLOOR_DATABASE_URL, FLOOR_PUBLIC_URL, FLOOR_AUTH_TOKEN)

What any webhook on this stack costs at least: uvicorn as ``nudge serve`` runs it (same
options, uvloop and httptools), the form read, Nudge's own signature check over the public
URL, and one ``INSERT … ON CONFLICT DO NOTHING`` in a transaction through an engine built
by Nudge's ``create_engine`` (same driver and pool). Nudge's throughput is quoted as a
ratio of this one, measured in the same run on the same database.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.responses import PlainTextResponse
from sqlalchemy import text

from nudge.channels.twilio.webhook import EMPTY_TWIML, verify_signature, webhook_url
from nudge.store.db import create_engine

TABLE = "floor_messages"
CREATE = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} (id {{serial}} PRIMARY KEY, "
    "provider_sid VARCHAR(64) NOT NULL UNIQUE, phone VARCHAR(32) NOT NULL, body TEXT NOT NULL, "
    "created_at TIMESTAMP WITH TIME ZONE NOT NULL)"
)
INSERT = text(
    f"INSERT INTO {TABLE} (provider_sid, phone, body, created_at) "
    "VALUES (:sid, :phone, :body, :at) ON CONFLICT (provider_sid) DO NOTHING"
)


def create_app() -> FastAPI:
    """The floor app, configured from the environment (a factory, for uvicorn's workers)."""
    url, public = os.environ["FLOOR_DATABASE_URL"], os.environ["FLOOR_PUBLIC_URL"]
    token = os.environ["FLOOR_AUTH_TOKEN"]
    engine = create_engine(url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        serial = "INTEGER" if url.startswith("sqlite") else "BIGSERIAL"
        async with engine.begin() as connection:
            await connection.execute(text(CREATE.format(serial=serial)))
        yield
        await engine.dispose()

    app = FastAPI(lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)

    @app.post("/webhooks/twilio/sms")
    async def inbound(request: Request) -> Response:
        form = await request.form()
        params = {key: str(value) for key, value in form.multi_items()}
        signed = webhook_url(public_url=public, path=request.url.path, query=request.url.query)
        signature = request.headers.get("X-Twilio-Signature")
        if not verify_signature(auth_token=token, url=signed, params=params, signature=signature):
            return PlainTextResponse("Invalid Twilio signature.", status_code=403)
        values = {
            "sid": params["MessageSid"],
            "phone": params["From"],
            "body": params["Body"],
            "at": datetime.now(UTC),
        }
        async with engine.begin() as connection:
            await connection.execute(INSERT, values)
        return Response(EMPTY_TWIML, media_type="application/xml")

    @app.get("/readyz")
    async def ready() -> dict[str, str]:
        return {"status": "ok"}

    return app


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--port", type=int, required=True)
    options.add_argument("--workers", type=int, default=1)
    arguments = options.parse_args()
    uvicorn.run(
        "bench.load_kit.floor_app:create_app",
        factory=True,
        host="127.0.0.1",
        port=arguments.port,
        workers=arguments.workers,
        log_config=None,
        proxy_headers=True,
        server_header=False,
        timeout_keep_alive=75,
    )


if __name__ == "__main__":
    main()

"""The shipped Nginx config, rendered and run by real Nginx in front of ``nudge serve``."""

from __future__ import annotations

import signal
import socket
import ssl
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.e2e.server import NudgeServer, free_port, nudge_env
from tests.fakes.twilio_server import FAKE_AUTH_TOKEN, signed_form, twilio_fixture
from tests.ops.tools import nginx_command, require_program, wait_for, write_config

pytestmark = pytest.mark.e2e


@dataclass
class Edge:
    """Nginx on loopback (HTTP and HTTPS ports) in front of one ``nudge serve``."""

    http_port: int
    https_port: int
    cert: Path
    nudge: NudgeServer

    @property
    def public_url(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"

    def client(self) -> httpx.Client:
        trust = ssl.create_default_context(cafile=str(self.cert))
        return httpx.Client(base_url=self.public_url, verify=trust, timeout=5)


@pytest.fixture(scope="module")
def edge(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Edge]:
    nginx = require_program("nginx", "/usr/sbin")
    tmp = tmp_path_factory.mktemp("nginx")
    http_port, https_port, nudge_port = free_port(), free_port(), free_port()
    cert = write_config(tmp, f"127.0.0.1:{nudge_port}", http_port, https_port)
    checked = subprocess.run(
        nginx_command(nginx, tmp, "-t"), capture_output=True, text=True, timeout=10, check=False
    )
    assert checked.returncode == 0, checked.stderr
    env = nudge_env(
        {
            "NUDGE_DATABASE_URL": f"sqlite+aiosqlite:///{tmp / 'nudge.db'}",
            "NUDGE_PUBLIC_URL": f"https://127.0.0.1:{https_port}",
            "NUDGE_TWILIO_AUTH_TOKEN": FAKE_AUTH_TOKEN,
            "NUDGE_API_DOCS": "true",
        }
    )
    nudge = NudgeServer(env, tmp, nudge_port)
    process = subprocess.Popen(
        nginx_command(nginx, tmp, "-g", "daemon off;"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for(lambda: _listening(https_port), timeout=10, what="nginx to listen")
        yield Edge(http_port, https_port, cert, nudge)
    finally:
        process.send_signal(signal.SIGQUIT)  # graceful shutdown
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        nudge.stop()


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


def test_signed_twilio_webhook_passes_through_with_its_public_url(edge: Edge) -> None:
    url = f"{edge.public_url}/webhooks/twilio/sms"
    form = {**twilio_fixture("inbound_sms_en"), "Body": "add call the bank"}
    with edge.client() as client:
        good = client.post(
            "/webhooks/twilio/sms", data=form, headers=signed_form(url, form, FAKE_AUTH_TOKEN)
        )
        assert good.status_code == 200, good.text
        assert "<Response" in good.text
        plain = url.replace("https://", "http://")
        form["MessageSid"] = "SM" + "7" * 32
        forged = signed_form(plain, form, FAKE_AUTH_TOKEN)
        assert client.post("/webhooks/twilio/sms", data=form, headers=forged).status_code == 403
        big = {**form, "Body": "x" * 100_000}
        assert client.post("/webhooks/twilio/sms", data=big).status_code == 413


def test_metrics_are_not_public_but_served_on_the_private_port(edge: Edge) -> None:
    with edge.client() as client:
        assert client.get("/metrics").status_code == 404
        assert client.get("/metrics/").status_code == 404
    direct = httpx.get(f"{edge.nudge.url}/metrics", timeout=5)
    assert direct.status_code == 200
    assert "nudge_http_requests_total" in direct.text


def test_api_docs_stay_private_even_when_the_app_serves_them(edge: Edge) -> None:
    with edge.client() as client:
        for path in ("/docs", "/redoc", "/openapi.json", "/docs/oauth2-redirect"):
            assert client.get(path).status_code == 404, path
    assert httpx.get(f"{edge.nudge.url}/openapi.json", timeout=5).status_code == 200


def _handshake(context: ssl.SSLContext, port: int) -> tuple[str | None, str | None, str]:
    """TLS version, ALPN protocol and cipher the server picked for ``context``."""
    with (
        socket.create_connection(("127.0.0.1", port), timeout=5) as raw,
        context.wrap_socket(raw, server_hostname="127.0.0.1") as tls,
    ):
        cipher = tls.cipher()
        return tls.version(), tls.selected_alpn_protocol(), cipher[0] if cipher else ""


def test_tls_http2_hsts_gzip_and_redirect(edge: Edge) -> None:
    modern = ssl.create_default_context(cafile=str(edge.cert))
    modern.set_alpn_protocols(["h2", "http/1.1"])
    assert _handshake(modern, edge.https_port)[:2] == ("TLSv1.3", "h2")
    old = ssl.create_default_context(cafile=str(edge.cert))
    old.maximum_version = ssl.TLSVersion.TLSv1_2
    version, _alpn, cipher = _handshake(old, edge.https_port)
    assert version == "TLSv1.2"
    assert cipher.startswith("ECDHE-")
    assert "GCM" in cipher or "CHACHA20" in cipher
    with edge.client() as client:
        response = client.get("/simulator", headers={"Accept-Encoding": "gzip"})
        assert response.status_code == 200
        assert response.headers["content-encoding"] == "gzip"
        assert response.headers["strict-transport-security"].startswith("max-age=31536000")
        assert response.headers["x-trace-id"]
    redirect = httpx.get(f"http://127.0.0.1:{edge.http_port}/healthz", timeout=5)
    assert redirect.status_code == 301
    assert redirect.headers["location"].startswith("https://127.0.0.1")


def test_api_rate_limit_answers_429_past_the_burst(edge: Edge) -> None:
    with edge.client() as client:
        statuses = [client.get("/readyz").status_code for _ in range(45)]
    assert statuses[:20] == [200] * 20
    assert statuses.count(429) >= 5
    assert set(statuses) <= {200, 429}

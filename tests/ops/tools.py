"""Helpers for ops tests: find real programs, render deploy templates, make a test certificate."""

from __future__ import annotations

import ipaddress
import os
import re
import shutil
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
REQUIRE = os.environ.get("NUDGE_REQUIRE_OPS_TOOLS") == "1"
PLACEHOLDER = re.compile(r"\$\{(NUDGE_[A-Z0-9_]+)\}")


def require_program(name: str, *extra_dirs: str) -> str:
    """The program's path; skip when missing locally, fail when CI requires ops tools."""
    found = shutil.which(name) or shutil.which(name, path=os.pathsep.join(extra_dirs))
    if found:
        return found
    message = f"{name} is not installed (apt-get install it; CI sets NUDGE_REQUIRE_OPS_TOOLS=1)"
    if REQUIRE:
        pytest.fail(message)
    pytest.skip(message)


def render(template: Path, values: Mapping[str, str]) -> str:
    """Fill ``${NUDGE_*}`` placeholders like envsubst would; every one must have a value."""
    text = template.read_text(encoding="utf-8")
    missing = sorted(set(PLACEHOLDER.findall(text)) - set(values))
    assert not missing, f"no value for {missing}"
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


def self_signed(directory: Path, host: str = "127.0.0.1") -> tuple[Path, Path]:
    """A P-256 certificate for ``host`` (IP SAN) and its key, written as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(host))]), False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def wait_for(check: Callable[[], bool], *, timeout: float, what: str) -> None:
    """Poll ``check`` until it is true, or fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


NGINX_TEMPLATE = DEPLOY / "nginx" / "nudge.conf.template"


def nginx_main_conf(tmp: Path, site: Path, *, connections: int = 256) -> str:
    """A minimal nginx.conf around the site snippet, everything writable under ``tmp``."""
    user = "user root;\n" if os.geteuid() == 0 else ""
    temps = "".join(
        f"    {kind}_temp_path {tmp / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    mime = "    include /etc/nginx/mime.types;\n" if Path("/etc/nginx/mime.types").exists() else ""
    return (
        f"{user}worker_processes 1;\nerror_log {tmp / 'error.log'} warn;\n"
        f"events {{ worker_connections {connections}; }}\n"
        f"http {{\n{mime}{temps}    include {site};\n}}\n"
    )


def nginx_command(nginx: str, tmp: Path, *extra: str) -> list[str]:
    """Run ``nginx`` on the config ``write_config`` left in ``tmp``."""
    return [
        nginx, "-p", str(tmp), "-e", str(tmp / "error.log"), "-c", str(tmp / "nginx.conf"),
        "-g", f"pid {tmp / 'nginx.pid'};", *extra,
    ]  # fmt: skip


def write_config(
    tmp: Path, upstream: str, http_port: int, https_port: int, *, connections: int = 256
) -> Path:
    """Render the shipped site config for loopback into ``tmp``; the certificate's path.

    ``upstream`` is what fills ``NUDGE_UPSTREAM`` (``127.0.0.1:8000``); several web
    processes are given as ``a:1 max_fails=3 fail_timeout=10s; server b:2``, which renders
    to the two ``server`` lines a name with two addresses (``nudge-web:8000``) stands for.
    """
    cert, key = self_signed(tmp)
    site = tmp / "nudge.conf"
    site.write_text(
        render(
            NGINX_TEMPLATE,
            {
                "NUDGE_SERVER_NAME": "127.0.0.1",
                "NUDGE_UPSTREAM": upstream,
                "NUDGE_HTTP_PORT": f"127.0.0.1:{http_port}",
                "NUDGE_HTTPS_PORT": f"127.0.0.1:{https_port}",
                "NUDGE_TLS_CERT": str(cert),
                "NUDGE_TLS_KEY": str(key),
                "NUDGE_REAL_IP_FROM": "127.0.0.1",
                "NUDGE_ACCESS_LOG": str(tmp / "access.log"),
            },
        )
    )
    (tmp / "nginx.conf").write_text(nginx_main_conf(tmp, site, connections=connections))
    return cert

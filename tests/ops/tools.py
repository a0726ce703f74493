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

"""Start ``nudge`` as a real subprocess for end-to-end tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import httpx


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def free_ports(count: int) -> list[int]:
    """``count`` different loopback ports nobody listens on right now.

    Held all at once while chosen: ``free_port`` called twice in a row may give the same
    port twice, and two servers told to share it fail in ways far from the cause (a web
    answering Nginx's TLS clients, "Invalid HTTP request received").
    """
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [int(sock.getsockname()[1]) for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def nudge_env(extra: Mapping[str, str]) -> dict[str, str]:
    """The environment for a ``nudge`` subprocess: ours minus any NUDGE_* the developer set."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("NUDGE_")}
    env.update({"NUDGE_LOG_LEVEL": "WARNING", **extra})
    return env


def run_nudge(*args: str, env: Mapping[str, str], cwd: Path, timeout: float = 60) -> str:
    """Run a ``nudge`` command to completion and return its stdout."""
    done = subprocess.run(
        [sys.executable, "-m", "nudge", *args],
        env=dict(env),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


class NudgeServer:
    """``nudge serve`` on a free port, stopped with SIGTERM like an orchestrator would."""

    def __init__(self, env: Mapping[str, str], cwd: Path, port: int) -> None:
        self.port, self.url = port, f"http://127.0.0.1:{port}"
        self._log = (cwd / "server.log").open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "nudge", "serve", "--port", str(port)],
            env=dict(env),
            cwd=cwd,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self._log_path = cwd / "server.log"
        self._wait_healthy()

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nudge serve exited: {self.log()}")
            try:
                if httpx.get(f"{self.url}/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"nudge serve never became ready: {self.log()}")

    def log(self) -> str:
        """What the server printed so far."""
        return self._log_path.read_text(errors="replace")

    def stop(self) -> int:
        """SIGTERM, then wait for a clean exit; returns the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
        return int(self.process.returncode)

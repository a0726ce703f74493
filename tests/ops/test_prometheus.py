"""The shipped Prometheus config and alert rules, checked by promtool and run by Prometheus."""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.e2e.server import NudgeServer, free_port, nudge_env
from tests.ops.test_deploy_files import dashboard_exprs
from tests.ops.tools import DEPLOY, require_program, wait_for

pytestmark = pytest.mark.e2e
PROMETHEUS = DEPLOY / "monitoring" / "prometheus"
EXPECTED = {
    "nudge_http_requests_total",
    "nudge_http_request_duration_seconds_bucket",
    "nudge_reminders_missed_total",
    "nudge_outbox_depth",
    "nudge_outbox_oldest_pending_age_seconds",
    "nudge_db_pool_connections_in_use",
    "nudge_build_info",
    "up",
}


def promtool(*args: str) -> str:
    tool = require_program("promtool")
    done = subprocess.run(
        [tool, *args], capture_output=True, text=True, timeout=30, check=False, cwd=PROMETHEUS
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def test_promtool_accepts_the_config_and_rules() -> None:
    assert "SUCCESS" in promtool("check", "config", "prometheus.yml")
    assert "14 rules found" in promtool("check", "rules", "rules/nudge.yml")


def test_promtool_unit_tests_for_every_alert_pass() -> None:
    assert "SUCCESS" in promtool("test", "rules", "tests/nudge.test.yml")
    rules = yaml.safe_load((PROMETHEUS / "rules" / "nudge.yml").read_text())
    alerts = {
        rule["alert"] for group in rules["groups"] for rule in group["rules"] if "alert" in rule
    }
    tested = (PROMETHEUS / "tests" / "nudge.test.yml").read_text()
    assert all(f"alertname: {alert}" in tested for alert in alerts)


def scrape_config(tmp: Path, nudge_port: int) -> Path:
    """The shipped config with the web job pointed at loopback and a 1 s interval."""
    config: dict[str, Any] = yaml.safe_load((PROMETHEUS / "prometheus.yml").read_text())
    web = next(job for job in config["scrape_configs"] if job["job_name"] == "nudge-web")
    web.pop("dns_sd_configs")
    web["static_configs"] = [{"targets": [f"127.0.0.1:{nudge_port}"]}]
    web["scrape_interval"] = "1s"
    config["scrape_configs"] = [web]
    config["global"]["evaluation_interval"] = "1s"
    config["rule_files"] = [str(PROMETHEUS / "rules" / "nudge.yml")]
    config.pop("alerting")
    path = tmp / "prometheus.yml"
    path.write_text(yaml.safe_dump(config))
    return path


@pytest.fixture
def prometheus(tmp_path: Path) -> Iterator[str]:
    binary = require_program("prometheus")
    nudge_port, port = free_port(), free_port()
    env = nudge_env({"NUDGE_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'nudge.db'}"})
    nudge = NudgeServer(env, tmp_path, nudge_port)
    config = scrape_config(tmp_path, nudge_port)
    log = (tmp_path / "prometheus.log").open("w")
    process = subprocess.Popen(
        [
            binary,
            f"--config.file={config}",
            f"--storage.tsdb.path={tmp_path / 'data'}",
            f"--web.listen-address=127.0.0.1:{port}",
            "--log.level=warn",
        ],  # fmt: skip
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        nudge.stop()


def _query(base: str, promql: str) -> list[dict[str, Any]]:
    try:
        response = httpx.get(f"{base}/api/v1/query", params={"query": promql}, timeout=2)
    except httpx.HTTPError:
        return []
    if response.status_code != 200:
        return []
    result: list[dict[str, Any]] = response.json()["data"]["result"]
    return result


def test_real_prometheus_scrapes_nudge_and_loads_the_rules(prometheus: str) -> None:
    def target_up() -> bool:
        result = _query(prometheus, 'up{job="nudge-web"}')
        return bool(result) and result[0]["value"][1] == "1"

    wait_for(target_up, timeout=15, what="Prometheus to scrape nudge serve")
    names = httpx.get(f"{prometheus}/api/v1/label/__name__/values", timeout=2).json()["data"]
    assert set(names) >= EXPECTED
    counted = 'nudge_http_requests_total{route="/metrics"}'
    wait_for(lambda: bool(_query(prometheus, counted)), timeout=10, what="a counted scrape")
    series = _query(prometheus, counted)
    assert series[0]["metric"]["job"] == "nudge-web"
    for expr in dashboard_exprs():  # every Grafana panel query parses and runs
        query = expr.replace("$__rate_interval", "1m")
        answer = httpx.get(f"{prometheus}/api/v1/query", params={"query": query}, timeout=2)
        assert answer.json()["status"] == "success", (expr, answer.text)
    groups = httpx.get(f"{prometheus}/api/v1/rules", timeout=2).json()["data"]["groups"]
    loaded = {rule["name"] for group in groups for rule in group["rules"]}
    assert {"NudgeErrorRateCritical", "NudgeOutboxStuck", "NudgeReminderMissed"} <= loaded

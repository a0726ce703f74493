"""Static checks of deploy/: Compose schema, Kubernetes schemas, Dockerfile lint, dashboards."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import yaml

from nudge.observability.metrics import REGISTRY
from tests.ops.tools import DEPLOY, PLACEHOLDER, require_program

COMPOSE = DEPLOY / "compose"
K8S = DEPLOY / "k8s"
DASHBOARDS = DEPLOY / "monitoring" / "grafana" / "dashboards"
COMPOSE_FILES = sorted(COMPOSE.glob("compose*.yaml"))
SECRETISH = re.compile(r"(PASSWORD|TOKEN|SECRET|_KEY)$")


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def compose_validator() -> jsonschema.Draft7Validator:
    schema = json.loads((DEPLOY / "schemas" / "compose-spec.json").read_text())
    return jsonschema.Draft7Validator(schema)


@pytest.mark.parametrize("path", COMPOSE_FILES, ids=lambda path: path.name)
def test_compose_file_matches_the_compose_specification(path: Path) -> None:
    errors = [
        f"{list(error.absolute_path)}: {error.message}"
        for error in compose_validator().iter_errors(load(path))
    ]
    assert errors == []


def test_the_compose_schema_rejects_a_wrong_file() -> None:
    wrong = {"services": {"web": {"image": "x", "restart_policy": "always"}}}
    assert list(compose_validator().iter_errors(wrong))


def services() -> dict[str, dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for path in COMPOSE_FILES:
        for name, service in (load(path).get("services") or {}).items():
            merged.setdefault(name, {}).update(service)
    return merged


def test_compose_stack_has_every_service_and_no_inline_secret() -> None:
    stack = services()
    needed = {"postgres", "nudge-migrate", "nudge-web", "nudge-worker", "redis", "nginx"}
    needed |= {"prometheus", "alertmanager", "grafana", "loki", "promtail", "jaeger"}
    assert needed <= set(stack)
    prod = load(COMPOSE / "compose.prod.yaml")["services"]
    assert prod["nudge-web"]["deploy"]["replicas"] == 2
    assert prod["nudge-worker"]["deploy"]["replicas"] >= 2
    for name, service in stack.items():
        environment = service.get("environment") or {}
        for key, value in environment.items():
            from_file = str(value).startswith("/run/secrets/")
            inline = SECRETISH.search(key) and value not in (None, "") and not from_file
            assert not inline, f"{name}: {key} is inline; use a *_FILE secret"
    for path in COMPOSE_FILES:
        for name, secret in (load(path).get("secrets") or {}).items():
            assert set(secret) == {"file"}, name
    base = load(COMPOSE / "compose.yaml")
    assert "pgdata:/var/lib/postgresql/data" in base["services"]["postgres"]["volumes"]


def test_compose_bind_mounts_exist_and_nginx_gets_every_template_variable() -> None:
    for path in COMPOSE_FILES:
        for service in (load(path).get("services") or {}).values():
            for volume in service.get("volumes", []):
                source = volume.split(":", 1)[0]
                if source.startswith("."):
                    assert (COMPOSE / source).resolve().exists(), source
    template = (DEPLOY / "nginx" / "nudge.conf.template").read_text()
    nginx_env = load(COMPOSE / "compose.yaml")["services"]["nginx"]["environment"]
    assert set(PLACEHOLDER.findall(template)) == set(nginx_env)


def k8s_documents() -> list[tuple[str, dict[str, Any]]]:
    kustomization = load(K8S / "kustomization.yaml")
    listed = [*kustomization["resources"], "secret.example.yaml"]
    docs = []
    for name in listed:
        docs += [(name, doc) for doc in yaml.safe_load_all((K8S / name).read_text()) if doc]
    return docs


def test_kustomization_lists_every_manifest() -> None:
    listed = set(load(K8S / "kustomization.yaml")["resources"])
    present = {path.name for path in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert present - listed == {"secret.example.yaml", "servicemonitor.yaml"}
    assert listed <= present


@pytest.mark.parametrize(
    "doc", k8s_documents(), ids=lambda item: f"{item[0]}:{item[1]['metadata']['name']}"
)
def test_kubernetes_manifest_matches_the_kubernetes_schema(doc: tuple[str, dict[str, Any]]) -> None:
    _name, resource = doc
    kubernetes_validate.validate(resource, kubernetes_validate.latest_version(), strict=True)


def test_the_kubernetes_schema_rejects_a_wrong_manifest() -> None:
    _name, web = next(doc for doc in k8s_documents() if doc[1]["kind"] == "Deployment")
    wrong = json.loads(json.dumps(web))
    wrong["spec"]["template"]["spec"]["containers"][0]["livenessProbe"]["httpGet"]["pathh"] = "/"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(wrong, kubernetes_validate.latest_version(), strict=True)


def test_kubernetes_workloads_have_probes_resources_and_no_embedded_secret() -> None:
    docs = [doc for _name, doc in k8s_documents()]
    kinds = [doc["kind"] for doc in docs]
    for kind in ("Job", "HorizontalPodAutoscaler", "CronJob", "NetworkPolicy"):
        assert kind in kinds
    assert kinds.count("PodDisruptionBudget") == 2
    deployments = {doc["metadata"]["name"]: doc for doc in docs if doc["kind"] == "Deployment"}
    web = deployments["nudge-web"]["spec"]["template"]["spec"]["containers"][0]
    assert web["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert web["readinessProbe"]["httpGet"]["path"] == "/readyz"
    for deployment in deployments.values():
        container = deployment["spec"]["template"]["spec"]["containers"][0]
        assert container["resources"]["requests"]
        assert container["resources"]["limits"]["memory"]
        assert container["securityContext"]["readOnlyRootFilesystem"] is True
    hpa = next(doc for doc in docs if doc["kind"] == "HorizontalPodAutoscaler")
    assert hpa["spec"]["scaleTargetRef"]["name"] == "nudge-web"
    listed = load(K8S / "kustomization.yaml")["resources"]
    assert all(
        doc["kind"] != "Secret"
        for name in listed
        for doc in yaml.safe_load_all((K8S / name).read_text())
    )


def hadolint() -> str:
    return require_program("hadolint", str(Path(sys.executable).parent))


def test_dockerfile_passes_hadolint() -> None:
    done = subprocess.run(
        [hadolint(), str(DEPLOY / "docker" / "Dockerfile")],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_dockerfile_is_multi_stage_pinned_non_root_with_a_healthcheck() -> None:
    lines = [
        line.strip()
        for line in (DEPLOY / "docker" / "Dockerfile").read_text().replace("\\\n", " ").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    bases = [line.split()[1] for line in lines if line.startswith("FROM ")]
    assert len(bases) >= 2
    assert all(re.search(r":\d+\.\d+\.\d+", base) and "latest" not in base for base in bases)
    final = lines[max(i for i, line in enumerate(lines) if line.startswith("FROM "))]
    users = [line for line in lines if line.startswith("USER ")]
    assert users
    assert users[-1].split()[1].split(":")[0] not in ("root", "0")
    assert lines.index(users[-1]) > lines.index(final)
    assert any(line.startswith("HEALTHCHECK ") for line in lines)
    assert not any(
        SECRETISH.search(word.split("=")[0])
        for line in lines
        if line.startswith(("ENV ", "ARG "))
        for word in line.split()[1:]
    )


def test_entrypoint_reads_secrets_from_files(tmp_path: Path) -> None:
    stub = tmp_path / "bin" / "nudge"
    stub.parent.mkdir()
    stub.write_text('#!/bin/sh\necho "args=$*"\nenv | grep ^NUDGE_ | sort\n')
    stub.chmod(0o755)
    token = tmp_path / "token"
    token.write_text("tw-secret-123")
    env = {
        "PATH": f"{stub.parent}:{os.environ['PATH']}",
        "NUDGE_TWILIO_AUTH_TOKEN_FILE": str(token),
        "NUDGE_BACKUP_KEY_FILE": "/run/secrets/backup_key",
    }
    done = subprocess.run(
        ["sh", str(DEPLOY / "docker" / "entrypoint.sh"), "serve", "--no-workers"],
        env=env,
        capture_output=True,
        text=True,
        timeout=10,
        check=True,
    )
    assert "args=serve --no-workers" in done.stdout
    assert "NUDGE_TWILIO_AUTH_TOKEN=tw-secret-123" in done.stdout
    assert "NUDGE_TWILIO_AUTH_TOKEN_FILE" not in done.stdout
    assert "NUDGE_BACKUP_KEY_FILE=/run/secrets/backup_key" in done.stdout


def dashboard_exprs() -> list[str]:
    exprs = []
    for path in sorted(DASHBOARDS.glob("*.json")):
        for panel in json.loads(path.read_text())["panels"]:
            exprs += [target["expr"] for target in panel["targets"]]
    return exprs


def test_grafana_dashboards_are_well_formed_and_use_real_metrics() -> None:
    datasources = load(DEPLOY / "monitoring/grafana/provisioning/datasources/nudge.yaml")
    uids = {source["uid"] for source in datasources["datasources"]}
    suffixes = ("", "_total", "_bucket", "_count", "_sum")
    known = {metric.name + suffix for metric in REGISTRY.collect() for suffix in suffixes}
    known.add("up")
    seen_uids = set()
    for path in sorted(DASHBOARDS.glob("*.json")):
        board = json.loads(path.read_text())
        assert board["uid"] not in seen_uids
        seen_uids.add(board["uid"])
        assert board["title"].startswith("Nudge")
        assert isinstance(board["schemaVersion"], int)
        ids = [panel["id"] for panel in board["panels"]]
        assert len(ids) == len(set(ids))
        for panel in board["panels"]:
            grid = panel["gridPos"]
            assert grid["x"] + grid["w"] <= 24
            assert panel["datasource"]["uid"] in uids
            for target in panel["targets"]:
                names = set(re.findall(r"\b(nudge_[a-z_]+|up)\b", target["expr"]))
                assert names
                assert names <= known, names - known
    assert len(seen_uids) == 3


@pytest.mark.parametrize(
    "path",
    [
        "monitoring/alertmanager/alertmanager.yml",
        "monitoring/loki/loki.yaml",
        "monitoring/promtail/promtail.yaml",
        "monitoring/otel/collector.yaml",
        "monitoring/grafana/provisioning/dashboards/nudge.yaml",
    ],
)
def test_monitoring_configs_are_valid_yaml_mappings(path: str) -> None:
    assert isinstance(load(DEPLOY / path), dict)

"""scripts/audit_deps.py against a package index faked on loopback: no gap passes silently."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest
from scripts.audit_deps import HELD_BACK, audit

NOT_FOUND: dict[str, Any] = {"skip_reason": "Dependency not found on PyPI and could not be audited"}


class FakeIndex(BaseHTTPRequestHandler):
    """``/<name>/json`` as the index serves it: the newest release and its vulnerabilities."""

    projects: ClassVar[dict[str, dict[str, Any]]] = {
        "safe": {"info": {"version": "2.0"}, "vulnerabilities": []},
        "holed": {
            "info": {"version": "1.5"},
            "vulnerabilities": [
                {"id": "PYSEC-2099-1", "fixed_in": ["1.6"], "withdrawn": None},
                {"id": "GHSA-old", "fixed_in": ["1.5"], "withdrawn": "2099-01-01T00:00:00"},
            ],
        },
        "capped": {
            "info": {"version": "3.0"},
            "vulnerabilities": [],
            "releases": {"1.0": [], "2.1": [], "2.2rc1": [], "3.0": []},
        },
        "pyduckling-native-phihos": {"info": {"version": "0.4.0"}, "vulnerabilities": []},
    }

    def do_GET(self) -> None:
        name = self.path.strip("/").removesuffix("/json")
        project = self.projects.get(name)
        self.send_response(200 if project else 404)
        self.end_headers()
        self.wfile.write(json.dumps(project or {"message": "Not Found"}).encode())

    def log_message(self, *_args: object) -> None:
        return


@pytest.fixture(scope="module")
def index() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeIndex)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_newest_release_is_audited_from_the_index_when_pip_audit_skips_it(index: str) -> None:
    report = audit({"safe": "2.0", "holed": "1.5"}, {"safe": NOT_FOUND, "holed": NOT_FOUND}, index)
    assert report.by_newest_release == 2
    assert report.vulnerable == ["holed 1.5: PYSEC-2099-1 (fixed in ['1.6'])"]  # withdrawn: not
    assert report.gaps == []


def no_caps(_name: str) -> list[str]:
    return []


def test_an_older_release_is_a_gap_unless_held_back_with_a_reason(index: str) -> None:
    name = "pyduckling-native-phihos"
    report = audit({"safe": "1.0", name: "0.3.0"}, {}, index, no_caps)
    assert report.gaps == ["safe 1.0 (newest 2.0): not auditable below the newest release"]
    assert report.accepted_gaps == [f"{name} 0.3.0 (newest 0.4.0): {HELD_BACK[name]}"]
    assert report.by_newest_release == 0


def test_an_older_release_is_accepted_only_when_a_cap_forbids_anything_newer(index: str) -> None:
    def caps(_name: str) -> list[str]:
        return ["dependent requires capped<3"]

    assert audit({"capped": "2.1"}, {}, index, caps).accepted_gaps == [
        "capped 2.1 (newest 3.0): dependent requires capped<3"
    ]  # 2.2rc1 is a pre-release: 2.1 is the newest the cap allows
    assert audit({"capped": "1.0"}, {}, index, caps).gaps == [
        "capped 1.0 (newest 3.0): not auditable below the newest release"
    ]  # 2.1 would do: not held back by the cap, just old
    assert audit({"capped": "2.1"}, {}, index, no_caps).gaps != []


def test_a_package_the_index_does_not_know_is_a_gap(index: str) -> None:
    report = audit({"unheard-of": "1.0"}, {"unheard-of": NOT_FOUND}, index)
    assert len(report.gaps) == 1
    assert report.gaps[0].startswith("unheard-of 1.0: the index did not answer")


def test_pip_audit_answers_are_used_as_they_are(index: str) -> None:
    answers: dict[str, dict[str, Any]] = {
        "safe": {"name": "safe", "version": "1.0", "vulns": []},
        "holed": {"name": "holed", "version": "1.0", "vulns": [{"id": "X-1", "fix_versions": []}]},
        "nudge-sms": NOT_FOUND,
    }
    report = audit({"safe": "1.0", "holed": "1.0", "nudge-sms": "0.1.0"}, answers, index)
    assert report.by_pip_audit == 2
    assert report.vulnerable == ["holed 1.0: X-1 (fixed in [])"]
    assert report.gaps == []  # Nudge itself is not on the index

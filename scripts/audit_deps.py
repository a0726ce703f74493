"""Audit the installed environment for known vulnerabilities; exit 1 on any, or on a gap.

    .venv/bin/python scripts/audit_deps.py

pip-audit runs first. Where its per-release lookup cannot answer (a package index that
serves no per-version JSON: pip-audit then says "Dependency not found", skips the package
and still reports "No known vulnerabilities found"), the package's own JSON from the same
index is read: its ``vulnerabilities`` are those of the newest release, so they are the
installed release's exactly when the installed release is the newest. A package that is
neither audited by pip-audit nor at its newest release is a gap: it fails the run unless
``HELD_BACK`` names it with the reason it cannot be newer. A vulnerability fails the run
unless ``IGNORED`` names its id with a justification. Nothing passes silently.
"""

from __future__ import annotations

import json
import os
import re
import subprocess  # noqa: S404 - runs pip-audit from this same environment
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from importlib.metadata import distributions
from typing import Any, Final

JSON_BASE: Final = os.environ.get("NUDGE_AUDIT_JSON_BASE", "https://pypi.org/pypi").rstrip("/")
OURS: Final = frozenset({"nudge-sms"})
IGNORED: Final[dict[str, str]] = {}
"""Vulnerability id → why it does not apply to Nudge (none today)."""
HELD_BACK: Final[dict[str, str]] = {
    "python-dateutil": "holidays requires python-dateutil<3",
    "tenacity": "google-genai requires tenacity<9.2",
    "jsonschema-rs": "schemathesis (tests only) requires jsonschema-rs<0.61",
    "pyduckling-native-phihos": "dev only (bench/parse.py, the Duckling corpus score)",
}
"""Package → why it may sit below its newest release, where only pip-audit could audit it."""


@dataclass
class Report:
    """What the audit found."""

    vulnerable: list[str] = field(default_factory=list)
    by_pip_audit: int = 0
    by_newest_release: int = 0
    gaps: list[str] = field(default_factory=list)
    accepted_gaps: list[str] = field(default_factory=list)


def canonical(name: str) -> str:
    """The normalised project name (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def installed() -> dict[str, str]:
    """Every installed distribution and its version, by canonical name."""
    return {canonical(dist.metadata["Name"]): dist.version for dist in distributions()}


def pip_audit() -> dict[str, dict[str, Any]]:
    """pip-audit's JSON answer, by canonical name (``vulns`` or ``skip_reason``)."""
    command = [sys.executable, "-m", "pip_audit", "--local", "-f", "json"]
    done = subprocess.run(  # noqa: S603 - fixed arguments
        [*command, "--progress-spinner", "off"], capture_output=True, text=True, check=False
    )
    if done.returncode not in (0, 1):  # 1: vulnerabilities found
        raise SystemExit(f"pip-audit failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return {canonical(dep["name"]): dep for dep in json.loads(done.stdout)["dependencies"]}


def newest(name: str, base: str = JSON_BASE) -> tuple[str, list[dict[str, Any]]]:
    """The newest release on the index and that release's known vulnerabilities."""
    url = f"{base}/{name}/json"
    with urllib.request.urlopen(url, timeout=30) as answer:  # noqa: S310 - https index
        data = json.load(answer)
    live = [vuln for vuln in data.get("vulnerabilities", []) if not vuln.get("withdrawn")]
    return str(data["info"]["version"]), live


def _flag(report: Report, name: str, version: str, ids: list[str], fixed: list[str]) -> None:
    kept = [vuln_id for vuln_id in ids if vuln_id not in IGNORED]
    if kept:
        report.vulnerable.append(f"{name} {version}: {', '.join(kept)} (fixed in {fixed})")


def audit(
    versions: dict[str, str], answers: dict[str, dict[str, Any]], base: str = JSON_BASE
) -> Report:
    """Audit ``versions`` (all but Nudge itself) from pip-audit's ``answers`` and the index."""
    report = Report()
    for name, version in sorted(versions.items()):
        if name in OURS:
            continue
        answer = answers.get(name, {})
        if "skip_reason" not in answer and name in answers:
            report.by_pip_audit += 1
            vulns = answer.get("vulns", [])
            ids = [vuln["id"] for vuln in vulns]
            _flag(report, name, version, ids, [v for x in vulns for v in x.get("fix_versions", [])])
            continue
        try:
            latest, vulns = newest(name, base)
        except (urllib.error.URLError, TimeoutError, KeyError, ValueError) as error:
            report.gaps.append(f"{name} {version}: the index did not answer ({error})")
            continue
        if latest != version:
            gap = f"{name} {version} (newest {latest})"
            if name in HELD_BACK:
                report.accepted_gaps.append(f"{gap}: {HELD_BACK[name]}")
            else:
                report.gaps.append(f"{gap}: not auditable below the newest release")
            continue
        report.by_newest_release += 1
        ids = [vuln["id"] for vuln in vulns]
        _flag(report, name, version, ids, [v for x in vulns for v in x.get("fixed_in", [])])
    return report


def main() -> int:
    """Print the audit and return its exit status."""
    report = audit(installed(), pip_audit())
    print(
        f"dependency audit: {report.by_pip_audit} audited by pip-audit, "
        f"{report.by_newest_release} by the index's data for their (newest) release"
    )
    for line in report.accepted_gaps:
        print(f"  not audited, accepted: {line}")
    for line in report.gaps:
        print(f"  NOT AUDITED: {line}")
    for line in report.vulnerable:
        print(f"  VULNERABLE: {line}")
    if report.gaps or report.vulnerable:
        print("dependency audit failed: upgrade, or justify in scripts/audit_deps.py")
        return 1
    print("dependency audit passed: no known vulnerability in what could be audited")
    return 0


if __name__ == "__main__":
    sys.exit(main())

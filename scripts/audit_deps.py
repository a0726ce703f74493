"""Audit the installed environment for known vulnerabilities; exit 1 on any, or on a gap.

    .venv/bin/python scripts/audit_deps.py

pip-audit runs first. Where its per-release lookup cannot answer (a package index that
serves no per-version JSON: pip-audit then says "Dependency not found", skips the package
and still reports "No known vulnerabilities found"), the package's own JSON from the same
index is read: its ``vulnerabilities`` are those of the newest release, so they are the
installed release's exactly when the installed release is the newest. A package that is
neither audited by pip-audit nor at its newest release is a gap: it fails the run unless
it is the newest release that another installed package's declared cap allows (printed
with that cap), or ``HELD_BACK`` names it with the reason it cannot be newer. A
vulnerability fails the run unless ``IGNORED`` names its id with a justification. Nothing
passes silently.
"""

from __future__ import annotations

import json
import os
import re
import subprocess  # noqa: S404 - runs pip-audit from this same environment
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import distributions
from typing import Any, Final

from packaging.requirements import InvalidRequirement, Requirement
from packaging.version import InvalidVersion, Version

JSON_BASE: Final = os.environ.get("NUDGE_AUDIT_JSON_BASE", "https://pypi.org/pypi").rstrip("/")
OURS: Final = frozenset({"nudge-sms"})
IGNORED: Final[dict[str, str]] = {}
"""Vulnerability id → why it does not apply to Nudge (none today)."""
HELD_BACK: Final[dict[str, str]] = {
    "pyduckling-native-phihos": "dev only (bench/parse.py, the Duckling corpus score)",
}
"""Package → why it may sit below its newest release though no installed package caps it."""


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


@dataclass(frozen=True)
class Project:
    """What the index says of a project: newest release, its vulnerabilities, all releases."""

    newest: str
    vulnerabilities: list[dict[str, Any]]
    releases: list[str]


def project(name: str, base: str = JSON_BASE) -> Project:
    """The project's JSON from the index."""
    url = f"{base}/{name}/json"
    with urllib.request.urlopen(url, timeout=30) as answer:  # noqa: S310 - https index
        data = json.load(answer)
    live = [vuln for vuln in data.get("vulnerabilities", []) if not vuln.get("withdrawn")]
    return Project(str(data["info"]["version"]), live, list(data.get("releases", {})))


def caps_on(name: str) -> list[str]:
    """Every installed package's declared requirement on ``name`` that has a version bound."""
    found = []
    for dist in distributions():
        for line in dist.requires or []:
            try:
                requirement = Requirement(line)
            except InvalidRequirement:
                continue
            if canonical(requirement.name) == name and requirement.specifier:
                found.append(f"{dist.metadata['Name']} requires {name}{requirement.specifier}")
    return sorted(set(found))


def capped_at(version: str, releases: list[str], caps: list[str]) -> bool:
    """Whether ``version`` is the newest final release every cap in ``caps`` allows."""
    specifiers = [Requirement(cap.split(" requires ", 1)[1]).specifier for cap in caps]
    allowed = []
    for release in releases:
        try:
            parsed = Version(release)
        except InvalidVersion:
            continue
        if not parsed.is_prerelease and all(spec.contains(parsed) for spec in specifiers):
            allowed.append(parsed)
    return bool(specifiers) and bool(allowed) and max(allowed) == Version(version)


def _flag(report: Report, name: str, version: str, ids: list[str], fixed: list[str]) -> None:
    kept = [vuln_id for vuln_id in ids if vuln_id not in IGNORED]
    if kept:
        report.vulnerable.append(f"{name} {version}: {', '.join(kept)} (fixed in {fixed})")


def audit(
    versions: dict[str, str],
    answers: dict[str, dict[str, Any]],
    base: str = JSON_BASE,
    caps: Callable[[str], list[str]] = caps_on,
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
            found = project(name, base)
        except (urllib.error.URLError, TimeoutError, KeyError, ValueError) as error:
            report.gaps.append(f"{name} {version}: the index did not answer ({error})")
            continue
        if found.newest != version:
            gap, held = f"{name} {version} (newest {found.newest})", caps(name)
            if capped_at(version, found.releases, held):
                report.accepted_gaps.append(f"{gap}: {'; '.join(held)}")
            elif name in HELD_BACK:
                report.accepted_gaps.append(f"{gap}: {HELD_BACK[name]}")
            else:
                report.gaps.append(f"{gap}: not auditable below the newest release")
            continue
        report.by_newest_release += 1
        vulns = found.vulnerabilities
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

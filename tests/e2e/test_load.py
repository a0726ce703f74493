"""The load harness end to end, small: every webhook answered 200, stored once, replied once.

No timing is asserted (``bench/load.py`` measures); these runs check that the stack loses
nothing and duplicates nothing under concurrent load, also behind Nginx with two web
processes and two workers while one web process is killed mid-run.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.load_kit.scenario import Load, Outcome, Topology, run_nudge

from tests.ops.tools import require_program

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]


def _assert_nothing_lost_or_doubled(outcome: Outcome) -> None:
    sent, stored = outcome.sent, outcome.stored
    assert stored is not None
    assert outcome.lost == 0, "a webhook answered 200 was not stored or not replied to"
    assert outcome.replies.duplicates == 0
    assert outcome.replies.other == 0  # no SMS but the replies (nothing fires in a run)
    assert set(outcome.replies.arrived) == stored.inbound & set(sent.due)
    assert stored.inbound_rows == len(stored.inbound)  # each MessageSid stored once


@pytest.mark.timeout(180)
def test_200_concurrent_webhooks_are_each_stored_and_answered_once(
    postgres_url: str, tmp_path: Path
) -> None:
    load = Load(connections=16, count=200, duration=120, phones=100)
    outcome = run_nudge(tmp_path, load, Topology(webs=1, workers=1), drain=60)
    assert outcome.sent.statuses == {200: 200}
    _assert_nothing_lost_or_doubled(outcome)
    assert len(outcome.replies.arrived) == 200


@pytest.mark.timeout(180)
def test_two_webs_behind_nginx_and_two_workers_lose_nothing_when_a_web_dies(
    postgres_url: str, tmp_path: Path
) -> None:
    require_program("nginx", "/usr/sbin")
    load = Load(rate=40, duration=8, phones=160, sources=8, seed=21)
    topology = Topology(webs=2, workers=2, nginx=True, kill_web_at=4.0)
    outcome = run_nudge(tmp_path, load, topology, drain=60)
    assert outcome.killed == "web1"
    accepted = outcome.sent.accepted
    assert len(accepted) >= 0.8 * 320, outcome.sent.statuses  # the other web took over
    assert set(outcome.sent.statuses) <= {0, 200, 502}, outcome.sent.statuses
    _assert_nothing_lost_or_doubled(outcome)

"""Save every answer of the understanding layer, then check a change left each one identical.

    PYTHONPATH=. .venv/bin/python bench/answers_snapshot.py --save OUT [--repo DUCKLING]
    PYTHONPATH=. .venv/bin/python bench/answers_snapshot.py --compare OUT [--repo DUCKLING]

For every phrase of ``tests/language_eval/data/*.tsv`` at its own ``now``, zone and language:
the ``nudge parse`` record (``parse_record``, language given and detected), the whole
Command ``understand`` gives with no pending dialogue, with a task waiting for its time and
with a time waiting for its task, and ``parse_when``. With ``--repo`` (a copy of
facebook/duckling) also the record and ``parse_when`` of every kept example of its EN and FR
time corpora at their reference times. The caches are kept across messages, as a server
keeps them, so a cache keyed too loosely shows as a changed answer. The output holds corpus
text when ``--repo`` is given: write it outside the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.language_eval.evalset import DATA, load

from nudge.commands import Pending
from nudge.language import parse_when, understand
from nudge.language.records import local_now, parse_record

Answer = tuple[str, str]  # (key, answer as text)


def _answers(text: str, now: datetime, tz: str, lang: str, where: str) -> Iterator[Answer]:
    """Every answer kept for one phrase (keys name the source and the call)."""
    yield f"{where} record", json.dumps(parse_record(text, now=now, tz=tz, lang=lang))
    yield f"{where} record/detected", json.dumps(parse_record(text, now=now, tz=tz, lang=None))
    yield f"{where} when", repr(parse_when(text, now=now, tz=tz, lang=lang))
    waiting_task = Pending(text="call mom")
    waiting_time = Pending(at=now + timedelta(hours=3))
    for name, state in (("none", None), ("task", waiting_task), ("time", waiting_time)):
        command = understand(text, now=now, tz=tz, lang=lang, state=state)
        yield f"{where} understand/{name}", repr(command)


def _labelled() -> Iterator[Answer]:
    for case in load(sorted(DATA.glob("*.tsv"))):
        now = local_now(case.now, case.tz)
        yield from _answers(case.text, now, case.tz, case.lang, f"{case.source} {case.text!r}")


def _duckling(repo: Path) -> Iterator[Answer]:
    from tests.language_eval.duckling_repo import load as load_corpus

    for lang in ("en", "fr"):
        for number, example in enumerate(load_corpus(repo, lang).extraction.examples):
            reference = example.reference
            now = reference.at.astimezone(ZoneInfo(reference.zone))
            where = f"duckling {lang} {number} {example.text!r}"
            record = parse_record(example.text, now=now, tz=reference.zone, lang=lang)
            yield f"{where} record", json.dumps(record)
            when = parse_when(example.text, now=now, tz=reference.zone, lang=lang)
            yield f"{where} when", repr(when)


def snapshot(repo: Path | None) -> dict[str, str]:
    """Every answer, keyed by where it comes from."""
    answers = dict(_labelled())
    if repo is not None:
        answers.update(_duckling(repo))
    return answers


def _compare(saved: dict[str, str], now: dict[str, str]) -> int:
    """Print each answer that changed; the number of differences."""
    changed = [key for key in saved if now.get(key) != saved[key]]
    changed += [key for key in now if key not in saved]
    for key in changed[:40]:
        sys.stdout.write(f"{key}\n  was: {saved.get(key)}\n  now: {now.get(key)}\n")
    sys.stdout.write(f"{len(now)} answers, {len(changed)} changed\n")
    return len(changed)


def main() -> None:
    """Save or compare the answers."""
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    action = options.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path, metavar="OUT")
    action.add_argument("--compare", type=Path, metavar="SAVED")
    options.add_argument("--repo", type=Path, help="a copy of facebook/duckling")
    arguments = options.parse_args()
    answers = snapshot(arguments.repo)
    if arguments.save:
        arguments.save.write_text(json.dumps(answers, ensure_ascii=False, indent=0) + "\n")
        sys.stdout.write(f"{len(answers)} answers saved\n")
        return
    saved = json.loads(arguments.compare.read_text())
    sys.exit(1 if _compare(saved, answers) else 0)


if __name__ == "__main__":
    main()

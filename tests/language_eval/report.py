"""Print the accuracy of ``nudge.language`` on the evaluation set, and its misses.

Run: ``PYTHONPATH=. .venv/bin/python -m tests.language_eval.report [--heldout3] [--misses]``
(``--heldout`` … ``--heldout4`` score ``data/heldout_*.tsv`` … instead of the
in-sample set; ``--wrong`` lists the reminders set at a wrong time or repeat).
"""

from __future__ import annotations

import json
import sys

from nudge.language.records import local_now, parse_record
from tests.language_eval.evalset import (
    HELDOUT,
    HELDOUT2,
    HELDOUT3,
    HELDOUT4,
    IN_SAMPLE,
    load,
    score,
)


def main() -> None:
    """Print accuracy per language and field as JSON (and the misses with ``--misses``)."""
    chosen = {
        "--heldout": HELDOUT,
        "--heldout2": HELDOUT2,
        "--heldout3": HELDOUT3,
        "--heldout4": HELDOUT4,
    }
    cases = load(next((chosen[flag] for flag in sys.argv if flag in chosen), IN_SAMPLE))
    records = [
        parse_record(c.text, now=local_now(c.now, c.tz), tz=c.tz, lang=c.lang) for c in cases
    ]
    result = score(cases, records)
    sys.stdout.write(json.dumps(result.accuracy, indent=2) + "\n")
    sys.stdout.write(f"reminders set at a wrong time or repeat: {len(result.wrong)}\n")
    if "--wrong" in sys.argv:
        for case, record in result.wrong:
            sys.stdout.write(
                f"{case.source}\t{case.text}\n   want {case.intent} {case.when} {case.rrule}\n"
                f"   got  {record['intent']} {record['when']} {record['rrule']}\n"
            )
    if "--misses" in sys.argv:
        for case, record in result.misses:
            expected = f"{case.intent} {case.when} {case.rrule}"
            got = f"{record['intent']} {record['when']} {record['rrule']}"
            sys.stdout.write(f"{case.source}\t{case.text}\n   want {expected}\n   got  {got}\n")


if __name__ == "__main__":
    main()

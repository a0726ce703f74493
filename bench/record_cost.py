"""One pass of the in-sample set through one path, to count its instructions (not seconds).

    PYTHONPATH=. .venv/bin/python bench/record_cost.py [--path record|when] [--passes N]
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        .venv/bin/python bench/record_cost.py --passes 1     # minus the same with --passes 0

Every phrase of ``tests/language_eval/data/en.tsv`` and ``fr.tsv`` at its own ``now`` and
zone, as ``bench/parse.py`` times it: the per-message chart cache cleared before each
message, warm (one phrase per language first, and the set's cases loaded, before the
passes). The instructions of ``--passes 1`` minus those of ``--passes 0``, divided by the
set's size, are the cost of one message on this path, repeatable on a busy machine.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from tests.language_eval.evalset import Case, load

from nudge.language import parse_when
from nudge.language.records import local_now, parse_record
from nudge.language.time import read as time_read


def _record(case: Case, now: datetime) -> object:
    time_read.read_nodes.cache_clear()
    return parse_record(case.text, now=now, tz=case.tz, lang=case.lang)


def _when(case: Case, now: datetime) -> object:
    time_read.read_nodes.cache_clear()
    return parse_when(case.text, now=now, tz=case.tz, lang=case.lang)


def main() -> None:
    """Warm up, then run the chosen path over the set ``--passes`` times."""
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--path", choices=("record", "when"), default="record")
    options.add_argument("--passes", type=int, default=1)
    arguments = options.parse_args()
    run = _record if arguments.path == "record" else _when
    cases = load()
    nows = [local_now(case.now, case.tz) for case in cases]
    for lang in ("en", "fr"):
        warm = next(case for case in cases if case.lang == lang)
        run(warm, nows[cases.index(warm)])
    for _ in range(arguments.passes):
        for case, now in zip(cases, nows, strict=True):
            run(case, now)
    sys.stdout.write(f"{len(cases)} phrases, {arguments.passes} passes\n")


if __name__ == "__main__":
    main()

"""``python -m nudge``: the same as the ``nudge`` command."""

from nudge.cli import main

main()

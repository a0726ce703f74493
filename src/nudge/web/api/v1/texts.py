"""What the API accepts as a person's words: not empty, no NUL, bounded.

PostgreSQL refuses a NUL character in text (a 500 if it got that far), so the schema says it,
and a client or a fuzzer sees the rule instead of finding it.
"""

from __future__ import annotations

from typing import Annotated, Final

from pydantic import Field

WORDS: Final = r"^[^\x00]*[^\x00-\x20][^\x00]*$"  # something visible, no NUL anywhere
Words = Annotated[str, Field(min_length=1, max_length=300, pattern=WORDS)]
Query = Annotated[str, Field(min_length=1, max_length=200, pattern=WORDS)]
Rule = Annotated[
    str,
    Field(
        min_length=1,
        max_length=200,
        pattern=r"^[A-Z0-9=;,+\-]+$",
        description="An RFC 5545 RRULE value (FREQ=WEEKLY;BYDAY=MO), on local wall time.",
        examples=["FREQ=WEEKLY;BYDAY=MO,TH"],
    ),
]

"""Holiday names do not steal ordinary words: "je suis lent", "the mardi gras beads".

A holiday's name used about a thing ("christmas presents", "le sapin de Noël", "joyeux
Noël") names no day, and no word inside it is read alone ("mardi" of "mardi gras").
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nudge.language.time.read import read

TORONTO, PARIS, MONTREAL = "America/Toronto", "Europe/Paris", "America/Montreal"
WEDNESDAY = (2026, 12, 2, 8, 15)  # local wall time


def _said(text: str, lang: str, tz: str) -> str | None:
    """The text of the reading and its day, or None."""
    reading = read(text, now=datetime(*WEDNESDAY, tzinfo=ZoneInfo(tz)), tz=tz, lang=lang)
    if reading is None or reading.moment is None:
        return None
    return f"{text[reading.span[0] : reading.span[1]]} {reading.moment.start.date()}"


@pytest.mark.parametrize(
    ("text", "lang", "tz"),
    [
        ("je suis lent", "fr", PARIS),
        ("il est trop lent ce vieux portable", "fr", MONTREAL),
        ("I lent him my car", "en", TORONTO),
        ("she lent me 20 bucks", "en", TORONTO),
        ("pass the mardi gras beads", "en", TORONTO),
        ("happy new year!!", "en", TORONTO),
        ("merry christmas to you too", "en", TORONTO),
        ("joyeux Noël à toute la famille", "fr", PARIS),
        ("bonne fête des mères maman", "fr", MONTREAL),
        ("remind me about the halloween party", "en", TORONTO),
        ("add easter eggs to my list", "en", TORONTO),
        ("we need a christmas tree", "en", TORONTO),
        ("our thanksgiving turkey was huge", "en", TORONTO),
        ("my holi colours are in the drawer", "en", TORONTO),
        ("the holistic doctor called", "en", TORONTO),
        ("buy a rakhi for my brother", "en", TORONTO),
        ("I had an epiphany about the budget", "en", TORONTO),
        ("il faut acheter les décorations de Noël", "fr", PARIS),
        ("faire l'ascension du mont Blanc", "fr", PARIS),
        ("appeler Toussaint au bureau", "fr", MONTREAL),
        ("on passe rue Sainte-Catherine", "fr", MONTREAL),
    ],
)
def test_no_day_is_read(text: str, lang: str, tz: str) -> None:
    assert _said(text, lang, tz) is None


@pytest.mark.parametrize(
    ("text", "lang", "tz", "want"),
    [
        ("remind me to buy christmas presents tomorrow", "en", TORONTO, "tomorrow 2026-12-03"),
        ("remind me tomorrow to buy the thanksgiving turkey", "en", TORONTO, "tomorrow 2026-12-03"),
        ("black friday deals end friday", "en", TORONTO, "friday 2026-12-04"),
        ("remind me friday to wish her happy new year", "en", TORONTO, "friday 2026-12-04"),
        ("rappelle-moi d'acheter le sapin de Noël demain", "fr", PARIS, "demain 2026-12-03"),
        ("aller à Saint-Jean demain", "fr", MONTREAL, "demain 2026-12-03"),
        ("appeler Toussaint demain", "fr", MONTREAL, "demain 2026-12-03"),
        ("faire l'ascension du mont Blanc samedi", "fr", PARIS, "samedi 2026-12-05"),
        ("mardi", "fr", PARIS, "mardi 2026-12-08"),
        ("mardi gras", "fr", PARIS, "mardi gras 2027-02-09"),
        ("rappelle-moi mardi gras d'acheter des crêpes", "fr", PARIS, "mardi gras 2027-02-09"),
        ("mardi gras", "en", TORONTO, "mardi gras 2027-02-09"),
        ("first day of lent", "en", TORONTO, "first day of lent 2027-02-10"),
        ("remind me on ash wednesday to fast", "en", TORONTO, "on ash wednesday 2027-02-10"),
        ("le mercredi des cendres", "fr", PARIS, "le mercredi des cendres 2027-02-10"),
        ("remind me on holi to buy colours", "en", TORONTO, "on holi 2027-03-22"),
        ("onam 2027", "en", TORONTO, "onam 2027 2027-09-12"),
        ("remind me on purim to bake", "en", TORONTO, "on purim 2027-03-23"),
        ("rappelle-moi à l'Ascension", "fr", PARIS, "à l'Ascension 2027-05-06"),
        ("à la Saint-Jean", "fr", MONTREAL, "à la Saint-Jean 2027-06-24"),
        ("remind me christmas eve to call grandma", "en", TORONTO, "christmas eve 2026-12-24"),
        ("new years day remind me to call aunt rose", "en", TORONTO, "new years day 2027-01-01"),
    ],
)
def test_the_day_read_is_the_one_meant(text: str, lang: str, tz: str, want: str) -> None:
    assert _said(text, lang, tz) == want

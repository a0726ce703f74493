"""Guess whether a short SMS is French or English, cheaply and conservatively.

Words typical of one language score for it (reminder words count double), accented
letters score for French. The higher score wins; a tie, or nothing scored, gives None:
"list", "ok", "8h", "snooze" and emoji say nothing about the language.
"""

from __future__ import annotations

import re
from typing import Literal

from nudge.language.fold import fold

Locale = Literal["en", "fr"]


def _words(text: str) -> frozenset[str]:
    """The space-separated words of ``text``."""
    return frozenset(text.split())


_FR_STRONG = _words(
    "rappelle rappelle-moi rappel rappels demain aujourd'hui aide ajoute ajouter liste "
    "fini finie termine annule supprime efface merci bonjour salut francais oups tard "
    "minuit midi soir matin heure heures 2main apres-demain hier semaine tous chaque "
    "jours lundi mardi mercredi jeudi vendredi samedi dimanche medicaments appeler "
    "acheter prendre faire maman papa"
)
_FR_WEAK = _words(
    "de du des le la les un une dans ds et est c'est je tu il elle nous vous moi toi "
    "pour avec sur mon ma mes ton ta tes au aux ce cet cette qui que quoi pas ne plus "
    "oui non fait sortir d'appeler d'acheter j'ai"
)
_EN_STRONG = _words(
    "remind reminder reminders tomorrow today tonight please thanks thank english add "
    "tmrw tmr noon midnight hour hours yesterday every monday tuesday wednesday thursday "
    "friday saturday sunday call buy take mom dad"
)
_EN_WEAK = _words(
    "the to my at in and is it of for with what what's i i'm you your this that pm am "
    "get go do did from yes no hi hey done undo later help"
)
_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z]+)*")
_ACCENTS = re.compile(r"[àâäçéèêëîïôöùûüÿœæ]", re.IGNORECASE)


def _score(words: list[str], strong: frozenset[str], weak: frozenset[str]) -> int:
    return sum(2 if word in strong else 1 if word in weak else 0 for word in words)


def detect_locale(text: str) -> Locale | None:
    """``"fr"`` or ``"en"`` when the text clearly reads as one of them, else None."""
    words = _WORD.findall(fold(text[:500]))
    french = _score(words, _FR_STRONG, _FR_WEAK)
    english = _score(words, _EN_STRONG, _EN_WEAK)
    if _ACCENTS.search(text[:500]):
        french += 2
    if french > english:
        return "fr"
    if english > french:
        return "en"
    return None

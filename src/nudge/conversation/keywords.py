"""Carrier keywords (STOP, START, HELP and their French forms), matched only as a whole message."""

from __future__ import annotations

from typing import Literal

from nudge.language.fold import fold

Keyword = Literal["stop", "start", "help"]

OPT_OUT = frozenset({"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRET"})
OPT_IN = frozenset({"START", "UNSTOP", "YES", "REPRISE"})
HELP = frozenset({"HELP", "AIDE", "INFO"})


def _fold(text: str) -> str:
    """Upper-case, accents removed, trimmed, trailing punctuation dropped ("Arrêt." → "ARRET")."""
    return fold(text).upper().strip(" .!?")


def carrier_keyword(body: str) -> Keyword | None:
    """The carrier keyword this whole message is, if it is exactly one ("stop it" is not)."""
    word = _fold(body)
    if word in OPT_OUT:
        return "stop"
    if word in OPT_IN:
        return "start"
    if word in HELP:
        return "help"
    return None

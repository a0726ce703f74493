"""The grammar of each language: its lexicon and its rules, built once per process."""

from __future__ import annotations

from functools import lru_cache

from nudge.language.time.chart import Grammar, Lexicon
from nudge.language.time.lexicon import concepts
from nudge.language.time.lexicon import en as lexicon_en
from nudge.language.time.lexicon import fr as lexicon_fr
from nudge.language.time.rules import (
    clocks,
    combined,
    dates,
    dates_fr,
    day_clock,
    days,
    days_fr,
    durations,
    every,
    every_fr,
    every_modifiers,
    named,
    nth,
    numbers,
    relative,
    relative_fr,
    weeks_fr,
)

MODULES = (
    numbers,
    clocks,
    days,
    dates,
    days_fr,
    weeks_fr,
    dates_fr,
    durations,
    relative,
    relative_fr,
    combined,
    nth,
    day_clock,
    every,
    every_modifiers,
    every_fr,
    named,
)
LANGUAGES = ("en", "fr")


@lru_cache(maxsize=len(LANGUAGES))
def lexicon_for(lang: str) -> Lexicon:
    """The lexicon of ``lang`` (English for any other)."""
    return concepts.build(lexicon_fr if lang == "fr" else lexicon_en)


@lru_cache(maxsize=len(LANGUAGES))
def grammar_for(lang: str) -> Grammar:
    """Every rule of ``lang``: the shared ones, then the language's own."""
    own = "FR" if lang == "fr" else "EN"
    grammar = Grammar()
    for module in MODULES:
        grammar.extend(module.BOTH)
        grammar.extend(getattr(module, own))
    return grammar

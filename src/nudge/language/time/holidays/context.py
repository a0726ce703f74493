"""When a holiday's name names no day: "christmas presents", "joyeux Noël", "le sapin de Noël".

A holiday's name is often a word about a thing: "buy christmas presents tomorrow" is about
tomorrow. So a holiday's name (its longest spelling found in the text) is no time when:

* a greeting or a possessive comes before it ("happy new year", "my birthday… my
  halloween costume", "joyeux Noël", "nos vacances de Noël");
* an English article comes before an English name ("a christmas tree", "an easter egg");
* French "de" comes before it, unless after a word of time ("le sapin de Noël", but "la
  veille de Noël", "le lendemain de Noël", "la semaine de Noël");
* an English word follows that is no time word, with no "on", "for", "next"… before it
  ("thanksgiving turkey", "the mardi gras beads");
* it is a word with another meaning ("ascension", "toussaint", "epiphany") and nothing marks
  it as a day: a cue before it, a year after it, or nothing else in the text.

Every reading that touches such a name is out of place, so no part of it is read either
("mardi" in "mardi gras beads", "friday" in "black friday deals"). See ``out_of_place``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from nudge.language.time.chart import Node
from nudge.language.time.holidays import words_en, words_fr
from nudge.language.time.lexicon import en, fr
from nudge.language.time.tokens import Token, tokenize

GREETINGS = frozenset({"happy", "merry", "joyeux", "joyeuse", "joyeuses", "bonne", "bonnes",
                       "bon", "feliz"})  # fmt: skip
POSSESSIVES = frozenset({"my", "our", "your", "his", "her", "their", "its", "mon", "ma", "mes",
                         "notre", "nos", "ton", "ta", "tes", "votre", "vos", "son", "sa", "ses",
                         "leur", "leurs"})  # fmt: skip
ARTICLES_EN = frozenset({"a", "an"})
OF_FR = frozenset({"de", "du", "d'", "des"})
TIME_NOUNS_FR = frozenset({"lendemain", "surlendemain", "veille", "avant-veille", "jour",
                           "journee", "soir", "soiree", "matin", "matinee", "nuit", "semaine",
                           "weekend", "week", "fin", "debut", "lors", "autour", "pres",
                           "approche", "temps", "moment", "lundi", "mardi", "mercredi", "jeudi",
                           "vendredi", "samedi", "dimanche"})  # fmt: skip
CUES_EN = frozenset({"on", "for", "at", "by", "until", "till", "til", "before", "after",
                     "since", "next", "last", "this", "coming", "every", "each", "from", "around",
                     "of"})  # fmt: skip
CUES_FR = frozenset({"a", "au", "aux", "pour", "ici", "avant", "apres", "vers", "des", "le",
                     "la", "l'", "prochain", "prochaine", "ce", "cette", "cet", "dernier",
                     "derniere", "jusqu'a", "depuis", "chaque", "lors", "en", "de", "du",
                     "d'"})  # fmt: skip
CUES = CUES_EN | CUES_FR
# Words after a name that make it a day: a direction ("noël prochain").
DIRECTIONS_AFTER = frozenset({"prochain", "prochaine", "dernier", "derniere", "passe", "passee",
                              "next", "last"})  # fmt: skip
FOLLOWERS = frozenset({
    "to", "at", "and", "or", "by", "on", "in", "from", "for", "before", "after", "until", "till",
    "til", "of", "this", "next", "last", "around", "morning", "afternoon", "evening", "night",
    "noon", "midnight", "day", "weekend", "week", "i", "we", "you", "he", "she", "they", "it",
    "me", "please", "pls", "plz", "remind", "rmd", "reminder", "so", "then", "but", "if", "when",
    "is", "was", "will", "am", "pm", "hence", "ago", "year", "years", "month", "months", "weeks",
    "days", "later", "time", "again", "too", "also", "lol", "ok", "okay", "thanks", "thx", "ty",
    "with", "a", "au", "aux", "pour", "et", "ou", "d'", "de", "du",
    "le", "la", "l'", "les", "je", "j'", "tu", "il", "elle", "nous", "vous", "prochain",
    "prochaine", "dernier", "derniere", "passe", "passee", "matin", "midi", "soir", "apres",
    "avant", "vers", "rappelle", "rappel", "rappeler", "stp", "svp", "merci", "en", "dans",
    "chez", "avec", "cette", "cet", "ce", "annee", "an", "qui", "que", "qu'",
}) | frozenset(en.NUMBERS) | frozenset(fr.NUMBERS)  # fmt: skip
YEAR_LINKS = frozenset({"in", "of", "en", "de"})
COUNTED_AFTER = frozenset({"dans", "il", "in"})  # "noël dans deux ans", "… il y a deux ans"
# Names with another everyday meaning: a day only with a cue, a year, or alone.
NEEDS_CUE = frozenset({"epiphany", "the epiphany", "ascension", "l'ascension", "assomption",
                       "l'assomption", "toussaint", "armistice", "l'armistice", "rameaux",
                       "les rameaux", "muharram", "tet", "le tet", "mlk", "rakhi", "pascha",
                       "sankranti", "maghi", "navroz", "gurpurab"})  # fmt: skip

Phrase = tuple[str, ...]


def _phrases(tables: Mapping[str, Mapping[str, Iterable[str]]]) -> dict[str, list[Phrase]]:
    """Each spelling's words, by first word, longest first; with the languages it is in."""
    by_first: dict[str, set[Phrase]] = {}
    for table in tables.values():
        for spellings in table.values():
            for spelling in spellings:
                words = tuple(token.text for token in tokenize(spelling))
                by_first.setdefault(words[0], set()).add(words)
    return {first: sorted(found, key=len, reverse=True) for first, found in by_first.items()}


def _languages(tables: Mapping[str, Mapping[str, Iterable[str]]]) -> dict[Phrase, frozenset[str]]:
    found: dict[Phrase, set[str]] = {}
    for lang, table in tables.items():
        for spellings in table.values():
            for spelling in spellings:
                words = tuple(token.text for token in tokenize(spelling))
                found.setdefault(words, set()).add(lang)
    return {words: frozenset(langs) for words, langs in found.items()}


_TABLES = {"en": words_en.HOLIDAYS, "fr": words_fr.HOLIDAYS}
PHRASES = _phrases(_TABLES)
LANGUAGES = _languages(_TABLES)
READINGS = frozenset({"time", "repeat", "duration"})
LONGEST = max(len(phrase) for phrases in PHRASES.values() for phrase in phrases)


def _anchors(phrases: list[Phrase]) -> frozenset[str]:
    """One word of each name, so that every name holds one.

    Its rarest among the names, the longest of those: a word, not a number or a symbol,
    where it has one.
    """
    counts: dict[str, int] = {}
    for phrase in phrases:
        for word in set(phrase):
            counts[word] = counts.get(word, 0) + 1
    return frozenset(
        min(phrase, key=lambda w: (not w.isalpha(), counts[w], -len(w), w)) for phrase in phrases
    )


ANCHORS = _anchors([phrase for phrases in PHRASES.values() for phrase in phrases])
NEEDS_CUE_WORDS = frozenset(tuple(token.text for token in tokenize(s)) for s in NEEDS_CUE)


def _by_two(phrases: dict[str, list[Phrase]]) -> dict[tuple[str, str], list[Phrase]]:
    """The names of two words or more, by their first two words, longest first."""
    found: dict[tuple[str, str], list[Phrase]] = {}
    for spelled in phrases.values():
        for phrase in spelled:  # longest first already
            if len(phrase) > 1:
                found.setdefault((phrase[0], phrase[1]), []).append(phrase)
    return found


BY_TWO = _by_two(PHRASES)  # "la", "the" open dozens of names: most are passed over at once
SINGLE = frozenset(
    phrase[0] for spelled in PHRASES.values() for phrase in spelled if len(phrase) == 1
)


def _name_end(tokens: Sequence[Token], at: int) -> int:
    """The end of the longest name spelled from token ``at`` (0 if none)."""
    first = tokens[at].text
    if at + 1 < len(tokens):
        for phrase in BY_TWO.get((first, tokens[at + 1].text), ()):
            if _at(tokens, at, phrase):
                return at + len(phrase)
    return at + 1 if first in SINGLE else 0


def _names(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """The holiday names in the text, longest first at each place, not overlapping."""
    found: list[tuple[int, int]] = []
    at = 0
    while at < len(tokens):
        end = _name_end(tokens, at)
        if end:
            found.append((at, end))
            at = end
        else:
            at += 1
    return found


def _at(tokens: Sequence[Token], at: int, phrase: Phrase) -> bool:
    """Whether ``phrase`` is spelled by the tokens from ``at``."""
    end = at + len(phrase)
    return end <= len(tokens) and all(tokens[at + k].text == w for k, w in enumerate(phrase))


def _text(tokens: Sequence[Token], at: int) -> str:
    return tokens[at].text if 0 <= at < len(tokens) else ""


def _no_day(tokens: Sequence[Token], start: int, end: int) -> bool:  # noqa: C901 - one per case
    """Whether the holiday name at ``[start, end)`` is used as a word about a thing."""
    words = tuple(token.text for token in tokens[start:end])
    langs = LANGUAGES.get(words, frozenset())
    before = _text(tokens, start - 1)
    if before in GREETINGS or before in POSSESSIVES:
        return True
    if before in ARTICLES_EN and langs == {"en"}:
        return True
    if before in OF_FR and "fr" in langs and _text(tokens, start - 2) not in TIME_NOUNS_FR:
        return True
    follower = tokens[end] if end < len(tokens) else None
    if (
        "en" in langs
        and follower is not None
        and follower.kind == "word"
        and follower.text not in FOLLOWERS
        and before not in CUES_EN
    ):
        return True
    if words in NEEDS_CUE_WORDS and before not in CUES and (start, end) != (0, len(tokens)):
        return not _dated(tokens, end)
    return False


def _dated(tokens: Sequence[Token], end: int) -> bool:
    """Whether a year, a direction or a duration follows the name.

    "maghi 2019", "maghi in 2019", "toussaint prochaine", "toussaint dans deux ans",
    "l'ascension de l'an prochain".
    """
    after = [token.text for token in tokens[end : end + 3]]
    if not after:
        return False
    if tokens[end].kind == "num" or after[0] in DIRECTIONS_AFTER or after[0] in COUNTED_AFTER:
        return True
    if len(after) > 1 and after[0] in YEAR_LINKS and tokens[end + 1].kind == "num":
        return True
    return after[:2] == ["de", "l'"] and after[2:] in (["an"], ["annee"])


@lru_cache(maxsize=64)
def _no_days(tokens: tuple[Token, ...]) -> tuple[tuple[int, int], ...]:
    return tuple((s, e) for s, e in _names(tokens) if _no_day(tokens, s, e))


def names_near(tokens: Sequence[Token]) -> bool:
    """Whether a text holds any word of a holiday name: one glance per text, not per reading."""
    return any(token.text in ANCHORS for token in tokens)


def out_of_place(node: Node, tokens: Sequence[Token]) -> bool:
    """Whether a reading touches a holiday name used as a word about a thing (see the module).

    Only times and durations are readings; and most have no holiday name near them: a glance
    for an anchor word among their tokens and those around them (where a name touching them
    would lie) spares hashing the text's tokens for the cache.
    """
    if node.cat not in READINGS:
        return False
    near = range(max(node.start - LONGEST + 1, 0), min(node.end + LONGEST - 1, len(tokens)))
    if all(tokens[at].text not in ANCHORS for at in near):
        return False
    spans = _no_days(tokens if isinstance(tokens, tuple) else tuple(tokens))
    return any(node.start < end and start < node.end for start, end in spans)

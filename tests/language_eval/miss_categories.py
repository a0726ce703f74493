"""Sort the corpus examples a parser misses into rough families, for the grammar's author.

Heuristics over the phrase (folded: lower case, no accents), first family that fits wins, in
the order of ``FAMILIES``: a past moment is "past" whatever its wording (today's grammar
refuses every past time), a holiday is a holiday even when said with "next". The families say
what to work on, not why a phrase failed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from datetime import datetime

from tests.language_eval.corpus_score import Result, truncate
from tests.language_eval.duckling_examples import Example

_WEEKDAY = (
    r"(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day)?s?|wednesday|saturday|thursday|tuesday"
    r"|lun|mar|mer|jeu|ven|sam|dim|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
)
_MONTH = (
    r"jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept"
    r"|september|oct|october|nov|november|dec|december|janv?|janvier|fevr?|fevrier|mars|avr|avril"
    r"|mai|juin|jui|juil|juillet|aout|septembre|octobre|novembre|decembre"
)
_ORDINAL = (
    r"first|second|third|fourth|fifth|last|closest|ides|\d+(st|nd|rd|th)?"
    r"|premier|premiere|deuxieme|troisieme|dernier|derniere|\d+(e|eme|er)"
)
_NUMBER = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_HOLIDAY = (
    r"christmas|xmas|noel|new year|nouvel an|jour de l.an|reveillon|halloween|easter|paques"
    r"|toussaint|jour des morts|thanksgiving|valentin|saint|\bst\.? |fete|memorial day|labor day"
    r"|boxing day|mother.?s day|father.?s day|independence day|ascension|pentecote|armistice"
)


def _has(pattern: str) -> Callable[[str], bool]:
    """A test that ``pattern`` occurs in the folded phrase."""
    compiled = re.compile(pattern)
    return lambda text: compiled.search(text) is not None


def _weekday_with(pattern: str) -> Callable[[str], bool]:
    """A test that the folded phrase names a weekday and matches ``pattern``."""
    weekday, other = re.compile(rf"\b({_WEEKDAY})\b\.?"), re.compile(pattern)
    return lambda text: weekday.search(text) is not None and other.search(text) is not None


_RULES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("holidays", _has(_HOLIDAY)),
    ("time zones", _has(r"\b(gmt|utc|cet|cest|pst|pdt|est|edt|bst|ist|cst)\b")),
    (
        "nth-of (nth weekday or day of a month, closest…)",
        _has(
            rf"\b({_ORDINAL})\b.*\b(({_WEEKDAY})|days?|jours?|mon)\b.*\b(of|in|de|du|d|to|after)\b"
            rf"|\b({_ORDINAL})\b.*\b(of|de|du)\b.*\b(month|mois)\b"
        ),
    ),
    (
        "weekday relative to a week (next X, X after next, X en huit…)",
        _weekday_with(
            r"\b(next|last|this|coming|after next|prochaine?|suivante?|derniere?|d.apres"
            r"|cette semaine|la semaine|en (huit|8|quinze|15))\b"
        ),
    ),
    (
        "relative offsets (in…, …ago, from now, dans…, il y a…)",
        _has(
            rf"\b(in|within|dans) (a |an |few |\d|{_NUMBER}|un |une |deux |half|three-quarters)"
            r"|\b(from (right )?now|from today|hence|ago|back|upcoming|later|plus tard|il y a)\b"
            r"|\b(jours?|semaines?|mois|ans?) apres\b"
        ),
    ),
    (
        "numeric dates",
        _has(r"\d\s*[/.-]\s*\d|^(le )?\d{1,2} \d{1,2}( \d{2,4})?$"),
    ),
    (
        "named dates (month name, or weekday and day number)",
        _has(rf"\b({_MONTH})\b|\d({_MONTH})\b|\b({_WEEKDAY})\b\.?,? (the )?\d"),
    ),
    (
        "clock forms",
        _has(
            r"\d[:h]\d|\d\s*(am|pm|a|p|a\.m|p\.m|h|ish)\b|o.?clock|noon|midnight|mid day|midi"
            r"|minuit|heures?\b|quarter|half|past|quart|\bat \d|\ba \d|tonight|evening|morning"
            rf"|\d{{3,4}}\b|^\d{{1,2}} (today|tonight|tomorrow)|\b({_NUMBER})\b"
        ),
    ),
    (
        "day words (now, today, tomorrow, a weekday…)",
        _has(
            rf"\b({_WEEKDAY})\b|now|today|tomorrow|moment|\batm\b|maintenant|tout de suite"
            r"|\bce jour|aujourd|journee|demain|lendemain|veille|jour suivant|jour d.(apres|avant)"
            r"|jour precedent"
        ),
    ),
)
PAST = "past (the expected moment is before the reference)"
OTHER = "other"
FAMILIES = (PAST, *(name for name, _ in _RULES), OTHER)


def fold(text: str) -> str:
    """Lower case, accents off, curly apostrophes straight: what the rules match on."""
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("\u2019", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_past(example: Example) -> bool:
    """Whether the expected moment lies before the reference, at the example's grain."""
    reference = example.reference.at.replace(tzinfo=None)
    return truncate(example.expected, example.grain) < truncate(reference, example.grain)


def family(example: Example) -> str:
    """The family of an example (see the module docstring)."""
    if is_past(example):
        return PAST
    if example.holiday is not None:
        return "holidays"
    folded = fold(example.text)
    return next((name for name, fits in _RULES if fits(folded)), OTHER)


def wall_iso(moment: datetime | None, example: Example) -> str:
    """A wall time at the example's reference offset, printed with the offset."""
    if moment is None:
        return "None"
    return moment.replace(tzinfo=example.reference.at.tzinfo).isoformat()


def _counts(results: list[Result]) -> str:
    """``en 12, fr 3``."""
    langs = Counter(result.example.lang for result in results)
    return ", ".join(f"{lang} {count}" for lang, count in sorted(langs.items()))


def _line(result: Result) -> str:
    """One miss as a TSV row: lang, text, expected, grain, got."""
    example = result.example
    expected = wall_iso(example.expected, example)
    got = result.error or wall_iso(result.got, example)
    return f"{example.lang}\t{example.text}\t{expected}\t{example.grain}\t{got}"


def by_family(misses: list[Result], parser: str, scored: int, header: list[str]) -> str:
    """The misses grouped by family, counts first: a to-do list for the grammar."""
    groups: dict[str, list[Result]] = {name: [] for name in FAMILIES}
    for result in misses:
        groups[family(result.example)].append(result)
    found = {name: results for name, results in groups.items() if results}
    lines = [f"# {len(misses)} of {scored} examples missed by {parser}", *header]
    lines += ["#", "# families (heuristic, the first that fits wins, in this order):"]
    lines += [
        f"# {len(results):4d}  {name} ({_counts(results)})" for name, results in found.items()
    ]
    for name, results in found.items():
        lines += ["", f"## {name}: {len(results)}", "lang\ttext\texpected\tgrain\tgot"]
        lines += [_line(result) for result in results]
    return "\n".join(lines) + "\n"

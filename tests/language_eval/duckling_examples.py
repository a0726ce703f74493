"""Duckling's point-in-time corpus examples, read at run time from a copy of its repository.

Duckling's corpus is Duckling's (BSD licence): it is never copied into this repository. This
module reads the source of ``Duckling/Time/<LANG>/Corpus.hs`` (``duckling_repo`` fetches it
from a copy given at run time) and keeps the examples of
``examples (datetime (Y, M, D, h, m, s) Grain) [...]`` and ``datetimeHoliday`` blocks at grain
second, minute, hour or day: the ones a reminder could be. Intervals, open intervals, coarser
grains, the negative corpus and the latent corpus (``withLatent = True``) are counted as
skipped, so nothing is dropped silently. Each example carries its corpus's reference time,
read from the ``Context`` its corpus uses (``testContext`` lives in
``Duckling/Testing/Types.hs``).
"""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from tests.language_eval.haskell_tokens import Token, tokenize

KEPT_GRAINS = ("second", "minute", "hour", "day")
POINTS = ("datetime", "datetimeHoliday")


@dataclass(frozen=True, slots=True)
class Reference:
    """A corpus's "now": local wall time at a fixed UTC offset, and the zone naming it."""

    at: datetime
    zone: str

    @classmethod
    def at_offset(cls, wall: datetime, hours: int) -> Reference:
        """``wall`` at UTC+``hours``; the zone is ``Etc/GMT∓hours`` (POSIX signs are inverted)."""
        zone = "Etc/UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"
        return cls(wall.replace(tzinfo=timezone(timedelta(hours=hours))), zone)


@dataclass(frozen=True, slots=True)
class Example:
    """One corpus phrase and the point in time Duckling is expected to give for it."""

    text: str
    lang: str
    expected: datetime  # naive: wall time at the reference's offset
    grain: str
    reference: Reference
    holiday: str | None
    section: str  # the top-level definition holding it: allExamples, defaultCorpus, diffCorpus…
    line: int


@dataclass
class Extraction:
    """The examples kept, and a count of every phrase not kept, by reason."""

    examples: list[Example] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    blocks: Counter[str] = field(default_factory=Counter)  # examples blocks read, by shape
    unreadable: list[str] = field(default_factory=list)  # blocks this reader could not follow
    strings: int = 0  # string literals the lexer saw: every one is accounted for below
    accounted: int = 0  # phrases kept or skipped, plus holiday names
    names: int = 0  # holiday names (strings inside a block's value, not phrases)

    def kept_by(self) -> Counter[str]:
        """Examples kept, by grain and kind ("day", "day holiday"…)."""
        return Counter(f"{e.grain}{' holiday' if e.holiday else ''}" for e in self.examples)


@dataclass(frozen=True, slots=True)
class _Definition:
    """A top-level Haskell definition: its name, signature type, tokens after the name."""

    name: str
    signature: str | None
    tokens: tuple[Token, ...]


def _definitions(tokens: list[Token]) -> dict[str, _Definition]:
    """Top-level definitions (a name in column 1 starts one); signature and body merged."""
    grouped: dict[str, list[Token]] = {}
    current: list[Token] | None = None
    for token in tokens:
        if token.column == 1 and token.kind == "name":
            current = grouped.setdefault(token.value, []) if token.value != "import" else None
            if current is not None:
                continue
        if current is not None:
            current.append(token)
    definitions = {}
    for name, body in grouped.items():
        signature = body[1].value if len(body) > 1 and body[0].value == "::" else None
        definitions[name] = _Definition(name, signature, tuple(body))
    return definitions


def _closing(tokens: tuple[Token, ...], at: int) -> int:
    """The index of the bracket closing the one at ``tokens[at]``."""
    pairs = {"(": ")", "[": "]", "{": "}"}
    stack = []
    for index in range(at, len(tokens)):
        value = tokens[index].value
        if tokens[index].kind == "symbol" and value in pairs:
            stack.append(pairs[value])
        elif tokens[index].kind == "symbol" and stack and value == stack[-1]:
            stack.pop()
            if not stack:
                return index
    raise ValueError(f"unbalanced {tokens[at].value!r} on line {tokens[at].line}")


def _numbers(tokens: tuple[Token, ...]) -> list[float]:
    """The numbers of a tuple's tokens ``(2013, 2, -1, 4.5)``, signs included."""
    values, sign = [], 1
    for token in tokens:
        if token.value == "-":
            sign = -1
        elif token.kind == "number":
            values.append(sign * float(token.value))
            sign = 1
        elif token.value not in "(),":
            raise ValueError(f"not a number: {token.value!r} on line {token.line}")
    return values


def _wall(numbers: list[float]) -> datetime:
    """A ``Datetime`` tuple (year, month, day, hour, minute, seconds) as a naive datetime.

    Month and day are clipped into range, as Haskell's ``fromGregorian`` does ("(2013, 3, 0…)").
    """
    year, month, day, hour, minute, seconds = (int(number) for number in numbers)
    month = min(max(month, 1), 12)
    day = min(max(day, 1), calendar.monthrange(year, month)[1])
    return datetime(year, month, day, hour, minute, seconds)  # noqa: DTZ001 - offset kept beside it


@dataclass(frozen=True, slots=True)
class _Block:
    """``examples (<shape> <arguments>) [<texts>]``."""

    shape: str
    arguments: tuple[Token, ...]
    texts: tuple[str, ...]
    line: int
    end: int  # index of the closing ``]``


def _block(tokens: tuple[Token, ...], at: int) -> _Block:
    """The examples block whose ``examples`` name is ``tokens[at]``."""
    head_end = _closing(tokens, at + 1)
    shape, arguments = tokens[at + 2], tokens[at + 3 : head_end]
    if head_end + 1 >= len(tokens) or tokens[head_end + 1].value != "[":
        raise ValueError(f"examples on line {tokens[at].line}: no literal list after the value")
    list_end = _closing(tokens, head_end + 1)
    items = tokens[head_end + 2 : list_end]
    texts = tuple(token.value for token in items if token.kind == "string")
    if any(t.kind != "string" and t.value != "," for t in items) or len(texts) * 2 < len(items):
        raise ValueError(f"examples on line {tokens[at].line}: the list is not only strings")
    return _Block(shape.value, arguments, texts, tokens[at].line, list_end)


def _blocks(definition: _Definition, extraction: Extraction) -> list[_Block]:
    """Every examples block of a definition; the ones this reader cannot follow are listed."""
    tokens, found, at = definition.tokens, [], 0
    while at < len(tokens) - 2:
        token = tokens[at]
        if token.value == "examples" and tokens[at + 1].value == "(":
            try:
                block = _block(tokens, at)
            except ValueError as error:
                extraction.unreadable.append(f"{definition.name}: {error}")
                at += 1
                continue
            found.append(block)
            at = block.end
        at += 1
    return found


def _reference_in(tokens: tuple[Token, ...]) -> Reference | None:
    """The ``refTime (Y, M, D, h, m, s) offset`` among ``tokens``, if there is one."""
    for at, token in enumerate(tokens[:-2]):
        if token.value == "refTime" and tokens[at + 1].value == "(":
            close = _closing(tokens, at + 1)
            wall = _wall(_numbers(tokens[at + 1 : close + 1]))
            after = close + 1
            end = _closing(tokens, after) if tokens[after].value == "(" else after
            (offset,) = _numbers(tokens[after : end + 1])
            return Reference.at_offset(wall, int(offset))
    return None


class _Corpora:
    """The definitions of one corpus file, and of the module defining ``testContext``."""

    def __init__(self, source: str, contexts: str) -> None:
        self.own = _definitions(list(tokenize(source)))
        self.shared = _definitions(list(tokenize(contexts)))

    def context_name(self, definition: _Definition) -> tuple[str, tuple[Token, ...]] | None:
        """A corpus ``(context, options, examples)``'s context name and record update."""
        tokens = definition.tokens
        equals = next((i for i, t in enumerate(tokens) if t.value == "="), None)
        if equals is None or tokens[equals + 1].value != "(" or tokens[equals + 2].kind != "name":
            return None
        after = equals + 3
        update_end = _closing(tokens, after) if tokens[after].value == "{" else after - 1
        return tokens[equals + 2].value, tokens[after : update_end + 1]

    def user(self, definition: _Definition) -> _Definition:
        """The corpus ``(context, options, …)`` that ``definition`` belongs to (maybe itself)."""
        if self.context_name(definition) is not None:
            return definition
        for other in self.own.values():
            names = {t.value for t in other.tokens if t.kind == "name"}
            if other is not definition and definition.name in names and self.context_name(other):
                return other
        raise ValueError(f"{definition.name}: no corpus uses it, so no reference time")

    def reference(self, corpus: _Definition) -> Reference:
        """The reference time of a corpus: its context's, unless its record update sets one."""
        found = self.context_name(corpus)
        if found is None:
            raise ValueError(f"{corpus.name}: not a (context, options, examples) corpus")
        name, update = found
        context = self.own.get(name) or self.shared.get(name)
        reference = _reference_in(update) or (context and _reference_in(context.tokens))
        if not reference:
            raise ValueError(f"{corpus.name}: context {name} has no refTime")
        return reference


def _skip_reason(corpus: _Definition) -> str | None:
    """Why a corpus's examples are not scored at all (negative, latent), or None."""
    values = [t.value for t in corpus.tokens]
    if corpus.signature == "NegativeCorpus":
        return "negative corpus"
    if any(values[i : i + 3] == ["withLatent", "=", "True"] for i in range(len(values))):
        return "latent corpus (withLatent = True)"
    return None


def _point(block: _Block) -> tuple[tuple[Token, ...], str, str | None]:
    """A point block's ``Datetime`` tuple tokens, grain name and holiday name."""
    arguments = block.arguments
    close = _closing(arguments, 0)
    rest = arguments[close + 1 :]
    holiday = rest[1].value if block.shape == "datetimeHoliday" and len(rest) > 1 else None
    if len(rest) != (2 if block.shape == "datetimeHoliday" else 1) or rest[0].kind != "name":
        raise ValueError(f"{block.shape} on line {block.line}: expected (tuple) Grain")
    return arguments[: close + 1], rest[0].value.lower(), holiday


def _read_block(block: _Block, section: str, lang: str, reference: Reference) -> list[Example]:
    """The examples of one ``datetime``/``datetimeHoliday`` block at a kept grain."""
    moment, grain, holiday = _point(block)
    expected = _wall(_numbers(moment))
    return [
        Example(text, lang, expected, grain, reference, holiday, section, block.line)
        for text in block.texts
    ]


def extract(source: str, lang: str, contexts: str) -> Extraction:
    """The point-in-time examples of one corpus file (``contexts``: ``Testing/Types.hs``)."""
    corpora, extraction = _Corpora(source, contexts), Extraction()
    extraction.strings = sum(token.kind == "string" for token in tokenize(source))
    for definition in corpora.own.values():
        blocks = _blocks(definition, extraction)
        inside = sum(len(b.texts) + sum(t.kind == "string" for t in b.arguments) for b in blocks)
        loose = sum(token.kind == "string" for token in definition.tokens) - inside
        if loose:  # the negative corpus's phrases, or strings of a block not understood
            reason = (
                _skip_reason(definition) or f"strings outside examples blocks ({definition.name})"
            )
            extraction.skipped[reason] += loose
        for block in blocks:
            extraction.blocks[block.shape] += 1
            _sort_block(block, definition, corpora, lang, extraction)
        extraction.accounted += loose + inside
        extraction.names += sum(t.kind == "string" for b in blocks for t in b.arguments)
    return extraction


def _sort_block(
    block: _Block, definition: _Definition, corpora: _Corpora, lang: str, extraction: Extraction
) -> None:
    """Keep a block's examples, or count them under the reason they are skipped."""
    corpus = corpora.user(definition)
    reason = _skip_reason(corpus) or (None if block.shape in POINTS else block.shape)
    try:
        grain = _point(block)[1] if reason is None else None
        if grain is not None and grain not in KEPT_GRAINS:
            reason = f"grain {grain}"
        if reason is None:
            reference = corpora.reference(corpus)
            extraction.examples.extend(_read_block(block, definition.name, lang, reference))
    except ValueError as error:
        extraction.unreadable.append(f"{definition.name}: {error}")
        reason = "unreadable block"
    if reason is not None:
        extraction.skipped[reason] += len(block.texts)

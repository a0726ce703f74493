"""A piece of a message read from the whole message's chart: as if it were parsed alone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from nudge.language.dayparts import DEFAULT_PARTS
from nudge.language.fold import fold
from nudge.language.records import local_now
from nudge.language.time.chart import Context, parse
from nudge.language.time.grammar import grammar_for, lexicon_for
from nudge.language.time.parsed import Parsed, checked
from nudge.language.time.read import read
from nudge.language.time.region import region_of
from nudge.language.time.tokens import tokenize
from tests.language_eval.evalset import HELDOUT, IN_SAMPLE, load


def _context(lang: str, tz: str, now: datetime) -> Context:
    local = now.astimezone(ZoneInfo(tz)).replace(tzinfo=None, microsecond=0)
    return Context(local, lang, region_of(lang, tz), DEFAULT_PARTS, tz)


def _parsed(text: str, ctx: Context) -> Parsed:
    tokens = tuple(tokenize(fold(text)))
    return Parsed(tokens, parse(tokens, lexicon_for(ctx.lang), grammar_for(ctx.lang), ctx))


def test_a_piece_cut_at_token_edges_has_the_nodes_of_its_own_parse() -> None:
    """Every suffix and prefix of every third labelled phrase, in both languages."""
    compared = 0
    for case in load(IN_SAMPLE + HELDOUT)[::3]:
        for lang in ("en", "fr"):
            ctx = _context(lang, case.tz, local_now(case.now, case.tz))
            whole = _parsed(case.text, ctx)
            edges = sorted({token.start for token in whole.tokens} | {len(case.text)})
            for start, end in [(edge, len(case.text)) for edge in edges] + [
                (0, edge) for edge in edges
            ]:
                piece = case.text[start:end]
                alone = _parsed(piece, ctx)
                found = whole.window(start, alone.tokens)
                if found is not None:
                    assert found == alone.readings, (case.source, piece)
                    compared += 1
    assert compared > 1000  # most cuts at a token's start are the whole text's own tokens


def test_a_piece_cut_inside_a_word_is_parsed_alone() -> None:
    ctx = _context("en", "UTC", local_now(None, "UTC"))
    whole = _parsed("remind me tomorrow at 8pm", ctx)
    assert whole.window(12, tuple(tokenize(fold("morrow at 8pm")))) is None
    assert whole.window(10, tuple(tokenize(fold("tomorrow at 8pm")))) is not None


def test_reading_within_a_text_reads_its_piece() -> None:
    now = local_now(None, "America/Toronto")
    text = "remind me to call mom tomorrow at 3pm"
    start = text.index("to call")
    within = read(text, now=now, tz="America/Toronto", lang="en", within=(start, len(text)))
    alone = read(text[start:], now=now, tz="America/Toronto", lang="en")
    assert within == alone


def test_checked_keeps_what_the_surroundings_allow() -> None:
    ctx = _context("en", "UTC", local_now(None, "UTC"))
    parsed = _parsed("the sun is out", ctx)
    assert checked(parsed.tokens, parsed.nodes) == parsed.readings
    assert all(node.cat != "time" for node in parsed.readings)

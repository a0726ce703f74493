"""The Duckling corpus harness on small Haskell snippets of our own (no Duckling text here).

With ``NUDGE_DUCKLING_REPO`` pointing to a copy of facebook/duckling, one more test reads the
real corpus files and checks that the counts are plausible.
"""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.language_eval.corpus_score import score, truncate
from tests.language_eval.duckling_examples import Example, Reference, extract
from tests.language_eval.duckling_repo import load, read_file, rough_counts
from tests.language_eval.haskell_tokens import LexError, tokenize
from tests.language_eval.miss_categories import PAST, by_family, family
from tests.language_eval.time_parsers import best_entity, nudge_record

CONTEXTS = """
module Duckling.Testing.Types where

-- a Wednesday at 10:15, five hours behind UTC
testContext :: Context
testContext = Context
  { locale = makeLocale ZZ Nothing
  , referenceTime = refTime (2030, 5, 1, 10, 15, 0) (-5)
  }
"""

CORPUS = r"""
{-# LANGUAGE OverloadedStrings #-}
module Duckling.Time.ZZ.Corpus (corpus, negativeCorpus) where

import Duckling.Testing.Types hiding (examples)

corpus :: Corpus
corpus = (testContext {locale = makeLocale ZZ Nothing}, testOptions, allExamples)

otherContext :: Context
otherContext = Context
  { locale = makeLocale ZZ Nothing
  , referenceTime = refTime (2030, 5, 3, 8, 0, 0) 1
  }

otherCorpus :: Corpus
otherCorpus = (otherContext, testOptions, xs)
  where
    xs = examples (datetime (2030, 5, 4, 0, 0, 0) Day) [ "the morrow" ]

negativeCorpus :: NegativeCorpus
negativeCorpus = (testContext, testOptions, examples)
  where
    examples =
      [ "no time here"
      , "nor \"here\""
      ]

latentCorpus :: Corpus
latentCorpus = (testContext, testOptions {withLatent = True}, xs)
  where
    xs = concat
      [ examples (datetime (2030, 5, 1, 7, 0, 0) Hour)
                 [ "seven" ]
      ]

allExamples :: [Example]
allExamples = concat
  [ examples (datetime (2030, 5, 1, 10, 15, 0) Second)
             [ "right about now"
             , "say \"now\"", "caf\233 time"
             ]
  , examples (datetime
      (2030, 5, 2, 18, 30, 0) Minute)
    -- a comment between the value and its list, with "a string" inside
             [ "\x41t half past six tomorrow"
             , "gap\
               \py\&1"
             ]
  {- a block comment {- nested -} with "quotes" -}
  , examples (datetimeHoliday (2030, 12, 25, 0, 0, 0) Day "Midwinter Feast")
             [ "midwinter feast"
             , "the feast"
             ]
  , examples (datetime (2030, 2, 0, 0, 0, 0) Day)
             [ "clipped to the first" ]
  , examples (datetime (-44, 3, 15, 0, 0, 0) Year)
             [ "long ago" ]
  , examples (datetime (2030, 6, 0, 0, 0, 0) Month)
             [ "june", "in june" ]
  , examples (datetimeInterval ((2030, 5, 1, 9, 0, 0), (2030, 5, 1, 11, 0, 0)) Hour)
             [ "from nine to eleven" ]
  , examples (datetimeIntervalHoliday
      ((2030, 4, 1, 0, 0, 0), (2030, 4, 8, 0, 0, 0)) Day "Spring Week")
             [ "spring week" ]
  , examples (datetimeOpenInterval After (2030, 5, 1, 12, 0, 0) Minute)
             [ "after noon", "past noon" ]
  , examples (datetime (2030, 5, 1, 12, 0, 0) Minute) $ map id
             [ "not a literal list" ]
  ]
"""

MINUS_FIVE = timezone(timedelta(hours=-5))


def wall(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    """A naive wall time, as corpus examples and naive answers carry."""
    return datetime(year, month, day, hour, minute, second)  # noqa: DTZ001


def _corpus() -> list[Example]:
    return extract(CORPUS, "en", CONTEXTS).examples


def test_lexer_decodes_haskell_string_escapes() -> None:
    source = r'x = ["a\"b", "\233t\233", "\x41\&1", "\o101", "\SOH\SO\&H", "\^A", "g\  \ap", "\t"]'
    strings = [token.value for token in tokenize(source) if token.kind == "string"]
    assert strings == ['a"b', "été", "A1", "A", "\x01\x0eH", "\x01", "gap", "\t"]


def test_lexer_skips_comments_and_keeps_operators_and_signs() -> None:
    source = 'a = -2 -- "no"\n{- {- "no" -} -} b --> c'
    values = [token.value for token in tokenize(source)]
    assert values == ["a", "=", "-", "2", "b", "-->", "c"]


def test_lexer_refuses_an_unterminated_string() -> None:
    with pytest.raises(LexError):
        list(tokenize('x = "open\n'))


def test_every_point_block_shape_is_read_with_its_reference() -> None:
    found = {example.text: example for example in _corpus()}
    assert sorted(found) == sorted(
        ["right about now", 'say "now"', "café time", "At half past six tomorrow", "gappy1",
         "midwinter feast", "the feast", "clipped to the first", "the morrow"]
    )  # fmt: skip
    now = found["right about now"]
    assert (now.expected, now.grain, now.section) == (
        wall(2030, 5, 1, 10, 15),
        "second",
        "allExamples",
    )
    assert now.reference == Reference(datetime(2030, 5, 1, 10, 15, tzinfo=MINUS_FIVE), "Etc/GMT+5")
    assert found["At half past six tomorrow"].expected == wall(2030, 5, 2, 18, 30)
    assert found["the feast"].holiday == "Midwinter Feast"
    assert found["clipped to the first"].expected == wall(2030, 2, 1)
    other = found["the morrow"]
    assert other.section == "otherCorpus"
    assert other.reference.at == datetime(2030, 5, 3, 8, tzinfo=timezone(timedelta(hours=1)))
    assert other.reference.zone == "Etc/GMT-1"


def test_skipped_phrases_are_counted_by_reason_and_nothing_is_lost() -> None:
    extraction = extract(CORPUS, "en", CONTEXTS)
    assert dict(extraction.skipped) == {
        "negative corpus": 2,
        "latent corpus (withLatent = True)": 1,
        "grain year": 1,
        "grain month": 2,
        "datetimeInterval": 1,
        "datetimeIntervalHoliday": 1,
        "datetimeOpenInterval": 2,
        "strings outside examples blocks (allExamples)": 1,  # the block this reader cannot follow
    }
    assert len(extraction.unreadable) == 1
    assert "not a literal list" not in {example.text for example in extraction.examples}
    assert extraction.accounted == extraction.strings
    phrases = len(extraction.examples) + sum(extraction.skipped.values())
    assert phrases + extraction.names == extraction.strings
    assert extraction.names == 2  # "Midwinter Feast", "Spring Week"


def test_rough_counts_are_plain_matching_independent_of_the_lexer() -> None:
    blocks, strings = rough_counts(CORPUS)
    extraction = extract(CORPUS, "en", CONTEXTS)
    assert blocks == sum(extraction.blocks.values()) + len(extraction.unreadable)
    # plain matching counts the "quotes" of the block comment and misses the gapped string
    assert strings == extraction.strings + 1 - 1


def test_the_repository_copy_is_read_from_a_work_tree_or_a_git_directory(tmp_path: Path) -> None:
    for path, text in (
        ("Duckling/Time/ZZ/Corpus.hs", CORPUS),
        ("Duckling/Testing/Types.hs", CONTEXTS),
    ):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    assert len(load(tmp_path, "zz").extraction.examples) == 9
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "corpus"], check=True)
    (tmp_path / "Duckling").rename(tmp_path / "moved")  # only the git objects are left
    assert '"caf\\233 time"' in read_file(tmp_path / ".git", "Duckling/Time/ZZ/Corpus.hs")
    assert len(load(tmp_path / ".git", "zz").extraction.examples) == 9


@pytest.mark.parametrize(
    ("grain", "expected"),
    [
        ("second", wall(2030, 5, 1, 10, 15, 42)),
        ("minute", wall(2030, 5, 1, 10, 15)),
        ("hour", wall(2030, 5, 1, 10)),
        ("day", wall(2030, 5, 1)),
    ],
)
def test_truncate_zeroes_what_is_finer_than_the_grain(grain: str, expected: datetime) -> None:
    assert truncate(wall(2030, 5, 1, 10, 15, 42).replace(microsecond=7), grain) == expected


def _example(text: str, expected: datetime, grain: str) -> Example:
    reference = Reference(datetime(2030, 5, 1, 10, 15, tzinfo=MINUS_FIVE), "Etc/GMT+5")
    return Example(text, "en", expected, grain, reference, None, "allExamples", 1)


def test_an_answer_is_right_when_its_local_wall_time_matches_at_the_grain() -> None:
    answers: dict[str, datetime | str | None] = {
        "utc": datetime(2030, 5, 1, 15, 15, 59, tzinfo=UTC),  # 10:15:59 at UTC-5
        "iso": "2030-05-01T09:00:00-05:00",
        "naive": wall(2030, 5, 2, 23, 59),
        "hour off": datetime(2030, 5, 1, 11, 0, tzinfo=MINUS_FIVE),
        "none": None,
    }
    seen: list[tuple[datetime, str, str]] = []

    def parse_fn(text: str, *, now: datetime, tz: str, lang: str) -> datetime | str | None:
        seen.append((now, tz, lang))
        if text == "boom":
            raise RuntimeError("no parse")
        return answers[text]

    examples = [
        _example("utc", wall(2030, 5, 1, 10, 15), "minute"),
        _example("iso", wall(2030, 5, 1), "day"),
        _example("naive", wall(2030, 5, 2), "day"),
        _example("hour off", wall(2030, 5, 1, 10), "hour"),
        _example("none", wall(2030, 5, 1), "day"),
        _example("boom", wall(2030, 5, 1), "day"),
    ]
    report = score(examples, parse_fn)
    assert [result.right for result in report.results] == [True, True, True, False, False, False]
    assert (report.right, report.total, round(report.accuracy, 3)) == (3, 6, 0.5)
    assert report.results[-1].error == "RuntimeError: no parse"
    assert report.by_grain() == {"minute": (1, 1), "day": (2, 4), "hour": (0, 1)}
    now, tz, lang = seen[0]
    assert (now.utcoffset(), tz, lang) == (timedelta(hours=-5), "Etc/GMT+5", "en")


def test_the_posix_zone_of_a_negative_offset_is_accepted_by_zoneinfo() -> None:
    reference = Reference.at_offset(wall(2013, 2, 12, 4, 30), -2)
    assert reference.zone == "Etc/GMT+2"
    assert ZoneInfo(reference.zone).utcoffset(wall(2013, 2, 12)) == timedelta(hours=-2)


def test_todays_parse_record_is_scored_through_the_same_function() -> None:
    reference = Reference.at_offset(wall(2013, 2, 12, 4, 30), -2)
    example = Example(
        "tomorrow at 3pm", "en", wall(2013, 2, 13, 15), "hour", reference, None, "s", 1
    )
    result = score([example], nudge_record).results[0]
    assert result.right, result


def test_duckling_answers_are_chosen_like_its_corpus_test_does() -> None:
    def entity(start: int, end: int, value: object) -> dict[str, Any]:
        return {"dim": "time", "start": start, "end": end, "value": value}

    point = {"type": "value", "value": "2013-02-13T15:00:00.000-02:00", "grain": "hour"}
    other = {"type": "value", "value": "2013-02-12T15:00:00.000-02:00", "grain": "hour"}
    interval = {"type": "interval", "from": point}
    text = "tomorrow at 3pm"
    assert best_entity([entity(12, 15, other), entity(0, 15, point)], text) == point["value"]
    assert best_entity([entity(0, 3, other), entity(4, 15, point)], text) == point["value"]
    assert best_entity([entity(0, 15, interval)], text) is None
    assert best_entity([{"dim": "number", "start": 0, "end": 15, "value": {}}], text) is None


def test_misses_are_sorted_into_families_with_counts() -> None:
    past = _example("earlier on", wall(2030, 4, 30), "day")
    clock = _example("ten past 5pm", wall(2030, 5, 1, 17, 10), "minute")
    nth = _example("second friday of june", wall(2030, 6, 14), "day")
    assert family(past) == PAST
    assert family(clock) == "clock forms"
    assert family(nth).startswith("nth-of")
    report = score([past, clock, nth], lambda text, **_: None)
    text = by_family(report.misses(), "none", 3, ["# test"])
    assert text.startswith("# 3 of 3 examples missed by none\n# test\n")
    assert f"#    1  {PAST} (en 1)" in text
    assert "en\tten past 5pm\t2030-05-01T17:10:00-05:00\tminute\tNone" in text


@pytest.mark.skipif(not os.environ.get("NUDGE_DUCKLING_REPO"), reason="NUDGE_DUCKLING_REPO unset")
@pytest.mark.parametrize(("lang", "at_least"), [("en", 500), ("fr", 200)])
def test_the_real_corpus_yields_a_plausible_number_of_examples(lang: str, at_least: int) -> None:
    corpus = load(Path(os.environ["NUDGE_DUCKLING_REPO"]), lang)
    found = corpus.extraction
    assert len(found.examples) >= at_least
    assert not found.unreadable
    assert found.accounted == found.strings == corpus.rough_strings
    assert sum(found.blocks.values()) == corpus.rough_blocks
    assert found.skipped["datetimeInterval"] > 50
    main = Reference.at_offset(wall(2013, 2, 12, 4, 30), -2)  # Tuesday 04:30 at UTC-2
    assert sum(e.reference == main for e in found.examples) > 0.9 * len(found.examples)

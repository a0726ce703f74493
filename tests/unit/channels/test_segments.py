import pytest
from hypothesis import given
from hypothesis import strategies as st

from nudge.channels.segments import (
    GSM7_BASIC,
    GSM7_EXTENSION,
    count_segments,
    encoding,
    gsm_friendly,
)

EMOJI = "\U0001f600"  # 😀, two UTF-16 code units


def test_gsm_tables_have_the_03_38_sizes() -> None:
    assert len(GSM7_BASIC) == 127  # 128 code points minus ESC
    assert sorted(GSM7_EXTENSION) == sorted("\f^{}\\[~]|€")
    assert not GSM7_BASIC & GSM7_EXTENSION


@pytest.mark.parametrize(
    "char",
    list("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà"),
)
def test_basic_set_characters_are_gsm(char: str) -> None:
    assert encoding(char) == "GSM-7"


@pytest.mark.parametrize("char", ["`", "ç", "ê", "á", "Ò", "’", "“", "–", "…", "\u00a0", EMOJI])
def test_characters_outside_gsm_force_ucs2(char: str) -> None:
    assert encoding("hello " + char) == "UCS-2"


def test_empty_text_is_zero_segments() -> None:
    assert count_segments("") == 0
    assert encoding("") == "GSM-7"


@pytest.mark.parametrize(
    ("length", "segments"),
    [(1, 1), (160, 1), (161, 2), (306, 2), (307, 3), (459, 3), (460, 4)],
)
def test_gsm_boundaries(length: int, segments: int) -> None:
    assert count_segments("a" * length) == segments


def test_extension_characters_cost_two_septets() -> None:
    assert count_segments("€" * 80) == 1  # 160 septets
    assert count_segments("€" * 80 + "a") == 2  # 162 septets
    assert count_segments("a" * 158 + "{") == 1  # exactly 160
    assert count_segments("a" * 159 + "{") == 2


def test_escape_pair_is_never_split_across_parts() -> None:
    # 152 septets, then "[" (2) would straddle the 153 boundary: it moves to part 2.
    text = "a" * 152 + "[" + "a" * 152
    assert sum(2 if c in GSM7_EXTENSION else 1 for c in text) == 306  # fits 2*153 on paper
    assert count_segments(text) == 3
    assert count_segments("a" * 151 + "[" + "a" * 153) == 2  # pair ends exactly at 153


@pytest.mark.parametrize(
    ("length", "segments"),
    [(70, 1), (71, 2), (134, 2), (135, 3), (201, 3), (202, 4)],
)
def test_ucs2_boundaries(length: int, segments: int) -> None:
    assert count_segments("ê" * length) == segments


def test_emoji_counts_two_units() -> None:
    assert count_segments(EMOJI * 35) == 1  # 70 units
    assert count_segments(EMOJI * 35 + "a") == 2  # 71 units
    assert count_segments(EMOJI * 66) == 2  # 33 emoji (66 units) per 67-unit part
    assert count_segments(EMOJI * 67) == 3  # 134 units, yet a pair cannot straddle a part


def test_surrogate_pair_is_never_split_across_parts() -> None:
    text = "a" * 66 + EMOJI + "a" * 66  # 134 units, but the emoji would straddle unit 67
    assert count_segments(text) == 3
    assert count_segments("a" * 65 + EMOJI + "a" * 67) == 2


def test_one_non_gsm_character_switches_the_whole_message() -> None:
    assert count_segments("a" * 100) == 1
    assert count_segments("a" * 99 + "’") == 2  # 100 UCS-2 units > 70


@pytest.mark.parametrize(
    ("raw", "friendly"),
    [
        ("“Hello” — it’s ‘fine’…", "\"Hello\" - it's 'fine'..."),
        ("« Bonjour »", '" Bonjour "'),
        ("9h\u00a0–\u202f10h", "9h - 10h"),
        ("âêîôû ÂÊÎÔÛ ëïÿ ËÏŸ", "aeiou AEIOU eiy EIY"),
        ("ça, Ça", "ca, Ça"),
        ("œuvre, Œuvre", "oeuvre, OEuvre"),
        ("À È Ì Ò Ù", "A E I O U"),
        ("é è à ù ì ò É Ä Ö Ñ Ü ä ö ñ ü ß Å å Æ æ Ø ø ¿ ¡ £ ¥ §", None),
        ("ＡＢＣ１２３！", "ABC123!"),
        ("zero\u200bwidth", "zerowidth"),
    ],
)
def test_gsm_friendly(raw: str, friendly: str | None) -> None:
    result = gsm_friendly(raw)
    assert result == (raw if friendly is None else friendly)
    assert encoding(result) == "GSM-7"


def test_gsm_friendly_composes_decomposed_accents_first() -> None:
    assert gsm_friendly("cafe\u0301") == "café"  # e + combining acute → é (in GSM-7)
    assert gsm_friendly("e\u200b\u0301") == "é"  # composes once the zero-width space is gone
    assert gsm_friendly("a\u0302") == "a"  # â is not in GSM-7


def test_gsm_friendly_leaves_emoji_and_other_scripts() -> None:
    text = f"Привет 你好 {EMOJI} “ok”"
    assert gsm_friendly(text) == f'Привет 你好 {EMOJI} "ok"'
    assert encoding(gsm_friendly(text)) == "UCS-2"


def test_gsm_friendly_saves_segments_on_a_french_reminder() -> None:
    text = "Rappel : prends tes médicaments à 8 h – c’est l’heure ! Ça prend 2 minutes… Bravo 👏"
    without_emoji = text.removesuffix(" 👏")
    assert count_segments(without_emoji) == 2
    assert count_segments(gsm_friendly(without_emoji)) == 1


@given(st.text())
def test_gsm_friendly_is_idempotent(text: str) -> None:
    once = gsm_friendly(text)
    assert gsm_friendly(once) == once


@given(st.text(alphabet=sorted(GSM7_BASIC | GSM7_EXTENSION)))
def test_gsm_text_is_left_alone_and_packed_without_splitting_escapes(text: str) -> None:
    assert gsm_friendly(text) == text
    assert encoding(text) == "GSM-7"
    septets = sum(2 if char in GSM7_EXTENSION else 1 for char in text)
    segments = count_segments(text)
    if septets <= 160:
        assert segments == (1 if text else 0)
    else:
        assert -(-septets // 153) <= segments <= -(-septets // 152)

"""SMS segment arithmetic: GSM-7 vs UCS-2, parts per message, and GSM-friendly rewriting.

GSM 03.38 default alphabet (3GPP TS 23.038 §6.2.1): 128 basic characters cost one septet
each; the extension table is reached through ESC (0x1B), so ``^{}[]~|€``, the backslash
and form feed cost two septets. One character outside both tables sends the whole message as UCS-2
(really UTF-16: an astral character such as an emoji takes two code units).

Single SMS: 160 septets or 70 UTF-16 units. Concatenated SMS lose room to the user data
header: 153 septets or 67 units per part, and a part never splits an escape pair or a
surrogate pair.
"""

from __future__ import annotations

import unicodedata
from typing import Final, Literal

Encoding = Literal["GSM-7", "UCS-2"]

# Code points 0x00-0x7F in order; 0x1B (ESC) is a placeholder, never a real character.
_GSM7_TABLE: Final = (
    "@£$¥èéùìòÇ\nØø\rÅå"
    "Δ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ"
    " !\"#¤%&'()*+,-./"
    "0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNO"
    "PQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmno"
    "pqrstuvwxyzäöñüà"
)
GSM7_BASIC: Final = frozenset(_GSM7_TABLE) - {"\x1b"}
GSM7_EXTENSION: Final = frozenset("\f^{}\\[~]|€")

GSM7_SINGLE: Final = 160
GSM7_PART: Final = 153
UCS2_SINGLE: Final = 70
UCS2_PART: Final = 67

# Twilio Smart Encoding (docs: messaging/services/smart-encoding-char-list), the common part.
_SMART: Final[dict[str, str]] = {
    **dict.fromkeys("«»“”„‟″ʺˮ❝❞〝〞＂", '"'),
    **dict.fromkeys("‘’‚‛′ʻʼʽʹˈ´ˊ`ˋ❛❜＇", "'"),
    **dict.fromkeys("‐‑‒–—―−﹣－⁃", "-"),
    **dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008", " "),
    **dict.fromkeys("\u2009\u200a\u202f\u205f\u3000\u2028\u2029\t", " "),
    **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""),
    "…": "...",
    "‹": "<",
    "›": ">",
    "•": "-",
    "‼": "!!",
    "÷": "/",
    "⁄": "/",
    "¼": "1/4",
    "½": "1/2",
    "¾": "3/4",
    "œ": "oe",
    "Œ": "OE",
}


def encoding(text: str) -> Encoding:
    """The encoding a carrier uses for ``text``: GSM-7 if every character fits, else UCS-2."""
    if all(char in GSM7_BASIC or char in GSM7_EXTENSION for char in text):
        return "GSM-7"
    return "UCS-2"


def count_segments(text: str) -> int:
    """How many SMS parts ``text`` is billed as (0 for an empty text)."""
    if not text:
        return 0
    if encoding(text) == "GSM-7":
        costs = [2 if char in GSM7_EXTENSION else 1 for char in text]
        return _pack(costs, single=GSM7_SINGLE, part=GSM7_PART)
    costs = [2 if ord(char) > 0xFFFF else 1 for char in text]
    return _pack(costs, single=UCS2_SINGLE, part=UCS2_PART)


def _pack(costs: list[int], *, single: int, part: int) -> int:
    """Fill parts greedily; a character whose cost would overflow a part starts the next one."""
    if sum(costs) <= single:
        return 1
    parts, used = 1, 0
    for cost in costs:
        if used + cost > part:
            parts, used = parts + 1, 0
        used += cost
    return parts


def gsm_friendly(text: str) -> str:
    """Swap look-alikes that would force UCS-2 for GSM-7 ones; leave emoji and other scripts.

    Typographic quotes, dashes, odd spaces and the ellipsis follow Twilio Smart Encoding.
    Latin letters missing from GSM-7 (``â ê î ô û ë ï ÿ ç À È`` …) lose their accent, while
    those in it (``é è à ù ì ò É Ä Ö Ñ Ü ä ö ñ ü ß Å å Æ æ Ø ø``) are kept.
    """
    for _ in range(3):  # a removed zero-width character can let accents compose anew
        friendly = "".join(_friendly_char(char) for char in unicodedata.normalize("NFC", text))
        if friendly == text:
            break
        text = friendly
    return text


def _friendly_char(char: str) -> str:
    """One character's GSM-7 replacement, or the character itself."""
    if char in GSM7_BASIC or char in GSM7_EXTENSION:
        return char
    if char in _SMART:
        return _SMART[char]
    if 0xFF01 <= ord(char) <= 0xFF5E:  # fullwidth ASCII forms
        return _friendly_char(chr(ord(char) - 0xFEE0))
    return _strip_accent(char)


def _strip_accent(char: str) -> str:
    """``ê`` → ``e``: the base letter when it is in GSM-7, otherwise ``char`` unchanged."""
    if not unicodedata.category(char).startswith("L"):
        return char
    base = unicodedata.normalize("NFD", char)[0]
    return base if base in GSM7_BASIC and base != char else char

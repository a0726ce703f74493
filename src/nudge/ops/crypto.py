"""Streaming AES-256-GCM for backup files: chunked, authenticated, truncation-proof.

Layout: ``MAGIC`` (8 bytes), a random nonce prefix (8 bytes), then records of
``final flag (1) | length (4, big-endian) | ciphertext+tag``. Each chunk's nonce is the prefix
plus its counter, and its associated data binds the header, the counter and the final flag, so
chunks cannot be reordered, dropped, or the file cut short without decryption failing.
"""

from __future__ import annotations

import base64
import binascii
import os
import struct
from pathlib import Path
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"NUDGEBK1"
CHUNK_BYTES = 1 << 20
KEY_BYTES = 32
_RECORD = struct.Struct(">BI")


class BackupCryptoError(Exception):
    """A wrong key, a damaged file, or a file that is not a Nudge backup."""


def new_key() -> str:
    """A fresh random key as URL-safe base64 (what NUDGE_BACKUP_KEY expects)."""
    return base64.urlsafe_b64encode(os.urandom(KEY_BYTES)).decode()


def parse_key(text: str) -> bytes:
    """Decode a URL-safe base64 key of exactly 32 bytes."""
    try:
        key = base64.urlsafe_b64decode(text.strip().encode())
    except (binascii.Error, ValueError) as error:
        raise BackupCryptoError("the backup key is not URL-safe base64") from error
    if len(key) != KEY_BYTES:
        raise BackupCryptoError(f"the backup key must be {KEY_BYTES} bytes, not {len(key)}")
    return key


def load_key(inline: str, key_file: Path | None) -> bytes:
    """The key from NUDGE_BACKUP_KEY, else from NUDGE_BACKUP_KEY_FILE."""
    if inline:
        return parse_key(inline)
    if key_file is not None:
        return parse_key(key_file.read_text(encoding="utf-8"))
    raise BackupCryptoError("no backup key: set NUDGE_BACKUP_KEY or NUDGE_BACKUP_KEY_FILE")


def _aad(prefix: bytes, counter: int, final: int) -> bytes:
    return MAGIC + prefix + struct.pack(">IB", counter, final)


def _nonce(prefix: bytes, counter: int) -> bytes:
    return prefix + struct.pack(">I", counter)


def encrypt_stream(source: IO[bytes], target: IO[bytes], key: bytes) -> int:
    """Encrypt ``source`` into ``target``; returns the plaintext size."""
    cipher, prefix = AESGCM(key), os.urandom(8)
    target.write(MAGIC + prefix)
    counter, total = 0, 0
    chunk = source.read(CHUNK_BYTES)
    while True:
        following = source.read(CHUNK_BYTES) if chunk else b""
        final = 0 if following else 1
        sealed = cipher.encrypt(_nonce(prefix, counter), chunk, _aad(prefix, counter, final))
        target.write(_RECORD.pack(final, len(sealed)) + sealed)
        total += len(chunk)
        if final:
            return total
        chunk, counter = following, counter + 1


def _read_exact(source: IO[bytes], size: int) -> bytes:
    data = source.read(size)
    if len(data) != size:
        raise BackupCryptoError("the backup file is truncated")
    return data


def decrypt_stream(source: IO[bytes], target: IO[bytes], key: bytes) -> int:
    """Decrypt ``source`` into ``target``, authenticating every chunk; returns bytes written."""
    header = source.read(len(MAGIC) + 8)
    if len(header) != len(MAGIC) + 8 or not header.startswith(MAGIC):
        raise BackupCryptoError("not a Nudge backup file")
    cipher, prefix = AESGCM(key), header[len(MAGIC) :]
    counter, total = 0, 0
    while True:
        final, length = _RECORD.unpack(_read_exact(source, _RECORD.size))
        sealed = _read_exact(source, length)
        try:
            chunk = cipher.decrypt(_nonce(prefix, counter), sealed, _aad(prefix, counter, final))
        except InvalidTag as error:
            raise BackupCryptoError("wrong backup key or damaged backup file") from error
        target.write(chunk)
        total += len(chunk)
        if final:
            if source.read(1):
                raise BackupCryptoError("unexpected data after the end of the backup")
            return total
        counter += 1

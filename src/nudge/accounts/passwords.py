"""Passwords: the policy a new one must meet, and argon2 hashes checked in constant time.

A password is optional (a person signs in by SMS code or link anyway). When set it must have
12 characters or more, must not be one of the 10,000 most common passwords (or one of those
with digits and symbols around it, or repeated), and must not contain the person's phone
number or the local part of their email. Text is NFKC-normalised before it is counted or
hashed, so the same password typed on two keyboards is the same password.
"""

from __future__ import annotations

import string
import unicodedata
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Final

from pwdlib import PasswordHash
from pwdlib.exceptions import HashVerificationError, UnknownHashError
from pwdlib.hashers.argon2 import Argon2Hasher

MIN_LENGTH: Final = 12
MAX_LENGTH: Final = 256  # longer gains nothing and makes every hash a chore for the server
PHONE_DIGITS: Final = 7  # the subscriber part of a number, in every way of writing it
MIN_EMAIL_PART: Final = 3
_DECORATION: Final = string.digits + string.punctuation + " "
_SEPARATORS: Final = str.maketrans("", "", " -.()+/")
_HASHER: Final = PasswordHash((Argon2Hasher(),))


class Weakness(StrEnum):
    """Why a new password is refused (each has a text in the catalogs' ``[account]``)."""

    TOO_SHORT = "password_too_short"
    TOO_LONG = "password_too_long"
    COMMON = "password_common"
    HAS_PHONE = "password_has_phone"
    HAS_EMAIL = "password_has_email"


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list, case-folded (read once per process)."""
    text = resources.files("nudge.accounts").joinpath("common_passwords.txt").read_text("utf-8")
    lines = (line for line in text.splitlines() if line and not line.startswith("# "))
    return frozenset(line.casefold() for line in lines)


def normalise(password: str) -> str:
    """The form a password is measured and hashed in."""
    return unicodedata.normalize("NFKC", password)


def check_policy(
    password: str, *, phone: str | None = None, email: str | None = None
) -> tuple[Weakness, ...]:
    """Every way ``password`` falls short for this person; empty when it may be set."""
    text = normalise(password)
    found: list[Weakness] = []
    if len(text) < MIN_LENGTH:
        found.append(Weakness.TOO_SHORT)
    if len(text) > MAX_LENGTH:
        found.append(Weakness.TOO_LONG)
    if is_common(text):
        found.append(Weakness.COMMON)
    if phone is not None and _has_phone(text, phone):
        found.append(Weakness.HAS_PHONE)
    if email is not None and _has_email_part(text, email):
        found.append(Weakness.HAS_EMAIL)
    return tuple(found)


def is_common(password: str) -> bool:
    """Whether ``password`` is a listed one, alone, dressed in digits and symbols, or repeated."""
    folded, listed = password.casefold(), common_passwords()
    core = folded.strip(_DECORATION)
    if folded in listed or (core and core in listed):
        return True
    if any(folded[:end] in listed for end in _decorated_ends(folded)):
        return True
    unit = _repeated_unit(folded)
    return unit is not None and (unit in listed or len(unit) <= 3)


def _decorated_ends(folded: str) -> list[int]:
    """Where a listed word could end with only digits and symbols after it."""
    ends = [len(folded)]
    while ends[-1] > 1 and folded[ends[-1] - 1] in _DECORATION:
        ends.append(ends[-1] - 1)
    return ends[1:]


def _repeated_unit(folded: str) -> str | None:
    """The shortest text that ``folded`` is two or more copies of, if any."""
    for size in range(1, len(folded) // 2 + 1):
        if len(folded) % size == 0 and folded[:size] * (len(folded) // size) == folded:
            return folded[:size]
    return None


def _has_phone(text: str, phone: str) -> bool:
    digits = "".join(character for character in phone if character.isdigit())
    return len(digits) >= PHONE_DIGITS and digits[-PHONE_DIGITS:] in text.translate(_SEPARATORS)


def _has_email_part(text: str, email: str) -> bool:
    local = email.partition("@")[0].split("+", 1)[0].casefold()
    return len(local) >= MIN_EMAIL_PART and local in text.casefold()


def hash_password(password: str) -> str:
    """An argon2id hash of ``password`` (salted; parameters recorded in the hash)."""
    return _HASHER.hash(normalise(password))


def verify_password(password: str, password_hash: str) -> tuple[bool, str | None]:
    """Whether ``password`` matches, and a new hash when the stored one's parameters are old.

    argon2 compares in constant time; a hash this server cannot read never matches.
    """
    try:
        return _HASHER.verify_and_update(normalise(password), password_hash)
    except (UnknownHashError, HashVerificationError):
        return False, None


@cache
def _decoy_hash() -> str:
    return _HASHER.hash("a password no one has, hashed once per process")


def spend_verify_time(password: str) -> None:
    """Do a verify's work for an unknown email, so a miss takes as long as a wrong password."""
    verify_password(password, _decoy_hash())

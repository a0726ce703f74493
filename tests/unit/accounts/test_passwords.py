"""The password policy, and argon2 hashes: verified in constant time, rehashed when old."""

from __future__ import annotations

import pytest
from pwdlib.hashers.argon2 import Argon2Hasher

from nudge.accounts.passwords import (
    Weakness,
    check_policy,
    common_passwords,
    hash_password,
    verify_password,
)

PHONE = "+15145550101"
EMAIL = "ana.smith@example.org"


def test_the_shipped_list_holds_ten_thousand_common_passwords() -> None:
    listed = common_passwords()
    assert len(listed) > 9_000  # 10,000 lines, fewer once case-folded
    assert {"password", "123456", "qwerty", "iloveyou", "dragon"} <= listed


@pytest.mark.parametrize(
    "password",
    ["a few words that are mine", "Tr0ub4dor&3-horse", "correct horse battery staple"],
)
def test_a_long_uncommon_password_passes(password: str) -> None:
    assert check_policy(password, phone=PHONE, email=EMAIL) == ()


@pytest.mark.parametrize(
    ("password", "weakness"),
    [
        ("elevenchars", Weakness.TOO_SHORT),
        ("x" * 257, Weakness.TOO_LONG),
        ("qwertyuiop12", Weakness.COMMON),  # listed, digits after it
        ("Password2024!", Weakness.COMMON),
        ("!!Sunshine2024!!", Weakness.COMMON),  # listed, dressed on both sides
        ("monkeymonkeymonkey", Weakness.COMMON),  # listed, repeated
        ("abcabcabcabc", Weakness.COMMON),  # a short unit repeated
        ("123456789012", Weakness.COMMON),
        ("call me at 514-555-0101 ok", Weakness.HAS_PHONE),
        ("my number 5550101 plus words", Weakness.HAS_PHONE),
        ("I am Ana.Smith and proud", Weakness.HAS_EMAIL),
    ],
)
def test_a_weak_password_is_refused_with_its_reason(password: str, weakness: Weakness) -> None:
    assert weakness in check_policy(password, phone=PHONE, email=EMAIL)


def test_every_reason_is_listed_at_once() -> None:
    assert check_policy("5550101", phone=PHONE) == (Weakness.TOO_SHORT, Weakness.HAS_PHONE)


def test_a_word_that_merely_starts_like_a_common_one_passes() -> None:
    assert check_policy("dragonfire over the hills") == ()


def test_hash_verifies_the_same_password_only() -> None:
    hashed = hash_password("a few words that are mine")
    assert hashed.startswith("$argon2id$")
    assert verify_password("a few words that are mine", hashed) == (True, None)
    assert verify_password("a few words that are Mine", hashed) == (False, None)


def test_the_same_password_typed_another_way_verifies() -> None:
    hashed = hash_password("ｆｕｌｌｗｉｄｔｈ words here")  # NFKC: plain letters
    assert verify_password("fullwidth words here", hashed)[0]


def test_a_hash_with_old_parameters_is_replaced_on_a_right_password() -> None:
    old = Argon2Hasher(time_cost=1, memory_cost=8192, parallelism=1).hash("old words of mine")
    valid, fresh = verify_password("old words of mine", old)
    assert valid
    assert fresh is not None
    assert fresh != old
    assert verify_password("old words of mine", fresh) == (True, None)
    assert verify_password("wrong words", old) == (False, None)


@pytest.mark.parametrize("stored", ["", "plain-text", "$argon2id$v=19$broken", "$2b$12$abc"])
def test_a_hash_this_server_cannot_read_never_matches(stored: str) -> None:
    assert verify_password("anything at all here", stored) == (False, None)

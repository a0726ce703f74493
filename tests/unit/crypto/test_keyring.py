"""The keyring: sealed values open only where they belong, under any key of the ring."""

from __future__ import annotations

import pytest

from nudge.crypto.keyring import (
    Keyring,
    KeyringError,
    SealedValueError,
    aad_for,
    key_id_of,
    new_key,
    parse_keys,
)

ROW_1, ROW_2 = aad_for("totp_factors", "secret", 1), aad_for("totp_factors", "secret", 2)


def _ring(*ids: str) -> tuple[Keyring, str]:
    text = ",".join(new_key(key_id) for key_id in ids)
    return Keyring(parse_keys(text)), text


def test_a_sealed_value_opens_with_its_aad_and_hides_the_plaintext() -> None:
    ring, _ = _ring("k1")
    sealed = ring.seal(b"JBSWY3DPEHPK3PXP", aad=ROW_1)
    assert sealed.startswith("nk1.k1.")
    assert "JBSWY3DP" not in sealed
    assert ring.open(sealed, aad=ROW_1) == b"JBSWY3DPEHPK3PXP"
    assert ring.seal(b"JBSWY3DPEHPK3PXP", aad=ROW_1) != sealed  # a fresh nonce each time


@pytest.mark.parametrize(
    "aad",
    [ROW_2, aad_for("totp_factors", "other", 1), aad_for("integrations", "secret", 1), b""],
)
def test_a_value_moved_to_another_row_or_column_does_not_open(aad: bytes) -> None:
    ring, _ = _ring("k1")
    with pytest.raises(SealedValueError):
        ring.open(ring.seal(b"secret", aad=ROW_1), aad=aad)


def test_the_first_key_seals_and_every_key_opens() -> None:
    old_ring, old_text = _ring("old")
    sealed_old = old_ring.seal(b"secret", aad=ROW_1)
    new_text = new_key("new")
    both = Keyring(parse_keys(f"{new_text},{old_text}"))
    assert both.open(sealed_old, aad=ROW_1) == b"secret"
    assert not both.is_current(sealed_old)
    sealed_new = both.seal(b"secret", aad=ROW_1)
    assert key_id_of(sealed_new) == "new"
    assert both.is_current(sealed_new)
    alone = Keyring(parse_keys(new_text))
    assert alone.open(sealed_new, aad=ROW_1) == b"secret"
    with pytest.raises(SealedValueError, match="no key 'old'"):
        alone.open(sealed_old, aad=ROW_1)


def test_a_tampered_or_relabelled_value_does_not_open() -> None:
    ring, _ = _ring("a", "b")
    sealed = ring.seal(b"secret", aad=ROW_1)
    body = sealed.rsplit(".", 1)[1]
    flipped = body[:-2] + ("A" if body[-2] != "A" else "B") + body[-1]
    for broken in (f"nk1.a.{flipped}", f"nk1.b.{body}", "nk1.a", "plain", "nk2.a.x"):
        with pytest.raises(SealedValueError):
            ring.open(broken, aad=ROW_1)


@pytest.mark.parametrize(
    "configured",
    ["nocolon", "bad id!:" + "A" * 43, "k1:not-base64!!", "k1:" + "A" * 10, "k:QQ,k:QQ"],
)
def test_a_malformed_key_is_refused_at_start(configured: str) -> None:
    with pytest.raises(KeyringError):
        parse_keys(configured)


def test_a_repeated_id_is_refused() -> None:
    key = new_key("same")
    with pytest.raises(KeyringError, match="own id"):
        parse_keys(f"{key},{key}")


def test_no_key_at_all_is_no_keyring() -> None:
    assert parse_keys(" , ") == ()
    with pytest.raises(KeyringError):
        Keyring([])

import pytest

from nudge.channels.phones import InvalidPhoneError, mask_phone, normalize_phone


@pytest.mark.parametrize(
    ("raw", "region", "e164"),
    [
        ("+15145550101", "US", "+15145550101"),
        ("(514) 555-0123", "US", "+15145550123"),
        ("514.555.0123", "CA", "+15145550123"),
        ("1 514 555 0123", "US", "+15145550123"),
        ("06 12 34 56 78", "FR", "+33612345678"),
        ("+33 6 12 34 56 78", "US", "+33612345678"),
        ("  +1 202-555-0143  ", "US", "+12025550143"),
        ("+1 514 555 0101 ext. 12", "US", "+15145550101"),
    ],
)
def test_normalize_phone(raw: str, region: str, e164: str) -> None:
    assert normalize_phone(raw, default_region=region) == e164


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("hello", "unparseable"),
        ("12345", "invalid"),
        ("+1555", "invalid"),
        ("+447700900123", "invalid"),  # UK drama range, not allocated
    ],
)
def test_invalid_phones_raise_a_friendly_error(raw: str, reason: str) -> None:
    with pytest.raises(InvalidPhoneError) as caught:
        normalize_phone(raw)
    assert caught.value.reason == reason
    assert isinstance(caught.value, ValueError)
    assert "phone number" in str(caught.value)


@pytest.mark.parametrize(
    ("e164", "masked"),
    [
        ("+15145550101", "+1514*****01"),
        ("+33612345678", "+33612****78"),
        ("+442071838750", "+44207*****50"),
        ("", ""),
        ("12345", "***45"),
        ("not a phone", "*********ne"),
    ],
)
def test_mask_phone(e164: str, masked: str) -> None:
    assert mask_phone(e164) == masked

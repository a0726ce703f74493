import pytest
from twilio.twiml.messaging_response import MessagingResponse

from nudge.channels.phones import InvalidPhoneError
from nudge.channels.twilio.webhook import (
    EMPTY_TWIML,
    Ours,
    StatusUpdate,
    parse_inbound,
    parse_status,
    verify_signature,
    webhook_url,
)
from tests.fakes.twilio_server import FAKE_AUTH_TOKEN, signed_form, twilio_fixture

URL = "https://nudge.example.org/webhooks/twilio/sms"


def signature_for(url: str, params: dict[str, str], token: str = FAKE_AUTH_TOKEN) -> str:
    return signed_form(url, params, token)["X-Twilio-Signature"]


def test_empty_twiml_matches_what_the_twilio_library_renders() -> None:
    assert str(MessagingResponse()) == EMPTY_TWIML


def test_valid_signature_passes() -> None:
    form = twilio_fixture("inbound_sms_en")
    signature = signature_for(URL, form)
    assert verify_signature(auth_token=FAKE_AUTH_TOKEN, url=URL, params=form, signature=signature)


def test_wrong_token_fails() -> None:
    form = twilio_fixture("inbound_sms_en")
    signature = signature_for(URL, form, token="someone-elses-token")
    assert not verify_signature(
        auth_token=FAKE_AUTH_TOKEN, url=URL, params=form, signature=signature
    )


def test_http_vs_https_mismatch_fails() -> None:
    form = twilio_fixture("inbound_sms_en")
    signature = signature_for(URL, form)
    plain_http = URL.replace("https://", "http://")
    assert not verify_signature(
        auth_token=FAKE_AUTH_TOKEN, url=plain_http, params=form, signature=signature
    )


@pytest.mark.parametrize("signature", [None, ""])
def test_missing_signature_fails(signature: str | None) -> None:
    form = twilio_fixture("inbound_sms_en")
    assert not verify_signature(
        auth_token=FAKE_AUTH_TOKEN, url=URL, params=form, signature=signature
    )


def test_empty_auth_token_never_validates() -> None:
    form = twilio_fixture("inbound_sms_en")
    signature = signature_for(URL, form, token="")
    assert not verify_signature(auth_token="", url=URL, params=form, signature=signature)


def test_tampered_body_fails() -> None:
    form = twilio_fixture("inbound_sms_fr")
    signature = signature_for(URL, form)
    form["Body"] = "STOP"
    assert not verify_signature(
        auth_token=FAKE_AUTH_TOKEN, url=URL, params=form, signature=signature
    )


def test_query_string_is_part_of_the_signed_url() -> None:
    url = "https://nudge.example.org/webhooks/twilio/status?outbox_id=42"
    form = twilio_fixture("status_delivered")
    signature = signature_for(url, form)
    assert verify_signature(auth_token=FAKE_AUTH_TOKEN, url=url, params=form, signature=signature)
    other = url.replace("42", "43")
    assert not verify_signature(
        auth_token=FAKE_AUTH_TOKEN, url=other, params=form, signature=signature
    )


def test_default_port_is_tolerated_like_twilio_does() -> None:
    form = twilio_fixture("inbound_sms_en")
    signature = signature_for(URL, form)
    with_port = URL.replace("example.org/", "example.org:443/")
    assert verify_signature(
        auth_token=FAKE_AUTH_TOKEN, url=with_port, params=form, signature=signature
    )


@pytest.mark.parametrize(
    ("public_url", "path", "query", "expected"),
    [
        ("https://n.example/", "/webhooks/twilio/sms", "", "https://n.example/webhooks/twilio/sms"),
        ("https://n.example", "webhooks/twilio/sms", "", "https://n.example/webhooks/twilio/sms"),
        (
            "https://n.example/nudge",
            "/webhooks/twilio/status",
            "outbox_id=7",
            "https://n.example/nudge/webhooks/twilio/status?outbox_id=7",
        ),
    ],
)
def test_webhook_url(public_url: str, path: str, query: str, expected: str) -> None:
    assert webhook_url(public_url=public_url, path=path, query=query) == expected


def test_parse_inbound_plain_english() -> None:
    inbound = parse_inbound(twilio_fixture("inbound_sms_en"))
    assert inbound.phone == "+15145550101"
    assert inbound.body == "remind me to take my meds at 8pm"
    assert inbound.provider_sid == "SM5a0c6f3d2b8e4e6f9a1b7c3d9e2f4a10"
    assert inbound.channel == "twilio"
    assert inbound.num_media == 0


def test_parse_inbound_keeps_french_accents_and_typography() -> None:
    inbound = parse_inbound(twilio_fixture("inbound_sms_fr"))
    assert inbound.phone == "+14185550142"
    assert inbound.body.startswith("Rappelle-moi d’appeler la pharmacie demain à 9h, ça presse")
    assert "« avant vendredi »" in inbound.body


def test_parse_inbound_mms_with_empty_body() -> None:
    inbound = parse_inbound(twilio_fixture("inbound_mms_photo"))
    assert inbound.body == ""
    assert inbound.num_media == 1
    assert inbound.provider_sid.startswith("MM")


@pytest.mark.parametrize("field", ["MessageSid", "AccountSid", "From", "To", "Body", "NumMedia"])
def test_parse_inbound_requires_every_field_twilio_always_sends(field: str) -> None:
    form = twilio_fixture("inbound_sms_en")
    del form[field]
    with pytest.raises(ValueError, match=field):
        parse_inbound(form)


def test_a_re_cut_message_sid_is_refused() -> None:
    """Twilio signs names and values joined: ``MessageSid=SM…NumMedia0`` signs the same."""
    form = twilio_fixture("inbound_sms_en")
    del form["MessagingServiceSid"]  # a number outside a service: NumMedia sorts right after
    url = "https://nudge.example.org/webhooks/twilio/sms"
    signature = signature_for(url, form)
    form["MessageSid"] += "NumMedia" + form.pop("NumMedia")
    assert verify_signature(auth_token=FAKE_AUTH_TOKEN, url=url, params=form, signature=signature)
    form["NumMedia"] = "0"  # even with the field put back, the id is not Twilio's shape
    with pytest.raises(ValueError, match="MessageSid"):
        parse_inbound(form)


@pytest.mark.parametrize(
    "sid",
    [
        "SM" + "a" * 31,
        "SM" + "a" * 33,
        "SM" + "A" * 32,
        "XX" + "a" * 32,
        "SM" + "a" * 4000,
        "SM" + "a" * 31 + "\x00",
    ],
)
def test_parse_inbound_refuses_a_malformed_message_sid(sid: str) -> None:
    form = {**twilio_fixture("inbound_sms_en"), "MessageSid": sid}
    form.pop("SmsMessageSid"), form.pop("SmsSid")
    with pytest.raises(ValueError, match="MessageSid"):
        parse_inbound(form)


def test_parse_inbound_refuses_disagreeing_sid_aliases() -> None:
    form = {**twilio_fixture("inbound_sms_en"), "SmsSid": "SM" + "e" * 32}
    with pytest.raises(ValueError, match="SmsSid"):
        parse_inbound(form)


def test_parse_inbound_checks_account_and_recipient_when_known() -> None:
    form = twilio_fixture("inbound_sms_en")
    account = form["AccountSid"]
    mine = Ours(account_sid=account, numbers=frozenset({"+15145550100"}))
    assert parse_inbound(form, mine).phone == "+15145550101"
    with pytest.raises(ValueError, match="AccountSid"):
        parse_inbound(form, Ours(account_sid="AC" + "1" * 32))
    with pytest.raises(ValueError, match="To"):
        parse_inbound(form, Ours(account_sid=account, numbers=frozenset({"+15145550199"})))
    service = Ours(
        numbers=frozenset({"+15145550199"}), messaging_service_sid=form["MessagingServiceSid"]
    )
    assert parse_inbound(form, service).provider_sid == form["MessageSid"]


def test_an_inbound_is_stored_without_nul_characters() -> None:
    form = {**twilio_fixture("inbound_sms_en"), "Body": "add\x00 milk\x00"}
    inbound = parse_inbound(form)
    assert inbound.storable().body == "add milk"
    assert inbound.storable().provider_sid == inbound.provider_sid
    clean = parse_inbound(twilio_fixture("inbound_sms_en"))
    assert clean.storable() is clean


def test_parse_inbound_requires_message_sid() -> None:
    form = twilio_fixture("inbound_sms_en")
    del form["MessageSid"]
    with pytest.raises(ValueError, match="MessageSid"):
        parse_inbound(form)


@pytest.mark.parametrize("sender", ["", "12345", "not-a-number"])
def test_parse_inbound_rejects_a_bad_from(sender: str) -> None:
    form = {**twilio_fixture("inbound_sms_en"), "From": sender}
    with pytest.raises(InvalidPhoneError):
        parse_inbound(form)


@pytest.mark.parametrize(
    "num_media", ["one", "-1", "11", "2147483648", "99999999999999999999", "٣", "1.0", " 1"]
)
def test_parse_inbound_rejects_a_bad_num_media(num_media: str) -> None:
    form = {**twilio_fixture("inbound_sms_en"), "NumMedia": num_media}
    with pytest.raises(ValueError, match="NumMedia"):
        parse_inbound(form)


def test_parse_status_delivered() -> None:
    update = parse_status(twilio_fixture("status_delivered"))
    assert update == StatusUpdate(
        message_sid="SM7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b21", status="delivered", error_code=None
    )
    assert update.is_terminal


def test_parse_status_undelivered_carries_the_error_code() -> None:
    update = parse_status(twilio_fixture("status_undelivered"))
    assert update.status == "undelivered"
    assert update.error_code == "30003"
    assert update.is_terminal


def test_parse_status_sent_is_not_terminal() -> None:
    form = {**twilio_fixture("status_delivered"), "MessageStatus": "sent", "SmsStatus": "sent"}
    assert not parse_status(form).is_terminal


def test_parse_status_requires_sid_and_status() -> None:
    with pytest.raises(ValueError, match="MessageSid"):
        parse_status({"MessageStatus": "sent"})
    with pytest.raises(ValueError, match="MessageStatus"):
        parse_status({"MessageSid": "SM1"})


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("MessageSid", "SM" + "b" * 70),
        ("MessageStatus", "delivered" * 10),
        ("MessageStatus", "DELIVERED"),
        ("ErrorCode", "3" * 40),
        ("ErrorCode", "30003; drop"),
        ("AccountSid", "AC1"),
    ],
)
def test_parse_status_refuses_what_twilio_never_sends(field: str, value: str) -> None:
    form = {**twilio_fixture("status_delivered"), field: value}
    with pytest.raises(ValueError, match=field):
        parse_status(form)

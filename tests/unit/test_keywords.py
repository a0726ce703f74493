import pytest

from nudge.conversation.keywords import carrier_keyword


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("STOP", "stop"),
        ("stop", "stop"),
        ("  Stop.  ", "stop"),
        ("stopall", "stop"),
        ("UNSUBSCRIBE", "stop"),
        ("cancel", "stop"),
        ("end", "stop"),
        ("quit", "stop"),
        ("arret", "stop"),
        ("Arrêt", "stop"),
        ("ARRÊT!", "stop"),
        ("start", "start"),
        ("UNSTOP", "start"),
        ("yes", "start"),
        ("Reprise", "start"),
        ("help", "help"),
        ("AIDE", "help"),
        ("aide ?", "help"),
    ],
)
def test_whole_message_keywords(body: str, expected: str) -> None:
    assert carrier_keyword(body) == expected


@pytest.mark.parametrize(
    "body",
    ["stop the alarm", "please stop", "cancel reminder 2", "done", "fini", "snooze 10", "", "🛑"],
)
def test_keyword_inside_a_sentence_is_not_a_keyword(body: str) -> None:
    assert carrier_keyword(body) is None

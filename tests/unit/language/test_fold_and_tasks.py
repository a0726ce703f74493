from __future__ import annotations

import pytest

from nudge.language.fold import fold
from nudge.language.tasks import clean_task, cut


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("À 8H", "a 8h"),
        ("Rappelle-moi d’appeler", "rappelle-moi d'appeler"),
        ("Œufs\tà\nacheter", "oufs a acheter"),
        ("straße", "strase"),
        ("🙂 ok", "🙂 ok"),
        ("İstanbul", "istanbul"),
    ],
)
def test_fold_lowercases_strips_accents_and_keeps_length(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("to call mom", "call mom"),
        (" d'appeler Maman.", "appeler Maman"),
        ("de sortir les poubelles please", "sortir les poubelles"),
        ("que le plombier vient", "le plombier vient"),
        ("qu'il faut payer", "il faut payer"),
        ("à acheter du pain", "acheter du pain"),
        ("to to", ""),
        ("!!!", ""),
    ],
)
def test_clean_task(text: str, task: str) -> None:
    assert clean_task(text) == task


def test_cut_joins_the_two_sides() -> None:
    text = "call mom at 6pm about the party"
    assert cut(text, (9, 15)) == "call mom about the party"

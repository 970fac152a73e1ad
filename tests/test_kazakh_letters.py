"""fix_kazakh_letters: Kazakh letters typed with look-alikes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cleantext import fix_text, scan_text
from cleantext.steps.kazakh_letters import KAZAKH_LOOKALIKES, detect_kazakh_letters
from strategies import KAZAKH_WORDS, kazakh_text, russian_text

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@pytest.mark.parametrize(("damaged", "fixed"), [
    ("Қазақ тiлi", "Қазақ тілі"),                 # Latin i for і
    ("\u0259дебиет және өнер", "әдебиет және өнер"),  # Latin schwa for ә
    ("\u01ddлем", "әлем"),                        # turned e for ә
    ("Қазақстан: шаhар", "Қазақстан: шаһар"),     # h for һ in Kazakh text
    ("\u0275нер", "өнер"),                        # barred o for ө
    ("Θскемен", "Өскемен"),                       # Greek theta for Ө
    ("\u0137ала", "қала"),                        # k with cedilla for қ
    ("\u024fлт", "ұлт"),                          # y with stroke for ұ
    ("мiсто", "місто"),                           # Ukrainian too: Latin i for і
    ("\u00efжак", "їжак"),                        # Ukrainian ї typed as Latin ï
])
def test_lookalikes_become_kazakh_letters(damaged: str, fixed: str) -> None:
    assert fix_text(damaged) == fixed


def test_cyrillic_i_is_never_touched() -> None:
    text = "Київ і місто; бір, екі, үш; Беларусь і Україна"
    assert fix_text(text) == text
    assert detect_kazakh_letters(text) == []


def test_latin_h_in_russian_text_is_reported_not_guessed() -> None:
    # no Kazakh letter anywhere: h may be a slip for н as well as һ
    [f] = detect_kazakh_letters("Аhмет пришёл")
    assert not f.changes and f.confidence < 0.5


def test_a_palochka_typed_as_latin_i_is_left_alone() -> None:
    # Chechen (Ingush, Avar...) write the palochka Ӏ as a Latin I, also after
    # lower-case letters, where a Kazakh or Ukrainian І never stands
    chechen = "АфгIанистан, Iаьрбийн Цхьаьнакхетта Эмираташ, Сахара Iарбойн"
    assert detect_kazakh_letters(chechen) == []
    # a Kazakh word typed with a Latin I at its start is still repaired
    assert fix_text("Iле өзені, бiлiм") == "Іле өзені, білім"


def test_english_words_are_not_made_kazakh() -> None:
    assert fix_text("the hор and hiр hop") == "the hop and hip hop"
    assert fix_text("hi, Ivan") == "hi, Ivan"


_REPLACEABLE = {v: k for k, v in KAZAKH_LOOKALIKES.items() if k != v and v in "әіһөқұӘІҺӨҚҰ"}
_TO_LOOKALIKE = {
    "ә": "\u0259", "Ә": "\u018f", "і": "i", "І": "I", "һ": "h", "Һ": "H",
    "ө": "\u0275", "Ө": "\u019f", "қ": "\u0137", "Қ": "\u0136", "ұ": "\u024f", "Ұ": "\u024e",
}
_KK = tuple(w for w in KAZAKH_WORDS if any(c in _TO_LOOKALIKE for c in w))


@SETTINGS
@given(st.sampled_from(_KK), st.data())
def test_kazakh_words_typed_with_lookalikes_come_back(word: str, data: st.DataObject) -> None:
    spots = [i for i, c in enumerate(word) if c in _TO_LOOKALIKE]
    chosen = data.draw(st.lists(st.sampled_from(spots), min_size=1, unique=True))
    damaged = "".join(_TO_LOOKALIKE[c] if i in chosen else c for i, c in enumerate(word))
    cyrillic_left = sum(1 for i, c in enumerate(word) if i not in chosen)
    assume(cyrillic_left >= 2)  # "hi" is not evidently a Cyrillic word
    text = f"Қазақстан Республикасы: {damaged}, бұл жаңа кітап."
    assert fix_text(text) == f"Қазақстан Республикасы: {word}, бұл жаңа кітап."


@SETTINGS
@given(st.one_of(kazakh_text(1, 30), russian_text(1, 30)))
def test_clean_kazakh_and_russian_unchanged(text: str) -> None:
    assert fix_text(text) == text
    assert not [f for f in scan_text(text) if f.step == "fix_kazakh_letters"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ақiIhəɵ ,.кk9ЖʏθΘïԱ"), max_size=40))
def test_fast_word_search_equals_the_two_character_gate(text: str) -> None:
    """The words the step examines, found from its one-character gate, are
    those the two-character gate ``[Cyrillic][look-alike]|[look-alike][Cyrillic]``
    touches."""
    import re

    from cleantext.lines import words_touched
    from cleantext.steps import kazakh_letters as k

    pair = re.compile(f"[{k._CYR}][{k._LOOKALIKE_CLASS}]|[{k._LOOKALIKE_CLASS}][{k._CYR}]")
    assert [m.span() for m in k._words_touched(text, k._pair_starts(text))] == [
        m.span() for m in words_touched(text, pair, k._LETTERS)
    ]

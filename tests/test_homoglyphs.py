"""fix_homoglyphs: words mixing look-alike letters of two scripts."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cleantext import Config, fix_text, scan_text
from cleantext.steps.homoglyphs import (
    CYRILLIC_TO_LATIN,
    LATIN_TO_CYRILLIC,
    detect_homoglyphs,
    fix_homoglyphs,
)
from cleantext.steps.kazakh_letters import KAZAKH_LOOKALIKES
from cleantext.wordstats import common_words
from strategies import KAZAKH_WORDS, mixed_text, sentences

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
WORDS_STEPS = Config(disable={s for s in Config().step_names()
                              if s not in {"fix_homoglyphs", "fix_kazakh_letters"}})


@pytest.mark.parametrize(("damaged", "fixed"), [
    ("K\u0430z\u0430khst\u0430n", "Kazakhstan"),          # Cyrillic а in English
    ("Aлматы", "Алматы"),                                 # Latin A in Russian
    ("w\u043erld", "world"),                              # Cyrillic о in English
    ("Dv\u043ertsevoi", "Dvortsevoi"),                    # a name: one foreign letter
    ("Қазақстaн", "Қазақстан"),                           # Kazakh: only Cyrillic reads
    ("пpогpамма", "программа"),                           # Latin p for р
    ("ХХI", "XXI"),                                       # a Roman numeral in Latin
    ("Купил CРU, IMНO лучший", "Купил CPU, IMHO лучший"),  # acronyms typed in Russian text
])
def test_repairs_to_the_words_own_script(damaged: str, fixed: str) -> None:
    assert fix_homoglyphs(damaged) == fixed


def test_context_decides_when_both_scripts_give_a_word() -> None:
    assert fix_homoglyphs("the police \u0441o\u0440 arrived") == "the police cop arrived"
    assert fix_homoglyphs("в углу лежал \u0441o\u0440 и пыль") == "в углу лежал сор и пыль"


@pytest.mark.parametrize("text", [
    "Поиск в Яndex работает",       # a mixed-script brand: no reading in one script
    "выбросы CО2 растут",          # a formula next to digits
    "раствор 5 μл на пробу",        # Greek mu and Cyrillic: a unit
    "the star αcentauri and the βcell",  # Greek letters used on purpose
    "Cрп\ufffdки [ћирилицом]",      # an incomplete word: a character was lost
    "SENSЕ - Oleg Tsedryk",         # a band name with a Ukrainian Е (ftfy's negative case)
    "Let ρNT be the density of the network",  # a variable with a subscript (pNT is known)
    "the constant κB and the ρH of the sample",  # lower-case Greek, Latin capitals
])
def test_genuine_mixtures_are_reported_and_left(text: str) -> None:
    assert fix_text(text) == text
    found = [f for f in scan_text(text) if f.step == "fix_homoglyphs"]
    assert found and all(not f.changes for f in found)


@pytest.mark.parametrize("text", [
    "Он сказал: «Almaty Film Festival откроет iPhone-сезон», и ушёл.",
    "The akim of Алматы met Nazarbayev in Астана; Gulnara Сарсенова spoke.",
    "Київ, місто, їжак, ґанок — Ukrainian words stay",
    "Қазақстан Республикасы and the Kazakh word үй in English text",
    "H2O, CO2 and NaCl; Tokayev, Zhambyl, dombra",
    "Qazaqstan Respublikasy, Şymkent, Aqtöbe, Būryñğy ötken zamanda, bır danyşpan kısı",
    "Ελληνικά: Αθήνα, and Greek letters α, β, γ in English text",
])
def test_clean_mixed_text_is_left_alone(text: str) -> None:
    assert fix_text(text) == text
    assert not [f for f in scan_text(text) if f.changes and f.confidence >= 0.5]


_EN = tuple(w for w in common_words("en", 3000)
            if len(w) >= 3 and sum(c in LATIN_TO_CYRILLIC for c in w) >= 1)
_RU = tuple(w for w in common_words("ru", 3000)
            if len(w) >= 3 and w.isalpha() and sum(c in CYRILLIC_TO_LATIN for c in w) >= 1)
_KK = tuple(w for w in KAZAKH_WORDS if sum(c in CYRILLIC_TO_LATIN for c in w) >= 1
            and len(w) >= 3)
_CONTEXT = {
    "en": "the film is about the life of migrants and",
    "ru": "фильм рассказывает о жизни мигрантов и",
    "kk": "бұл фильм мигранттардың өмірі туралы және",
}


@st.composite
def _damaged_word(draw: st.DrawFn, words: tuple[str, ...], table: dict[str, str]
                  ) -> tuple[str, str]:
    word = draw(st.sampled_from(words))
    spots = [i for i, c in enumerate(word) if c in table]
    chosen = draw(st.lists(st.sampled_from(spots), min_size=1, unique=True))
    assume(len(chosen) < len(word))  # a word all in look-alikes is just another word
    damaged = "".join(table[c] if i in chosen else c for i, c in enumerate(word))
    return damaged, word


_TO_CYR = {lat: cyr for lat, cyr in LATIN_TO_CYRILLIC.items()}
# Only look-alikes that lead back to one letter: a Latin Y stands for У or Ү,
# which no repair can tell apart (it is reported instead).
_TO_LAT = {cyr: lat for cyr, lat in CYRILLIC_TO_LATIN.items()
           if LATIN_TO_CYRILLIC.get(lat, KAZAKH_LOOKALIKES.get(lat)) == cyr}


@SETTINGS
@given(_damaged_word(_EN, _TO_CYR))
def test_english_words_with_cyrillic_lookalikes_come_back(pair: tuple[str, str]) -> None:
    damaged, word = pair
    text = f"{_CONTEXT['en']} {damaged} here."
    assert fix_text(text, WORDS_STEPS) == f"{_CONTEXT['en']} {word} here."


@SETTINGS
@given(_damaged_word(_RU, _TO_LAT))
def test_russian_words_with_latin_lookalikes_come_back(pair: tuple[str, str]) -> None:
    damaged, word = pair
    text = f"{_CONTEXT['ru']} {damaged} здесь."
    assert fix_text(text, WORDS_STEPS) == f"{_CONTEXT['ru']} {word} здесь."


@SETTINGS
@given(_damaged_word(_KK, _TO_LAT))
def test_kazakh_words_with_latin_lookalikes_come_back(pair: tuple[str, str]) -> None:
    damaged, word = pair
    text = f"{_CONTEXT['kk']} {damaged} осында."
    assert fix_text(text, WORDS_STEPS) == f"{_CONTEXT['kk']} {word} осында."


@SETTINGS
@given(st.one_of(sentences(1, 30), mixed_text(1, 30)))
def test_clean_text_is_unchanged(text: str) -> None:
    assert fix_text(text) == text
    assert not [f for f in scan_text(text)
                if f.step in {"fix_homoglyphs", "fix_kazakh_letters"} and f.confidence >= 0.5]


def test_latin_y_in_a_kazakh_word_is_ambiguous() -> None:
    [f] = detect_homoglyphs("Yміт")
    assert not f.changes and f.confidence < 0.5


def test_findings_say_why() -> None:
    [f] = detect_homoglyphs("Welcome to K\u0430z\u0430khst\u0430n!")
    assert (f.start, f.end, f.replacement, f.kind) == (11, 21, "Kazakhstan", "homoglyph")
    assert "English word list" in f.why and f.confidence >= 0.9


@SETTINGS
@given(_damaged_word(tuple(w.upper() for w in _EN if len(w) >= 4), _TO_CYR))
def test_one_lookalike_capital_in_a_latin_caps_word_is_left(pair: tuple[str, str]) -> None:
    damaged, word = pair
    assume(sum(c != w for c, w in zip(damaged, word, strict=True)) == 1)
    text = f"{_CONTEXT['en']} {damaged} here."
    assert fix_text(text, WORDS_STEPS) == text


_EDGE_CHARS = [chr(c) for c in (
    0x41, 0x5A, 0x61, 0x7A, 0xC0, 0xD7, 0xF7, 0x24F, 0x250, 0x2AF, 0x2B0, 0x2BF, 0x2C0,
    0x36F, 0x370, 0x37F, 0x3FF, 0x400, 0x482, 0x483, 0x52F, 0x530, 0x540, 0xD800, 0x1F600,
)] + list("aoxАоЖαβ _1\n")


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(_EDGE_CHARS) | st.characters(), max_size=40))
def test_gate_starts_are_the_gates_matches(text: str) -> None:
    """The fast gate finds exactly where the gate regex matches, in finditer's order."""
    from cleantext.steps.homoglyphs import _GATE, _gate_starts

    assert _gate_starts(text) == [m.start() for m in _GATE.finditer(text)]


def test_words_at_is_words_touched() -> None:
    import re

    from cleantext.lines import words_at, words_touched

    gate, word = re.compile("[а-я][a-z]|[a-z][а-я]"), re.compile(r"[^\W\d_]+")
    text = "Kаzаkh, ×а, mоre and Астана 9аb"
    hits = [m.start() for m in gate.finditer(text)]
    assert [m.span() for m in words_at(text, hits, word)] == [
        m.span() for m in words_touched(text, gate, word)
    ]


def test_the_script_around_a_word_stops_at_its_paragraph() -> None:
    """A Russian word typed with a Latin letter right after an English
    paragraph is read as Russian, the script of its own paragraph."""
    english = "The quick brown fox jumps over the lazy dog and more English words follow.\n\n"
    assert fix_text(english + "Нa этой неделе") == english + "На этой неделе"

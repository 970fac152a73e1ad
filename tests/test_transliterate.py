"""Transliteration steps: ISO 9 (reversible), ICAO passports, Kazakh Latin 2021."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import Config, fix_text
from cleantext.steps.transliterate import (
    ICAO_RUSSIAN,
    ISO9_RUSSIAN,
    KAZAKH_LATIN_2021,
    detransliterate_russian,
    transliterate_kazakh,
    transliterate_russian,
)

_LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_NOT_FIRST = "ъыь"  # no Russian word starts with these


@st.composite
def _russian_word(draw: st.DrawFn) -> str:
    first = draw(st.sampled_from([c for c in _LOWER if c not in _NOT_FIRST]))
    rest = draw(st.text(alphabet=_LOWER, min_size=0, max_size=10))
    word = first + rest
    case = draw(st.sampled_from(["lower", "title", "upper"]))
    if case == "title" and rest.strip("ъь"):  # "Аъ" is no Russian word: see the docstring
        return word[0].upper() + word[1:]
    return word.upper() if case == "upper" else word


_SEPARATORS = st.sampled_from([" ", ", ", ". ", " — ", "\n", " 2024 ", "«", "» ", "-", "!"])
_RUSSIAN_TEXT = st.lists(st.tuples(_russian_word(), _SEPARATORS), min_size=1, max_size=12).map(
    lambda pairs: "".join(w + s for w, s in pairs))


@settings(max_examples=200, deadline=None)
@given(_RUSSIAN_TEXT)
def test_iso9_round_trip_gives_back_any_russian_text(text: str) -> None:
    latin = transliterate_russian(text)
    assert not any("\u0400" <= c <= "\u04ff" for c in latin)
    assert detransliterate_russian(latin) == text


def test_iso9_table_is_one_to_one() -> None:
    lower = {k: v for k, v in ISO9_RUSSIAN.items() if k.islower()}
    assert len(lower) == 33 and len(set(lower.values())) == 33
    assert all(len(v) == 1 for v in ISO9_RUSSIAN.values())


@pytest.mark.parametrize(("cyrillic", "iso9"), [
    ("Щукин", "Ŝukin"),
    ("съешь же ещё этих мягких французских булок",
     "sʺešʹ že eŝë ètih mâgkih francuzskih bulok"),
    ("ОБЪЁМ", "OBʺËM"),
    ("Юлия Цой", "Ûliâ Coj"),
])
def test_iso9_examples(cyrillic: str, iso9: str) -> None:
    assert transliterate_russian(cyrillic) == iso9
    assert detransliterate_russian(iso9) == cyrillic


@pytest.mark.parametrize(("cyrillic", "passport"), [
    ("Щербаков Алексей", "Shcherbakov Aleksei"),
    ("Юлия Фёдоровна", "Iuliia Fedorovna"),
    ("Подъячев", "Podieiachev"),
    ("Хабибуллин", "Khabibullin"),
    ("ЦОЙ ВИКТОР", "TSOI VIKTOR"),
    ("Игорь Эльдарович", "Igor Eldarovich"),
])
def test_icao_passport_examples(cyrillic: str, passport: str) -> None:
    assert transliterate_russian(cyrillic, "icao") == passport


def test_icao_covers_the_russian_alphabet() -> None:
    assert set(ICAO_RUSSIAN) == set(_LOWER)


@pytest.mark.parametrize(("cyrillic", "latin"), [
    ("Қазақстан Республикасы", "Qazaqstan Respublikasy"),
    ("Бұрыңғы өткен заманда, бір данышпан кісі", "Būryñğy ötken zamanda, bır danyşpan kısı"),
    ("Бағдат шаһарының бір үлкен қазысының үйіне келіп",
     "Bağdat şaharynyñ bır ülken qazysynyñ üiıne kelıp"),
    ("Іле, Ертіс, Ақтөбе", "Ile, Ertıs, Aqtöbe"),
    ("Ильяс, ИЛЬЯС", "İlias, İLİAS"),  # и and я (ia) both give dotted İ
    ("Шымкент ШЫМКЕНТ", "Şymkent ŞYMKENT"),
])
def test_kazakh_latin_2021_examples(cyrillic: str, latin: str) -> None:
    assert transliterate_kazakh(cyrillic) == latin


def test_kazakh_table_covers_the_kazakh_alphabet() -> None:
    assert set(KAZAKH_LATIN_2021) == set(_LOWER + "әғқңөұүһі")


def test_steps_are_off_by_default_and_chosen_by_name() -> None:
    text = "Фильм «Айка» — Almaty Film Festival, Қазақстан"
    assert fix_text(text) == text
    ru = fix_text(text, Config(enable={"transliterate_russian"}))
    assert ru == "Filʹm «Ajka» — Almaty Film Festival, Қазақстан"  # Kazakh word left whole
    kk = fix_text(text, Config(enable={"transliterate_kazakh"}))
    assert kk == "Film «Aika» — Almaty Film Festival, Qazaqstan"
    both = fix_text(text, Config(enable={"transliterate_russian", "transliterate_kazakh"}))
    assert both == "Filʹm «Ajka» — Almaty Film Festival, Qazaqstan"


def test_passport_step_by_name() -> None:
    text = "Юлия Щербакова, Almaty"
    assert fix_text(text, Config(enable={"transliterate_russian_icao"})) == (
        "Iuliia Shcherbakova, Almaty")


def test_unknown_standard_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown standard"):
        transliterate_russian("да", "bgn")

"""Transliteration of Russian and Kazakh Cyrillic by named standards.

Off by default; chosen by name: ``Config(enable={"transliterate_russian"})``,
``{"transliterate_russian_icao"}`` or ``{"transliterate_kazakh"}``. The tables
are in ``docs/words.md``.

* Russian, **ISO 9:1995** (GOST 7.79-2000 system A): one Latin letter per
  Cyrillic letter, so it is reversible: :func:`detransliterate_russian`
  gives the original back. This is what the step uses.
* Russian, **ICAO Doc 9303** (the machine-readable zone and the Latin name
  of Russian international passports since the 2010s): ``standard="icao"`` in
  :func:`transliterate_russian`, step ``transliterate_russian_icao``. Not
  reversible (``е``, ``ё`` and ``э`` all become ``e``; ``ь`` is dropped).
* Kazakh Cyrillic to the **Kazakh Latin alphabet of January 2021** (``ä ğ q
  ñ ö ş ū ü ı``): :func:`transliterate_kazakh`. Not reversible (``и`` and
  ``й`` are both ``i``, ``х`` and ``һ`` both ``h``; letters of Russian loans
  have no letters of their own).

Words in other scripts are never touched; a Russian word containing letters
that the chosen table lacks (Kazakh ``қ`` in ISO 9 here) is left whole.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from ..config import Config
from ..finding import Finding
from ..step import Step

__all__ = [
    "ICAO_RUSSIAN",
    "ISO9_RUSSIAN",
    "KAZAKH_LATIN_2021",
    "STEP_KAZAKH",
    "STEP_RUSSIAN",
    "STEP_RUSSIAN_ICAO",
    "detect_kazakh_transliteration",
    "detect_russian_passport_transliteration",
    "detect_russian_transliteration",
    "detransliterate_russian",
    "transliterate_kazakh",
    "transliterate_russian",
]

ISO9_RUSSIAN: Mapping[str, str] = MappingProxyType({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ë",
    "ж": "ž", "з": "z", "и": "i", "й": "j", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "h", "ц": "c", "ч": "č", "ш": "š", "щ": "ŝ", "ъ": "ʺ",
    "ы": "y", "ь": "ʹ", "э": "è", "ю": "û", "я": "â",
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ё": "Ë",
    "Ж": "Ž", "З": "Z", "И": "I", "Й": "J", "К": "K", "Л": "L", "М": "M",
    "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U",
    "Ф": "F", "Х": "H", "Ц": "C", "Ч": "Č", "Ш": "Š", "Щ": "Ŝ", "Ъ": "ʺ",
    "Ы": "Y", "Ь": "ʹ", "Э": "È", "Ю": "Û", "Я": "Â",
})
"""ISO 9:1995 for the Russian alphabet (``ʺ`` is U+02BA, ``ʹ`` U+02B9; the
hard and soft signs have no case)."""

ICAO_RUSSIAN: Mapping[str, str] = MappingProxyType({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e",
    "ж": "zh", "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
})
"""ICAO Doc 9303 as used for Russian passports (lower case; capitals follow
the word: ``Щукин`` -> ``Shchukin``, ``ЩУКИН`` -> ``SHCHUKIN``)."""

KAZAKH_LATIN_2021: Mapping[str, str] = MappingProxyType({
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d",
    "е": "e", "ё": "io", "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k",
    "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ñ", "о": "o", "ө": "ö",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü",
    "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ch", "ш": "ş", "щ": "şş",
    "ъ": "", "ы": "y", "і": "ı", "ь": "", "э": "e", "ю": "iu", "я": "ia",
})
"""Kazakh Cyrillic -> the Kazakh Latin alphabet of January 2021 (lower case;
capitals: ``И`` -> ``İ``, ``І`` -> ``I``, others by ``str.upper``)."""

_KAZAKH_UPPER = {"i": "İ", "ı": "I"}

_ISO9_BACK = {v: k for k, v in ISO9_RUSSIAN.items() if k.islower() or v not in "ʺʹ"}
_ISO9_BACK_RE = re.compile("|".join(sorted(map(re.escape, _ISO9_BACK), key=len, reverse=True)
                                    + ["ʺ", "ʹ"]))
_CYRILLIC_WORD = re.compile(r"[\u0400-\u052f]+")
_WORD = re.compile(r"[^\W\d_]+")


def _cased(latin: str, source: str, word: str, upper: Mapping[str, str] | None = None) -> str:
    """Give a multi-letter rendering the case of its source letter."""
    if not source.isupper() or not latin:
        return latin
    if len(word) > 1 and word.isupper():
        return "".join((upper or {}).get(c, c.upper()) for c in latin)
    first = latin[0]
    return (upper or {}).get(first, first.upper()) + latin[1:]


def _word_russian(word: str, standard: str) -> str | None:
    if standard == "iso9":
        if any(c not in ISO9_RUSSIAN for c in word):
            return None
        return "".join(ISO9_RUSSIAN[c] for c in word)
    if any(c.lower() not in ICAO_RUSSIAN for c in word):
        return None
    return "".join(_cased(ICAO_RUSSIAN[c.lower()], c, word) for c in word)


def _word_kazakh(word: str) -> str | None:
    if any(c.lower() not in KAZAKH_LATIN_2021 for c in word):
        return None
    return "".join(_cased(KAZAKH_LATIN_2021[c.lower()], c, word, _KAZAKH_UPPER) for c in word)


def transliterate_russian(text: str, standard: str = "iso9") -> str:
    """Transliterate the Russian words of ``text`` to Latin letters.

    ``standard`` is ``"iso9"`` (ISO 9:1995, reversible) or ``"icao"``
    (ICAO Doc 9303, Russian passports).

    >>> transliterate_russian("Щукин съел объём")
    'Ŝukin sʺel obʺëm'
    >>> transliterate_russian("Щукин съел объём", "icao")
    'Shchukin sieel obieem'
    """
    if standard not in ("iso9", "icao"):
        raise ValueError(f"unknown standard {standard!r}; known: iso9, icao")

    def one(m: re.Match[str]) -> str:
        done = _word_russian(m.group(), standard)
        return m.group() if done is None else done

    return _CYRILLIC_WORD.sub(one, text)


def detransliterate_russian(text: str) -> str:
    """Undo ISO 9:1995 transliteration of Russian.

    Every Latin letter of the ISO 9 table becomes Cyrillic again, so apply
    it to text that was all Russian: Latin words of the original come back
    as Cyrillic too. The caseless hard and soft signs take the case of their
    word: capitals in a word without lower-case letters (so a two-letter
    capitalised word ending in a sign, which Russian does not have, would
    come back in capitals).

    >>> detransliterate_russian("Ŝukin sʺel obʺëm; OBʺËM")
    'Щукин съел объём; ОБЪЁМ'
    """
    def one(m: re.Match[str]) -> str:
        s = m.group()
        if s not in ("ʺ", "ʹ"):
            return _ISO9_BACK[s]
        low = "ъ" if s == "ʺ" else "ь"
        i = m.start()
        a = i
        while a > 0 and (text[a - 1].isalpha() or text[a - 1] in "ʺʹ"):
            a -= 1
        b = i + 1
        while b < len(text) and (text[b].isalpha() or text[b] in "ʺʹ"):
            b += 1
        word = text[a:b]
        if any(c.isupper() for c in word) and not any(c.islower() for c in word):
            return low.upper()
        return low

    return _ISO9_BACK_RE.sub(one, text)


def transliterate_kazakh(text: str) -> str:
    """Transliterate Kazakh Cyrillic words to the Kazakh Latin alphabet (2021).

    >>> transliterate_kazakh("Қазақстан Республикасы, Іле, Шымкент")
    'Qazaqstan Respublikasy, Ile, Şymkent'
    >>> transliterate_kazakh("бір данышпан кісі")
    'bır danyşpan kısı'
    """
    def one(m: re.Match[str]) -> str:
        done = _word_kazakh(m.group())
        return m.group() if done is None else done

    return _CYRILLIC_WORD.sub(one, text)


def _findings(text: str, step: str, convert: object, why: str) -> list[Finding]:
    assert callable(convert)
    found = []
    for m in _CYRILLIC_WORD.finditer(text):
        done = convert(m.group())
        if done is None or done == m.group():
            continue
        found.append(Finding("transliteration", m.start(), m.end(), m.group(), done, 1.0,
                             step, why))
    return found


def detect_russian_transliteration(text: str, config: Config | None = None) -> list[Finding]:
    """Propose ISO 9:1995 transliteration of every Russian word (not damage:
    a conversion the user asked for by enabling ``transliterate_russian``).

    >>> [f.replacement for f in detect_russian_transliteration("Привет, world")]
    ['Privet']
    """
    if text.isascii():
        return []
    return _findings(text, "transliterate_russian", lambda w: _word_russian(w, "iso9"),
                     "transliterated to Latin letters by ISO 9:1995 (reversible)")


def detect_kazakh_transliteration(text: str, config: Config | None = None) -> list[Finding]:
    """Propose transliteration of every Cyrillic word to the Kazakh Latin
    alphabet of 2021 (enabled with ``transliterate_kazakh``).

    >>> [f.replacement for f in detect_kazakh_transliteration("Алматы қаласы")]
    ['Almaty', 'qalasy']
    """
    if text.isascii():
        return []
    return _findings(text, "transliterate_kazakh", _word_kazakh,
                     "transliterated to the Kazakh Latin alphabet of 2021")


STEP_RUSSIAN = Step(
    "transliterate_russian",
    detect_russian_transliteration,
    "Transliterate Russian to Latin letters by ISO 9:1995 (reversible); off by default.",
)
def detect_russian_passport_transliteration(
    text: str, config: Config | None = None
) -> list[Finding]:
    """Propose the ICAO Doc 9303 (passport) spelling of every Russian word
    (enabled with ``transliterate_russian_icao``).

    >>> [f.replacement for f in detect_russian_passport_transliteration("Юлия Щербакова")]
    ['Iuliia', 'Shcherbakova']
    """
    if text.isascii():
        return []
    return _findings(text, "transliterate_russian_icao", lambda w: _word_russian(w, "icao"),
                     "transliterated by ICAO Doc 9303, as in Russian passports")


STEP_RUSSIAN_ICAO = Step(
    "transliterate_russian_icao",
    detect_russian_passport_transliteration,
    "Transliterate Russian as in passports (ICAO Doc 9303); off by default.",
)
STEP_KAZAKH = Step(
    "transliterate_kazakh",
    detect_kazakh_transliteration,
    "Transliterate Kazakh Cyrillic to the Kazakh Latin alphabet of 2021; off by default.",
)

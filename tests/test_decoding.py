"""Decoding bytes of unknown encoding (cleantext.fix_bytes)."""

from __future__ import annotations

import codecs
import os
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleantext import NotTextError, fix_bytes
from cleantext.decoding import decode, decode_bytes

SETTINGS = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _words(text: str) -> list[str]:
    return text.split()


RUSSIAN = _words(
    "Привет мир новости фильм год время люди страна город Москва ещё её ёлка "
    "объявление съёмка первый офис файл вопрос ответ когда где здесь быть был "
    "были это что как сегодня правительство решение вчера человек работа жизнь "
    "история школа дети область район Россия Казахстан"
)
ENGLISH = _words("the first office file report news film music people year world data")
FRENCH_GERMAN = _words(
    "café crème déjà été garçon française où à très naïve Noël élève hôtel "
    "schön Mädchen Müller größer Straße für über Äpfel Öl"
)
PUNCT = [",", ".", "!", "?", ":", "-", "(", ")"]
_NON_ASCII_WORD = re.compile(r"\w*[^\x00-\x7f\W]\w*")


@st.composite
def prose(draw: st.DrawFn, words: list[str], min_words: int = 6) -> str:
    tokens = draw(st.lists(st.sampled_from(words + PUNCT), min_size=min_words, max_size=60))
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", "\n"]),
                         min_size=len(tokens), max_size=len(tokens)))
    return "".join(t + s for t, s in zip(tokens, seps, strict=True)).rstrip()


@SETTINGS
@given(prose(RUSSIAN + ENGLISH + FRENCH_GERMAN, min_words=1))
def test_utf8_round_trips(text: str) -> None:
    result = fix_bytes(text.encode("utf-8"))
    assert result.text == text
    assert result.encoding == "utf-8"
    assert result.encodings == ("utf-8",)


@SETTINGS
@given(prose(RUSSIAN + ENGLISH), st.sampled_from(["cp1251", "koi8-r"]))
def test_russian_legacy_encodings_round_trip(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    if len(set(_NON_ASCII_WORD.findall(text))) < 2:
        return  # one word is too little evidence to tell code pages apart
    result = fix_bytes(data)
    assert result.text == text
    assert codecs.lookup(result.encoding or "").name == codecs.lookup(encoding).name


@SETTINGS
@given(prose(FRENCH_GERMAN + ENGLISH))
# Only "à" differs from an iso8859-4 reading ("ā", a frequent Latvian
# token): chardet, unsure, put iso8859-4 first.
@example("music film news Müller à , the")
@example("( .\nà music news größer")
# cp1125 reads "Öl" as "╓l": the box-drawing sign was stripped as punctuation
# and the "l" left over counted as a frequent word for cp1125.
@example("- à\nfilm Öl : ,")
def test_latin1_round_trips(text: str) -> None:
    data = text.encode("latin-1")
    if len(set(_NON_ASCII_WORD.findall(text))) < 2:
        return  # "à" alone is as good Russian "а" (windows-1251): no evidence
    result = fix_bytes(data)
    assert result.text == text
    # windows-1252 agrees with latin-1 on every printable character
    assert result.encoding in ("iso-8859-1", "windows-1252", "iso8859-15", "iso-8859-15")


@SETTINGS
@given(prose(RUSSIAN + ENGLISH + FRENCH_GERMAN, min_words=3),
       st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                        "utf-32-be", "utf-8-sig"]))
def test_utf16_and_utf32_round_trip_with_or_without_bom(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be") and b"\x00" not in data:
        return  # no NUL byte to recognise UTF-16 by (text without ASCII)
    result = fix_bytes(data)
    assert result.text == text
    expected = {"utf-8-sig": "utf-8"}.get(encoding, encoding[:6])
    assert (result.encoding or "").startswith(expected)


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes_decode_or_raise_not_text(data: bytes) -> None:
    try:
        result = fix_bytes(data)
    except NotTextError as exc:
        assert exc.reason.startswith("not text")
    else:
        assert isinstance(result.text, str)
        assert result.encoding


@SETTINGS
@given(prose(RUSSIAN), prose(RUSSIAN), prose(FRENCH_GERMAN))
def test_concatenated_files_are_decoded_line_by_line(
    utf8_part: str, cp1251_part: str, latin1_part: str
) -> None:
    cp1251_part = "Вставка из старого файла: " + cp1251_part.replace("\n", " ")
    latin1_part = "Une ligne française, très naïve: " + latin1_part.replace("\n", " ")
    data = (
        utf8_part.encode() + b"\n" + cp1251_part.encode("cp1251") + b"\n"
        + utf8_part.encode() + b"\n" + latin1_part.encode("latin-1") + b"\n"
        + utf8_part.encode()
    )
    result = fix_bytes(data)
    assert result.text == "\n".join(
        [utf8_part, cp1251_part, utf8_part, latin1_part, utf8_part])
    assert result.encoding == "mixed"
    assert result.encodings[0] == "utf-8"
    assert "windows-1251" in result.encodings


def test_mixed_encodings_most_used_first() -> None:
    utf8 = "Строка в UTF-8.\n".encode()
    cp1251 = "Строка в windows-1251.\n".encode("cp1251")
    decoded = decode(cp1251 * 5 + utf8 * 2 + cp1251)
    assert decoded.encoding == "mixed"
    assert decoded.encodings == ("windows-1251", "utf-8")
    assert decoded.text == ("Строка в windows-1251.\n" * 5 + "Строка в UTF-8.\n" * 2
                            + "Строка в windows-1251.\n")


def test_legacy_lines_that_happen_to_be_utf8_stay_legacy() -> None:
    # koi8-r "её" is the valid UTF-8 "ţ"; cp1251 "Я»" the valid UTF-8 U+07FB
    text = "Привет, как дела?\nеё\nеё\nЯ»\nДо свидания."
    for encoding in ("koi8-r", "cp1251"):
        data = text.encode(encoding, errors="replace")
        decoded = decode(data)
        assert decoded.text == data.decode(encoding)
        assert decoded.encodings == (decoded.encoding,)
    # while a short real UTF-8 line among legacy ones stays UTF-8
    data = "Привет".encode() + b"\n" + "Привет, как дела?".encode("cp1251")
    assert decode(data).text == "Привет\nПривет, как дела?"


def test_single_encoding_is_not_mixed() -> None:
    text = "Съешь же ещё этих мягких французских булок, да выпей чаю.\n" * 3
    assert decode_bytes(text.encode("cp1251")) == (text, "windows-1251")
    assert decode_bytes(text.encode("koi8-r")) == (text, "koi8-r")
    assert decode_bytes(text.encode()) == (text, "utf-8")
    assert decode(text.encode("cp1251")).encodings == ("windows-1251",)


def test_boms() -> None:
    text = "Привет, world"
    for encoding, name in (("utf-8-sig", "utf-8"), ("utf-16", "utf-16-"), ("utf-32", "utf-32-")):
        result = fix_bytes(text.encode(encoding))
        assert result.text == text
        assert (result.encoding or "").startswith(name)
    with pytest.raises(NotTextError, match="byte-order mark"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xdc")  # a lone surrogate


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00" + os.urandom(50), "ZIP"),
        (b"\x7fELF\x02\x01\x01" + bytes(50), "ELF"),
        (b"\x1f\x8b\x08\x00" + os.urandom(50), "gzip"),
        (b"hello\x00world", "NUL"),
        (bytes(range(1, 9)) * 20 + b"text", "control bytes"),
    ],
)
def test_binary_is_refused_with_a_reason(data: bytes, what: str) -> None:
    with pytest.raises(NotTextError, match=what):
        fix_bytes(data)


def test_not_bytes_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        fix_bytes("text")  # type: ignore[arg-type]


def test_decoded_text_is_repaired() -> None:
    result = fix_bytes(b"caf&eacute; \x1b[1mbold\x1b[0m")
    assert result.text == "café bold"
    assert result.encoding == "utf-8"


def test_large_input_is_linear() -> None:
    import time

    line = "Привет, мир! Это строка для проверки скорости декодирования.\n"
    small = (line * 2000).encode("cp1251")
    large = (line * 40000).encode("cp1251")
    t0 = time.perf_counter()
    decode(small)
    t1 = time.perf_counter()
    decode(large)
    t2 = time.perf_counter()
    assert t2 - t1 < 2.0
    mixed = (line * 20000).encode() + line.encode("cp1251") + (line * 20000).encode()
    t3 = time.perf_counter()
    assert decode(mixed).encoding == "mixed"
    assert time.perf_counter() - t3 < 2.0
    del t0

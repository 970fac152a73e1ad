"""fix_codepage_mixups' fast paths find what the plain definitions find.

The step judges every line through regexes and tables built for speed; each
is checked here against the slow, obvious definition it replaces.
"""

from __future__ import annotations

import math
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import fix_text
from cleantext.evidence import cyrillic
from cleantext.steps import codepage_mixups as cpm

SETTINGS = settings(max_examples=150, deadline=None)


def _plain_tokens(line: str, mixup: cpm.Mixup) -> list[tuple[int, int]]:
    """The runs of :func:`_token_re` with a neighbour or digit on each side."""
    out = []
    for m in cpm._token_re(mixup).finditer(line):
        s, e = m.span()
        if s > 0 and (line[s - 1].isalpha()
                      or line[s - 1] not in cpm._NEIGHBOURS and not line[s - 1].isdigit()):
            continue
        if e < len(line) and (line[e].isalpha()
                              or line[e] not in cpm._NEIGHBOURS and not line[e].isdigit()):
            continue
        out.append((s, e))
    return out


def _good(ch: str) -> bool:
    # (as _judge checks: the regex has refused the bad neighbours below U+3000)
    return ch < "\u3000" or ch in cpm._NEIGHBOURS or ch.isdigit()


def _fast_tokens(line: str, mixup: cpm.Mixup) -> list[tuple[int, int]]:
    out = []
    for m in cpm._word_re(mixup).finditer(line):
        s, e = m.span()
        if s > 0 and not _good(line[s - 1]):
            continue
        if e < len(line) and not _good(line[e]):
            continue
        out.append((s, e))
    return out


# Characters that make the cases: the letters of the damage, apostrophes
# (inside a word or not), neighbours, digits (² is a digit, not a decimal),
# letters of no code page, and characters beyond U+3000.
_CHARS = sorted(
    {c for m in cpm.MIXUPS for c in cpm._table(m).letters}
    | set("'’ ,.«»\u00a0-5²абвгдеЖЗИЙabcXYZ\u0130\u212a漢\U0001d7d9\U00010a40")
)


@pytest.mark.parametrize("mixup", cpm.MIXUPS, ids=lambda m: f"{m.true}>{m.read_as}")
@SETTINGS
@given(line=st.text(st.sampled_from(_CHARS), max_size=40))
def test_word_regex_finds_the_words_of_the_token_regex(mixup: cpm.Mixup, line: str) -> None:
    assert _fast_tokens(line, mixup) == _plain_tokens(line, mixup)


@pytest.mark.parametrize("mixup", cpm.MIXUPS, ids=lambda m: f"{m.true}>{m.read_as}")
def test_word_regex_on_damaged_prose(mixup: cpm.Mixup) -> None:
    prose = ("Привет, мир! «Как дела?» Всё хорошо: 2024-й год, в 10:30 — об'єм "
             "ЖЗЛ, СССР'а, т.е. «Москва»… Ўзбек қазақ ұлт. Café, naïve.")
    for true, read in ((m.true, m.read_as) for m in cpm.MIXUPS):
        read = "cp1252" if read == "western" else read
        line = prose.encode(true, "replace").decode(read, "replace")
        assert _fast_tokens(line, mixup) == _plain_tokens(line, mixup)


def test_character_facts_the_fast_paths_rely_on() -> None:
    """Over all of Unicode: the characters whose lower case starts with a-z
    are _ASCII_LETTER's; no letter is a digit or a neighbour."""
    for c in range(sys.maxunicode + 1):
        ch = chr(c)
        assert ("a" <= ch.lower() <= "z") == bool(cpm._ASCII_LETTER.fullmatch(ch)), hex(c)
        assert not (ch.isalpha() and (ch.isdigit() or ch in cpm._NEIGHBOURS)), hex(c)


_WORDS = st.text(st.sampled_from(sorted(
    set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґўәғқңөұүһђјљњћџѓѕќ'’`ʼ«»-.1a")
    | {"А", "Ё", "Ї", "Ә", "ß", "漢", "ǅ"}
)), max_size=12)


@SETTINGS
@given(word=_WORDS)
def test_alphabet_bits_are_alphabet_languages(word: str) -> None:
    langs = cyrillic.alphabet_languages(word)
    bits = cpm._alphabet_bits(word)
    assert {lang for lang in cyrillic.ALPHABETS if bits & cpm._LANGUAGE_BIT[lang]} == langs


def _plain_score(word: str, lang: str) -> float:
    """The mean log-probability of the letter pairs, letter by letter."""
    pairs, firsts, size = cyrillic._bigram_model(lang)
    w = "^" + word + "$"
    total = 0.0
    for a, b in zip(w, w[1:], strict=False):
        den = firsts.get(a, 0.0)
        if den <= 0.0:
            total += cyrillic._UNSEEN
            continue
        num = pairs.get((a, b), 0.0)
        total += math.log((num + cyrillic._SMOOTH * den / size)
                          / (den * (1.0 + cyrillic._SMOOTH)))
    return total / (len(w) - 1)


def _plain_bigram_score(word: str) -> float:
    w = cyrillic.normalize_word(word)
    best = max(_plain_score(w, lang) for lang in ("ru", "uk", "bg", "mk", "sr"))
    if "kk" in cyrillic.alphabet_languages(w) and any(ch in "әғқңөұүһі" for ch in w):
        best = max(best, _plain_score(w.translate(cyrillic._KAZAKH_AS_RUSSIAN), "ru"),
                   _plain_score(w, "kk"))
    return best


@SETTINGS
@given(word=_WORDS | st.text(max_size=8))
def test_bigram_score_is_the_letter_by_letter_score(word: str) -> None:
    # (the same numbers added in the same order: equal, not close)
    assert cyrillic.bigram_score.__wrapped__(word) == _plain_bigram_score(word)


@SETTINGS
@given(word=_WORDS | st.text(max_size=8))
def test_case_is_normal_is_letter_by_letter(word: str) -> None:
    letters = [ch for ch in word if ch.isalpha()]
    plain = (len(letters) < 2 or all(ch.islower() for ch in letters[1:])
             or all(ch.isupper() for ch in letters))
    assert cyrillic.case_is_normal(word) == plain


@pytest.mark.parametrize("read_as", sorted({m.read_as for m in cpm.MIXUPS}))
def test_utf8_mojibake_is_told_through_every_sloppy_code_page(read_as: str) -> None:
    """A line of UTF-8 read through the mixup's code page is left to
    fix_mojibake, whatever bytes that code page leaves undefined (windows-1252
    reads UTF-8 ``с`` as ``Ñ\x81``, windows-1251 ``И`` as ``Р\x98``)."""
    from cleantext.mojibake.codepages import table

    sloppy = cpm._SLOPPY_TABLES[read_as]
    text = "Звёздный час всегда наступает в трудную минуту. Исход: сила"
    for name in sloppy:
        page = table(name)
        line = "".join(page.decode[b] for b in text.encode("utf-8"))
        assert cpm._is_utf8_mojibake(line, read_as), (name, line)
    assert not cpm._is_utf8_mojibake(text, read_as)


def test_a_line_of_sloppy_windows_1252_is_no_mixup() -> None:
    # (the benchmark's line: it was read as windows-1251 text in windows-1252,
    # and its ``в`` was left as ``РІ``)
    line = "Звёздный час всегда наступает в трудную минуту."
    damaged = line.encode("utf-8").decode("cp1252", errors="replace")
    damaged = "".join(
        chr(b) if ch == "\ufffd" else ch
        for ch, b in zip(damaged, line.encode("utf-8"), strict=True)
    )
    assert "\x81" in damaged and "‘" in damaged
    assert cpm.detect_codepage_mixups(damaged) == []
    assert fix_text(damaged) == line


def test_latin_damaged_words_have_no_ascii_letter() -> None:
    """What _Chunks relies on: a chunk has A-Z letters beside a damaged word
    of the Latin family exactly when it has them at all."""
    for plan in cpm._plans("latin"):
        assert not any(cpm._ASCII_LETTER.match(ch) for ch in plan.letters), plan.mixup


@SETTINGS
@given(line=st.text(st.sampled_from(sorted(set("Ãéàüß©-' \nabcZ\u0130\u212a\u00a0"))), max_size=40))
def test_chunks_answer_as_the_chunk_scan(line: str) -> None:
    plan = cpm._plans("latin")[0]
    chunks = cpm._Chunks(line)
    for m in plan.words.finditer(line):
        s, e = m.span()
        assert chunks.has_ascii_letters(s, e) == cpm._chunk_has_ascii_letters(line, s, e)


_LONG_WORDS = ["Привет,", "как", "дела?", "Всё", "хорошо.", "the", "city", "and", "film",
               "Ïðèâåò,", "êàê", "äåëà?", "Âñå", "õîðîøî.", "рТЙЧЕФ", "ДЕМБ?", "Ã©", "«ол"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_LONG_WORDS), min_size=400, max_size=700))
def test_a_long_line_is_judged_as_without_the_early_reading(words: list[str]) -> None:
    """A line longer than _LONG_LINE is first read until it reads as real
    words (the vote's own early stop): the verdicts are those made without."""
    line = " ".join(words)
    assert len(line) > cpm._LONG_LINE
    for plan in cpm._plans("cyrillic") + cpm._plans("latin"):
        with_probe = cpm._judge(line, plan)
        saved = cpm._LONG_LINE
        cpm._LONG_LINE = 10 ** 9
        try:
            without = cpm._judge(line, plan)
        finally:
            cpm._LONG_LINE = saved
        assert with_probe == without

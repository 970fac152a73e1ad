"""The small repair steps: surrogates, terminal escapes, HTML entities, C1
controls, zero-width characters, soft hyphens, ligature code points."""

from __future__ import annotations

import html
import re
import timeit

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cleantext import Config, apply_plan, fix_and_explain, fix_text, scan_text
from cleantext.steps import (
    c1_controls,
    html_entities,
    latin_ligatures,
    soft_hyphens,
    surrogates,
    terminal_escapes,
    zero_width,
)

SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _words(text: str) -> list[str]:
    return text.split()


ENGLISH = _words(
    "the first office file offer affluent flight staff official efficient stuff "
    "shuffle waffle raffle fluffy difficult fifty after list most state station "
    "Astana Almaty report news film music people year world time text data "
    "Kazakhstan Germany Poland Russia I you we they is are was"
)
RUSSIAN = _words(
    "привет мир новости фильм год время люди страна город Москва Алматы Астана "
    "ещё её ёлка объявление съёмка первый офис файл вопрос ответ когда где здесь "
    "быть был были это что как"
)
KAZAKH = _words("қазақ тілі әлем өнер ұлт үй ғылым һәм іс Қазақстан білім")
PUNCT = [",", ".", ";", ":", "!", "?", "(", ")", "-", "\u2014", "\u2013", "\u2026",
         "\u201c", "\u201d", "\u2018", "\u2019", "\u20ac", "\u2122", "\u00ab", "\u00bb",
         "&", "<", ">", '"', "'", "#", "42", "2024", "AT&T", "R&D"]
EMOJI = ["\U0001f600", "\U0001f44d", "\U0001f4c4", "\U0001f469\u200d\U0001f4bb",
         "\U0001f3f3\ufe0f\u200d\U0001f308"]

WORDS = ENGLISH + RUSSIAN + KAZAKH


def _join(tokens: list[str], seps: list[str]) -> str:
    out = []
    for tok, sep in zip(tokens, seps, strict=False):
        out.append(tok)
        out.append(sep)
    return "".join(out[:-1]) if out else ""


@st.composite
def clean_text(draw: st.DrawFn, extra: tuple[str, ...] = (), min_size: int = 1) -> str:
    """Clean prose-like text from real words of English, Russian and Kazakh."""
    pool = WORDS + PUNCT + list(extra)
    tokens = draw(st.lists(st.sampled_from(pool), min_size=min_size, max_size=30))
    seps = draw(
        st.lists(st.sampled_from([" ", " ", " ", "\n", ", "]), min_size=len(tokens),
                 max_size=len(tokens))
    )
    return _join(tokens, seps)


def _insert(draw: st.DrawFn, text: str, pieces: st.SearchStrategy[str], n_max: int = 5) -> str:
    """Insert drawn pieces at drawn positions of ``text``."""
    positions = draw(
        st.lists(st.integers(0, len(text)), min_size=1, max_size=n_max, unique=True)
    )
    out = text
    for pos in sorted(positions, reverse=True):
        out = out[:pos] + draw(pieces) + out[pos:]
    return out


# --- clean text --------------------------------------------------------------------


@SETTINGS
@given(clean_text(extra=tuple(EMOJI)))
def test_clean_text_is_left_alone_and_not_reported(text: str) -> None:
    assert fix_text(text) == text
    assert scan_text(text) == []


@SETTINGS
@given(clean_text(extra=tuple(EMOJI)))
def test_detectors_find_nothing_in_clean_text(text: str) -> None:
    for detect in (
        surrogates.detect_surrogates, terminal_escapes.detect_terminal_escapes,
        html_entities.detect_html_entities, c1_controls.detect_c1_controls,
        zero_width.detect_zero_width, soft_hyphens.detect_soft_hyphens,
        latin_ligatures.detect_ligature_codepoints,
    ):
        assert detect(text, Config()) == []


def test_scripts_that_use_joiners_are_kept() -> None:
    kept = [
        "\U0001f469\u200d\U0001f4bb",  # woman technologist
        "\U0001f3f3\ufe0f\u200d\U0001f308",  # rainbow flag
        "\U0001f468\U0001f3fd\u200d\u2695\ufe0f",  # health worker, skin tone
        "\u2764\ufe0f\u200d\U0001f525",  # heart on fire
        "می\u200cخواهم",  # Persian "I want", ZWNJ
        "क्\u200dष",  # Devanagari, ZWJ after virama
        "ന്\u200d",  # Malayalam chillu with ZWJ
        "ภาษา\u200bไทย",  # Thai word boundary ZWSP
        "[កំពុង\u200bធ្វើការ\u200b]",  # Khmer: also next to brackets and spaces
        "មិន\u200b\u200bបាន \u200bដំឡើង\u200b ឬ",  # doubled, as typed
        "\n\u200bကီးဘုတ်",  # Myanmar, at a line start
        # a text that uses them does so next to Latin words and quotes too
        "ដែល\u200bបាន\u200bតាម APT\u200b\xa0។",
        "شناسه\u200cهای «-» و «.»\u200c باشند",
    ]
    for text in kept:
        assert fix_text(text) == text, repr(text)
        assert zero_width.detect_zero_width(text, Config()) == [], repr(text)


# --- damage and repair -------------------------------------------------------------


@st.composite
def zero_width_damage(draw: st.DrawFn) -> tuple[str, str]:
    text = draw(clean_text())
    pieces = st.sampled_from(["\u200b", "\u2060", "\ufeff", "\u200c", "\u200d", "\u200b\u200b"])
    return text, _insert(draw, text, pieces)


@SETTINGS
@given(zero_width_damage())
def test_zero_width_characters_are_removed(case: tuple[str, str]) -> None:
    text, damaged = case
    result = fix_and_explain(damaged)
    assert result.text == text
    assert fix_text(result.text) == result.text
    for f in result.findings:
        assert f.kind in ("zero_width", "bom")
        assert damaged[f.start:f.end] == f.original
        assert set(f.original) <= set("\u200b\u200c\u200d\u2060\ufeff")


@st.composite
def html_damage(draw: st.DrawFn) -> tuple[str, str]:
    text = draw(clean_text())
    assume(html_entities._ENTITY.search(text) is None)
    escaped = html.escape(text)
    if draw(st.booleans()):  # escaped twice
        escaped = html.escape(escaped)
    return text, escaped


@SETTINGS
@given(html_damage())
def test_html_escaped_text_is_unescaped(case: tuple[str, str]) -> None:
    text, damaged = case
    result = fix_and_explain(damaged)
    assert result.text == text
    assert apply_plan(damaged, result.plan) == text
    for f in result.findings:
        assert f.kind == "html_entity"
        assert damaged[f.start:f.end] == f.original
        assert f.original.startswith("&") and f.original.endswith(";")


@st.composite
def terminal_damage(draw: st.DrawFn) -> tuple[str, str]:
    text = draw(clean_text())
    sgr = st.lists(st.sampled_from(["0", "1", "4", "31", "32", "38;5;208", "01;34"]),
                   max_size=3).map(lambda ps: "\x1b[" + ";".join(ps) + "m")
    other = st.sampled_from(["\x1b[2K", "\x1b[1A", "\x1b[?25l", "\x1b]0;title\x07",
                             "\x1b]8;;http://x.org\x1b\\", "\x1b(B", "\x1b7", "\x1b8"])
    return text, _insert(draw, text, st.one_of(sgr, other))


@SETTINGS
@given(terminal_damage())
def test_terminal_escapes_are_removed(case: tuple[str, str]) -> None:
    text, damaged = case
    result = fix_and_explain(damaged)
    assert result.text == text
    assert all(f.kind == "terminal_escape" and f.original.startswith("\x1b")
               for f in result.findings)


_CP1252_PUNCT = "\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u20ac\u2122"


@st.composite
def c1_damage(draw: st.DrawFn) -> tuple[str, str]:
    text = draw(clean_text(extra=tuple(_CP1252_PUNCT) * 3))
    assume(any(c in text for c in _CP1252_PUNCT))
    damaged = "".join(
        c.encode("cp1252").decode("latin-1") if c in _CP1252_PUNCT else c for c in text
    )
    return text, damaged


@SETTINGS
@given(c1_damage())
def test_c1_controls_become_windows_1252_characters(case: tuple[str, str]) -> None:
    text, damaged = case
    result = fix_and_explain(damaged)
    assert result.text == text
    assert fix_text(result.text) == result.text


_LIGATURE_OF = {"ffi": "\ufb03", "ffl": "\ufb04", "ff": "\ufb00", "fi": "\ufb01",
                "fl": "\ufb02", "st": "\ufb06"}
_LIGATURE_PAIRS = re.compile("ffi|ffl|ff|fi|fl|st")


@st.composite
def ligature_damage(draw: st.DrawFn) -> tuple[str, str]:
    text = draw(clean_text())
    assume(_LIGATURE_PAIRS.search(text))
    flags = iter(draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text))))
    damaged = _LIGATURE_PAIRS.sub(
        lambda m: _LIGATURE_OF[m.group()] if next(flags, True) else m.group(), text
    )
    return text, damaged


@SETTINGS
@given(ligature_damage())
def test_ligature_code_points_become_letters(case: tuple[str, str]) -> None:
    text, damaged = case
    result = fix_and_explain(damaged)
    assert result.text == text
    for f in result.findings:
        assert f.kind == "ligature_codepoint"
        assert len(f.original) == 1 and f.replacement == latin_ligatures.LIGATURES[f.original]


@st.composite
def soft_hyphen_damage(draw: st.DrawFn) -> tuple[str, str]:
    text = draw(clean_text())
    return text, _insert(draw, text, st.sampled_from(["\xad", "\xad\xad"]))


@SETTINGS
@given(soft_hyphen_damage())
def test_soft_hyphens_are_removed(case: tuple[str, str]) -> None:
    text, damaged = case
    result = fix_and_explain(damaged)
    assert result.text == text
    assert all(f.kind == "soft_hyphen" and set(f.original) == {"\xad"}
               for f in result.applied)


def _split_astral(text: str) -> str:
    out = []
    for c in text:
        o = ord(c)
        if o > 0xFFFF:
            o -= 0x10000
            out.append(chr(0xD800 + (o >> 10)) + chr(0xDC00 + (o & 0x3FF)))
        else:
            out.append(c)
    return "".join(out)


@SETTINGS
@given(clean_text(extra=tuple(EMOJI) * 4))
def test_surrogate_pairs_become_characters(text: str) -> None:
    damaged = _split_astral(text)
    result = fix_and_explain(damaged)
    assert result.text == text
    assert len(result.findings) == sum(1 for c in text if ord(c) > 0xFFFF)


def _cesu8_as(c: str, codec: str) -> str:
    """An astral character's CESU-8 bytes shown as ``codec`` (sloppy windows-1252)."""
    units = _split_astral(c)
    raw = units.encode("utf-8", errors="surrogatepass")
    return "".join(
        bytes([b]).decode(codec, errors="replace").replace("\ufffd", chr(b)) for b in raw
    )


@SETTINGS
@given(clean_text(extra=tuple(EMOJI) * 4), st.sampled_from(["latin-1", "cp1252"]))
def test_cesu8_mojibake_of_astral_characters_is_repaired(text: str, codec: str) -> None:
    damaged = "".join(_cesu8_as(c, codec) if ord(c) > 0xFFFF else c for c in text)
    assert fix_text(damaged) == text


@SETTINGS
@given(st.one_of(zero_width_damage(), html_damage(), terminal_damage(), c1_damage(),
                 ligature_damage(), soft_hyphen_damage()))
def test_repair_is_idempotent_and_replayable(case: tuple[str, str]) -> None:
    _, damaged = case
    result = fix_and_explain(damaged)
    assert fix_text(result.text) == result.text
    assert apply_plan(damaged, result.plan) == result.text


# --- explicit cases ----------------------------------------------------------------


def test_surrogates() -> None:
    assert fix_text("\ud83d\ude00 ok") == "\U0001f600 ok"
    result = fix_and_explain("a\udc80b")
    assert result.text == "a\ufffdb"
    (f,) = result.findings
    assert (f.kind, f.start, f.end, f.original) == ("surrogates", 1, 2, "\udc80")
    assert "lone surrogate" in f.why
    # a low surrogate before a high one is two lone surrogates
    assert fix_text("\ude00\ud83d") == "\ufffd\ufffd"
    # CESU-8 read as windows-1252 / Latin-1 (ftfy's in-the-wild cases)
    assert fix_text("Hi guys \u00ed\xa0\u00bd\u00ed\u00b8\x8d") == "Hi guys \U0001f60d"
    assert fix_text("Díaz í ½") == "Díaz í ½"


def test_terminal_escapes() -> None:
    assert fix_text("\x1b[1;31mERROR\x1b[0m: disk full") == "ERROR: disk full"
    assert fix_text("\x1b]0;user@host: ~\x07$ ls") == "$ ls"
    # a lone ESC is reported, not removed
    result = fix_and_explain("a\x1bb")
    assert result.text == "a\x1bb"
    assert [(f.kind, f.changes) for f in result.findings] == [("terminal_escape", False)]


def test_html_entities() -> None:
    assert fix_text("Caf&eacute; &amp; bar") == "Café & bar"
    assert fix_text("caf&amp;eacute;") == "café"
    assert fix_text("caf&amp;amp;eacute;") == "café"
    assert fix_text("&#233;&#xE9;&#X00e9; &mdash; &#8220;q&#8221;") == "ééé — “q”"
    assert fix_text("AT&T and R&D, Q&A; Tom & Jerry") == "AT&T and R&D, Q&A; Tom & Jerry"
    assert fix_text("&copy 2020, ?a=1&lang=en, &nosuch;") == "&copy 2020, ?a=1&lang=en, &nosuch;"
    assert fix_text("x < y &amp;&amp; y > z") == "x < y && y > z"
    # markup keeps its entities: anywhere in the document
    for markup in ("<p>Caf&eacute;</p>", "<br/>\nCaf&eacute;", "<!-- c -->&amp;",
                   '<?xml version="1.0"?><a>&amp;</a>', "<div class=x>&lt;</div>"):
        assert fix_text(markup) == markup
        assert scan_text(markup) == []
    # a numeric reference to a control character is reported, not applied
    result = fix_and_explain("bell&#7;")
    assert result.text == "bell&#7;"
    assert [f.changes for f in result.findings] == [False]
    (f,) = scan_text("x &amp;eacute; y")
    assert (f.kind, f.start, f.end, f.replacement) == ("html_entity", 2, 14, "é")
    assert "escaped 2 times" in f.why


def test_c1_controls() -> None:
    assert fix_text("\x93Hello\x94 it\x92s \x80 5\x85") == "“Hello” it’s € 5…"
    # undefined in windows-1252: reported, left alone
    result = fix_and_explain("a\x81b")
    assert result.text == "a\x81b"
    assert [(f.kind, f.changes) for f in result.findings] == [("c1_control", False)]
    f = scan_text("x\x96y")[0]
    assert (f.start, f.end, f.replacement, f.kind) == (1, 2, "–", "c1_control")


def test_zero_width() -> None:
    assert fix_text("zero\u200bwidth") == "zerowidth"
    assert fix_text("Пр\u200dи\u200cвет\u2060 мир\ufeff!") == "Привет мир!"
    assert fix_text("\u200b\u200b\u200bx") == "x"
    f = scan_text("ab\u200b\u200bc")[0]
    assert (f.kind, f.start, f.end, f.original, f.replacement) == (
        "zero_width", 2, 4, "\u200b\u200b", "")
    # a run mixing a working emoji joiner with junk keeps the joiner
    assert fix_text("\U0001f469\u200b\u200d\U0001f4bb") == "\U0001f469\u200d\U0001f4bb"
    # a leading U+FEFF is a byte-order mark: remove_bom's finding, not ours
    assert [f.kind for f in scan_text("\ufeffabc")] == ["bom"]


def test_soft_hyphens_and_ligatures() -> None:
    assert fix_text("co\xadop\xad\xaderate") == "cooperate"
    assert fix_text("\ufb01nd the \ufb02oor, e\ufb03cient, ba\ufb04e, \ufb00, \ufb06op") == (
        "find the floor, efficient, baffle, ff, stop")
    assert fix_text("\ufb05") == "\u017ft"  # long s + t, its Unicode decomposition
    assert fix_text("Ĳssel, ǅ") == "Ĳssel, ǅ"  # letters of Dutch and Croatian: kept


def test_findings_explain_themselves() -> None:
    damaged = "\x1b[31mcaf&eacute;\x1b[0m \x93q\x94 ze\u200bro so\xadft \ufb01le \ud83d\ude00"
    result = fix_and_explain(damaged)
    assert result.text == "café “q” zero soft file \U0001f600"
    assert {f.kind for f in result.findings} == {
        "terminal_escape", "html_entity", "c1_control", "zero_width", "soft_hyphen",
        "ligature_codepoint", "surrogates"}
    for f in result.findings:
        assert damaged[f.start:f.end] == f.original
        assert 0.5 <= f.confidence <= 1.0
        assert len(f.why) > 20


def test_steps_can_be_disabled_by_name() -> None:
    text = "caf&eacute;\u200b\xad\ufb01"
    assert fix_text(text, Config(disable={"unescape_html"})) == "caf&eacute;fi"
    assert fix_text(text, Config(disable={"remove_zero_width", "remove_soft_hyphens",
                                          "fix_latin_ligatures"})) == "café\u200b\xad\ufb01"


def test_clean_path_detectors_are_fast() -> None:
    text = ("The quick brown fox; «Съешь же ещё этих мягких французских булок». " * 30000)
    detectors = (
        surrogates.detect_surrogates, terminal_escapes.detect_terminal_escapes,
        html_entities.detect_html_entities, c1_controls.detect_c1_controls,
        zero_width.detect_zero_width, soft_hyphens.detect_soft_hyphens,
        latin_ligatures.detect_ligature_codepoints,
    )
    config = Config()
    for detect in detectors:
        seconds = min(timeit.repeat(lambda d=detect: d(text, config), number=1, repeat=3))
        # about 2 MB: a single C-level scan takes a few milliseconds
        assert seconds < 0.1, (detect.__name__, seconds)

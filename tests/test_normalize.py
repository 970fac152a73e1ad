"""The normalisation steps (normalize and ascii profiles, quotes by name)."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleantext import PROFILES, Config, apply_plan, fix_and_explain, fix_text, scan_text
from cleantext.steps import normalize

SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
NORMALIZE = Config(profile="normalize")
ASCII = Config(profile="ascii")


def _words(text: str) -> list[str]:
    return text.split()


WORDS = _words(
    "the first café naïve résumé Zürich São João İstanbul Ünal façade "
    "привет мир ёлка йогурт Қазақстан әлем өнер ұлт "
    "Ελλάδα 한국어 日本語 ベトナム"
)


@st.composite
def normal_text(draw: st.DrawFn) -> str:
    """NFC text with single spaces, LF line ends, no trailing spaces."""
    lines = draw(
        st.lists(
            st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join),
            min_size=1, max_size=6,
        )
    )
    return "\n".join(lines)


@SETTINGS
@given(normal_text())
def test_normal_text_is_left_alone(text: str) -> None:
    assert fix_text(text, NORMALIZE) == text
    assert scan_text(text, NORMALIZE) == []


@SETTINGS
@given(normal_text())
def test_decomposed_text_is_composed(text: str) -> None:
    damaged = unicodedata.normalize("NFD", text)
    result = fix_and_explain(damaged, NORMALIZE)
    assert result.text == text
    assert apply_plan(damaged, result.plan) == text
    for f in result.findings:
        assert f.kind == "nfc"
        assert damaged[f.start:f.end] == f.original
        assert unicodedata.normalize("NFC", f.original) == f.replacement
    # one finding per changed run (runs are separated by ASCII characters)
    assert len(result.findings) == len(normalize.detect_unnormalized(damaged, NORMALIZE))


@SETTINGS
@given(normal_text(), st.sampled_from(["\r\n", "\r"]))
def test_line_endings_become_lf(text: str, ending: str) -> None:
    damaged = text.replace("\n", ending)
    result = fix_and_explain(damaged, NORMALIZE)
    assert result.text == text
    assert len(result.findings) == len(re.findall("\n+", text))  # one per run
    assert all(f.kind == "line_ending" for f in result.findings)


_SPACE_DAMAGE = st.sampled_from([" ", "  ", "\u00a0", "\u2009", "\u202f", " \u00a0 "])


@st.composite
def whitespace_damage(draw: st.DrawFn) -> tuple[str, str]:
    text = draw(normal_text())
    lines = text.split("\n")
    out = []
    for line in lines:
        words = line.split(" ")
        seps = [draw(_SPACE_DAMAGE) for _ in words[1:]]
        damaged = words[0] + "".join(s + w for s, w in zip(seps, words[1:], strict=True))
        if line and draw(st.booleans()):
            damaged += draw(st.sampled_from([" ", "\t", "  \t", "\u00a0"]))
        out.append(damaged)
    return text, "\n".join(out)


@SETTINGS
@given(whitespace_damage())
def test_whitespace_is_normalised(case: tuple[str, str]) -> None:
    text, damaged = case
    result = fix_and_explain(damaged, NORMALIZE)
    assert result.text == text
    assert fix_text(result.text, NORMALIZE) == result.text
    for f in result.findings:
        assert f.kind == "whitespace"
        assert damaged[f.start:f.end] == f.original
        assert not f.original.strip()


@SETTINGS
@given(normal_text())
def test_ascii_profile_gives_ascii(text: str) -> None:
    result = fix_and_explain(text, ASCII)
    assert result.text.isascii()
    assert fix_text(result.text, ASCII) == result.text
    assert all(f.kind == "non_ascii" for f in result.findings)


def test_profiles() -> None:
    assert "straighten_quotes" not in {n for p in PROFILES.values() for n in p}
    for name in ("normalize_nfc", "normalize_line_endings", "normalize_whitespace"):
        assert name in NORMALIZE.step_names()
        assert name not in Config().step_names()
    assert "fold_to_ascii" in ASCII.step_names()
    assert "fold_to_ascii" not in NORMALIZE.step_names()
    # the default profile changes none of this
    text = "a  b\u00a0c \r\n“q” e\u0301"
    assert fix_text(text) == text


def test_whitespace_examples() -> None:
    assert fix_text("a  b\u00a0c  \n\n  d\te", NORMALIZE) == "a b c\n\n  d\te"
    assert fix_text("\u00a0\u00a0indented", NORMALIZE) == "  indented"
    assert fix_text("col1\tcol2\t\tcol3", NORMALIZE) == "col1\tcol2\t\tcol3"
    assert fix_text("日本\u3000語", NORMALIZE) == "日本\u3000語"  # ideographic space kept
    findings = scan_text("a  b  c \n", NORMALIZE)
    assert [(f.start, f.end, f.replacement) for f in findings] == [
        (1, 3, " "), (4, 6, " "), (7, 8, "")]


def test_line_ending_runs() -> None:
    findings = scan_text("a\r\n\r\nb\rc", NORMALIZE)
    assert [(f.start, f.end, f.original, f.replacement) for f in findings] == [
        (1, 5, "\r\n\r\n", "\n\n"), (6, 7, "\r", "\n")]


def test_nfc_examples() -> None:
    assert fix_text("Cafe\u0301 Zu\u0308rich", NORMALIZE) == "Café Zürich"
    assert fix_text("\u1100\u1161", NORMALIZE) == "\uac00"  # Hangul jamo compose
    (f,) = scan_text("x cafe\u0301 y", NORMALIZE)
    assert (f.start, f.end, f.original, f.replacement) == (5, 7, "e\u0301", "é")


def test_quotes_are_straightened_only_by_name() -> None:
    text = "“It’s” «ok», „so“ ‘q’ ‹a›"
    assert fix_text(text, NORMALIZE) == text
    quotes = Config(profile="normalize", enable={"straighten_quotes"})
    assert fix_text(text, quotes) == "\"It's\" \"ok\", \"so\" 'q' 'a'"
    assert fix_text("″ ′ ´ 「x」", quotes) == "″ ′ ´ 「x」"
    assert all(f.kind == "quote" for f in scan_text(text, quotes))


def test_fold_to_ascii_examples() -> None:
    assert fix_text("Привет, Zürich — ﬁn", ASCII) == "Privet, Zurich -- fin"
    (f,) = scan_text("x Ёлка y", ASCII)
    assert (f.kind, f.start, f.end, f.replacement) == ("non_ascii", 2, 6, "Iolka")

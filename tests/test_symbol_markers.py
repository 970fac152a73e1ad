"""mark_symbol_markers / replace_symbol_markers: dingbat glyph codes before captions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import Config, fix_and_explain, fix_text
from cleantext.steps.symbol_markers import (
    detect_replaceable_symbol_markers,
    detect_symbol_markers,
    replace_symbol_markers,
)

CAPTION = "Reality on the big screen\nÝ  Sergey Dvortsevoy and Samal\nYeslyamova after it.\n"


def test_reported_in_default_profile_and_text_unchanged() -> None:
    result = fix_and_explain(CAPTION)
    assert result.text == CAPTION
    found = [f for f in result.findings if f.kind == "symbol_font"]
    assert [(f.original, f.changes) for f in found] == [("Ý", False)]
    assert CAPTION[found[0].start:found[0].end] == "Ý"


def test_normalize_removes_or_replaces() -> None:
    assert fix_text(CAPTION, Config(profile="normalize")).splitlines()[1] == (
        "Sergey Dvortsevoy and Samal"
    )
    cfg = Config(profile="normalize", symbol_marker="▶")
    assert fix_text(CAPTION, cfg).splitlines()[1] == "▶ Sergey Dvortsevoy and Samal"
    assert replace_symbol_markers("Ü  Sergey at the festival") == "Sergey at the festival"


def test_mojibake_form_is_found_too() -> None:
    assert [f.original for f in detect_symbol_markers("√ù  Sergey Dvortsevoy")] == ["√ù"]


def test_real_words_untouched() -> None:
    for text in ("Ýmir is a giant.", "Über alles", "Ü is a letter", "À  la carte", "В  Москве"):
        assert detect_symbol_markers(text) == []
        assert detect_replaceable_symbol_markers(text) == []
        assert fix_text(text, Config(profile="normalize"))[:2] == text[:2]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_report_only_never_changes_anything(text: str) -> None:
    for f in detect_symbol_markers(text):
        assert not f.changes
        assert text[f.start:f.end] == f.original


@settings(max_examples=200, deadline=None)
@given(st.lists(
    st.sampled_from(list("ÝÜÀÉĀŽ\u221a→ a\t\n\r.,1_") + ["  ", "√ù"]), max_size=30
).map("".join))
def test_markers_are_the_marker_patterns_matches(text: str) -> None:
    """Searching from each line break finds what the ^-anchored pattern finds."""
    from cleantext.steps.symbol_markers import _MARKER, _markers

    assert [(m.span(1), m.span(2)) for m in _markers(text)] == [
        (m.span(1), m.span(2)) for m in _MARKER.finditer(text)
    ]

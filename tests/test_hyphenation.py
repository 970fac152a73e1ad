"""join_hyphenated_words: words hyphenated across line ends."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import Config, fix_text
from cleantext.steps.hyphenation import detect_hyphenated_words, join_hyphenated_words


def test_joins_and_keeps_the_line_structure() -> None:
    assert join_hyphenated_words("a docu-\nmentary is shown") == "a documentary\nis shown"
    assert join_hyphenated_words("a docu-\nmentary\nnext line") == "a documentary\nnext line"
    assert join_hyphenated_words("a docu-  \n  mentary, then") == "a documentary,\n  then"


def test_keeps_compounds_digits_and_capitals() -> None:
    for text in (
        "Russian-\nKazakh writer-director",
        "an Almaty-\nbased firm, Almaty-based",
        "the long-\nterm plan",
        "COVID-\n19 and 2018-\n2019",
        "writer-\ndirector",
        "русско-\nказахский фильм",
        "из-\nза того, кто-\nнибудь, по-\nрусски",
    ):
        assert join_hyphenated_words(text) == text, text


def test_russian_hyphenation_is_joined() -> None:
    assert join_hyphenated_words("доку-\nментальный фильм") == "документальный\nфильм"


def test_in_default_profile() -> None:
    assert "join_hyphenated_words" in Config().step_names()
    assert fix_text("the docu-\nmentary is") == "the documentary\nis"


@lru_cache(maxsize=1)
def long_words() -> tuple[str, ...]:
    from wordfreq import top_n_list

    return tuple(
        w for w in top_n_list("en", 8000) if w.isalpha() and w.isascii() and len(w) >= 7
    )


@st.composite
def hyphenated(draw: st.DrawFn) -> tuple[str, str]:
    words = st.sampled_from(long_words())
    lines = draw(st.lists(st.lists(words, min_size=2, max_size=6), min_size=2, max_size=6))
    out: list[str] = []
    for i, line in enumerate(lines):
        if i < len(lines) - 1:
            last = line[-1]
            cut = draw(st.integers(min_value=2, max_value=len(last) - 2))
            lines[i + 1] = [last[cut:]] + lines[i + 1]
            line = line[:-1] + [last[:cut] + "-"]
        out.append(" ".join(line))
    original = " ".join(" ".join(line) for line in lines)
    return "\n".join(out), original


@settings(max_examples=100, deadline=None)
@given(hyphenated())
def test_hyphenating_at_line_ends_and_joining_gives_the_words_back(case: tuple[str, str]) -> None:
    text, _ = case
    joined = join_hyphenated_words(text)
    # every line-end hyphen is either joined into the original word or kept
    unhyphenated = text.replace("-\n", "")
    for word in joined.split():
        assert word.replace("-", "") in unhyphenated.replace("\n", " ") or "-" in word


@settings(max_examples=100, deadline=None)
@given(hyphenated())
def test_known_words_are_restored(case: tuple[str, str]) -> None:
    text, _ = case
    cut_words = [line.split(" ")[-1][:-1] + nxt.split(" ")[0]
                 for line, nxt in zip(text.split("\n"), text.split("\n")[1:], strict=False)]
    out_words = set(join_hyphenated_words(text).split())
    for w in cut_words:
        assert w in out_words


def test_no_line_end_hyphen_is_free() -> None:
    assert detect_hyphenated_words("plain text, with a dash - and a well-known word") == []

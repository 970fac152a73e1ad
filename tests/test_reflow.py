"""reflow_paragraphs: hard-wrapped PDF lines joined into paragraphs (profile "reflow")."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import Config, fix_text
from cleantext.steps.reflow import reflow_paragraphs

PDF = Path(__file__).resolve().parent.parent / "corpus" / "pdf"


def non_space(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_unesco_seed_reflowed_matches_gold() -> None:
    damaged = (PDF / "003_unesco_interview.damaged.txt").read_text("utf-8")
    gold = (PDF / "003_unesco_interview.reflowed.txt").read_text("utf-8")
    assert fix_text(damaged, Config(profile="reflow")) == gold


def test_unesco_seed_repaired_matches_gold() -> None:
    damaged = (PDF / "003_unesco_interview.damaged.txt").read_text("utf-8")
    gold = (PDF / "003_unesco_interview.repaired.txt").read_text("utf-8")
    assert fix_text(damaged) == gold


def test_gold_has_no_break_inside_a_sentence() -> None:
    gold = (PDF / "003_unesco_interview.reflowed.txt").read_text("utf-8")
    for line, nxt in zip(gold.split("\n"), gold.split("\n")[1:], strict=False):
        assert not (line and nxt and nxt[0].islower()), (line, nxt)
    assert "Russian-Kazakh writer-director" in gold
    assert not any(line != line.rstrip() for line in gold.split("\n"))


def test_joins_sentences_keeps_paragraph_ends() -> None:
    text = (
        "the shooting started, I had just \n"
        "finished my studies at the Russian \n"
        "Institute of Theatre Arts. \n"
        "Now, I was going to be playing a woman \n"
        "paralysed by pain.\n"
    )
    assert reflow_paragraphs(text) == (
        "the shooting started, I had just finished my studies at the Russian "
        "Institute of Theatre Arts.\n"
        "Now, I was going to be playing a woman paralysed by pain.\n"
    )


def test_lists_verse_tables_code_and_blank_lines_stay() -> None:
    for text in (
        "Shopping list:\n- apples\n- pears\n\n1. one\n2. two\n",
        "Roses are red,\nViolets are blue,\nSugar is sweet,\nAnd so are you.\n",
        "name    age\nAnna    31\nBoris   45\n",
        "def f(x):\n    return x\n\n    if x:\n        pass\n",
        "Our Guests\nOur Guests were interviewed\n\n\nNext part.\n",
    ):
        assert reflow_paragraphs(text) == text, text


def test_hyphen_at_line_end_joins_without_space() -> None:
    text = "Film Festival in 2018, the Russian-\nKazakh writer-director who \nworks"
    assert reflow_paragraphs(text) == (
        "Film Festival in 2018, the Russian-Kazakh writer-director who works"
    )


def test_not_in_default_profile() -> None:
    assert "reflow_paragraphs" not in Config().step_names()
    assert "reflow_paragraphs" in Config(profile="reflow").step_names()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab A.,-–:;\n \t1•*Яя“”")), max_size=200))
def test_reflow_never_loses_or_reorders_a_non_space_character(text: str) -> None:
    assert non_space(reflow_paragraphs(text)) == non_space(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("abc XYZ.,\n")), max_size=60), max_size=6))
def test_blank_lines_stay(paragraphs: list[str]) -> None:
    text = "\n\n".join(p.strip("\n") for p in paragraphs)
    assert reflow_paragraphs(text).count("\n\n") >= text.count("\n\n") - text.count("\n\n\n")

"""restore_dropped_ligatures: letters of ligature glyphs lost in PDF extraction."""

from __future__ import annotations

import pickle
import re
from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import Config, fix_text
from cleantext.step import select_findings
from cleantext.steps.dropped_ligatures import (
    STEP,
    detect_dropped_ligatures,
    gather_ligature_evidence,
    merge_ligature_evidence,
    restore_dropped_ligatures,
)

LOST = ("ffi", "ffl", "fi", "fl", "ff")


def drop(word: str, gap: str = "") -> str:
    """What an extractor without ligature mappings leaves of ``word``."""
    return re.sub("|".join(LOST), gap, word)


@lru_cache(maxsize=1)
def vocabulary() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Frequent English words with and without a ligature sequence."""
    from wordfreq import top_n_list, zipf_frequency

    with_lig: list[str] = []
    plain: list[str] = []
    for w in top_n_list("en", 20000):
        if not w.isalpha() or not w.isascii() or len(w) < 3:
            continue
        if any(s in w for s in LOST):
            broken = drop(w)
            # a test word must be restorable: the broken form is not itself a word
            if len(broken) >= 3 and zipf_frequency(broken, "en") < 1.0:
                with_lig.append(w)
        elif "f" not in w:
            plain.append(w)
    return tuple(with_lig[:400]), tuple(plain[:3000])


def sentences() -> st.SearchStrategy[str]:
    lig, plain = vocabulary()
    word = st.one_of(st.sampled_from(lig), st.sampled_from(plain), st.sampled_from(plain))
    line = st.lists(word, min_size=3, max_size=12).map(" ".join)
    # the step needs evidence from two damaged words: one word repeated
    # (``dierent dierent``) is a word the document uses (docs/pdf.md)
    return st.lists(line, min_size=2, max_size=8).map("\n".join).filter(
        lambda t: len({w.rstrip("s") for w in t.split() if drop(w) != w}) >= 2
    )


def fixed(text: str) -> str:
    return restore_dropped_ligatures(text)


def test_restores_the_seed_examples_keeping_case_and_line() -> None:
    text = "It was diult to nd the rst lm,\nthe oial one. Dierent lms; FIRST"
    assert fixed(text) == (
        "It was difficult to find the first film,\nthe official one. Different films; FIRST"
    )
    assert fixed("A SACRIE, the INUENCES: diult") == "A SACRIFICE, the INFLUENCES: difficult"
    # short capitals are acronyms, except in a line of capitals (a heading)
    assert fixed("THE RST LM\nwas diult and oial; the RMS value") == (
        "THE FIRST FILM\nwas difficult and official; the RMS value"
    )


def test_possessive_is_a_word_but_contractions_are_not() -> None:
    assert fixed("the lm’s director found it diult and oial") == (
        "the film’s director found it difficult and official"
    )
    assert fixed("it wasn't diult, we're oial") == "it wasn't difficult, we're official"


def test_learns_unusual_lost_sequences() -> None:
    assert fixed("a great sacrie; it was diult and oial") == (
        "a great sacrifice; it was difficult and official"
    )


def test_gaps_left_by_other_extractors() -> None:
    assert fixed("a signi\ufffdcant and di\x00erent e\ufffdect") == (
        "a significant and different effect"
    )
    assert fixed("a signi cant step and a di erent one") == "a significant step and a different one"
    # a glyph at a word's edge leaves a double space
    assert fixed("a signi cant and di erent step: the  rst  lm was o  the scale") == (
        "a significant and different step: the first film was off the scale"
    )  # ("o" between two words, where the document loses ff: "off")
    assert fixed("a signi cant and di erent step: x  the scale") == (
        "a significant and different step: x  the scale"
    )  # (no word before it)
    assert fixed("we fi nd the o\ufb03ce") == "we find the o\ufb03ce"
    assert fix_text("we \ufb01 nd the signi\ufb01 cant") == "we find the significant"


def test_ambiguous_tokens_need_document_evidence() -> None:
    # "nd", "lm", "rst" are tokens in their own right: left alone without evidence
    clean = "The 2nd lm of the rst (RST) file; nd and lm are units."
    assert fixed(clean) == clean
    assert [f for f in detect_dropped_ligatures(clean) if f.changes] == []


def test_region_with_correct_spellings_is_not_damaged() -> None:
    body = "\n".join(["I nished the diult lm and the oial one."] * 6)
    sidebar = "\n".join(["The film festival showed a fine film first."] * 8 + ["The lm of nd."])
    out = fixed(body + "\n" + sidebar)
    assert out.startswith("I finished the difficult film and the official one.")
    assert out.endswith("The lm of nd.")


def test_real_y_u_words_and_names_untouched() -> None:
    for clean in ("Dvortsevoy and Yeslyamova met in Almaty.", "the offer was difficult"):
        assert fixed(clean) == clean


def test_evidence_protocol_gather_merge_detect() -> None:
    part1 = "It was diult to say.\nThe oial line.\n"
    part2 = "We had to nd it."
    ev = merge_ligature_evidence(gather_ligature_evidence(part1), gather_ligature_evidence(part2))
    assert ev.damage[("en", "dropped", "ffic")] == 2
    cfg = Config(evidence={STEP.name: ev})
    # part2 alone shows no damage; with the document's evidence, "nd" is restored
    assert select_findings(detect_dropped_ligatures(part2), 0.5) == []
    assert [f.replacement for f in detect_dropped_ligatures(part2, cfg)] == ["find"]
    assert STEP.gather is not None and STEP.merge is not None
    # evidence travels to worker processes
    assert pickle.loads(pickle.dumps(cfg)).evidence[STEP.name] == ev


def test_default_pipeline_repairs_it() -> None:
    assert fix_text("the rst lm was diult to nd") == "the first film was difficult to find"
    assert "restore_dropped_ligatures" in Config().step_names()


@settings(max_examples=60, deadline=None)
@given(sentences())
def test_dropping_ligatures_and_repairing_gives_the_text_back(text: str) -> None:
    damaged = " ".join(drop(w) for w in text.split(" "))
    damaged = "\n".join(" ".join(drop(w) for w in line.split(" ")) for line in text.split("\n"))
    assert fixed(damaged) == text


@settings(max_examples=60, deadline=None)
@given(sentences())
def test_clean_text_is_unchanged(text: str) -> None:
    assert fixed(text) == text


@settings(max_examples=30, deadline=None)
@given(sentences(), st.sampled_from(["Привет, мир: это обычный русский текст.", "Мы нашли фильм."]))
def test_russian_text_is_untouched_and_latin_words_in_it_repaired(text: str, ru: str) -> None:
    assert fixed(ru) == ru
    damaged = "\n".join(" ".join(drop(w) for w in line.split(" ")) for line in text.split("\n"))
    assert fixed(ru + "\n" + damaged) == ru + "\n" + text


@lru_cache(maxsize=1)
def russian_words() -> tuple[str, ...]:
    from wordfreq import top_n_list

    return tuple(w for w in top_n_list("ru", 5000) if w.isalpha())


@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(st.sampled_from(russian_words()), min_size=3, max_size=12), min_size=2,
                max_size=8))
def test_clean_russian_is_unchanged(lines: list[list[str]]) -> None:
    text = "\n".join(" ".join(line) for line in lines)
    assert fixed(text) == text


def test_fragments_between_words_of_a_damaged_document() -> None:
    damaged = "It was diult and oial: he turned o the light, and the ve men left.\n"
    assert fixed(damaged) == (
        "It was difficult and official: he turned off the light, and the five men left.\n"
    )
    # a formula, a contraction that lost its apostrophe, a name: not between words
    for keep in ("a screen of 4096 x 4096 dots", "and I ve seen it", "by Ortega y Gasset"):
        assert fixed(damaged + keep) == fixed(damaged) + keep
    # hyphened: restored when the compound is a word (cutoff), not otherwise (fixray)
    assert fixed(damaged + "a cut-o date and an x-ray") == (
        fixed(damaged) + "a cut-off date and an x-ray"
    )
    # without the document's evidence a fragment is left alone
    assert fixed("he turned o the light") == "he turned o the light"


def test_a_form_the_document_uses_as_a_handle_is_left_alone() -> None:
    damaged = "It was diult and oial.\n<stu> hello\nwe gave stu the keys\n"
    assert fixed(damaged) == "It was difficult and official.\n<stu> hello\nwe gave stu the keys\n"
    assert "stuff" in fixed("It was diult and oial.\nwe gave stu the keys\n")


def test_rarer_words_restored_where_the_document_shows_the_loss() -> None:
    # (the document loses ff and so, being a ligature font, fl too)
    assert fixed("The owcharts were dierent and eective.") == (
        "The flowcharts were different and effective."
    )
    # never without the document's evidence
    assert fixed("The owcharts were here.") == "The owcharts were here."


def test_rarer_words_with_a_gap_marker_restored_where_the_document_shows_the_loss() -> None:
    # confirmatory (Zipf ~2) is below the frequency a marked token is read
    # with on its own; the document's other gaps show which glyphs it loses
    damaged = "It was di\ufffdcult and o\ufffdcial, a con\ufffdrmatory \ufffdnding."
    assert fixed(damaged) == "It was difficult and official, a confirmatory finding."
    # a marker alone in a document that shows no loss stays as it is
    alone = "A con\ufffdrmatory note."
    assert fixed(alone) == alone


def test_rarer_words_split_by_a_space_restored_where_the_document_shows_the_loss() -> None:
    damaged = "It was di cult and o cial, a con rmatory  nding of the signi cant e ect."
    assert fixed(damaged) == (
        "It was difficult and official, a confirmatory finding of the significant effect."
    )
    alone = "A con rmatory note."
    assert fixed(alone) == alone
    # two words are not halves of a rarer one (affair), even in a damaged document
    assert fixed("the a air was signi cant and di cult") == (
        "the a air was significant and difficult"
    )


def test_fragments_are_evidence_where_no_word_holds_a_ligature() -> None:
    # no unambiguous case, but no word spelled with fi/fl/ff and two fragments
    damaged = "He turned o the light.\nThe ve men went home and the dog ran o to bed."
    assert fixed(damaged) == (
        "He turned off the light.\nThe five men went home and the dog ran off to bed."
    )
    # one correct spelling of a ligature is evidence enough against it
    clean = damaged + "\nIt was the first time."
    assert fixed(clean) == clean


def test_german_is_not_read_as_english() -> None:
    # wordfreq's large English list knows most German words; the step must
    # still see that the document is German (Soest is a town, not "Softest").
    for text in (
        "Die Stadt Soest liegt in Westfalen. Wir fahren nach Soest und dann weiter nach Hamm.",
        "Der Bahnhof in soest ist klein.",
    ):
        assert fix_text(text) == text


def test_code_lines_are_skipped_but_prose_around_them_is_read() -> None:
    # an IRC log (<nick>) and a signature (<id@host>) are prose, not code
    chat = (
        "<elmo> doogie: go play in trac\n"
        "<wolfgang> the problem with the 'go nd a real girl' admonition is\n"
        "<luca> that was a diult and oial decision\n"
        "\t\t-- Larry Wall in <199710011704.KAA21395@wall.org>\n"
    )
    assert "go find a real girl" in fixed(chat)
    assert "difficult and official" in fixed(chat)
    # a line of source code keeps its identifiers (typewriter fonts set no ligatures)
    code_line = "aord = bres(iname)  # x\n"
    prose = "It was diult and oial.\n"
    assert fixed(prose + code_line) == fixed(prose) + code_line
    # a source file (a third of its lines code) is left alone, comments and all
    source = "def f(x):\n    return x_y\n# the oial value\nprint(f(1))\n"
    assert fixed(source) == source


def test_fragments_hyphened_into_compounds() -> None:
    damaged = "It was diult and oial.\n"
    assert fixed(damaged + "thirty-ve men paid ve-hundred for ne-tuning") == (
        fixed(damaged) + "thirty-five men paid five-hundred for fine-tuning"
    )
    # one letter, or a prefix of its own, stays
    for keep in ("an x-ray", "nerd-o-matic", "to re-enter"):
        assert fixed(damaged + keep) == fixed(damaged) + keep


def test_chat_letters_and_romance_articles_are_words() -> None:
    damaged = "It was diult and oial.\n"
    for keep in ("can u tell me", "f u cn rd ths", "Pensees de tout le monde"):
        assert fixed(damaged + keep) == fixed(damaged) + keep


def test_a_capitalised_fragment_as_a_first_name() -> None:
    damaged = "It was diult and oial.\n"
    assert fixed(damaged + "\t\t-- Je MacNelley, \"Shoe\"") == (
        fixed(damaged) + "\t\t-- Jeff MacNelley, \"Shoe\""
    )
    # three letters is a name of its own (Les Aspin)
    assert fixed(damaged + "\t\t-- Les Aspin") == fixed(damaged) + "\t\t-- Les Aspin"


def test_a_fragment_opening_a_clause_or_a_wrapped_line() -> None:
    damaged = "It was diult and oial, and the owers were dierent.\n"
    text = "If it ain't broke, x it.\nTake a cab to the airport,\n\ty to New York"
    assert fixed(damaged + text) == fixed(damaged) + (
        "If it ain't broke, fix it.\nTake a cab to the airport,\n\tfly to New York"
    )
    # the vocative o, a command: left alone
    for keep in ("He has shown you, o man, what is good", "(... rm this, rm that)"):
        assert fixed(damaged + keep) == fixed(damaged) + keep


def test_edge_gaps_of_a_space_leaving_extractor_are_evidence() -> None:
    # every glyph began or ended a word: no split word shows the damage,
    # the two spaces where the glyph was do
    damaged = "It was the  rst time a  re broke out\nand he ran o  the road with the  le."
    assert fixed(damaged) == (
        "It was the first time a fire broke out\nand he ran off the road with the file."
    )
    # two spaces after a sentence's end are no trace
    clean = "It was over.  Re-enter the room and rest."
    assert fixed(clean) == clean


_TOKEN_PIECES = [
    "fi", "Fi", "FI", "fI", "nd", "ND", "Nd", " ", "  ", "a", "\n", ".", "'", "’", "s", "@",
    "/", "é", "\x00", "\ufffd", "\ud800", "😀", "Ж", "-", "_", "1", "&", "\\", "\u0130", "\u212a",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_TOKEN_PIECES), max_size=20).map("".join))
def test_fast_token_search_is_the_regex_search(text: str) -> None:
    """Tokens by bytes.split and words found by bytes.find are those the
    regexes find (lower-cased letter runs; whole runs in three cases)."""
    from cleantext.steps import dropped_ligatures as dl

    en = dl.LANGUAGES[0]
    assert set(dl._split_tokens(text, en)) == {
        w.lower() for w in re.findall("[A-Za-z]+", text)
    }
    word = dl._patterns(en).word
    words = {"fi", "nd"}
    expected = []
    for v in sorted({v for w in words for v in (w, w.capitalize(), w.upper())}):
        for m in dl._whole_run(v, en.letters).finditer(text):
            mm = word.match(text, m.start())
            if mm is not None and mm.end() == m.end():
                expected.append(mm.span())
    found = dl._find_few_ascii(text, words, word)
    assert found is not None
    assert [m.span() for m in found] == sorted(expected)


def test_gathered_evidence_is_a_copy() -> None:
    """The cached evidence of a text is never handed out: changing one
    caller's copy changes nothing for the next."""
    text = "It was diult to nd the oial line."
    first = gather_ligature_evidence(text)
    first.damage.clear()  # type: ignore[attr-defined]
    assert gather_ligature_evidence(text).damage


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from([*_TOKEN_PIECES, "lm", "rst", "diult", "Diult"]), max_size=25)
    .map("".join),
    st.sampled_from([frozenset({"nd", "lm", "rst", "diult"}), frozenset({"xyzzy", "nd", "a"})]),
)
def test_ascii_pieces_find_what_the_letter_split_finds(text: str, words: frozenset[str]) -> None:
    """Whole tokens found in the text's ASCII pieces are those found in its
    regex split into letter runs (words the step looks up, and others)."""
    from itertools import compress

    from cleantext.steps import dropped_ligatures as dl

    en = dl.LANGUAGES[0]
    word = dl._patterns(en).word
    parts, offsets, where = dl._letter_parts(text, en)
    if words <= dl._searched(en):
        hits = sorted(i for w in words & where.keys() for i in where[w])
    else:
        cased = words | {w.capitalize() for w in words} | {w.upper() for w in words}
        hits = list(compress(range(len(parts)), map(cased.__contains__, parts)))
    expected = [
        mm.span() for i in hits
        if (mm := word.match(text, offsets[i])) is not None and mm.end() == offsets[i + 1]
    ]
    assert [m.span() for m in dl._find_ascii_tokens(text, en, words, None, word)] == expected


def test_a_paragraph_of_invented_spelling_is_left_alone() -> None:
    # a spelling-reform joke in a damaged document: its odd words are no sign
    # of a lost glyph, and iers (fliers) and ush (flush) match by chance
    prose = (
        "It was diult and oial, the rst time that the oce had to nd a way to\n"
        "print the lm of the eld trip. The sta were dierent people then, and the\n"
        "eort it took to x the ow of work was more than anyone in the building\n"
        "could have known when they were asked about it by the man at the door.\n\n"
    )
    joke = (
        "Fainali, xen, aafte sam 20 iers ov orxogrefkl riform, wi wud hev a lojikl\n"
        "kohirnt speling in ius xrewawt xe Ingliy-spiking werld, and in ush we\n"
        "wud raitli hev dun wix xe difikultis ov xe prezent speling wonse and for ol,\n"
        "and aafte xat ol wud bi kwait eesi for evriwun xat yuzd xe langwij.\n"
    )
    out = fixed(prose + joke)
    assert out.startswith("It was difficult and official, the first time that the office")
    assert out.endswith("\n\n" + joke)


def test_a_capital_letter_on_the_line_makes_letters_names() -> None:
    damaged = "It was diult and oial: he turned o the light, and the ve men left.\n"
    formula = "if some x has property P then some x has it\n"
    assert fixed(damaged + formula) == fixed(damaged) + formula
    # without the capital, x between words of a damaged document is fix
    assert fixed(damaged + "if some x has the property\n").endswith("some fix has the property\n")


def test_a_token_with_two_gaps_is_not_read_as_two() -> None:
    # U+FFFD for each lost glyph of fluffy: not flu + fly
    damaged = "It was di\ufffdcult and o\ufffdcial. The \ufffdu\ufffdy dog lay in the \ufffdeld."
    assert fixed(damaged) == (
        "It was difficult and official. The \ufffdu\ufffdy dog lay in the field."
    )


def test_a_word_inside_a_run_of_capitalised_words_is_a_name() -> None:
    damaged = "It was diult and oial: the rst time at the Post Oce was the last.\n"
    assert fixed(damaged) == (
        "It was difficult and official: the first time at the Post Office was the last.\n"
    )
    name = "\t\t-- Vice President John Nance Garner\n"
    assert fixed(damaged + name) == fixed(damaged) + name


def test_one_damaged_word_family_is_not_evidence_enough() -> None:
    # a document whose only non-words are one word (and its plural) uses that
    # word: uid is not fluid, Scots ower is not flower
    for text in ("every uid below 100, and uids from 100", "ran ower the brig, gang ower the hill"):
        assert fixed(text) == text
    # a second damaged word, or a gap left in the word, is evidence
    assert fixed("every uid below 100 is dierent") == "every fluid below 100 is different"
    assert fixed("it was signi\ufffdcant") == "it was significant"


def test_a_list_of_abbreviations_is_no_sentence() -> None:
    # fragments between short tokens that are no common words (a list of
    # operators): not between words of a sentence, so no evidence
    text = "--compare-versions operators:\n lt le eq ne ge gt       (empty version)\n"
    assert fixed(text) == text


def test_accented_words_are_read_whole_for_the_language() -> None:
    # Vietnamese cut at its accented letters reads as English fragments
    # ('nồng' is not 'n' and 'ng'): the document is not English
    text = (
        "Li khuyên kém dẻ kuala fa, nồng dưa nong hoán, ru phone all nobel thẳng? "
        "Ace pc vé orlando dây rủ dutch rách steve mút java. Potter dính thử âm ngưu "
        "warren. Cáo chầu chai trùng, đau me zoom chìm protein trốn mảnh, amin. "
        "Nhược who cairo tính cù?"
    )
    assert fixed(text) == text


# -- exact in chunks ------------------------------------------------------------

# Paragraphs of clean and damaged prose, code, chat, foreign and invented
# spelling: the reads of the step that depend on more than the word itself
# (language, trust, code, handles, region, one word family, fragments).
_PARAGRAPHS = [
    "It was diult to nd the oial line, and the rst lm was dierent.",
    "The film was about them and the city; the first one was fine.",
    "He turned o the light and the ve men left.",
    "the  rst time we met, signi cant and signi\ufffdcant",
    "<stu> ok\nstu: the build is done",
    "x = aord(1) + {bres}\nint iname = 0;",
    "C'est magnique, mais ce n'est pas la guerre!",
    "We had to nd it in the lm archive.",
    "The uid was cold.\nThe uids were warm.",
    "wi wud orxogrefkl riform " * 10,
    "Hands, leave off your deeds,\nMind, forget all thoughts;",
]


def _document(picks: list[int], seps: list[str]) -> str:
    return "".join(_PARAGRAPHS[p] + s for p, s in zip(picks, seps, strict=False)).rstrip("\n ")


_SEPARATORS = st.sampled_from(["\n\n", "\n\n\n", "\n \n", "\n\t\n\n"])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.integers(0, len(_PARAGRAPHS) - 1), min_size=2, max_size=8),
    st.lists(_SEPARATORS, min_size=8, max_size=8),
    st.integers(1, 7),
)
def test_merged_evidence_of_pieces_is_the_evidence_of_the_whole(
    picks: list[int], seps: list[str], cut_after: int
) -> None:
    text = _document(picks, seps)
    breaks = [m.end() for m in re.finditer(r"\n(?:[^\S\n]*\n)+", text)]
    if not breaks:
        return
    cut = breaks[min(cut_after, len(breaks)) - 1]
    whole = gather_ligature_evidence(text)
    merged = merge_ligature_evidence(
        gather_ligature_evidence(text[:cut]), gather_ligature_evidence(text[cut:])
    )
    # fragments are gathered only from pieces with no unambiguous case (and
    # read only when the document has none): compare what decides
    for name in ("damage", "tokens", "known", "seen", "families", "languages", "lines",
                 "paragraphs"):
        assert {k: v for k, v in getattr(merged, name).items() if v and "fragment" not in k} == {
            k: v for k, v in getattr(whole, name).items() if v and "fragment" not in k
        }, name
    # (which names and forms a document holds; how many pieces hold them is not read)
    assert merged.handles.keys() == whole.handles.keys()
    assert merged.forms.keys() == whole.forms.keys()
    assert merged.between.keys() == whole.between.keys()
    assert merged.decisive()[0].damage == whole.decisive()[0].damage


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.integers(0, len(_PARAGRAPHS) - 1), min_size=2, max_size=8),
    st.lists(_SEPARATORS, min_size=8, max_size=8),
)
def test_each_paragraph_finds_with_the_documents_evidence_what_the_whole_finds(
    picks: list[int], seps: list[str]
) -> None:
    text = _document(picks, seps)
    cfg = Config(evidence={STEP.name: gather_ligature_evidence(text)})
    whole = detect_dropped_ligatures(text, cfg)
    starts = [0, *(m.end() for m in re.finditer(r"\n(?:[^\S\n]*\n)+", text))]
    parts = [
        f.moved(f.start + a, f.end + a)
        for a, b in zip(starts, [*starts[1:], len(text)], strict=True)
        for f in detect_dropped_ligatures(text[a:b], cfg)
    ]
    assert parts == whole


def test_a_paragraph_decides_with_the_documents_evidence_not_its_neighbours() -> None:
    """The regional model reads a word's paragraph and the document's prior:
    a clean paragraph between damaged ones keeps its ambiguous tokens when
    it spells its ligatures right; a damaged one is repaired from the prior."""
    damaged = "It was diult to say what the oial line was."
    clean = "The first film, the lm of Loch Ness, was fine."
    text = f"{damaged}\n\n{clean}\n\n{damaged}\n\nWe had to nd it."
    out = fix_text(text)
    assert "the lm of Loch Ness" in out  # a paragraph spelling 'first', 'film' right
    assert out.endswith("We had to find it.")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "b c", "\n", " ", "\t", "\x0c", "\u2028"]), max_size=30)
       .map("".join))
def test_text_lines_are_the_lines_holding_more_than_white_space(text: str) -> None:
    from cleantext.steps.dropped_ligatures import _Paragraphs

    assert _Paragraphs(text).text_lines() == sum(1 for line in text.split("\n") if line.strip())


_CODE_PIECES = ["a", "x", "0x1F", "{", "}", "=", "==", ">", "->", ":", "::", "&&", "||", "(",
                "f(", "_", "a_b", "$v", "#", "\n", "\ndef f(", "\nclass C:", "\nimport os",
                "\nfrom a import b", " ", "\t", "#include", "x = 1"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_CODE_PIECES), max_size=10).map("".join))
def test_the_code_hint_never_hides_a_code_line(text: str) -> None:
    from cleantext.steps import dropped_ligatures as dl

    full = "\n" + text
    scanned = {full.rfind("\n", 0, m.end()) for p in dl._CODE_MARKS for m in p.finditer(full)}
    assert dl._CodeLines(text).count() == len(scanned)

"""split_joined_words: run-together words split, names and identifiers kept whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from cleantext import Config, fix_text, scan_text
from cleantext.steps.joined_words import (
    STEP,
    JoinEvidence,
    detect_joined_words,
    gather_join_evidence,
    merge_join_evidence,
    split_joined_words,
    split_word,
)
from cleantext.wordstats import common_words, language_of, zipf
from strategies import mixed_text, sentences

SEED = Path(__file__).resolve().parent.parent / "corpus/seeds/000_aika_news.damaged.txt"
ONLY = Config(disable={s for s in Config().step_names() if s != "split_joined_words"})
SETTINGS = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

SEED_EN = (
    "Kazakhstan’s audiences will see the film AIKA at the firstinternational festival. "
    "This is a particular festival filmand the spectator should come prepared. "
    "The film is about the life of Kyrgyz migrants in Moscow, who at some point were social "
    "outcastsThe film is aimed at changing the attitude towards migrants, and to invite a "
    "reflectionon their life,” said Gulnara Sarsenova. This social drama is a co-production "
    "of five countries: RussiaKazakhstanGermanyPoland and China. The director Sergei "
    "Dvortsevoi, the actress Samal Eslyamova, the akimat of Almaty and Akan Sataev."
)


def _applied(text: str) -> dict[str, str]:
    return {f.original: f.replacement for f in detect_joined_words(text) if f.confidence >= 0.5}


def test_the_five_joins_of_the_seed_are_split_and_no_name() -> None:
    fixed = fix_text(SEED_EN, ONLY)
    for good in ("first international", "film and", "outcasts The", "reflection on",
                 "Russia Kazakhstan Germany Poland"):
        assert good in fixed
    for name in ("Dvortsevoi", "Eslyamova", "Sarsenova", "Sataev", "akimat", "Gulnara",
                 "Kazakhstan’s", "co-production"):
        assert name in fixed
    assert fixed.count(" ") == SEED_EN.count(" ") + 7


def test_seed_file_default_profile() -> None:
    text = SEED.read_text("utf-8")
    fixed = fix_text(text)
    assert "first international" in fixed and "Russia Kazakhstan Germany Poland" in fixed
    russian = text.index("Казахстанцам")
    assert fixed.endswith(text[russian:])  # the clean Russian half is untouched


@pytest.mark.parametrize("word", [
    "Tokayev", "Zhambyl", "Nazarbayev", "dombra", "akimat", "Dvortsevoi", "Eslyamova",
    "iPhone", "McDonald", "MacArthur", "YouTube", "JavaScript", "PowerPoint", "eBay",
    "covid19", "e-mail", "getElementById", "toString", "LeBlanc", "DeGaulle",
])
def test_names_and_identifiers_stay_whole(word: str) -> None:
    # even in a document that shows the damage elsewhere
    text = f"The filmand the outcastsThe reflectionon firstinternational: {word} said."
    assert word in fix_text(text, ONLY)
    assert all(word not in f.original for f in detect_joined_words(text) if f.changes
               and f.confidence >= 0.5)


def test_code_and_addresses_are_not_prose() -> None:
    text = ("They were social outcastsThe film is about them.\n"
            "Write to mail@filmand.com or see www.filmand.kz/reflectionon today.\n"
            "See user.firstName and get_filmand(x) in the code.\n"
            "The film opens the festival.\nIt runs in September.\nTickets are free.\n")
    assert _applied(text) == {"outcastsThe": "outcasts The"}


SOURCE = """\
def pencolor(self, *args):
    lineno = self.lineno  # the linenumber of the turtleshape
    fillcolor = TurtleScreen.fillcolor(args)
    if stretchfactor:
        return RawTurtle(undobuffer=pensize)
    outcastsThe = filmand + reflectionon
"""


def test_source_code_is_left_alone() -> None:
    assert fix_text(SOURCE, ONLY) == SOURCE
    evidence = gather_join_evidence(SOURCE)
    assert evidence.code and not evidence.damaged


def test_technical_text_full_of_camel_case_is_left_alone() -> None:
    text = ("Create a FileReader and a BufferedReader, wrap the InputStream, read "
            "fileName and userName into a StringBuilder; the HttpClient and the "
            "ThreadPool share a ConnectionManager. See filmand the reflectionon.")
    # without a confident (lower-to-upper) join the dictionary joins are only
    # reported: technical text is full of compounds (testsuite, codepath)
    assert fix_text(text, ONLY) == text
    anchored = text + " They were social outcastsThe film."
    assert fix_text(anchored, ONLY) == anchored.replace("filmand", "film and").replace(
        "reflectionon", "reflection on").replace("outcastsThe", "outcasts The")
    # not even reported: without an anchor, such words are what clean text is made of
    assert detect_joined_words(text) == []
    # with one, the CamelCase names are reported, not applied: more of them
    # than joins of the other kinds
    found = {f.original: f.confidence for f in detect_joined_words(anchored)}
    assert found["BufferedReader"] < 0.5 and found["ConnectionManager"] < 0.5


def test_lower_camel_case_is_only_reported() -> None:
    text = ("the filmand the reflectionon the firstinternational day: set maxValue. "
            "They were outcastsThe end.")
    found = {f.original: f.confidence for f in detect_joined_words(text)}
    assert found["maxValue"] < 0.5 and found["filmand"] >= 0.5


def test_a_sentence_join_is_confident_alone() -> None:
    assert _applied("They were social outcastsThe film is about them.") == {
        "outcastsThe": "outcasts The"}
    assert _applied("Это были изгоиОни жили в Москве.") == {"изгоиОни": "изгои Они"}


def test_a_lone_dictionary_join_is_neither_applied_nor_reported() -> None:
    # one unknown word that splits into common words is what clean prose is
    # full of (flamewars, liveware, netnews): not worth a finding
    text = "A particular festival filmand the spectator."
    assert detect_joined_words(text) == []
    assert fix_text(text) == text
    # in a document that shows the damage, a weak candidate is reported
    damaged = ("the filmand the reflectionon the firstinternational day: set maxValue. "
               "They were outcastsThe end.")
    weak = [f for f in detect_joined_words(damaged) if f.original == "maxValue"]
    assert len(weak) == 1 and weak[0].confidence < 0.5


def test_document_evidence_makes_borderline_joins_likely() -> None:
    text = "the filmand the reflectionon the firstinternational day. social outcastsThe end"
    assert _applied(text) == {"filmand": "film and", "reflectionon": "reflection on",
                              "firstinternational": "first international",
                              "outcastsThe": "outcasts The"}
    # the same joins without a confident lower-to-upper join: reported only
    assert _applied("the filmand the reflectionon the firstinternational day") == {}


def test_russian_dictionary_joins() -> None:
    text = ("Это особое фестивальноекино, зрительдолжен зайти в залподготовленным. "
            "Фильм скореесоздан для того, чтобы к мигрантам изменили отношение. "
            "Они были изгоиОни жили в Москве.")
    assert _applied(text) == {"скореесоздан": "скорее создан",
                              "зрительдолжен": "зритель должен",
                              "залподготовленным": "зал подготовленным",
                              "изгоиОни": "изгои Они"}
    # a rare inflected piece (фестивальное, Zipf 2.0) is reported, not applied
    reported = {f.original: f for f in detect_joined_words(text)}
    assert reported["фестивальноекино"].replacement == "фестивальное кино"
    assert reported["фестивальноекино"].confidence < 0.5


def test_kazakh_and_other_scripts_are_not_split() -> None:
    text = "Қазақстанныңастанасы filmand reflectionon outcastsThe Ελληνικάκείμενο"
    fixed = fix_text(text, ONLY)
    assert fixed.startswith("Қазақстанныңастанасы")
    assert fixed.endswith("Ελληνικάκείμενο")


def test_evidence_gathered_in_pieces_equals_whole() -> None:
    a = "the filmand the reflectionon\n"  # pieces are cut at line ends
    b = "the firstinternational day\nx = f(y)\n"
    merged = merge_join_evidence(gather_join_evidence(a), gather_join_evidence(b))
    whole = gather_join_evidence(a + b)
    assert merged == whole
    assert STEP.gather is gather_join_evidence and STEP.merge is merge_join_evidence
    # evidence handed in from outside is used instead of the text's own
    lone = "festival filmand the spectator"
    cfg = Config(evidence={"split_joined_words": JoinEvidence(10, 2, 3)})
    assert [f.confidence for f in detect_joined_words(lone, cfg)] == [0.7]


def test_split_word_keeps_case_and_refuses_ambiguous_roots() -> None:
    found = split_word("Firstinternational", "en")
    assert found is not None and found[0] == ("First", "international")
    assert split_word("nonproblems", "en") is None  # a prefix, not a word
    assert split_word("starlike", "en") is None  # a suffix, not a word


_EN = tuple(w for w in common_words("en", 3000) if len(w) >= 3)
_RU = tuple(w for w in common_words("ru", 3000) if len(w) >= 3 and language_of(w) == "ru")


@st.composite
def _joined_sentence(draw: st.DrawFn, words: tuple[str, ...], lang: str
                     ) -> tuple[str, str]:
    sentence = draw(st.lists(st.sampled_from(words), min_size=10, max_size=16, unique=True))
    firsts = draw(st.lists(st.sampled_from(range(0, len(sentence) - 1, 2)),
                           min_size=3, max_size=3, unique=True))
    damaged = list(sentence)
    for k in sorted(firsts, reverse=True):
        left, right = damaged[k], damaged[k + 1]
        joined = left + right
        # a join that is itself a word, or that splits another way about as
        # well (suiteyes: suite yes / suit eyes), cannot be recovered by anyone
        found = split_word(joined, lang)
        assume(zipf(joined, lang) < 1.0 and found is not None and found[0] == (left, right)
               and found[2] >= 1.0)
        damaged[k:k + 2] = [joined]
    # Dictionary splits are applied only in a document that also shows the
    # confident kind of this damage (a lower-to-upper join): add one.
    anchor, fixed = _ANCHORS[lang]
    return " ".join(damaged) + anchor, " ".join(sentence) + fixed


_ANCHORS = {
    "en": (" They were social outcastsThe film.", " They were social outcasts The film."),
    "ru": (" Они были изгоиОни жили.", " Они были изгои Они жили."),
}


@SETTINGS
@given(_joined_sentence(_EN, "en"))
def test_joined_pairs_of_common_english_words_come_back(pair: tuple[str, str]) -> None:
    damaged, original = pair
    assert fix_text(damaged, ONLY) == original


@SETTINGS
@given(_joined_sentence(_RU, "ru"))
def test_joined_pairs_of_common_russian_words_come_back(pair: tuple[str, str]) -> None:
    damaged, original = pair
    assert fix_text(damaged, ONLY) == original


@SETTINGS
@given(st.one_of(sentences(1, 30), mixed_text(1, 30)))
@example("є» є» є»")  # was read as Mac Cyrillic for "Її Її Її" (fix_codepage_mixups)
def test_clean_text_is_left_alone(text: str) -> None:
    assert fix_text(text) == text
    # not even a report: a finding is for evidently damaged text
    assert not [f for f in scan_text(text) if f.step == "split_joined_words"]



@SETTINGS
@given(st.one_of(sentences(1, 30), mixed_text(1, 30)), st.data())
def test_only_spaces_are_ever_inserted(text: str, data: st.DataObject) -> None:
    # join some neighbours, with a confident join so that borderline ones apply too
    words = text.split(" ")
    cuts = data.draw(st.sets(st.sampled_from(range(len(words))), max_size=4))
    damaged = "outcastsThe filmand reflectionon " + "".join(
        w + ("" if i in cuts else " ") for i, w in enumerate(words))
    repaired = split_joined_words(damaged, ONLY)
    assert repaired.replace(" ", "") == damaged.replace(" ", "")
    assert len(repaired) >= len(damaged)


def test_chunked_repair_equals_whole_repair() -> None:
    from cleantext.stream import iter_fix

    text = "\n\n".join([SEED_EN[:200], SEED_EN[200:420], SEED_EN[420:]]) + "\n"
    whole = fix_text(text, ONLY)
    assert "first international" in whole and "Russia Kazakhstan Germany Poland" in whole
    assert "".join(iter_fix([text], ONLY, chunk_size=120)) == whole


def test_bulgarian_definite_articles_are_not_split() -> None:
    text = (
        "Свободата на словото е основно право. Държавата трябва да защитава правата "
        "на гражданите, а медиите трябва да информират обществото за събитията в "
        "страната и света. Историята на България е богата. Градът и хората."
    )
    assert fix_text(text) == text


def test_evidence_of_pieces_merges_to_the_evidence_of_the_whole() -> None:
    # the same joins in both pieces: one distinct word each, as in the whole
    a = "They were social outcastsThe film was about them.\n\n"
    b = "The outcastsThe filmand the city, and the filmand again.\n"
    merged = merge_join_evidence(gather_join_evidence(a), gather_join_evidence(b))
    whole = gather_join_evidence(a + b)
    assert merged == whole
    assert whole.sentence_joins == 1
    # counts given by hand (no words) still add up
    assert merge_join_evidence(JoinEvidence(10, 2, 3), JoinEvidence(5, 1)) == JoinEvidence(15, 3, 3)

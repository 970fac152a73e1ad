"""Streaming and chunked repair (cleantext.stream) equals whole-text repair."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import cleantext.registry as registry
from cleantext import Config, fix_text
from cleantext.errors import NotTextError
from cleantext.finding import Finding
from cleantext.pipeline import run_pipeline
from cleantext.step import Step, evidence_of
from cleantext.stream import (
    CARRY,
    fix_file,
    gather_evidence,
    iter_decode_file,
    iter_fix,
    split_chunks,
)
from cleantext.writeback import Options, process_bytes

# Fragments of clean and damaged text in the languages and damages the steps
# repair; documents are paragraphs of these.
FRAGMENTS = [
    "the ", "cafe ", "Привет, ", "мир ", "Қазақстан ", "naïve ", "word", "-\n", "\n",
    "Ã©", "Ã¯", "â€™", "Ð¿Ñ€Ð¸", "Ïðèâåò ", "ﬁ", "ﬂ", "\u00ad", "\u200b", "\ufeff",
    "&amp;", "&lt;", "\x85", "\x1b[31m", "nd ", "diult ", "lm ", "  ", "\t", "1990 ",
    "“quoted” ", "e\u0301", "日本語 ", "Mr. ", "so- called ", "RussiaKazakhstan ",
    # document-level evidence: a tag (markup), a compound written inside a
    # line and its halves, a spaceless script (next to the U+200B above)
    "<b> ", "co-operate ", "co-", "operate ", "ภาษา",
]

# Paragraphs may be indented, and separated by blank lines that hold spaces:
# a chunk must keep a line's indentation with the line.
paragraph = st.tuples(
    st.sampled_from(["", "  ", "\t"]),
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12),
).map(lambda t: t[0] + "P" + "".join(t[1]))
documents = st.lists(
    st.tuples(paragraph, st.sampled_from(["\n\n", "\n\n", "\n \n", "\n\n\n"])),
    min_size=1, max_size=20,
).map(lambda ps: "".join(p + sep for p, sep in ps)[:-1])

PROFILES = ["repair", "normalize", "ascii", "reflow"]


def _pieces(text: str, cuts: list[int]) -> list[str]:
    bounds = sorted({0, len(text), *(c % (len(text) + 1) for c in cuts)})
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


# Every step is exact in chunks (the last two, split_joined_words and
# restore_dropped_ligatures, since 2026-11-21): the property below runs each
# profile whole. A step found to differ would be disabled here, with a
# strict-xfail example of its own, until fixed.
def _chunkable(profile: str) -> Config:
    return Config(profile=profile)


# Documents where one paragraph decides how a step repairs another (a step's
# document-level evidence, gathered with Step.gather and Step.merge): the
# step of each decides on the whole document, and so must its chunked repair.
# (Each was once an example of a step that decided paragraph by paragraph.)
WHOLE_DOCUMENT_EVIDENCE = {
    # a tag anywhere makes the whole text markup, where entities stay
    "unescape_html": (
        "PThe film was about them and the city. &amp;\n\n"
        "PThe film was about them and the city. <p>\n"
    ),
    # a compound written inside a line anywhere is not joined at a line end
    "join_hyphenated_words": "Pthey co-\noperate well\n\nPthey co-operate well\n",
    # a paragraph in another language anywhere makes the document's Latin
    # words read as not English: its joins are not split
    "split_joined_words": (
        "They were social outcastsThe film was about them and the city. " * 3 + "\n\n"
        + "Dei samlet seg i byen. Laget innhold for alle, og dei var glade. " * 3 + "\n"
    ),
    # a word that is no word anywhere (``diult``) shows that the document
    # lost its ligatures: an ambiguous one (``rst``) is restored elsewhere
    "restore_dropped_ligatures": "PIt was diult to say.\n\nPThe rst time we met.\n",
    # a spaceless script anywhere keeps zero-width spaces
    "remove_zero_width": "P\u0e20\u0e32\u0e29\u0e32\u200b\u0e44\u0e17\u0e22\n\n"
    "Phello\u200bworld\n",
}

# Paragraphs to pad a document with, so that it is cut in chunks of 200.
_FILLER = "".join(f"P{n} the cafe was there.\n\n" for n in range(12))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(documents, st.lists(st.integers(0, 10_000), max_size=8), st.sampled_from(PROFILES))
@example(_FILLER + WHOLE_DOCUMENT_EVIDENCE["unescape_html"], [], "repair")
@example(_FILLER + WHOLE_DOCUMENT_EVIDENCE["join_hyphenated_words"], [30], "normalize")
@example(WHOLE_DOCUMENT_EVIDENCE["remove_zero_width"] + _FILLER, [7], "repair")
def test_chunked_repair_equals_whole_repair(
    text: str, cuts: list[int], profile: str
) -> None:
    config = _chunkable(profile)
    pieces = _pieces(text, cuts)
    whole = fix_text(text, config)
    # chunks far smaller than the text: many cuts, all at paragraph breaks
    assert "".join(iter_fix(pieces, config, chunk_size=200)) == whole
    # a one-shot iterator goes through the same path with a temporary file
    assert "".join(iter_fix(iter(pieces), config, chunk_size=200)) == whole


@pytest.mark.parametrize("step", sorted(WHOLE_DOCUMENT_EVIDENCE))
def test_document_evidence_decides_in_chunks_as_in_the_whole(step: str) -> None:
    text = WHOLE_DOCUMENT_EVIDENCE[step]
    cut = text.index("\n\n") + 2
    paragraphs = [text[:cut], text[cut:]]
    for config in (Config(profile="repair", enable={step}), Config(profile="normalize")):
        whole = fix_text(text, config)
        # repaired paragraph by paragraph, without the other's evidence, the
        # document comes out otherwise: the example shows the evidence
        assert "".join(fix_text(p, config) for p in paragraphs) != whole
        sizes = range(8, len(text) + 8, 4)
        assert any(list(split_chunks([text], n)) == paragraphs for n in sizes)
        for n in sizes:
            assert "".join(iter_fix([text], config, chunk_size=n)) == whole, n
            assert "".join(iter_fix(iter(paragraphs), config, chunk_size=n)) == whole, n


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.integers(2, 40))
def test_split_chunks_gives_the_input_back_in_bounded_chunks(text: str, size: int) -> None:
    chunks = list(split_chunks([text[i:i + 7] for i in range(0, len(text), 7)], size))
    assert "".join(chunks) == text
    assert all(chunks)
    assert all(len(c) >= size // 2 for c in chunks[:-1])
    assert all(len(c) <= CARRY * size for c in chunks)
    # a chunk grows past the size only to end at a paragraph break
    assert all(len(c) <= size or re.search(r"\n[^\S\n]*\n\s*$", c) for c in chunks[:-1])


def test_split_chunks_carries_a_paragraph_over_to_its_end() -> None:
    long_paragraph = "P " + "word " * 30 + "\nmore words\n\n"
    text = "P short\n\n" + long_paragraph + "P end\n\n" * 40
    chunks = list(split_chunks([text], 64))
    assert chunks[0] == "P short\n\n" + long_paragraph and len(chunks[0]) > 64
    # beyond CARRY times the size, it is cut at a line break after all
    huge = "P " + "word\n" * 200 + "\nP end\n"
    chunks = list(split_chunks([huge], 64))
    assert "".join(chunks) == huge and len(chunks[0]) <= 64 and chunks[0].endswith("\n")


def test_a_line_keeps_its_indentation_in_its_chunk() -> None:
    text = "P one two\n\n    P indented three\n\n\tP four\n\n" + "P more text\n\n" * 8
    chunks = list(split_chunks([text], 16))
    assert chunks[:2] == ["P one two\n\n", "    P indented three\n\n"]
    for profile in ("normalize", "reflow"):
        config = Config(profile=profile)
        assert "".join(iter_fix([text], config, chunk_size=16)) == fix_text(text, config)


def test_reflow_in_chunks_equals_whole() -> None:
    prose = (
        "the film was shot in the steppe over two long \nsummers, with a crew of "
        "twelve and a borrowed \ncamera that broke down twice before the end.\n"
    )
    # every paragraph shorter than CARRY * 60: cut at blank lines only
    text = "Chapter One\nThe Start\n\n" + "\n".join([prose] * 12) + "\nShort Title\nAnd More\n"
    config = Config(profile="reflow")
    whole = fix_text(text, config)
    assert whole.startswith("Chapter One\nThe Start\n\nthe film was shot in the steppe over")
    assert "Short Title\nAnd More" in whole  # not taken for a narrow column
    for size in (60, 200, 500):
        assert "".join(iter_fix([text], config, chunk_size=size)) == whole


def test_split_chunks_prefers_paragraph_then_line_breaks() -> None:
    text = "aaaa bbbb\ncccc\n\ndddd eeee\nffff gggg\n"
    assert list(split_chunks([text], 24)) == ["aaaa bbbb\ncccc\n\n", "dddd eeee\nffff gggg\n"]
    # no paragraph break within CARRY * size: cut at line breaks, then before
    # spaces, then between ASCII characters; the tail (a paragraph that
    # ends the input) is carried over whole
    lines = "aaaa bbbb\n" * 10
    assert list(split_chunks([lines], 16)) == ["aaaa bbbb\n"] * 4 + ["aaaa bbbb\n" * 6]
    words = "aaaa bbbb " * 10
    assert list(split_chunks([words], 12))[:3] == ["aaaa bbbb", " aaaa bbbb", " aaaa bbbb"]
    assert list(split_chunks(["x" * 40], 4))[:3] == ["xxxx", "xxxx", "xxxx"]
    assert list(split_chunks(["x" * 10], 4)) == ["x" * 10]


def test_a_chunk_never_starts_with_a_byte_order_mark() -> None:
    text = "P one\n\n\ufeffP two\n\nP three\n\n"
    for chunk in list(split_chunks([text], 8))[1:]:
        assert not chunk.startswith("\ufeff")
    assert "".join(iter_fix([text], chunk_size=8)) == fix_text(text)


def test_split_chunks_refuses_bytes_and_tiny_sizes() -> None:
    with pytest.raises(TypeError):
        list(split_chunks([b"abc"]))  # type: ignore[list-item]
    with pytest.raises(ValueError):
        list(split_chunks(["abc"], 1))


# -- document-level evidence -------------------------------------------------

def _count_words(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def _merge_counts(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0) + v
    return out


def _detect_lone_nd(text: str, config: Config) -> list[Finding]:
    """A toy document-level step: 'nd' becomes 'find' when the document holds
    'find' more often than 'nd' (so evidence far away decides)."""
    counts = evidence_of(config, "toy_restore")
    if counts is None:
        counts = _count_words(text)
    if counts.get("find", 0) <= counts.get("nd", 0):
        return []
    out = []
    start = 0
    while (i := text.find(" nd ", start)) >= 0:
        out.append(Finding("toy", i + 1, i + 3, "nd", "find", 0.9, "toy_restore", "toy"))
        start = i + 3
    return out


TOY = Step("toy_restore", _detect_lone_nd, "toy", gather=_count_words, merge=_merge_counts)


@pytest.fixture
def toy_step(monkeypatch: pytest.MonkeyPatch) -> Iterator[Config]:
    monkeypatch.setattr(registry, "STEPS", (*registry.STEPS, TOY))
    monkeypatch.setattr(registry, "STEP_NAMES", (*registry.STEP_NAMES, TOY.name))
    yield Config(enable={"toy_restore"})


def test_evidence_far_away_decides_in_chunks_as_in_whole(toy_step: Config) -> None:
    # 'find' appears only at the start; 'nd' only at the end, chunks apart
    doc = "P find find find\n\n" + "P filler text here\n\n" * 50 + "P to nd it\n"
    whole = fix_text(doc, toy_step)
    assert whole.endswith("P to find it\n")
    assert "".join(iter_fix([doc], toy_step, chunk_size=64)) == whole
    assert "".join(iter_fix(iter([doc]), toy_step, chunk_size=64)) == whole
    # without the evidence each chunk would decide alone, and wrongly
    local = "".join(run_pipeline(c, toy_step).text for c in split_chunks([doc], 64))
    assert local != whole


def _detect_many_finds(text: str, config: Config) -> list[Finding]:
    """A second toy step: 'find' becomes 'FIND' when the document (as the
    first toy step left it) holds 'find' at least four times."""
    counts = evidence_of(config, "toy_shout")
    if counts is None:
        counts = _count_words(text)
    if counts.get("find", 0) < 4:
        return []
    out = []
    start = 0
    while (i := text.find("find", start)) >= 0:
        out.append(Finding("toy", i, i + 4, "find", "FIND", 0.9, "toy_shout", "toy"))
        start = i + 4
    return out


def test_evidence_of_a_later_step_sees_the_earlier_steps_repairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shout = Step("toy_shout", _detect_many_finds, "toy", _count_words, _merge_counts)
    monkeypatch.setattr(registry, "STEPS", (*registry.STEPS, TOY, shout))
    monkeypatch.setattr(registry, "STEP_NAMES", (*registry.STEP_NAMES, TOY.name, shout.name))
    config = Config(enable={"toy_restore", "toy_shout"})
    # three 'find' at the start; the fourth only once toy_restore repairs 'nd'
    doc = "P find find find\n\n" + "P filler text here\n\n" * 50 + "P to nd it\n"
    whole = fix_text(doc, config)
    assert whole.startswith("P FIND FIND FIND") and whole.endswith("P to FIND it\n")
    assert "".join(iter_fix([doc], config, chunk_size=64)) == whole


def test_gather_evidence_merges_every_chunk(toy_step: Config) -> None:
    chunks = ["P a find\n\n", "P nd b\n\n", "P find\n"]
    config = gather_evidence(lambda: chunks, toy_step)
    assert config.evidence["toy_restore"] == _count_words("".join(chunks))


def test_step_without_merge_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = replace(TOY, merge=None)
    monkeypatch.setattr(registry, "STEPS", (*registry.STEPS, broken))
    monkeypatch.setattr(registry, "STEP_NAMES", (*registry.STEP_NAMES, broken.name))
    with pytest.raises(ValueError, match="no merge"):
        list(iter_fix(["a nd b"], Config(enable={"toy_restore"})))


def test_pipeline_gathers_evidence_once_from_the_first_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []

    def gather(text: str) -> Any:
        calls.append(text)
        return _count_words(text)

    step = replace(TOY, gather=gather)
    monkeypatch.setattr(registry, "STEPS", (*registry.STEPS, step))
    monkeypatch.setattr(registry, "STEP_NAMES", (*registry.STEP_NAMES, step.name))
    assert fix_text("\ufefffind find nd it", Config(enable={"toy_restore"})) == "find find find it"
    assert calls == ["find find nd it"]  # after remove_bom, once


def test_pipeline_does_not_rerun_a_step_on_text_it_has_seen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    runs: dict[str, int] = {}

    def counting(step: Step) -> Step:
        def detect(text: str, config: Config) -> list[Finding]:
            runs[step.name] = runs.get(step.name, 0) + 1
            return step.detect(text, config)

        return replace(step, detect=detect)

    steps = tuple(counting(s) for s in registry.STEPS)
    monkeypatch.setattr(registry, "STEPS", steps)
    assert fix_text("\ufeffabc") == "abc"
    names = Config().step_names()
    k = names.index("remove_bom")
    # pass 1 runs every step; pass 2 runs only the steps up to remove_bom (the
    # others already saw "abc"), instead of all of them again
    assert sum(runs.values()) == len(names) + k + 1
    assert runs["remove_bom"] == 2


# -- files --------------------------------------------------------------------

def test_fix_file_equals_whole_repair_in_place_and_to_output(tmp_path: Path) -> None:
    text = ("\ufeffP Привет, мир. naïve text\n\n" * 300) + "P end\n"
    path = tmp_path / "a.txt"
    path.write_text(text, "utf-8")
    out = tmp_path / "b.txt"
    result = fix_file(path, output=out, chunk_size=256)
    # the text as fix_text repairs it, after the file's signature (kept)
    assert out.read_bytes() == b"\xef\xbb\xbf" + fix_text(text).encode()
    whole = process_bytes("a", path.read_bytes(), Options(keep_output=True))
    assert out.read_bytes() == whole.output
    assert result.encoding == "utf-8" and result.chunks > 10
    assert path.read_text("utf-8") == text  # the input is left alone
    result = fix_file(path, chunk_size=256)
    assert path.read_bytes() == out.read_bytes()
    assert result.changed == (fix_text(text) != text[1:])


def test_fix_file_keeps_the_signature_and_removes_stray_marks(tmp_path: Path) -> None:
    bom = b"\xef\xbb\xbf"
    path = tmp_path / "a.txt"
    clean = "P Привет, мир.\n\n".encode() * 100
    path.write_bytes(bom + clean)
    before = path.stat().st_mtime_ns
    result = fix_file(path, chunk_size=256)
    assert not result.changed and path.read_bytes() == bom + clean
    assert path.stat().st_mtime_ns == before  # clean but for its mark: not written
    path.write_bytes(bom + bom + clean + "P stray\ufeff mark\n".encode())
    result = fix_file(path, chunk_size=256, jobs=2)
    assert result.changed and path.read_bytes() == bom + clean + b"P stray mark\n"
    # dropped on request, and by the profiles that normalise
    path.write_bytes(bom + clean)
    assert fix_file(path, keep_bom=False).changed and path.read_bytes() == clean
    path.write_bytes(bom + clean)
    assert fix_file(path, Config(profile="normalize")).changed
    assert path.read_bytes() == fix_text(clean.decode(), Config(profile="normalize")).encode()
    # an encoding given by name: its mark is a signature all the same
    path.write_bytes(bom + clean)
    assert not fix_file(path, encoding="utf-8").changed
    assert fix_text("\ufeffHi") == "Hi"  # a str has no signature: the mark goes


def test_fix_file_leaves_a_clean_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "clean.txt"
    path.write_text("P clean text\n\nP Привет\n", "utf-8")
    before = path.stat().st_mtime_ns
    result = fix_file(path)
    assert not result.changed and result.repairs == 0
    assert path.stat().st_mtime_ns == before
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left


def test_fix_file_decodes_legacy_encodings_and_byte_order_marks(tmp_path: Path) -> None:
    text = "P Привет, мир! Это проверка кодировки.\n\n" * 200
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    result = fix_file(path, chunk_size=300)
    assert result.encoding.replace("-", "").lower() in {"windows1251", "cp1251"}
    assert result.changed
    assert path.read_text("utf-8") == fix_text(text)
    path.write_bytes(text.encode("utf-16"))  # with a byte-order mark
    result = fix_file(path, chunk_size=300)
    assert result.encoding.startswith("utf-16")
    # written as UTF-8, with UTF-8's signature in place of UTF-16's
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert path.read_text("utf-8-sig") == fix_text(text)


def test_fix_file_refuses_binary(tmp_path: Path) -> None:
    path = tmp_path / "bin.dat"
    path.write_bytes(b"\x00\x01\x02binary" * 100)
    with pytest.raises(NotTextError):
        fix_file(path)
    assert path.read_bytes() == b"\x00\x01\x02binary" * 100


def test_iter_decode_file_reports_where_decoding_fails(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"abc\n" * 10 + b"\xff\n")
    with pytest.raises(NotTextError, match="byte 40"):
        list(iter_decode_file(path, "utf-8"))


def test_fix_file_in_two_processes_equals_one(tmp_path: Path) -> None:
    text = ("P Привет, мир. \ufeffnaïve text\n\n" * 400) + "P end\n"
    src = tmp_path / "a.txt"
    src.write_text(text, "utf-8")
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    fix_file(src, output=one, chunk_size=512)
    result = fix_file(src, output=two, chunk_size=512, jobs=2)
    assert one.read_bytes() == two.read_bytes()
    assert result.chunks > 4


def test_fix_file_decodes_files_mixing_utf8_and_legacy_lines(tmp_path: Path) -> None:
    from cleantext import fix_bytes

    line = "P Привет, мир, как дела сегодня?\n\n"
    data = line.encode("utf-8") * 5 + line.encode("cp1251") * 5
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    result = fix_file(path)
    assert result.encoding == "mixed" and result.changed
    assert path.read_text("utf-8") == fix_bytes(data).text == line * 10
    # legacy lines only after the first megabyte: still decoded line by line
    data = line.encode("utf-8") * 30_000 + line.encode("cp1251") * 3
    path.write_bytes(data)
    result = fix_file(path, Config(profile="repair", disable={"fix_mojibake"}))
    assert result.encoding == "mixed"
    assert path.read_text("utf-8") == line * 30_003

"""The word tables: compact and shared, with the same answers as the plain
dictionaries they replace (see benchmarks/memory.py --tables for their cost)."""

from __future__ import annotations

import random

import pytest
import wordfreq

from cleantext import evidence_words, wordstats
from cleantext.evidence import cyrillic
from cleantext.evidence.wordlists import HashedLists, known_words, read_buckets


def _sample(lang: str, n: int, seed: int) -> set[str]:
    """Words of ``lang``'s small list, some of other languages, some non-words."""
    rng = random.Random(seed)
    own = [w for b in read_buckets(lang, "small") for w in b]
    other = [w for b in read_buckets("de" if lang != "de" else "fr", "small") for w in b]
    tokens = set(rng.sample(own, n)) | set(rng.sample(other, n // 3))
    return tokens | {w + "qx" for w in rng.sample(own, n // 3)}


@pytest.mark.parametrize("script", sorted(wordstats.RIVALS))
def test_weights_equal_the_dictionary_sums(script: str) -> None:
    """The compact table gives bit-identical sums to small_vocabulary()."""
    for seed in range(3):
        tokens = _sample(wordstats.RIVALS[script][seed], 300, seed)
        weights = wordstats._weights(tokens, script)
        for lang in wordstats.RIVALS[script]:
            vocabulary = wordstats.small_vocabulary(lang)
            assert weights[lang] == sum(vocabulary.get(t, 0.0) for t in tokens), lang


def test_language_sums_equal_the_dictionaries() -> None:
    tokens = sorted(_sample("ru", 200, 7) | _sample("uk", 100, 8))
    counts = {t: 1 + i % 3 for i, t in enumerate(tokens)}
    sums, known = wordstats.language_sums(counts, "cyrillic")
    for i, lang in enumerate(wordstats.RIVALS["cyrillic"]):
        vocabulary = wordstats.small_vocabulary(lang)
        assert sums[i] == sum(n * round(100 * vocabulary[t]) for t, n in counts.items()
                              if t in vocabulary), lang
        assert known[i] == sum(n for t, n in counts.items() if t in vocabulary), lang
    assert 0 < known[0] < sum(counts.values())


def test_known_in_equals_the_word_sets() -> None:
    rng = random.Random(3)
    words = set()
    for lang in cyrillic.CYRILLIC_LANGS:
        words |= set(rng.sample(sorted(known_words(lang)), 200))
    words |= {"привет", "қазақстан", "їжак", "њега", "zzz", "приветик" * 2}
    for w in words:
        expected = tuple(lang for lang in cyrillic.CYRILLIC_LANGS if w in known_words(lang))
        assert cyrillic.known_in(w) == expected, w


def test_one_table_per_language() -> None:
    """evidence_words and wordstats read the same dict: one copy of the list."""
    table = evidence_words.frequency_table("en")
    assert table["film"] == wordstats.zipf_table("en")["film"]
    assert table.keys() == wordstats.zipf_table("en").keys()
    values = {id(v) for v in list(wordstats.zipf_table("en").values())[:5000]}
    assert len(values) < 500  # one float per bucket, not one per word


def test_zipf_values_are_wordfreqs() -> None:
    for word in ("the", "film", "difficult", "flowcharts"):
        assert wordstats.zipf(word, "en") == wordfreq.zipf_frequency(word, "en", "large")


def test_read_buckets_stops_at_the_limit() -> None:
    full = read_buckets("en", "small")
    top = read_buckets("en", "small", limit=100)
    assert top == full[: len(top)]
    assert sum(map(len, top)) >= 100 > sum(map(len, top[:-1]))


def test_common_words_are_wordfreqs_top() -> None:
    expected = tuple(w for w in wordfreq.top_n_list("ru", 500, wordlist="large") if w.isalpha())
    assert wordstats.common_words("ru", 500) == expected


def test_tables_stay_out_of_wordfreqs_cache() -> None:
    """wordfreq caches every list it reads for the life of the process."""
    before = wordfreq.get_frequency_list.cache_info().currsize
    wordstats.zipf_table.__wrapped__("en")
    wordstats._small_lists.__wrapped__("cyrillic")
    assert wordfreq.get_frequency_list.cache_info().currsize == before


def test_hashed_lists_keep_the_last_bucket_of_a_repeated_word() -> None:
    t = HashedLists([("a", [["x"], ["y", "x"]]), ("b", [[], [], ["x"]])])
    assert t.find("x") == [(0, 1), (1, 2)]
    assert t.find("y") == [(0, 1)]
    assert len(t) == 4  # entries stored, the repeated one too
    with pytest.raises(ValueError):
        HashedLists([("a", [[]] * 1025)])


def test_packed_russian_table_equals_the_dict() -> None:
    """The compact Russian table answers as the dict of the same list would."""
    from cleantext.evidence.wordlists import PackedZipf

    table = wordstats.zipf_table("ru")
    assert isinstance(table, PackedZipf)
    plain = wordstats.zipf_dict(read_buckets("ru", "large"))
    assert len(table) == len(plain)
    rng = random.Random(5)
    words = rng.sample(sorted(plain), 30000)
    for w in words:
        assert table[w] == plain[w] and w in table, w
    others = [w + "ъ" for w in words[:5000]]
    assert sum(w not in plain for w in others) > 4000
    for w in others:
        assert table.get(w) == plain.get(w) and (w in table) == (w in plain), w
    assert set(table) == plain.keys()
    assert evidence_words.frequency_table("ru")["привет"] == plain["привет"]
    with pytest.raises(KeyError):
        table["фывапролдж"]


def test_packed_table_keeps_words_outside_the_bmp_apart() -> None:
    """A word with an emoji would make the one string of words 4 bytes a letter."""
    from cleantext.evidence.wordlists import PackedZipf

    t = PackedZipf([["a", "😀x", "b"], ["😀", "c", "a"]], [1.0, 2.0])
    assert dict(t) == {"b": 1.0, "c": 2.0, "a": 2.0, "😀x": 1.0, "😀": 2.0}
    assert len(t) == 5 and t["😀x"] == 1.0 and "😀y" not in t
    assert t._parts == ["ab", "ca"]  # noqa: SLF001 (the layout is what is tested)

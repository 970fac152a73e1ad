"""Measure the word-boundary and script steps: seed, clean prose, random damage, speed.

Run: ``python scripts/measure_word_splits.py`` (needs ``apt-get install
fortunes fortunes-ru`` for the clean prose). Prints:

* the seed ``000_9d304b95c593325b.txt``: every split proposed, and which applied;
* clean prose (about 1 MB each of English and Russian, from
  :mod:`benchmarks.prose`): splits applied by the default profile and
  candidates reported, with the whole text as one document and with every
  fortune as its own document;
* random joins: three pairs of common words joined inside a sentence of 16
  common words (3000 most common, wordfreq); how many come back exactly;
* look-alike letters: random letters of real words replaced by look-alikes
  of the other script; how many are repaired exactly, and how many clean
  words the homoglyph steps change;
* source code and licences (the Python standard library, Debian's
  common-licenses): changes made by the three steps;
* speed of the three steps on 1 MB of clean English.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from benchmarks.prose import load_prose, prose_available  # noqa: E402

from cleantext import Config, fix_text  # noqa: E402
from cleantext.steps.homoglyphs import LATIN_TO_CYRILLIC, detect_homoglyphs  # noqa: E402
from cleantext.steps.joined_words import detect_joined_words  # noqa: E402
from cleantext.steps.kazakh_letters import detect_kazakh_letters  # noqa: E402
from cleantext.wordstats import common_words, zipf  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "000_9d304b95c593325b.txt"
ONLY_WORDS = Config(
    disable={s for s in Config().step_names()
             if s not in {"split_joined_words", "fix_homoglyphs", "fix_kazakh_letters"}}
)


def _applied(findings: list, threshold: float = 0.5) -> list:  # type: ignore[type-arg]
    return [f for f in findings if f.changes and f.confidence >= threshold]


def measure_seed() -> None:
    if not SEED.exists():
        print("seed: not found at", SEED)
        return
    text = SEED.read_text("utf-8")
    print("== seed", SEED.name)
    for f in detect_joined_words(text):
        mark = "split" if f.confidence >= 0.5 else "left "
        print(f"  {mark} {f.original!r} -> {f.replacement!r} ({f.confidence:.2f})")
    fixed = fix_text(text)
    names = ["Dvortsevoi", "Eslyamova", "Sarsenova", "Sataev", "akimat", "Gulnara"]
    print("  names intact:", all(n in fixed for n in names))
    print("  Russian half unchanged:", fixed[fixed.index("Казахстанцам"):]
          == text[text.index("Казахстанцам"):])


def measure_prose(lang: str) -> None:
    if not prose_available(lang):
        print(f"== clean {lang}: fortunes not installed, skipped")
        return
    text = load_prose(lang)
    size = len(text.encode("utf-8"))
    found = detect_joined_words(text)
    applied = _applied(found)
    print(f"== clean {lang} prose, {size / 1e6:.2f} MB as one document: "
          f"{len(applied)} splits applied, {len(found)} candidates reported")
    for f in applied[:20]:
        print("   applied:", repr(f.original), "->", repr(f.replacement), f.confidence)
    per_doc_applied = []
    docs = text.split("\n\n")
    for doc in docs:
        per_doc_applied += _applied(detect_joined_words(doc))
    print(f"   as {len(docs)} separate documents: {len(per_doc_applied)} splits applied")
    for f in per_doc_applied[:20]:
        print("   applied:", repr(f.original), "->", repr(f.replacement), f.confidence)
    homo = _applied(detect_homoglyphs(text)) + _applied(detect_kazakh_letters(text))
    print(f"   look-alike letters changed in clean {lang}: {len(homo)}")
    for f in homo[:10]:
        print("   changed:", repr(f.original), "->", repr(f.replacement), f.why)


_ANCHORS = {
    "en": (" They were social outcastsThe film.", " They were social outcasts The film."),
    "ru": (" Они были изгоиОни жили.", " Они были изгои Они жили."),
}
"""A sentence with a confident lower-to-upper join: dictionary splits are
applied only in documents that show one (docs/words.md, 'An anchor')."""


def measure_random_joins(lang: str, trials: int = 1000, anchored: bool = False) -> None:
    rng = random.Random(4)
    tail, fixed_tail = _ANCHORS[lang] if anchored else ("", "")
    words = [w for w in common_words(lang, 3000) if len(w) >= 2]
    exact = false_split = unrepaired = 0
    misses: list[str] = []
    for _ in range(trials):
        sentence = rng.sample(words, 16)
        damaged = list(sentence)
        joined_pairs = []
        for k in sorted(rng.sample(range(0, 15, 2), 3), reverse=True):
            damaged[k:k + 2] = [damaged[k] + damaged[k + 1]]
            joined_pairs.append(sentence[k] + sentence[k + 1])
        original = " ".join(sentence) + fixed_tail
        repaired = fix_text(" ".join(damaged) + tail, ONLY_WORDS)
        if repaired == original:
            exact += 1
        elif any(p in repaired.split() for p in joined_pairs):
            unrepaired += 1
            if len(misses) < 4:
                misses.append(f"left: {' '.join(damaged)!r} -> {repaired!r}")
        else:
            false_split += 1
            if len(misses) < 12:
                misses.append(f"WRONG: {' '.join(damaged)!r} -> {repaired!r}")
    what = " plus a sentence with a case join" if anchored else ""
    print(f"== random joins ({lang}, {trials} sentences of 16 common words, 3 pairs joined"
          f"{what}): "
          f"{exact / trials:.1%} exact, {unrepaired / trials:.1%} left joined, "
          f"{false_split / trials:.1%} split wrongly")
    for m in misses:
        print("   ", m)
    known = sum(1 for _ in range(trials) if zipf("".join(rng.sample(words, 2)), lang) >= 1.0)
    print(f"   (for scale: {known / trials:.1%} of random pairs join into a known word, "
          "which no splitter can tell from a real word)")


def measure_lookalikes(lang: str, trials: int = 2000) -> None:
    rng = random.Random(7)
    words = [w for w in common_words(lang, 5000) if len(w) >= 3]
    if lang == "en":  # English words get Cyrillic look-alikes
        table = dict(LATIN_TO_CYRILLIC)
    else:  # Russian words get Latin look-alikes (those that lead back to one letter)
        table = {cyr: lat for lat, cyr in LATIN_TO_CYRILLIC.items()}
    exact = eligible = 0
    fails: list[str] = []
    for _ in range(trials):
        word = rng.choice(words)
        spots = [i for i, c in enumerate(word) if c in table]
        if not spots or len(spots) == len(word):
            continue
        k = rng.randint(1, min(len(spots), max(1, len(word) - 1 - (len(word) - len(spots)) + 1)))
        chosen = rng.sample(spots, min(k, len(spots)))
        if len(chosen) == len(word):
            continue
        eligible += 1
        damaged = "".join(table[c] if i in chosen else c for i, c in enumerate(word))
        context = ("the film is about" if lang == "en" else "фильм о том, что")
        repaired = fix_text(f"{context} {damaged} here", ONLY_WORDS)
        if repaired == f"{context} {word} here":
            exact += 1
        elif len(fails) < 8:
            fails.append(f"{damaged!r} -> {repaired!r}")
    print(f"== look-alikes ({lang}): {exact}/{eligible} damaged words repaired exactly "
          f"({exact / max(eligible, 1):.1%})")
    for f in fails:
        print("   ", f)


def measure_code_and_docs() -> None:
    """Source code and technical text: the Python standard library, licences."""
    import glob
    import sysconfig

    lib = sysconfig.get_paths()["stdlib"]
    files = (sorted(glob.glob(lib + "/*.py")) + sorted(glob.glob(lib + "/*/*.py"))[:600]
             + sorted(glob.glob("/usr/share/common-licenses/*")))
    size = changed = 0
    examples: list[str] = []
    for name in files:
        try:
            text = Path(name).read_text("utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        size += len(text.encode("utf-8"))
        found = _applied(detect_joined_words(text) + detect_homoglyphs(text)
                         + detect_kazakh_letters(text))
        changed += len(found)
        examples += [f"{Path(name).name}: {f.original!r} -> {f.replacement!r}" for f in found]
    print(f"== source code and licences: {len(files)} files, {size / 1e6:.1f} MB: "
          f"{changed} changes by the three steps")
    for e in examples[:10]:
        print("   ", e)


def measure_speed() -> None:
    if not prose_available("en"):
        return
    text = load_prose("en")
    size = len(text.encode("utf-8")) / 1e6
    detect_joined_words("warm up filmand")
    for name, detect in (("split_joined_words", detect_joined_words),
                         ("fix_homoglyphs", detect_homoglyphs),
                         ("fix_kazakh_letters", detect_kazakh_letters)):
        t0 = time.process_time()
        detect(text)
        dt = time.process_time() - t0
        print(f"== speed {name} on {size:.2f} MB clean English: {dt:.3f} s CPU, "
              f"{size / dt:.1f} MB/s")
    one_mb = text.encode("utf-8")[:1_000_000].decode("utf-8", "ignore")
    t0 = time.process_time()
    assert fix_text(one_mb, ONLY_WORDS) == one_mb
    dt = time.process_time() - t0
    print(f"== speed fix_text with the three steps on 1.00 MB clean English: {dt:.3f} s CPU "
          f"(unchanged: True)")


def main() -> None:
    measure_seed()
    for lang in ("en", "ru"):
        measure_prose(lang)
    for lang in ("en", "ru"):
        measure_random_joins(lang)
        measure_random_joins(lang, anchored=True)
    for lang in ("en", "ru"):
        measure_lookalikes(lang)
    measure_code_and_docs()
    measure_speed()


if __name__ == "__main__":
    main()

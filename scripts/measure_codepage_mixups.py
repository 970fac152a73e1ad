"""Measure fix_codepage_mixups and fix_east_asian_mojibake on generated text.

Detection accuracy per mixup by sentence length (sentences of random frequent
words from wordfreq, damaged with ``text.encode(true).decode(read_as)``),
false positives on clean text in many languages, and speed on 1 MB of clean
Russian and French. Run: ``python scripts/measure_codepage_mixups.py``.
"""

from __future__ import annotations

import random
import sys
import time

import wordfreq

from cleantext import Config, fix_text
from cleantext.config import PROFILES
from cleantext.evidence.kazakh import COMMON_KAZAKH_WORDS
from cleantext.evidence.wordlists import weighted_words

LENGTHS = (1, 2, 3, 5, 8, 15)
N = 100


def words_of(lang: str, top: int = 20000) -> list[str]:
    """Frequent alphabetic words of ``lang`` (Kazakh: the hand list)."""
    if lang == "kk":
        return sorted(COMMON_KAZAKH_WORDS)
    return [w for w, _ in weighted_words(lang, top) if w.isalpha() and len(w) > 1]


def sentence(rng: random.Random, words: list[str], n: int) -> str:
    """``n`` random words, the first capitalised, with some punctuation."""
    picked = [rng.choice(words) for _ in range(n)]
    picked[0] = picked[0].capitalize()
    out = ""
    for i, w in enumerate(picked):
        out += w
        if i < n - 1:
            out += rng.choice([" ", " ", " ", ", ", " — "])
    return out + rng.choice([".", "!", "?", ""])


CYRILLIC_CASES = (
    ("ru", "cp1251", "koi8_r"), ("ru", "koi8_r", "cp1251"), ("ru", "cp866", "cp1251"),
    ("ru", "cp1251", "cp866"), ("ru", "cp1251", "latin-1"), ("ru", "cp1251", "cp1252"),
    ("ru", "koi8_r", "latin-1"), ("ru", "cp1251", "mac_cyrillic"),
    ("ru", "mac_cyrillic", "cp1251"), ("ru", "cp1251", "iso8859_5"),
    ("ru", "iso8859_5", "cp1251"), ("uk", "cp1251", "koi8_u"), ("uk", "cp1251", "latin-1"),
    ("kk", "kz1048", "cp1251"), ("kk", "kz1048", "latin-1"),
)


def accuracy(cases: tuple[tuple[str, str, str], ...], config: Config | None = None) -> None:
    """Print the share of damaged sentences repaired exactly, by length."""
    rng = random.Random(7)
    print("\nrepaired exactly, by sentence length in words; config:", config)
    print("mixup".ljust(34) + "".join(f"{n:>7}w" for n in LENGTHS))
    for lang, true, read_as in cases:
        words = words_of(lang)
        row = f"{lang} {true} read as {read_as}".ljust(34)
        for n in LENGTHS:
            ok = total = 0
            while total < N:
                clean = sentence(rng, words, n)
                try:
                    damaged = clean.encode(true).decode(read_as)
                except UnicodeError:
                    continue
                total += 1
                ok += fix_text(damaged, config) == clean
            row += f"{100 * ok / total:7.0f}%"
        print(row, flush=True)


FP_LANGS = ("en", "fr", "de", "es", "pt", "it", "cs", "pl", "tr", "is", "sv", "vi",
            "ru", "uk", "bg", "mk", "sr", "kk")


def false_positives() -> None:
    """Print how many clean sentences of each language were changed or flagged."""
    from cleantext import scan_text

    rng = random.Random(11)
    print("\nclean text: sentences changed / flagged (of 300, 1-15 words)")
    for lang in FP_LANGS:
        words = words_of(lang, 30000)
        changed = flagged = 0
        examples: list[str] = []
        for i in range(300):
            clean = sentence(rng, words, 1 + i % 15)
            if fix_text(clean) != clean:
                changed += 1
                examples.append(clean)
            if [f for f in scan_text(clean)
                    if f.step in ("fix_codepage_mixups", "fix_east_asian_mojibake")]:
                flagged += 1
        print(f"{lang}: changed {changed}, flagged {flagged}  {examples[:3]}", flush=True)


def speed() -> None:
    """Print the time to scan 1 MB of clean Russian and French."""
    from cleantext.steps.codepage_mixups import detect_codepage_mixups
    from cleantext.steps.east_asian import detect_east_asian_mojibake

    rng = random.Random(3)

    for lang in ("ru", "fr"):
        words = words_of(lang, 5000)
        lines = []
        size = 0
        while size < 1_000_000:
            line = sentence(rng, words, rng.randint(5, 20))
            lines.append(line)
            size += len(line.encode()) + 1
        text = "\n".join(lines)
        for name, detect in (("fix_codepage_mixups", detect_codepage_mixups),
                             ("fix_east_asian_mojibake", detect_east_asian_mojibake)):
            detect(text[:2000], None)  # load tables
            t, cpu = time.perf_counter(), time.process_time()
            found = detect(text, None)
            dt, dcpu = time.perf_counter() - t, time.process_time() - cpu
            print(f"speed {lang} 1 MB clean, {name}: {dt:.3f} s wall, {dcpu:.3f} s CPU, "
                  f"{len(found)} findings")


CJK_CASES = (
    ("zh", "gbk"), ("zh", "gb18030"), ("zh-Hant", "big5"), ("ja", "shift_jis"),
    ("ja", "euc_jp"), ("ko", "euc_kr"),
)
CJK_LENGTHS = (1, 2, 3, 5, 10)


def _show(data: bytes, reader: str) -> str:
    if reader != "cp1252":
        return data.decode(reader)
    return "".join(bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b))
                   for b in data)


def _traditional(words: list[str]) -> list[str]:
    """Simplified words written in Traditional characters, where the character
    has exactly one Traditional form (wordfreq's table read backwards)."""
    from cleantext.evidence.cjk import _traditional_to_simplified

    forms: dict[str, set[str]] = {}
    for code, simplified in _traditional_to_simplified().items():
        if chr(code) != simplified:
            forms.setdefault(simplified, set()).add(chr(code))
    out = []
    for w in words:
        if all(len(forms.get(ch, ())) <= 1 for ch in w):
            out.append("".join(next(iter(forms[ch])) if ch in forms else ch for ch in w))
    return out


def cjk_accuracy() -> None:
    """Print the share of damaged CJK sentences repaired exactly, by length in words."""
    rng = random.Random(5)
    print("\nEast Asian: repaired exactly, by sentence length in words (step alone)")
    print("encoding / reader".ljust(30) + "".join(f"{n:>7}w" for n in CJK_LENGTHS))
    only = Config(disable=frozenset(PROFILES["repair"]) - {"fix_east_asian_mojibake"})
    for lang, codec in CJK_CASES:
        source = "zh" if lang == "zh-Hant" else lang
        words = [w for w, _ in weighted_words(source, 5000)
                 if w.isalpha() and not w.isascii()]
        if lang == "zh-Hant":
            words = _traditional(words)
        for reader in ("latin-1", "cp1252", "mac_roman"):
            row = f"{lang} {codec} / {reader}".ljust(30)
            for n in CJK_LENGTHS:
                ok = total = 0
                while total < N:
                    picked = [rng.choice(words) for _ in range(n)]
                    clean = (" " if lang == "ko" else "").join(picked)
                    try:
                        damaged = _show(clean.encode(codec), reader)
                    except UnicodeError:
                        continue
                    total += 1
                    ok += fix_text(damaged, only) == clean
                row += f"{100 * ok / total:7.0f}%"
            print(row, flush=True)


if __name__ == "__main__":
    what = sys.argv[1:] or ["accuracy", "fp", "speed", "cjk"]
    print("wordfreq", wordfreq.__version__ if hasattr(wordfreq, "__version__") else "")
    if "accuracy" in what:
        accuracy(CYRILLIC_CASES, Config(profile="repair", disable={"fix_mojibake"}))
    if "pipeline" in what:
        accuracy(CYRILLIC_CASES)
    if "fp" in what:
        false_positives()
    if "speed" in what:
        speed()
    if "cjk" in what:
        cjk_accuracy()

"""Measure false repairs: run the default profile over large clean texts.

The sources are meant to be clean text, so an APPLIED finding is a false
repair (principle 1: clean text in any language comes back byte-identical)
unless the source itself is damaged: read the examples. Known damage in the
sources: the English fortunes hold UTF-8 mojibake (``donâ\x80\x99t``) and
print hyphenation across lines (``adminis-\ntrators``); the Russian fortunes
hold hundreds of look-alike Latin letters (``пpоблемами``, ``stoр``); CPython's
tests hold mojibake, entities and ligatures as test data; a few Debian
copyright files hold mojibake (``Â§``, ``Ã©``). Those repairs are right. Reported
(report-only or below-threshold) findings are counted too: they cost nothing
to the text but are noise in a scan.

Sources (each skipped with a note when missing on this machine):

- ``fortunes-en`` / ``fortunes-ru``: Debian fortunes via
  ``benchmarks.prose.load_prose`` -- one fortune at a time, and
  ``*-doc``: the whole collection as one document.
- ``stdlib-py``: Python's standard library ``.py`` files, one file at a time.
- ``pydoc-topics``: ``pydoc_data.topics`` (the language reference), one topic
  at a time.
- ``usr-share-doc``: text files under ``/usr/share/doc`` that decode as
  UTF-8 (``.gz`` files are read too when small), one file at a time.
- ``licenses``: ``/usr/share/common-licenses``, one file at a time.
- ``wordfreq-<lang>``: random sentences from wordfreq's word lists for every
  language wordfreq has (``scripts/gen_clean_samples.py``, another seed and
  more sentences than the test corpus), five sentences a paragraph, and
  ``wordfreq-<lang>-doc``: all of them as one document.
- ``corpus-clean``: the hand-written samples in ``corpus/clean/``.
- ``locale-<lang>``: the translated messages of ``/usr/share/locale/<lang>/
  LC_MESSAGES/*.mo`` (real translations of program messages in ~100
  languages: format specifiers and accelerators included), one ``.mo`` file
  at a time, capped at ``--locale-bytes`` per language.

For each false repair shown, the script looks for a minimal reproduction: the
word alone, then with 1, 3 and 8 words either side, then the line, then the
paragraph; it prints the first one that still makes the same step apply the
same change ("needs the document" when only the whole input does).

Run: ``python scripts/measure_false_positives.py`` (a few minutes on a loaded box);
``--sources fortunes-en,wordfreq`` picks sources by prefix, ``--max-bytes``
caps each source, ``--examples`` sets how many examples per step and source.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import sysconfig
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from cleantext import fix_and_explain  # noqa: E402
from cleantext.finding import Finding  # noqa: E402

DOC_ROOT = Path("/usr/share/doc")
LICENSES = Path("/usr/share/common-licenses")
MAX_FILE = 1_000_000  # bytes: larger files are skipped (one pass each is enough)


@dataclass
class Example:
    """One finding with its context and minimal reproduction."""

    finding: Finding
    context: str
    repro: str | None = None


@dataclass
class Tally:
    """What one source gave."""

    docs: int = 0
    chars: int = 0
    bytes: int = 0
    cpu: float = 0.0
    changed_docs: int = 0
    applied: Counter[str] = field(default_factory=Counter)
    reported: Counter[str] = field(default_factory=Counter)
    changes: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    applied_ex: dict[str, list[Example]] = field(default_factory=lambda: defaultdict(list))
    reported_ex: dict[str, list[Example]] = field(default_factory=lambda: defaultdict(list))


def _context(text: str, f: Finding, width: int = 30) -> str:
    left = text[max(0, f.start - width) : f.start]
    right = text[f.end : f.end + width]
    return f"{left}[{text[f.start:f.end]}]{right}"


def _reproduces(sample: str, f: Finding) -> bool:
    result = fix_and_explain(sample)
    return any(
        a.step == f.step and a.original == f.original and a.replacement == f.replacement
        for a in result.applied
    )


def minimal_repro(text: str, f: Finding) -> str | None:
    """The shortest window around ``f`` that still makes its step apply it."""
    candidates: list[str] = [f.original]
    lo = max(0, f.start - 2000)
    window = text[lo : f.end + 2000]
    spans = [(m.start() + lo, m.end() + lo) for m in re.finditer(r"\S+", window)]
    first = next((k for k, (_, e) in enumerate(spans) if e > f.start), 0)
    last = max((k for k, (b, _) in enumerate(spans) if b < f.end), default=first)
    for n in (1, 3, 8):  # words either side
        if spans:
            b = spans[max(0, first - n)][0]
            e = spans[min(len(spans) - 1, last + n)][1]
            candidates.append(text[min(b, f.start) : max(e, f.end)])
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    candidates.append(text[line_start : line_end if line_end >= 0 else len(text)])
    para_start = text.rfind("\n\n", 0, f.start)
    para_end = text.find("\n\n", f.end)
    candidates.append(
        text[para_start + 2 if para_start >= 0 else 0 : para_end if para_end >= 0 else len(text)]
    )
    if len(text) <= 50_000:
        candidates.append(text)
    seen: set[str] = set()
    for c in candidates:
        if c in seen:
            continue
        seen.add(c)
        if _reproduces(c, f):
            return shrink(c, f)
    return None


def shrink(sample: str, f: Finding, budget: int = 300) -> str:
    """Drop words from ``sample`` while ``f`` still reproduces (greedy, chunked)."""
    parts = re.findall(r"\S+\s*", sample)
    target = next((i for i, p in enumerate(parts) if f.original.strip() in p), None)
    if target is None or len(parts) < 2:
        return sample
    marked = [(i == target, p) for i, p in enumerate(parts)]
    chunk = max(1, len(marked) // 2)
    while chunk >= 1 and budget > 0:
        i = 0
        while i < len(marked) and budget > 0:
            removed = marked[i : i + chunk]
            if any(is_target for is_target, _ in removed):
                i += chunk
                continue
            cand = marked[:i] + marked[i + chunk :]
            budget -= 1
            if _reproduces("".join(p for _, p in cand).strip(), f):
                marked = cand
            else:
                i += chunk
        chunk //= 2
    return "".join(p for _, p in marked).strip()


def measure(tally: Tally, text: str, examples: int, repro: bool) -> None:
    """Run the default profile over one clean document and count its findings."""
    t0 = time.process_time()
    result = fix_and_explain(text)
    tally.cpu += time.process_time() - t0
    tally.docs += 1
    tally.chars += len(text)
    tally.bytes += len(text.encode("utf-8", "surrogatepass"))
    if result.text != text:
        tally.changed_docs += 1
    applied = set(result.applied)
    for f in result.findings:
        if f in applied:
            tally.applied[f.step] += 1
            tally.changes[(f.step, f.original, f.replacement)] += 1
            if len(tally.applied_ex[f.step]) < examples:
                ex = Example(f, _context(text, f))
                if repro:
                    ex.repro = minimal_repro(text, f)
                tally.applied_ex[f.step].append(ex)
        else:
            tally.reported[f.step] += 1
            if len(tally.reported_ex[f.step]) < examples:
                tally.reported_ex[f.step].append(Example(f, _context(text, f)))


# -- sources --------------------------------------------------------------


def _capped(docs: Iterator[str], max_bytes: int) -> Iterator[str]:
    total = 0
    for d in docs:
        if total >= max_bytes:
            return
        total += len(d.encode("utf-8", "surrogatepass"))
        yield d


def fortunes(lang: str) -> Iterator[str]:
    """One fortune at a time."""
    from benchmarks.prose import load_prose

    text = load_prose(lang, min_bytes=0)
    yield from (p for p in text.split("\n\n") if p.strip())


def fortunes_doc(lang: str) -> Iterator[str]:
    """The whole fortune collection as one document."""
    from benchmarks.prose import load_prose

    yield load_prose(lang, min_bytes=0)


def stdlib_py() -> Iterator[str]:
    """The standard library's .py files, in name order."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    for p in sorted(stdlib.rglob("*.py")):
        if "site-packages" in p.parts or not p.is_file():
            continue
        try:
            yield p.read_text("utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # a few test files are deliberately not UTF-8


def pydoc_topics() -> Iterator[str]:
    """The language reference topics pydoc shows."""
    from pydoc_data.topics import topics

    for key in sorted(topics):
        yield topics[key]


def _read_text_file(p: Path) -> str | None:
    try:
        raw = p.read_bytes()
        if p.suffix == ".gz":
            if len(raw) > 100_000:
                return None
            raw = gzip.decompress(raw)
        if len(raw) > MAX_FILE or b"\x00" in raw:
            return None
        return raw.decode("utf-8")
    except (UnicodeDecodeError, OSError, EOFError, gzip.BadGzipFile):
        return None


def usr_share_doc() -> Iterator[str]:
    """Text files under /usr/share/doc that decode as UTF-8."""
    skip = {".png", ".jpg", ".gif", ".svg", ".pdf", ".ico", ".woff", ".ttf", ".js", ".css"}
    for p in sorted(DOC_ROOT.rglob("*")):
        if not p.is_file() or p.is_symlink() or p.suffix.lower() in skip:
            continue
        text = _read_text_file(p)
        if text is not None and text.strip():
            yield text


def licenses() -> Iterator[str]:
    """The common licenses Debian ships."""
    for p in sorted(LICENSES.iterdir()):
        if p.is_file() and not p.is_symlink():
            text = _read_text_file(p)
            if text is not None:
                yield text


def wordfreq_sentences(lang: str, n: int) -> list[str]:
    """``n`` random sentences in ``lang`` (measurement seed, not the corpus one)."""
    import random

    import gen_clean_samples as gen
    import wordfreq

    rng = random.Random(f"measure-{lang}")
    words = [w for w in wordfreq.top_n_list(lang, 5000) if gen.is_clean_word(w)]
    return [gen.make_sentence(rng, words, lang) for _ in range(n)]


def wordfreq_paragraphs(lang: str, n: int) -> Iterator[str]:
    """Paragraphs of five sentences."""
    sep = "" if lang in {"ja", "zh"} else " "
    s = wordfreq_sentences(lang, n)
    for i in range(0, len(s), 5):
        yield sep.join(s[i : i + 5])


LOCALE_ROOT = Path("/usr/share/locale")


def mo_messages(data: bytes) -> list[str]:
    """The translated strings of a GNU .mo catalogue (header left out).

    Plural forms (NUL-separated) become separate lines. Raises ValueError on
    a file that is not a .mo catalogue or not UTF-8.
    """
    import struct

    if len(data) < 20:
        raise ValueError("too short for a .mo file")
    magic = struct.unpack("<I", data[:4])[0]
    if magic == 0x950412DE:
        order = "<"
    elif magic == 0xDE120495:
        order = ">"
    else:
        raise ValueError("not a .mo file")
    _, count, _, trans_off = struct.unpack(order + "4I", data[4:20])
    out: list[str] = []
    for i in range(count):
        entry = data[trans_off + 8 * i : trans_off + 8 * i + 8]
        length, offset = struct.unpack(order + "2I", entry)
        raw = data[offset : offset + length]
        text = raw.decode("utf-8")  # UnicodeDecodeError is a ValueError
        if i == 0 and text.startswith(("Project-Id-Version", "Content-Type", "PO-Revision")):
            continue
        if text.strip():
            out.append(text.replace("\x00", "\n"))
    return out


def locale_languages() -> list[str]:
    """The languages with message catalogues on this machine."""
    if not LOCALE_ROOT.is_dir():
        return []
    return sorted(
        p.name for p in LOCALE_ROOT.iterdir() if (p / "LC_MESSAGES").is_dir()
    )


def locale_messages(lang: str) -> Iterator[str]:
    """One document per .mo file of ``lang``: its messages, a paragraph each."""
    for mo in sorted((LOCALE_ROOT / lang / "LC_MESSAGES").glob("*.mo")):
        try:
            messages = mo_messages(mo.read_bytes())
        except (ValueError, OSError):
            continue  # not UTF-8 or not a catalogue: not our clean text
        if messages:
            yield "\n\n".join(messages)


def corpus_clean() -> Iterator[str]:
    """The hand-written and generated samples of the test corpus."""
    import gen_clean_samples as gen

    for p in sorted((ROOT / "corpus" / "clean").glob("*.txt")):
        yield gen.strip_header(p.read_text("utf-8"))


def all_sources(sentences: int, locale_bytes: int = 300_000) -> list[tuple[str, object]]:
    """(name, zero-argument callable giving documents) for every source."""
    import wordfreq

    out: list[tuple[str, object]] = [
        ("corpus-clean", corpus_clean),
        ("fortunes-en", lambda: fortunes("en")),
        ("fortunes-en-doc", lambda: fortunes_doc("en")),
        ("fortunes-ru", lambda: fortunes("ru")),
        ("fortunes-ru-doc", lambda: fortunes_doc("ru")),
        ("stdlib-py", stdlib_py),
        ("pydoc-topics", pydoc_topics),
        ("usr-share-doc", usr_share_doc),
        ("licenses", licenses),
    ]
    for lang in sorted(wordfreq.available_languages()):
        out.append((f"wordfreq-{lang}", lambda lang=lang: wordfreq_paragraphs(lang, sentences)))
        sep = "" if lang in {"ja", "zh"} else " "
        out.append(
            (
                f"wordfreq-{lang}-doc",
                lambda lang=lang, sep=sep: iter(
                    ["\n\n".join(wordfreq_paragraphs(lang, sentences))]
                ),
            )
        )
    for lang in locale_languages():
        out.append(
            (f"locale-{lang}", lambda lang=lang: _capped(locale_messages(lang), locale_bytes))
        )
    return out


# -- report ---------------------------------------------------------------


def _fmt_example(ex: Example) -> str:
    f = ex.finding
    line = (
        f"      {ex.context!r}\n"
        f"        {f.original!r} -> {f.replacement!r} ({f.step}, {f.confidence:.2f})"
    )
    if ex.repro is not None or f.changes:
        shown = repr(ex.repro) if ex.repro is not None else "needs the document"
        line += f"\n        minimal repro: {shown}"
    return line


def report(name: str, t: Tally, show_reported: bool) -> None:
    """Print one source's tallies."""
    mb = t.bytes / 1e6
    rate = f"{mb / t.cpu:.2f} MB/s" if t.cpu else "-"
    print(
        f"== {name}: {t.docs} docs, {t.bytes:,} bytes, {t.cpu:.1f} s CPU ({rate}); "
        f"docs changed: {t.changed_docs}; applied: {sum(t.applied.values())}, "
        f"reported: {sum(t.reported.values())}"
    )
    for step in sorted(set(t.applied) | set(t.reported)):
        print(f"   {step}: applied {t.applied[step]}, reported {t.reported[step]}")
        top = [(k, n) for k, n in t.changes.most_common() if k[0] == step][:8]
        if top:
            print(
                "    most frequent changes: "
                + "; ".join(f"{o!r} -> {r!r} x{n}" for (_, o, r), n in top)
            )
        for ex in t.applied_ex.get(step, []):
            print("    APPLIED" + _fmt_example(ex)[5:])
        if show_reported:
            for ex in t.reported_ex.get(step, []):
                print("    reported" + _fmt_example(ex)[6:])
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    """Measure every (chosen) source and print per-step tallies."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", default="", help="comma-separated name prefixes")
    ap.add_argument("--max-bytes", type=int, default=10_000_000, help="cap per source")
    ap.add_argument("--json", default="", help="also write per-source, per-step counts here")
    ap.add_argument("--examples", type=int, default=10)
    ap.add_argument("--sentences", type=int, default=300, help="wordfreq sentences per language")
    ap.add_argument("--locale-bytes", type=int, default=300_000, help="cap per locale")
    ap.add_argument("--no-repro", action="store_true", help="skip minimal reproductions")
    ap.add_argument("--reported", action="store_true", help="show reported examples too")
    args = ap.parse_args(argv)
    prefixes = [p for p in args.sources.split(",") if p]
    totals: Counter[str] = Counter()
    totals_rep: Counter[str] = Counter()
    grand = Tally()
    summary: dict[str, object] = {}
    for name, make in all_sources(args.sentences, args.locale_bytes):
        if prefixes and not any(name.startswith(p) for p in prefixes):
            continue
        tally = Tally()
        try:
            docs = make()  # type: ignore[operator]
            for doc in _capped(docs, args.max_bytes):
                measure(tally, doc, args.examples, not args.no_repro)
        except FileNotFoundError as e:
            print(f"== {name}: skipped ({e})")
            continue
        report(name, tally, args.reported)
        summary[name] = {
            "docs": tally.docs,
            "bytes": tally.bytes,
            "cpu_s": round(tally.cpu, 2),
            "applied": dict(tally.applied),
            "reported": dict(tally.reported),
            "changes": [
                [step, o, r, n] for (step, o, r), n in tally.changes.most_common(200)
            ],
            "examples": {
                step: [
                    {
                        "context": ex.context,
                        "original": ex.finding.original,
                        "replacement": ex.finding.replacement,
                        "confidence": ex.finding.confidence,
                        "repro": ex.repro,
                    }
                    for ex in exs
                ]
                for step, exs in tally.applied_ex.items()
            },
        }
        totals.update(tally.applied)
        totals_rep.update(tally.reported)
        grand.bytes += tally.bytes
        grand.docs += tally.docs
        grand.cpu += tally.cpu
    print(
        f"\n== TOTAL: {grand.docs} docs, {grand.bytes:,} bytes, {grand.cpu:.1f} s CPU; "
        f"applied (false repairs): {sum(totals.values())}, reported: {sum(totals_rep.values())}"
    )
    for step in sorted(set(totals) | set(totals_rep)):
        print(f"   {step}: applied {totals[step]}, reported {totals_rep[step]}")
    if args.json:
        import json

        Path(args.json).write_text(json.dumps(summary, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

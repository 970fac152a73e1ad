"""Turning unknown bytes into text.

The order of decisions:

1. known binary signatures (PNG, PDF, ZIP, ELF, gzip, ...) are refused;
2. a byte-order mark (UTF-8, UTF-16, UTF-32) decides the encoding;
3. NUL bytes: UTF-16 or UTF-32 without a byte-order mark when the NULs fall
   in the pattern those encodings give and the result reads as text;
   otherwise the data is refused as binary;
4. too many control bytes: refused as binary;
5. strict UTF-8 over the whole input;
6. otherwise line by line: when some lines are valid UTF-8 (with non-ASCII
   characters) and others are not, the file was concatenated from files in
   different encodings: UTF-8 lines are decoded as UTF-8 and each block of the
   other lines in the encoding chardet detects for it (``encoding ==
   "mixed"``); when no line is UTF-8, chardet detects one encoding for the
   whole input.

chardet's candidates are re-ranked by cheap sanity checks: a decoding that
puts Cyrillic, Greek, Hebrew or Arabic letters right next to Latin letters
(``Cafй`` for ``Café``), flips case inside words (``рТЙЧЕФ``: koi8-r read as
windows-1251) or yields control characters loses to one that does not; among
equally plausible candidates of close confidence, the one whose words are
clearly more frequent (wordfreq, in the candidates' languages or a small
panel) wins, and chardet's confidence breaks near-ties. Candidates
that decode to the same text are reported by their common name
(windows-1251 rather than kz1048 for Russian text).

Every step is linear in the size of the input (chardet reads at most its
first 200 kB of each block).
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass, replace

from .config import Config
from .errors import NotTextError
from .pipeline import Result, run_pipeline

__all__ = ["BOMS", "Decoded", "decode", "decode_bytes", "fix_bytes"]

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
"""Byte-order marks and the encodings they announce (UTF-32 before UTF-16:
the UTF-32-LE mark starts with the UTF-16-LE one)."""

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document (extract its text first)"),
    (b"PK\x03\x04", "a ZIP archive (also docx, xlsx, odt, epub, jar)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"(\xb5/\xfd", "zstd-compressed data"),
    (b"7z\xbc\xaf'\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O file"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"\xce\xfa\xed\xfe", "a Mach-O executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE file (old Word/Excel)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x00asm", "a WebAssembly module"),
)

# Control bytes that text does not hold: C0 except tab, LF, VT, FF, CR,
# SUB (0x1A, the DOS end-of-file mark) and ESC (terminal logs), and DEL.
_CONTROL_BYTES = bytes((*range(0, 9), 14, 15, *range(16, 26), *range(28, 32), 127))
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_ASCII_BYTES = bytes(range(128))
_MAX_CONTROL_RATIO = 0.05

# Characters that decoded text does not hold: C0/C1 controls (but the
# whitespace ones, ESC and SUB), private use, noncharacters.
_ODD_CHARS = re.compile(
    "[\x00-\x08\x0e-\x19\x1c-\x1f\x7f-\x9f\ue000-\uf8ff\ufdd0-\ufdef\ufffe\uffff"
    "\U000f0000-\U0010ffff]"
)
# Letters of another script glued to an ASCII letter: a wrong code page.
_OTHER_LETTERS = "\u0370-\u0fff\u10a0-\u10ff\ufb1d-\ufdff\ufe70-\ufefc"
_LATIN_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
# Letters of another script glued to a Latin letter (``Cafй``), a symbol
# between two letters (``╩ζνζ§±υζς``), a euro sign, spacing diaeresis or
# cedilla right after a letter (``врем€``, MacCyrillic for windows-1251
# ``время``; ``וש¸``, iso-8859-8 for ``её``), a bidi mark inside a word, a
# math symbol starting a word (``¬ставка``, MacCyrillic for ``Вставка``):
# signs of a wrong code page.
_GLUED = re.compile(
    f"[{_LATIN_LETTERS}][{_OTHER_LETTERS}]|[{_OTHER_LETTERS}][{_LATIN_LETTERS}]"
    "|(?<=[^\\W\\d_])[\u00a2-\u00aa\u00ac-\u00b6\u00b8-\u00ba\u00bc-\u00be\u00d7\u00f7"
    "\u2020-\u2022\u2030\u2116\u2122\u2200-\u23ff\u2500-\u25ff](?=[^\\W\\d_])"
    "|[^\\W\\d_][\u20ac\u00a8\u00b8]"
    "|(?<=[^\\W\\d_])[\u200e\u200f](?=[^\\W\\d_])"
    "|[\u00ac\u00b1\u00b5\u00f7\u0192\u2206\u221a\u221e\u2248\u2260\u2264\u2265]"
    "(?=[^\\W\\d_])"
)
# A lower-case letter followed by an upper-case one inside a word (Latin,
# Cyrillic, Greek): koi8-r read as windows-1251 and the reverse swap cases.
_CASE_FLIP = re.compile(
    "[a-z\u00df-\u00f6\u00f8-\u00ff\u0430-\u045f\u03ac-\u03ce]"
    "[A-Z\u00c0-\u00d6\u00d8-\u00de\u0400-\u042f\u0386-\u03ab]"
)
# wordfreq languages that need no extra tokeniser (zh, ja, ko need jieba/mecab).
_WORDFREQ_LANGUAGES = frozenset({
    "ar", "bg", "ca", "cs", "da", "de", "el", "en", "es", "fa", "fi", "fr", "he", "hu",
    "id", "is", "it", "lt", "lv", "mk", "ms", "nb", "nl", "pl", "pt", "ro", "ru", "sh",
    "sk", "sl", "sv", "tr", "uk",
})
# Languages every close call is also checked against.
_PANEL = ("en", "fr", "de", "es", "ru")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
# A whitespace-separated token holding a non-ASCII character (marks included).
_NON_ASCII_TOKEN = re.compile(r"\S*[^\x00-\x7f\s]\S*")
# Names to report when they decode to the same text as chardet's pick.
_COMMON = ("windows-1251", "windows-1252", "koi8-r", "windows-1250", "iso-8859-2")
_ASCII_PROBE = bytes(range(32, 127)) + b"\t\r\n"
_ASCII_PROBE_TEXT = _ASCII_PROBE.decode("ascii")
_MAX_BLOCKS = 64
# UTF-8 lines next to legacy lines, with at most this many non-ASCII bytes
# together, are taken for legacy bytes that happen to be valid UTF-8.
_SHORT_UTF8_LINE = 12
# chardet candidates below this share of the best one's confidence are ignored.
_CLOSE = 0.3
# Below this confidence of chardet's best candidate, the common code pages
# (``_COMMON``) are tried as well.
_UNSURE = 0.5
# Word evidence decides between equally plausible candidates when it differs
# by this much on the Zipf scale: a frequent word's worth; when chardet is
# unsure (its best confidence below ``_UNSURE``, where its confidences of
# 0.03-0.1 say next to nothing), a rarer word's worth. Latin-1 French
# ``Müller à music`` read as iso8859-4 gives ``Müller ā music``: Latvian
# ``ā`` (Zipf 4.7) is 2.6 below French ``à`` (7.3), too little for the
# frequent-word margin, and chardet's 0.077 for iso8859-4 then beat the 0.077
# windows-1252 was given.
_EVIDENCE_MARGIN = 3.0
_EVIDENCE_MARGIN_UNSURE = 1.0
_SAMPLE = 200_000


@dataclass(frozen=True)
class Decoded:
    """Bytes decoded to text, and how."""

    text: str
    """The decoded text."""
    encoding: str
    """The encoding used, or ``"mixed"`` when lines needed different ones."""
    encodings: tuple[str, ...]
    """Every encoding used, the one used for most lines first."""


def _refuse_magic(data: bytes) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise NotTextError(f"not text: it is {what}")


def _odd_ratio(text: str) -> float:
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0
    return len(_ODD_CHARS.findall(sample)) / len(sample)


def _unassigned_ratio(text: str) -> float:
    import unicodedata

    sample = text[:4096]
    if not sample:
        return 0.0
    return sum(1 for c in sample if unicodedata.category(c) == "Cn") / len(sample)


def _wide_reads_as_text(text: str) -> bool:
    """Whether a UTF-16/32 decoding looks like text rather than binary."""
    return _odd_ratio(text) <= 0.01 and _unassigned_ratio(text) <= 0.02


def _sniff_wide(data: bytes) -> Decoded | None:
    """UTF-32 or UTF-16 without a byte-order mark, recognised by where NULs fall."""
    n = len(data)
    if n >= 8 and n % 4 == 0:
        quarter = n // 4
        for name, always, mostly in (("utf-32-le", 3, 2), ("utf-32-be", 0, 1)):
            if (
                data[always::4].count(0) == quarter
                and data[mostly::4].count(0) >= 0.9 * quarter
            ):
                try:
                    text = data.decode(name)
                except UnicodeDecodeError:
                    continue
                if _wide_reads_as_text(text):
                    return Decoded(text, name, (name,))
    if n >= 4 and n % 2 == 0:
        even, odd = data[0::2].count(0), data[1::2].count(0)
        # UTF-16-LE puts the high byte (0 for ASCII, space, digits) second.
        for name, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
            if high and low * 10 <= high:
                try:
                    text = data.decode(name)
                except UnicodeDecodeError:
                    continue
                if _wide_reads_as_text(text):
                    return Decoded(text, name, (name,))
    return None


def _refuse_controls(data: bytes) -> None:
    controls = len(data.translate(None, _NOT_CONTROL_BYTES))
    if data and controls / len(data) > _MAX_CONTROL_RATIO:
        raise NotTextError(
            f"not text: {controls} of its {len(data)} bytes are control bytes "
            "(binary data)"
        )


def _candidates(data: bytes) -> list[tuple[str, float, str]]:
    """chardet's candidates: (encoding, confidence, language), best first."""
    import chardet

    found = chardet.detect_all(data, ignore_threshold=True, max_bytes=_SAMPLE)
    out: list[tuple[str, float, str]] = []
    for guess in found:
        name = guess.get("encoding")
        if name:
            out.append(
                (str(name).lower(), float(guess.get("confidence") or 0.0),
                 str(guess.get("language") or ""))
            )
    return out


def _implausibility(text: str) -> int:
    """How many signs of a wrong code page the decoded text shows."""
    sample = text[:_SAMPLE]
    return (
        len(_GLUED.findall(sample))
        + len(_CASE_FLIP.findall(sample))
        + len(_ODD_CHARS.findall(sample))
    )


def _word_evidence(text: str, languages: tuple[str, ...]) -> float:
    """The summed word frequency (Zipf scale, best of ``languages``) of the
    first words with non-ASCII letters: real words score high, mis-decoded
    ones (``ïðèâåò``) near zero."""
    from wordfreq import available_languages, zipf_frequency

    usable = [lang for lang in languages if lang in available_languages("small")]
    words = [_EDGE_PUNCT.sub("", w) for w in _NON_ASCII_TOKEN.findall(text[:_SAMPLE])[:200]]
    return sum(
        max((zipf_frequency(w, lang, wordlist="small") for lang in usable), default=0.0)
        for w in words
        # Only tokens made of letters count: wordfreq would split "sch—n" into
        # known pieces, and ignores the Arabic vowel marks (not letters) that
        # Cyrillic bytes read as iso-8859-6 are full of. A token whose only
        # non-ASCII characters were edge punctuation (``╓l``, cp1125 for
        # latin-1 ``Öl``) leaves a bare ASCII word ("l"): no evidence for
        # the reading that turned a letter into a symbol.
        if w.isalpha() and not w.isascii()
    )


def _preferred_name(data: bytes, text: str, name: str) -> str:
    """The common name for a decoding: kz1048 that reads like windows-1251 is
    reported as windows-1251, iso8859-15 that reads like windows-1252 as
    windows-1252."""
    head = data[:4096]
    for common in _COMMON:
        if common == name:
            return name
        try:
            if head.decode(common, errors="replace") == head.decode(name, errors="replace") \
                    and data.decode(common) == text:
                return common
        except UnicodeDecodeError:
            continue
    return name


def _rank(data: bytes, where: str) -> list[str]:
    """chardet's candidates for legacy (non-UTF-8) bytes, best first.

    Candidates that decode and keep ASCII are ranked by implausibility (other
    scripts glued to Latin letters, lower-to-upper case flips inside words,
    control characters), then, among equally plausible ones whose confidence
    is within ``_CLOSE`` of the best, by word evidence (the summed wordfreq
    frequency of the words in the candidates' languages or in English,
    French, German, Spanish or Russian) when it differs by a frequent word's
    worth (3 on the Zipf scale; 1 when chardet is unsure) or more; among near-equal evidence by
    chardet's confidence (the common code pages, tried when chardet is
    unsure, count as confident as chardet's best equally plausible
    candidate), then in chardet's order.
    """
    options: list[tuple[int, int, str, str, str, float]] = []
    seen_texts: set[str] = set()
    tried: list[str] = []
    top = 0.0
    for rank, (name, confidence, language) in enumerate(_candidates(data)[:12]):
        if name in ("utf-8", "ascii") or name in tried:
            continue
        if options and confidence < top * _CLOSE:
            break
        tried.append(name)
        try:
            if _ASCII_PROBE.decode(name) != _ASCII_PROBE_TEXT:
                continue  # EBCDIC, UTF-16...: lines and ASCII would not survive
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if not options:
            top = confidence
        if text in seen_texts:
            continue
        seen_texts.add(text)
        options.append((_implausibility(text), rank, name, text, language, confidence))
    if not options:
        raise NotTextError(
            f"not text: {where} is not UTF-8 and no encoding chardet proposes "
            f"({', '.join(tried) or 'none'}) decodes it"
        )
    least = min(o[0] for o in options)
    base = next(o[5] for o in options if o[0] == least)
    if least or top < _UNSURE:
        # chardet is unsure or proposed only implausible readings: try the
        # common code pages too
        for name in _COMMON:
            if name in tried:
                continue
            text = data.decode(name, errors="replace")
            if "\ufffd" in text or text in seen_texts:
                continue
            score = _implausibility(text)
            if score <= least:
                # as confident as chardet's best equally plausible candidate
                confidence = base if score == least else top
                options.append((score, len(options) + 100, name, text, "", confidence))
        least = min(o[0] for o in options)
    best = [o for o in options if o[0] == least]
    if len(best) > 1:
        close = best[:6]
        languages = tuple(dict.fromkeys(
            [o[4] for o in close if o[4] in _WORDFREQ_LANGUAGES] + list(_PANEL)
        ))
        # word evidence decides when it is clear (a frequent word or more);
        # among near-equal evidence, chardet's confidence, then its order
        evidence = [_word_evidence(o[3], languages) for o in close]
        margin = _EVIDENCE_MARGIN if top >= _UNSURE else _EVIDENCE_MARGIN_UNSURE
        near = [o for o, e in zip(close, evidence, strict=True) if e >= max(evidence) - margin]
        chosen = max(near, key=lambda o: o[5])
    else:
        chosen = best[0]
    others = sorted((o for o in options if o is not chosen), key=lambda o: (o[0], o[1]))
    return [chosen[2]] + [o[2] for o in others]


def _detect_decode(data: bytes, where: str) -> tuple[str, str]:
    """Decode legacy (non-UTF-8) bytes with the best of chardet's candidates
    (ranked on the first ``_SAMPLE`` bytes, see :func:`_rank`)."""
    sample = data
    if len(data) > _SAMPLE:
        cut = data.rfind(b"\n", 0, _SAMPLE)
        sample = data[: cut + 1] if cut > 0 else data[:_SAMPLE]
    ranked = _rank(sample, where)
    for name in ranked:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        return text, _preferred_name(data, text, name)
    raise NotTextError(
        f"not text: {where} is not UTF-8 and none of {', '.join(ranked)} decodes all of it"
    )


def _non_ascii_count(line: bytes) -> int:
    return len(line.translate(None, _ASCII_BYTES))


def _decode_lines(data: bytes) -> Decoded:
    """Decode non-UTF-8 bytes: line by line when some lines are UTF-8."""
    if len(data.decode("utf-8", errors="surrogateescape")) == len(data):
        # Every byte became one character: not a single valid UTF-8 multi-byte
        # sequence, so one legacy encoding throughout.
        text, name = _detect_decode(data, "it")
        return Decoded(text, name, (name,))
    lines = data.split(b"\n")
    # kind: 0 ASCII, 1 UTF-8 with non-ASCII characters, 2 not UTF-8
    kinds: list[int] = []
    for line in lines:
        if line.isascii():
            kinds.append(0)
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            kinds.append(2)
        else:
            kinds.append(1)
    # A few short lines that happen to be valid UTF-8 next to legacy lines
    # (cp1251 "Я»" is valid UTF-8 for U+07FB, koi8-r "её" for "ţ") are
    # suspects (kind 3): decided below against the neighbouring legacy encoding.
    marked = [i for i, k in enumerate(kinds) if k]
    suspects: list[tuple[list[int], int]] = []  # (run of lines, a legacy neighbour)
    j = 0
    while j < len(marked):
        if kinds[marked[j]] != 1:
            j += 1
            continue
        end = j  # a run of UTF-8 lines among the non-ASCII ones: marked[j:end]
        while end < len(marked) and kinds[marked[end]] == 1:
            end += 1
        run = marked[j:end]
        if sum(_non_ascii_count(lines[i]) for i in run) <= _SHORT_UTF8_LINE and (
            j > 0 or end < len(marked)
        ):
            for i in run:
                kinds[i] = 3
            suspects.append((run, marked[j - 1] if j > 0 else marked[end]))
        j = end
    if 1 not in kinds and 3 not in kinds:
        text, name = _detect_decode(data, "it")
        return Decoded(text, name, (name,))
    # Blocks of legacy lines (ASCII and suspect lines in between do not break one).
    blocks: list[list[int]] = []
    last_kind = 0
    for i, k in enumerate(kinds):
        if k == 2:
            if last_kind == 2 and blocks:
                blocks[-1].append(i)
            else:
                blocks.append([i])
        if k in (1, 2):
            last_kind = k
    if len(blocks) > _MAX_BLOCKS:
        blocks = [[i for block in blocks for i in block]]
    out: list[str] = [
        line.decode("ascii") if k == 0 else "" for line, k in zip(lines, kinds, strict=True)
    ]
    used: Counter[str] = Counter()
    for i, k in enumerate(kinds):
        if k == 1:
            out[i] = lines[i].decode("utf-8")
            used["utf-8"] += 1
    legacy_of: dict[int, str] = {}
    for block in blocks:
        joined = b"\n".join(lines[i] for i in block)
        text, name = _detect_decode(joined, f"line {block[0] + 1}")
        parts = text.split("\n")
        if len(parts) != len(block):
            raise NotTextError(
                f"not text: line {block[0] + 1} decodes as {name} only across line ends"
            )
        for i, part in zip(block, parts, strict=True):
            out[i] = part
            legacy_of[i] = name
        used[name] += len(block)
    for run, neighbour in suspects:
        raw = b"\n".join(lines[i] for i in run)
        name = _legacy_reading(raw, legacy_of[neighbour]) or "utf-8"
        for i, part in zip(run, raw.decode(name).split("\n"), strict=True):
            out[i] = part
        used[name] += len(run)
    encodings = tuple(name for name, _ in used.most_common())
    encoding = encodings[0] if len(encodings) == 1 else "mixed"
    return Decoded("\n".join(out), encoding, encodings)


def _legacy_reading(raw: bytes, legacy: str) -> str | None:
    """``legacy`` when valid-UTF-8 bytes read better in that encoding, else None."""
    try:
        as_legacy = raw.decode(legacy)
    except UnicodeDecodeError:
        return None
    if "\n" in as_legacy and as_legacy.count("\n") != raw.count(b"\n"):
        return None
    as_utf8 = raw.decode("utf-8")
    odd_utf8, odd_legacy = _implausibility(as_utf8), _implausibility(as_legacy)
    if odd_utf8 != odd_legacy:
        return legacy if odd_legacy < odd_utf8 else None
    if _word_evidence(as_legacy, _PANEL) > _word_evidence(as_utf8, _PANEL):
        return legacy
    return None


def decode(data: bytes) -> Decoded:
    """Decode bytes of unknown encoding; say which encoding(s) were used.

    Raises :class:`~cleantext.NotTextError` for binary or undecodable input.

    >>> d = decode("Привет\\n".encode() + "Привет\\n".encode("cp1251") + "Привет".encode())
    >>> d.text, d.encoding, d.encodings
    ('Привет\\nПривет\\nПривет', 'mixed', ('utf-8', 'windows-1251'))
    """
    data = bytes(data)
    _refuse_magic(data)
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(name)
            except UnicodeDecodeError as exc:
                raise NotTextError(
                    f"not text: it starts with a {name} byte-order mark but is not {name}: "
                    f"{exc}"
                ) from exc
            if name != "utf-8" and not _wide_reads_as_text(text):
                raise NotTextError(
                    f"not text: it starts with a {name} byte-order mark but decodes "
                    "to control and unassigned characters"
                )
            return Decoded(text, name, (name,))
    if b"\x00" in data:
        wide = _sniff_wide(data)
        if wide is not None:
            return wide
        raise NotTextError(
            "not text: it contains NUL bytes (binary data, or UTF-16/32 that does not "
            "decode as text)"
        )
    _refuse_controls(data)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", ("utf-8",))
    except UnicodeDecodeError:
        pass
    return _decode_lines(data)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes of unknown encoding; return the text and the encoding used
    (``"mixed"`` when lines needed different encodings: see :func:`decode`).

    Raises :class:`~cleantext.NotTextError` for binary or undecodable input.

    >>> decode_bytes("Привет".encode("cp1251"))[0]
    'Привет'
    """
    decoded = decode(data)
    return decoded.text, decoded.encoding


def fix_bytes(data: bytes, config: Config | None = None) -> Result:
    """Decode bytes of unknown encoding, then repair the text.

    The result's ``encoding`` says how the bytes were decoded (``"mixed"``
    when lines needed different encodings), ``encodings`` lists every
    encoding used, most used first.

    >>> result = fix_bytes("Привет, мир".encode("cp1251"))
    >>> result.text, result.encoding
    ('Привет, мир', 'windows-1251')
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"expected bytes, got {type(data).__name__}")
    decoded = decode(bytes(data))
    result = run_pipeline(decoded.text, config)
    return replace(result, encoding=decoded.encoding, encodings=decoded.encodings)

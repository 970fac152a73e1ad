"""UTF-8 text that was decoded with the wrong single-byte code page(s).

``cafÃ©`` is ``café`` written as UTF-8 and read as windows-1252; ``‚Äô`` is a
``’`` read as Mac Roman; ``РџСЂРёРІРµС‚`` is ``Привет`` read as windows-1251;
``ÃƒÂ©`` is two layers of the same. Bytes lost on the way are restored as
ftfy does (``restore_byte_a0``, ``replace_lossy_sequences``): ``voilÃ le`` is
``voilà le`` (the A0 byte became a space), ``â€œquotedâ€\ufffd`` is
``“quoted\ufffd`` (a byte became U+FFFD or '?'). The search and the model
that decides are in :mod:`cleantext.mojibake`; this module turns their
decisions into findings.

Document evidence (which code page explains the clear cases, and how much of
that rests on weak repairs) is gathered by :func:`gather_mojibake` and adds
up over chunks, so that chunked repair decides like whole repair.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..config import Config
from ..finding import Finding
from ..mojibake import (
    CODEPAGES,
    Decision,
    analyse,
    decide,
    dominant_codepage,
    merge_evidence,
)
from ..mojibake.detect import (
    FEEBLE,
    FIX_GAIN,
    WEAK,
    cyclic_gc_paused,
    dominant_codepages,
)
from ..mojibake.score import weak_repair
from ..step import Step, evidence_of

__all__ = ["STEP", "detect_mojibake", "fix_mojibake", "gather_mojibake"]

_NAME = "fix_mojibake"


def gather_mojibake(text: str) -> dict[str, float]:
    """Evidence from ``text``: per code page, the summed gain of clear repairs.

    >>> max(gather_mojibake("cafÃ© crÃ¨me").items(), key=lambda kv: kv[1])[0]
    'windows-1252'
    """
    return analyse(text)[1]


@lru_cache(maxsize=256)
def _why(chain: tuple[str, ...], by_document: bool, lossy: bool) -> str:
    layers = f" ({len(chain)} layers: {' then '.join(reversed(chain))})" if len(chain) > 1 else ""
    outer = chain[0]
    why = f"UTF-8 read as {outer}{layers}"
    if by_document:
        why += f"; weak on its own, but {outer} explains the clear cases in this document"
    if lossy:
        why += "; bytes were lost in transit (A0 became a space or a byte became U+FFFD)"
    return why


_WEAK = 0.45
"""Confidence of a weak repair with no support in its document (reported)."""


def demote_weak(
    text: str, decisions: list[Decision], evidence: dict[str, float]
) -> list[Decision]:
    """Report, not make, the weak repairs (:func:`weak_repair`) that nothing
    else in the document supports.

    ftfy's policy: minimise false positives, even at the cost of false
    negatives. ``√π``, ``¬´``, ``AHÅ™`` or ``NICIODATĂ\u00a0`` are each a run
    that decodes, but alone they are more plausible as they stand. A weak
    repair is made only when its code page still has ``FIX_GAIN`` of evidence
    without the weak repairs; repairs made by the document's evidence are
    reported when that evidence came from weak repairs only.

    >>> [d.confidence for d in demote_weak("OK `¬´ ):", decide(*analyse("OK `¬´ ):")),
    ...  analyse("OK `¬´ ):")[1])]
    [0.45]
    """
    weak = [
        not d.by_document and d.confidence >= 0.5 and len(d.candidate.chain) == 1
        and weak_repair(text, d.candidate.start, d.candidate.end, d.candidate.replacement)
        for d in decisions
    ]
    # the weak parts of the evidence come with it (additive over chunks)
    support = {
        page: v - evidence.get(WEAK + page, 0.0)
        for page, v in evidence.items() if page in CODEPAGES
    }
    feeble = {page: evidence.get(FEEBLE + page, 0.0) for page in CODEPAGES}
    if not any(weak) and not any(k.startswith((WEAK, FEEBLE)) for k in evidence):
        return decisions
    # a code page whose evidence is mostly repairs into rare characters is not
    # trusted at all (line art: ``├┤a┼┐a┼┐a`` is cp437 for ``ôaſaſa``)
    doubtful = {page for page, g in feeble.items() if g > support.get(page, 0.0)}
    tied = dominant_codepages(evidence)
    best = tied[0] if tied else None
    lost = best is not None and (best in doubtful or dominant_codepage(support) != best)
    out = []
    for d, w in zip(decisions, weak, strict=True):
        page = d.candidate.chain[0]
        if (w and support.get(page, 0.0) < FIX_GAIN) or page in doubtful or (
            lost and d.by_document and page in tied
        ):
            d = Decision(d.candidate, min(d.confidence, _WEAK), d.by_document)
        out.append(d)
    return out


def detect_mojibake(text: str, config: Config | None = None) -> list[Finding]:
    """Find runs of UTF-8 read with the wrong code page, with their repair.

    Repairs below confidence 0.5 are reported and left alone.

    >>> [(f.original, f.replacement) for f in detect_mojibake("cafÃ©")]
    [('Ã©', 'é')]
    >>> detect_mojibake("São João, Ünal, İstanbul, её, «Группа В»")
    []
    """
    if text.isascii():
        return []
    with cyclic_gc_paused():  # one pause for the analysis and the decisions
        return _detect(text, config)


def _detect(text: str, config: Config | None) -> list[Finding]:
    given: Any = evidence_of(config, _NAME)
    cands, own = analyse(text, dominant_codepages(given) if given else ())
    if not cands:
        return []
    evidence = given if given is not None else own
    findings = []
    for d in demote_weak(text, decide(cands, evidence), evidence):
        c = d.candidate
        why = _why(c.chain, d.by_document, c.lossy)
        replacement = c.replacement if d.confidence >= 0.5 else c.original
        if replacement == c.original:
            why += f"; left alone, evidence too weak (would give {c.replacement!r})"
        findings.append(
            Finding("mojibake", c.start, c.end, c.original, replacement,
                    d.confidence, _NAME, why)
        )
    return findings


def fix_mojibake(text: str) -> str:
    """Repair UTF-8 mojibake in ``text`` (one step, one pass).

    >>> fix_mojibake("The cafÃ© â€œbarâ€\x9d")
    'The café “bar”'
    """
    return STEP.fix(text)


STEP = Step(
    _NAME,
    detect_mojibake,
    "Repair UTF-8 text decoded with the wrong code page(s) (mojibake).",
    gather=gather_mojibake,
    merge=merge_evidence,
)

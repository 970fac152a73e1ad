"""UTF-8 text that was decoded with the wrong single-byte code page(s).

``cafÃ©`` is ``café`` written as UTF-8 and read as windows-1252; ``‚Äô`` is a
``’`` read as Mac Roman; ``РџСЂРёРІРµС‚`` is ``Привет`` read as windows-1251;
``ÃƒÂ©`` is two layers of the same. The search and the model that decides are
in :mod:`cleantext.mojibake`; this module turns their decisions into findings.

Document evidence (which code page explains the clear cases) is gathered by
:func:`gather_mojibake` so that chunked repair decides like whole repair.
"""

from __future__ import annotations

from typing import Any

from ..config import Config
from ..finding import Finding
from ..mojibake import analyse, decide, dominant_codepage, merge_evidence
from ..step import Step, apply_findings, select_findings

__all__ = ["STEP", "detect_mojibake", "fix_mojibake", "gather_mojibake"]

_NAME = "fix_mojibake"


def gather_mojibake(text: str) -> dict[str, float]:
    """Evidence from ``text``: per code page, the summed gain of clear repairs.

    >>> max(gather_mojibake("cafÃ© crÃ¨me").items(), key=lambda kv: kv[1])[0]
    'windows-1252'
    """
    return analyse(text)[1]


def _why(chain: tuple[str, ...], by_document: bool, lossy: bool) -> str:
    layers = f" ({len(chain)} layers: {' then '.join(reversed(chain))})" if len(chain) > 1 else ""
    outer = chain[0]
    why = f"UTF-8 read as {outer}{layers}"
    if by_document:
        why += f"; weak on its own, but {outer} explains the clear cases in this document"
    if lossy:
        why += "; bytes were lost in transit (A0 became a space or a byte became U+FFFD)"
    return why


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
    given: Any = config.evidence.get(_NAME) if config is not None else None
    best = dominant_codepage(given) if given else None
    cands, own = analyse(text, (best,) if best else ())
    if not cands:
        return []
    evidence = given if given is not None else own
    findings = []
    for d in decide(cands, evidence):
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
    return apply_findings(text, select_findings(detect_mojibake(text), 0.5))


STEP = Step(
    _NAME,
    detect_mojibake,
    "Repair UTF-8 text decoded with the wrong code page(s) (mojibake).",
    gather=gather_mojibake,
    merge=merge_evidence,
)

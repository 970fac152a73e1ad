"""Turning unknown bytes into text: BOM, then UTF-8, then chardet."""

from __future__ import annotations

import codecs
from dataclasses import replace

from .config import Config
from .errors import NotTextError
from .pipeline import Result, run_pipeline

__all__ = ["decode_bytes", "fix_bytes"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


_CONTROL_BYTES = (*range(0, 8), 14, 15, *range(16, 27), *range(28, 32))


def _looks_binary(data: bytes) -> str | None:
    """Why ``data`` is not text, or None."""
    sample = data[:65536]
    if b"\x00" in sample:
        return "it contains NUL bytes (binary data, or UTF-16/32 without a byte-order mark)"
    controls = sum(sample.count(bytes([b])) for b in _CONTROL_BYTES)
    if sample and controls / len(sample) > 0.05:
        return f"{controls} of its first {len(sample)} bytes are control characters"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes of unknown encoding; return the text and the encoding used.

    Raises :class:`~cleantext.NotTextError` for binary or undecodable input.

    >>> decode_bytes("Привет".encode("cp1251"))[0]
    'Привет'
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(name), name
            except UnicodeDecodeError as exc:
                raise NotTextError(
                    f"it starts with a {name} byte-order mark but is not {name}: {exc}"
                ) from exc
    why = _looks_binary(data)
    if why:
        raise NotTextError(f"not text: {why}")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    import chardet

    guess = chardet.detect(data)
    guessed = guess.get("encoding")
    if not guessed:
        raise NotTextError("not text: no encoding decodes it")
    try:
        return data.decode(guessed), guessed.lower()
    except (UnicodeDecodeError, LookupError) as exc:
        raise NotTextError(
            f"not text: chardet guessed {guessed} but it does not decode: {exc}"
        ) from exc


def fix_bytes(data: bytes, config: Config | None = None) -> Result:
    """Decode bytes of unknown encoding, then repair the text.

    The result's ``encoding`` says how the bytes were decoded.

    >>> result = fix_bytes("Привет, мир".encode("cp1251"))
    >>> result.text, result.encoding
    ('Привет, мир', 'windows-1251')
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"expected bytes, got {type(data).__name__}")
    text, encoding = decode_bytes(bytes(data))
    result = run_pipeline(text, config)
    return replace(result, encoding=encoding, encodings=(encoding,))

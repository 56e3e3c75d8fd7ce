"""Bytes -> text, refusing only what is really not text.

Rule (docs/ingest.md): a BOM decides (UTF-8, UTF-16, UTF-32). Otherwise the
bytes are read as UTF-8, and any byte that is not valid UTF-8 is read as
cp1252 (Latin-1 for the five bytes cp1252 leaves undefined). That decodes
pure UTF-8, pure cp1252/Latin-1 and the common mix of both without loss;
ftfy in the clean stage repairs what such a mix garbles. Only binaries are
refused: NUL bytes, or many control characters, in the first block.
"""

from __future__ import annotations

import codecs

from ..settings import tuning

_T = tuning("ingest.sniff")  # each threshold is explained in config.toml
SNIFF_BYTES = int(_T["sniff_bytes"])
MAX_CONTROL_SHARE = float(_T["max_control_share"])
_TEXT_CONTROLS = {9, 10, 12, 13, 27}  # tab, LF, FF, CR, ESC (ANSI colours in logs)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
FALLBACK_ERRORS = "eventwire-cp1252"


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode the offending bytes as cp1252, else Latin-1."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    out = []
    for byte in exc.object[exc.start:exc.end]:
        b = bytes([byte])
        try:
            out.append(b.decode("cp1252"))
        except UnicodeDecodeError:
            out.append(b.decode("latin-1"))
    return "".join(out), exc.end


codecs.register_error(FALLBACK_ERRORS, _cp1252_fallback)


class NotText(ValueError):
    """The bytes are not text (binary or empty); the message says why."""


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def binary_reason(data: bytes) -> str | None:
    """Why `data` looks binary, or None when it looks like text."""
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return "binary file (contains NUL bytes)"
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    if head and controls / len(head) > MAX_CONTROL_SHARE:
        return f"binary file ({controls} control bytes in the first {len(head)})"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding used). Raises `NotText` for empty or binary input."""
    if not data.strip():
        return_reason = "empty file" if not data else "empty file (only whitespace)"
        raise NotText(return_reason)
    encoding = bom_encoding(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise NotText(f"starts with a {encoding} byte-order mark but does not decode: {exc}") from exc
        if not text.strip():
            raise NotText("empty file (only a byte-order mark)")
        return text, encoding
    if reason := binary_reason(data):
        raise NotText(reason)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("utf-8", errors=FALLBACK_ERRORS), "utf-8+cp1252"

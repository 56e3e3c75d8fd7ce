"""Character-level repairs: ftfy, code-page mojibake ftfy misses, odd spaces.

ftfy repairs most mojibake, but not UTF-8 punctuation decoded through a Greek
(cp1253) page, which turns “ into `β€œ`: cp1253 has no character for some of
the bytes, so ftfy cannot re-encode them. We build the repair table from the
code pages themselves instead of listing strings by hand.
"""

from __future__ import annotations

import re
from functools import lru_cache

import ftfy

# Keep curly quotes: the quotes stage reads them, and offsets must not move.
FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False)

# Typographic characters scraped news is full of: general punctuation
# (dashes, quotes, ellipsis, primes), NBSP, guillemets, middle dot, euro, trade mark.
TYPOGRAPHIC = (
    [chr(c) for c in range(0x2010, 0x2027)] + [chr(c) for c in range(0x2030, 0x203B)]
    + ["\u00a0", "\u00ab", "\u00bb", "\u00b7", "\u20ac", "\u2122", "\u00b0", "\u00a9", "\u00ae"]
)
# Code pages whose mojibake of the characters above is common on the web.
CODEPAGES = ("cp1253", "cp1251", "cp1250", "cp1252")
# Undefined bytes of a code page were shown through cp1252, through Latin-1
# (a C1 control character) or dropped by the broken decoder: accept all three.
FALLBACKS = ("cp1252", "latin-1", "")

SPACES = re.compile(r"[\u00a0\u202f\u2007\u2000-\u200a\u3000\t\f\v]")
ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
RUNS_OF_SPACES = re.compile(r" {2,}")
# Anything but printable ASCII (without "&", which may start an HTML entity), the curly quotes,
# dashes and ellipsis of clean English text, and NBSP: a line made only of these is left to us.
_FTFY_WORTHY = re.compile(r"[^\x20-\x25\x27-\x7e\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0]")


def _decodings(data: bytes, codepage: str) -> set[str]:
    """Every way a sloppy decoder could have shown `data` through `codepage`."""
    out = {""}
    for byte in data:
        b = bytes([byte])
        try:
            options = {b.decode(codepage)}
        except UnicodeDecodeError:
            options = set()
            for fallback in FALLBACKS:
                try:
                    options.add(b.decode(fallback) if fallback else "")
                except UnicodeDecodeError:
                    continue
        out = {prefix + o for prefix in out for o in options}
    return out


@lru_cache(maxsize=1)
def mojibake_table() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """(exact repairs, truncated prefixes) built from the code pages.

    A decoder that dropped an undefined final byte leaves a prefix (cp1253
    `β€` for ” or “) that several characters share; those prefixes are
    returned separately and resolved by context in `fix_mojibake`.
    """
    exact: dict[str, str] = {}
    truncated: dict[str, list[str]] = {}
    for codepage in CODEPAGES:
        for char in TYPOGRAPHIC:
            data = char.encode("utf-8")
            for bad in _decodings(data, codepage):
                if len(bad) < 2 or bad == char:
                    continue
                if len(bad) < len(data):  # a byte was dropped
                    truncated.setdefault(bad, []).append(char)
                elif bad not in exact and not (len(bad) == 2 and all(c.isalpha() or c.isspace() for c in bad)):
                    exact[bad] = char  # a letter + space pair could be real text (Cyrillic "В" + NBSP)
    # Full sequences always win over a truncated reading of their prefix.
    return exact, {k: tuple(v) for k, v in truncated.items() if k not in exact}


@lru_cache(maxsize=1)
def _mojibake_regex() -> re.Pattern[str]:
    exact, truncated = mojibake_table()
    keys = sorted(set(exact) | set(truncated), key=len, reverse=True)  # longest match first
    return re.compile("|".join(re.escape(k) for k in keys))


@lru_cache(maxsize=1)
def _lead_chars() -> frozenset[str]:
    exact, truncated = mojibake_table()
    return frozenset(k[0] for k in (*exact, *truncated))


def _resolve_truncated(text: str, start: int, end: int, candidates: tuple[str, ...]) -> str | None:
    """Pick the double quote a truncated sequence most likely was, from its neighbours.

    Opening “ when it follows a space or line start and precedes a word;
    closing ” when it follows a word. Anything else is left alone.
    """
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if "\u201c" in candidates and (before.isspace() or before in "([") and not after.isspace():
        return "\u201c"
    if "\u201d" in candidates and not before.isspace() and (after.isspace() or not after.isalnum()):
        return "\u201d"
    return None


def fix_mojibake(text: str) -> str:
    """Repair code-page mojibake of typographic characters (longest match first)."""
    exact, truncated = mojibake_table()
    if not any(c in text for c in _lead_chars()):  # fast path: most texts have none
        return text

    def repl(m: re.Match[str]) -> str:
        bad = m.group(0)
        if bad in exact:
            return exact[bad]
        return _resolve_truncated(m.string, m.start(), m.end(), truncated[bad]) or bad

    return _mojibake_regex().sub(repl, text)


def normalize_chars(raw: str) -> str:
    """ftfy, mojibake, spaces and zero-width characters; line endings become `\\n`.

    Each line is stripped and runs of spaces collapse to one; line count is
    kept (except for Unicode line separators ftfy turns into newlines).
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    # ftfy is the slow part (~90% of cleaning): skip lines it could not change.
    text = "\n".join(ftfy.fix_text(line, FTFY_CONFIG) if _FTFY_WORTHY.search(line) else line
                     for line in text.split("\n"))
    text = fix_mojibake(text)
    text = ZERO_WIDTH.sub("", text)
    text = SPACES.sub(" ", text)
    return "\n".join(RUNS_OF_SPACES.sub(" ", line).strip() for line in text.split("\n"))

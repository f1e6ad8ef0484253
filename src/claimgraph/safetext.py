"""Text that every store, format and terminal accepts (#13).

Two jobs, both pure functions of a string:
- `escape_surrogates`: a file name that is not UTF-8 reaches Python as "surrogate-escaped" text
  (os.fsdecode: the byte 0xE9 of `caf\\xe9.txt` becomes U+DCE9), which no UTF-8 database, file or
  terminal accepts; it is shown with the byte written out, `caf\\xe9.txt`.
- `printable`: what may be shown on a terminal: no control character (a raw ESC moves the cursor,
  recolours or retitles it), no surrogate; each is written as its escape instead.
"""
from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the line and paragraph separators, which terminals obey.
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")


def escape_surrogates(text: str) -> str:
    """`text` with each surrogate-escaped byte written as `\\xNN` (and any other lone surrogate as `\\udNNN`)."""
    if not _SURROGATE_RE.search(text):
        return text
    return text.encode("utf-8", "surrogateescape" if _only_escaped_bytes(text) else "backslashreplace") \
        .decode("utf-8", "backslashreplace")


def _only_escaped_bytes(text: str) -> bool:
    # surrogateescape encodes U+DC80..U+DCFF only; any other lone surrogate must be escaped by code point
    return all("\udc80" <= ch <= "\udcff" for ch in _SURROGATE_RE.findall(text))


def printable(text: str) -> str:
    """`text` safe to print: surrogates and control characters (tab and newline too) written as escapes."""
    text = escape_surrogates(text)
    return _CONTROL_RE.sub(lambda m: repr(m.group())[1:-1] if m.group() not in "\u2028\u2029"
                           else f"\\u{ord(m.group()):04x}", text)

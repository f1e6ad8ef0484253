"""Cut a long text into sections that spaCy parses one at a time, on paragraph or sentence boundaries.

spaCy refuses texts over `nlp.max_length` (1,000,000 characters, E088), and its parser's memory
grows with the text it holds: a 990 KB document took 3.3 GB in one worker (#13). Sections keep a
worker's memory near that of a batch of news articles. Each section is a slice `text[start:end]`
and the sections tile the text, so offsets found in a section, plus its start, are offsets into
the whole text (the grounding guarantee survives the cut).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Texts up to this length are parsed whole: every news article, so their output never changes.
SPLIT_ABOVE = 100_000
# The most characters per section of a longer text (about 8,000 words: what a batch of news
# articles holds at once).
SECTION_CHARS = 50_000

# Where a cut may fall, best first: after a blank line, after a line break, after a sentence's
# end, after any whitespace. A section ends just after the break, so it keeps its own whitespace.
_BREAKS = (re.compile(r"\n[ \t\r\f\v]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+"),
           re.compile(r"\s+"))


@dataclass(frozen=True)
class Section:
    """`text[start:end]` of the whole text."""

    start: int
    end: int


def split_sections(text: str, *, max_chars: int = SECTION_CHARS) -> list[Section]:
    """Sections of at most `max_chars` characters covering `text` exactly, in order.

    Each cut is at the last paragraph break of the window, else its last line break, sentence end,
    whitespace, and only for a run of `max_chars` characters without any space at `max_chars`.
    A cut is never in the first half of a window, so no section is tiny.
    """
    sections: list[Section] = []
    start, length = 0, len(text)
    while length - start > max_chars:
        end = _cut(text, start, start + max_chars)
        sections.append(Section(start, end))
        start = end
    if start < length or not sections:
        sections.append(Section(start, length))
    return sections


def _cut(text: str, start: int, limit: int) -> int:
    low = start + (limit - start) // 2
    for pattern in _BREAKS:
        last = None
        for match in pattern.finditer(text, low, limit):
            last = match
        if last is not None and last.end() > start:
            return min(last.end(), limit)
    return limit

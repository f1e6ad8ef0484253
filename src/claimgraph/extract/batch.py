"""The map stage over a batch: parse each document with spaCy and extract it.

One document's failure (a parser error, a rule that trips on odd text) costs that document only:
it comes back as an Extraction with `failed` set and no mentions or claims, and the rest of the
batch goes on (#13). Texts longer than `sections.SPLIT_ABOVE` are parsed section by section
(claimgraph.extract.sections), so no text is too long for spaCy and a worker's memory stays
bounded whatever the document.
"""
from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Claim, Cue, Document, Extraction, Mention
from . import extract_document
from .sections import SECTION_CHARS, SPLIT_ABOVE, split_sections

log = logging.getLogger(__name__)

# Documents per nlp.pipe batch; 32 is spaCy's sweet spot for the small English model on
# news-length texts (FACTS.md).
PIPE_BATCH_SIZE = 32

__all__ = ["extract_batch", "extract_long_document"]


def extract_batch(nlp: Language, documents: list[Document]) -> list[Extraction]:
    """One Extraction per document, in order; a document that fails has `failed` set instead."""
    short = [d for d in documents if len(d.text) <= SPLIT_ABOVE]
    parsed = dict(_parse_each(nlp, short))
    out = []
    for document in documents:
        try:
            if len(document.text) > SPLIT_ABOVE:
                out.append(extract_long_document(nlp, document))
                continue
            doc = parsed.pop(id(document))
            if isinstance(doc, Exception):
                raise doc
            out.append(extract_document(doc, document))
        except Exception as err:  # noqa: BLE001  one document's failure must not cost its batch
            # the traceback only with --verbose: the build prints the one-line reason
            log.info("%s: extraction failed", document.source, exc_info=True)
            out.append(Extraction(document=document, failed=_reason(err)))
    return out


def _parse_each(nlp: Language, documents: list[Document]) -> Iterator[tuple[int, Doc | Exception]]:
    """(id of the document, its Doc or the exception that parsing it raised), batched by nlp.pipe.

    When the batched pipe raises, the documents it had not yet returned are parsed one by one, so
    the exception lands on the document that caused it.
    """
    done = 0
    try:
        for doc in nlp.pipe((d.text for d in documents), batch_size=PIPE_BATCH_SIZE):
            yield id(documents[done]), doc
            done += 1
    except Exception:  # noqa: BLE001  found again below, on its own document
        for document in documents[done:]:
            try:
                yield id(document), nlp(document.text)
            except Exception as err:  # noqa: BLE001
                yield id(document), err


def extract_long_document(nlp: Language, document: Document, *, max_chars: int = SECTION_CHARS) -> Extraction:
    """Extract a long document section by section, offsets shifted into the whole text.

    Each section is extracted as a document of its own (same id, outlet and date), so actors are
    linked within a section only; their keys get the section's number so they stay distinct.
    """
    mentions: list[Mention] = []
    claims: list[Claim] = []
    for number, section in enumerate(split_sections(document.text, max_chars=max_chars)):
        part = dataclasses.replace(document, text=document.text[section.start:section.end], raw_text=None)
        extraction = extract_document(nlp(part.text), part)
        shift = _Shift(section.start, f"s{number}.")
        mentions.extend(shift.mention(m) for m in extraction.mentions)
        claims.extend(shift.claim(c) for c in extraction.claims)
        del extraction  # the section's Doc and tables go before the next section is parsed
    return Extraction(document=document, mentions=mentions, claims=claims)


@dataclasses.dataclass(frozen=True)
class _Shift:
    """Moves a section's records into the whole document: offsets by `offset`, actor keys prefixed."""

    offset: int
    prefix: str

    def key(self, actor: str) -> str:
        return self.prefix + actor

    def optional_key(self, actor: str | None) -> str | None:
        return None if actor is None else self.prefix + actor

    def mention(self, m: Mention) -> Mention:
        return dataclasses.replace(m, start=m.start + self.offset, end=m.end + self.offset, actor=self.key(m.actor),
                                   parent_hint=self.optional_key(m.parent_hint))

    def claim(self, c: Claim) -> Claim:
        e = c.evidence
        evidence = dataclasses.replace(
            e, start=e.start + self.offset, end=e.end + self.offset, attributed_actor=self.optional_key(e.attributed_actor),
            cues=[Cue(q.kind, q.text, q.start + self.offset, q.end + self.offset) for q in e.cues])
        attributes = dict(c.attributes)
        if "from" in attributes:  # DEFECT: the actor key of the group left
            attributes["from"] = self.optional_key(attributes["from"])
        return dataclasses.replace(c, subject=self.key(c.subject), object=self.key(c.object), evidence=evidence,
                                   attributes=attributes)


def _reason(err: Exception) -> str:
    """The exception on one line, short enough to print (spaCy's messages run to paragraphs)."""
    message = " ".join(str(err).split())
    if len(message) > 200:
        message = message[:200] + "..."
    return f"extraction failed ({type(err).__name__}: {message})" if message else \
        f"extraction failed ({type(err).__name__})"

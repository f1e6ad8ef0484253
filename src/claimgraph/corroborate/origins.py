"""Decide the independent origin of one piece of evidence and its attribution chain."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Evidence
from ..resolve.normalize import fold
from .outlets import Outlets


# The kind of an origin that is only "some document whose outlet nobody knows" (#12): such documents are
# counted apart from independent origins ("3 origins, plus 7 documents of unknown outlet"), since ten
# plain-text files of one outlet are not ten independent reports.
UNKNOWN_OUTLET = "unknown_outlet"


def count_origins(origin_list) -> tuple[int, int]:
    """(independent origins, documents of unknown outlet) of a group's origin list."""
    known = [o for o in origin_list if o.kind != UNKNOWN_OUTLET]
    unknown = {d for o in origin_list if o.kind == UNKNOWN_OUTLET for d in o.documents}
    return len(known), len(unknown)


@dataclass(frozen=True)
class OriginOf:
    key: str
    name: str
    kind: str  # person | outlet | organization | anonymous | state
    chain: tuple[str, ...]  # speaker -> outlet -> publisher -> republishers


def find_origin(evidence: Evidence, *, actor_entity: dict[tuple[str, str], str], outlets: Outlets,
                reporters: dict[str, str], republishers: dict[str, list[str]],
                relays: dict[tuple[str, str], str] | None = None) -> OriginOf:
    """The attributed source (reporters resolved to their outlet), else the publishing outlet.

    Anonymous sources count as the outlet they spoke to ("Palestinian sources told The Times
    of Israel" -> The Times of Israel, also in a passage that sentence introduced: `relays`
    from outlets.link_relays), or the publishing outlet when none is named; a
    syndicated copy counts as the document it copies.
    """
    document_id = evidence.document_id
    root = outlets.root_document(document_id)
    publisher_key, publisher = outlets.publisher_key(document_id)
    root_key, root_name = outlets.publisher_key(root)
    tail = [publisher] + [outlets.publisher_key(d)[1] for d in republishers.get(document_id, [])]
    entities = outlets.entities
    speaker = actor_entity.get((document_id, evidence.attributed_actor)) if evidence.attributed_actor else None
    if speaker is None and evidence.attributed_to and evidence.attribution_kind != "anonymous":
        speaker = outlets.find_entity(evidence.attributed_to)
    if speaker in entities:
        name = entities[speaker].name
        if speaker in outlets.media:
            return OriginOf(speaker, name, "outlet", _chain(name, *tail))
        if speaker in reporters:
            outlet = reporters[speaker]
            return OriginOf(outlet, outlets.name_of(outlet), "outlet",
                            _chain(name, outlets.name_of(outlet), *tail))
        kind = evidence.attribution_kind or ("person" if entities[speaker].type == "person" else "organization")
        return OriginOf(speaker, name, kind, _chain(name, *tail))
    if evidence.attributed_to:
        relay = (outlets.find_relay(evidence.text) or outlets.find_relay(evidence.attributed_to)
                 or (relays or {}).get((document_id, fold(evidence.attributed_to))))
        if relay:
            return OriginOf(relay, outlets.name_of(relay), "outlet",
                            _chain(evidence.attributed_to, outlets.name_of(relay), *tail))
        if evidence.attribution_kind == "anonymous" or not evidence.attribution_kind:
            kind = UNKNOWN_OUTLET if outlets.is_unknown(root_key) else "anonymous"
            return OriginOf(root_key, root_name, kind, _chain(evidence.attributed_to, *tail))
        return OriginOf(f"source:{evidence.attributed_to.lower()}", evidence.attributed_to,
                        evidence.attribution_kind, _chain(evidence.attributed_to, *tail))
    kind = UNKNOWN_OUTLET if outlets.is_unknown(root_key) else "outlet"
    return OriginOf(root_key, root_name, kind, _chain(*([root_name] if root != document_id else []), *tail))


def _chain(*names: str) -> tuple[str, ...]:
    out: list[str] = []
    for name in names:
        if name and (not out or out[-1] != name):
            out.append(name)
    return tuple(out)

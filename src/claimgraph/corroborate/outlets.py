"""Know which entities are news outlets, name them as origins, and link reporters to their outlets."""
from __future__ import annotations

import logging
import re
from collections import defaultdict
from typing import Iterable
from urllib.parse import urlsplit

from ..gazetteer import load_gazetteer
from ..model import Claim, Document, Entity
from ..resolve.normalize import fold, normalize_name

log = logging.getLogger(__name__)

# Shapes that tie a reporter to an outlet in running text: "The Times of Israel's Avi Issacharoff",
# "Avi Issacharoff of The Times of Israel", "Avi Issacharoff, writing for the Times of Israel".
REPORTER_SHAPES = ("{o}'s {p}", "{o} reporter {p}", "{o} correspondent {p}", "{o} journalist {p}",
                   "{p} of {o}", "{p}, of {o}", "{p} of the {o}", "{p}, writing for {o}", "{p} for {o}",
                   "{p} from {o}", "{p}, a reporter for {o}", "{p}, a correspondent for {o}")
# Phrases by which an anonymous or named source passes a claim to an outlet ("sources told X").
RELAY_PHRASES = ("told", "speaking with", "speaking to", "talking to", "talking with", "said to",
                 "in an interview with", "interviewed by", "quoted by", "cited by", "according to")
# Evidence texts whose relay is remembered (claims of one sentence ask in a row)
RELAY_CACHE_SIZE = 10_000
# Compiled once: find_relay runs for every claim and again for every piece of evidence (#7).
_RELAY_PATTERNS = tuple((phrase, re.compile(rf"\b{re.escape(phrase)}\s+(?:the\s+)?")) for phrase in RELAY_PHRASES)


class Outlets:
    """Outlet entities and publishing outlets, each with one stable origin key."""

    def __init__(self, entities: dict[str, Entity], documents: dict[str, Document]):
        self.entities = entities
        self.documents = documents
        self.by_name: dict[str, set[str]] = defaultdict(set)  # normalized alias -> entity ids
        for entity in entities.values():
            for alias in entity.aliases or [entity.name]:
                key = normalize_name(alias)
                if key:
                    self.by_name[key].add(entity.id)
        gazetteer = load_gazetteer()
        self.media: set[str] = set()
        for entity in entities.values():
            entry = gazetteer.get(entity.gazetteer_id) if entity.gazetteer_id else None
            if entry is not None and entry.kind == "media":
                self.media.add(entity.id)
        for document in documents.values():
            entity_id = self.find_entity(document.outlet)
            if entity_id:
                self.media.add(entity_id)
        # folded outlet names (entity aliases and document outlets) for scanning text
        self.names: dict[str, str] = {}
        for entity_id in sorted(self.media):
            for alias in entities[entity_id].aliases or [entities[entity_id].name]:
                self._add_name(alias, entity_id)
        for document in documents.values():
            if document.outlet:
                self._add_name(document.outlet, self.key_of_outlet(document.outlet))
        # the names by first letter, in the order of `names` (the first that fits wins)
        self._names_by_initial: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for name, key in self.names.items():
            self._names_by_initial[name[0]].append((name, key))
        self._relays: dict[str, str | None] = {}  # text -> find_relay's answer: claims share evidence texts

    def _add_name(self, alias: str, key: str) -> None:
        text = fold(alias).strip()
        text = text[4:] if text.startswith("the ") else text
        if len(text) >= 3:
            self.names.setdefault(text, key)

    def find_entity(self, name: str | None) -> str | None:
        """The one entity whose name or alias normalizes like `name`, else None."""
        if not name:
            return None
        ids = self.by_name.get(normalize_name(name), set())
        return next(iter(ids)) if len(ids) == 1 else None

    def key_of_outlet(self, name: str | None) -> str:
        """Origin key of an outlet named so: its entity id when resolved, else 'outlet:<name>'."""
        entity_id = self.find_entity(name)
        return entity_id or f"outlet:{normalize_name(name or '') or 'unknown'}"

    def name_of(self, key: str) -> str:
        if key in self.entities:
            return self.entities[key].name
        return key.split(":", 1)[1] if ":" in key else key

    def root_document(self, document_id: str) -> str:
        """Follow duplicate_of links to the first copy (syndicated copies share its origin)."""
        seen = set()
        while document_id in self.documents and self.documents[document_id].duplicate_of \
                and document_id not in seen:
            seen.add(document_id)
            document_id = self.documents[document_id].duplicate_of
        return document_id

    def publisher_key(self, document_id: str) -> tuple[str, str]:
        """(origin key, name) of the outlet that published a document; unknown outlets key by document."""
        document = self.documents.get(document_id)
        if document is not None and not document.outlet and document.url:
            host = urlsplit(document.url).hostname or ""
            host = host[4:] if host.startswith("www.") else host
            if host:
                return f"outlet:{host}", host
        if document is None or not document.outlet:
            return f"doc:{document_id}", f"document {document_id[:8]}"
        key = self.key_of_outlet(document.outlet)
        return key, self.name_of(key) if key in self.entities else document.outlet

    @staticmethod
    def is_unknown(key: str) -> bool:
        """Is this the publisher key of a document whose outlet is unknown (no outlet, no URL)?"""
        return key.startswith("doc:")

    def find_relay(self, text: str) -> str | None:
        """An outlet a source spoke to, named in `text` ('sources told The Times of Israel')."""
        if text not in self._relays:
            if len(self._relays) >= RELAY_CACHE_SIZE:  # bounded: the reduce's memory must stay flat
                self._relays.clear()
            self._relays[text] = self._scan_relay(fold(text)) if self.names else None
        return self._relays[text]

    def _scan_relay(self, folded: str) -> str | None:
        for phrase, pattern in _RELAY_PATTERNS:
            if phrase not in folded:  # a substring test is much cheaper than the regex
                continue
            for match in pattern.finditer(folded):
                tail = folded[match.end():match.end() + 80]
                for name, key in self._names_by_initial.get(tail[:1], ()):
                    if tail.startswith(name) and (len(tail) == len(name) or not tail[len(name)].isalnum()):
                        return key
        return None


def link_reporters(claims: Iterable[Claim], actor_entity: dict[tuple[str, str], str],
                   outlets: Outlets) -> dict[str, str]:
    """person entity id -> outlet origin key, from parents, MEMBER_OF claims, bylines and text."""
    links: dict[str, str] = {}
    entities = outlets.entities
    for entity in entities.values():
        if entity.type == "person":
            media_parent = next((p for p in entity.parents if p in outlets.media), None)
            if media_parent:
                links[entity.id] = media_parent
    claims = list(claims)
    for claim in claims:
        if claim.relation != "MEMBER_OF":
            continue
        subject = actor_entity.get((claim.document_id, claim.subject))
        target = actor_entity.get((claim.document_id, claim.object))
        if subject in entities and entities[subject].type == "person" and target in outlets.media:
            links.setdefault(subject, target)
    for document in outlets.documents.values():
        for author in document.authors or []:
            entity_id = outlets.find_entity(author)
            if entity_id and entities[entity_id].type == "person" and document.outlet:
                links.setdefault(entity_id, outlets.key_of_outlet(document.outlet))
    texts: dict[str, set[str]] = defaultdict(set)  # speaker entity -> texts that name them
    for claim in claims:
        evidence = claim.evidence
        speaker = actor_entity.get((claim.document_id, evidence.attributed_actor)) \
            if evidence.attributed_actor else None
        if speaker in entities and entities[speaker].type == "person" and speaker not in links:
            texts[speaker].add(fold(evidence.text))
            if evidence.attributed_to:
                texts[speaker].add(fold(evidence.attributed_to))
    for speaker, folded_texts in texts.items():
        key = _find_byline(entities[speaker], folded_texts, outlets)
        if key:
            links[speaker] = key
    return links


def link_relays(claims: Iterable[Claim], outlets: Outlets) -> dict[tuple[str, str], str]:
    """(document id, folded source) -> the outlet that source spoke to, as stated anywhere in the document.

    A quoted passage carries its attribution from the sentence that introduced it ("Palestinian
    sources told The Times of Israel: ... In recent years X lost dozens of members ..."), but only
    the introducing sentence names the outlet; without this the passage would count as a second,
    independent origin.
    """
    sources: dict[str, set[str]] = defaultdict(set)  # document -> folded names of its attributed sources
    relayed: dict[str, list[tuple[str, str]]] = defaultdict(list)  # document -> (folded text, outlet)
    for claim in claims:
        evidence = claim.evidence
        if evidence.attributed_to:
            sources[claim.document_id].add(fold(evidence.attributed_to))
        relay = outlets.find_relay(evidence.text)
        if relay:
            relayed[claim.document_id].append((fold(evidence.text), relay))
    relays: dict[tuple[str, str], str] = {}
    for document_id, texts in relayed.items():
        for source in sources.get(document_id, ()):
            # the sentence that names the outlet also names the source ("sources told X")
            relay = next((key for text, key in texts if source in text), None)
            if relay:
                relays[(document_id, source)] = relay
    return relays


def _find_byline(person: Entity, texts: set[str], outlets: Outlets) -> str | None:
    people = {fold(a).strip() for a in person.aliases or [person.name] if len(a) >= 3}
    for text in texts:
        text = text.replace("\u2019", "'")
        for outlet, key in outlets.names.items():
            if outlet not in text:
                continue
            for p in people:
                if p in text and any(shape.format(o=outlet, p=p) in text for shape in REPORTER_SHAPES):
                    return key
    return None

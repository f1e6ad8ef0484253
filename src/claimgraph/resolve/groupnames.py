"""Join clusters known by descriptive group names ("jihadists in Gaza" = "Salafi jihadists") when unique."""
from __future__ import annotations

import logging
from collections import defaultdict
from typing import TYPE_CHECKING

from .descriptive import GroupName, explain_group_match, parse_group_name, places_agree
from .normalize import name_tokens

if TYPE_CHECKING:
    from .cluster import Clusters

log = logging.getLogger(__name__)

# Only these types can be a group known by description (a person never is; 'other' is NER's shrug).
GROUP_TYPES = frozenset({"organization", "other"})
# Blocks (head noun + place word) larger than this are skipped: that many "militants in Iraq" clusters
# cannot have one unique counterpart anyway, and comparing them all would cost quadratic time.
MAX_GROUP_BLOCK = 200


def _cluster_names(clusters: Clusters) -> dict[int, list[tuple[str, GroupName]]]:
    """Root -> the descriptive group names of its unanchored organization actors."""
    out: dict[int, list[tuple[str, GroupName]]] = defaultdict(list)
    for i, actor in enumerate(clusters.actors):
        if clusters.anchors[i].anchor is not None or actor.type not in GROUP_TYPES:
            continue
        for text in dict.fromkeys([actor.name, *actor.names, *actor.descriptions]):
            parsed = parse_group_name(text)
            if parsed is not None:
                out[clusters.find(i)].append((text, parsed))
    return out


def _document_places(clusters: Clusters) -> dict[str, set[tuple[str, ...]]]:
    """Document id -> normalized names of the places, states and groups it names (for placeless names)."""
    out: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for i, actor in enumerate(clusters.actors):
        if actor.type in ("location", "state", "other", "organization"):
            for text in [actor.name, *actor.names]:
                tokens = name_tokens(text)
                if tokens:
                    out[actor.document_id].add(tokens)
    return out


class _PlaceIndex:
    """The places named in a cluster's documents, indexed by their first and last word.

    places_agree() needs one tuple to start or end the other, so only known places that share the
    first or last word can agree: looking them up keeps the check independent of how many documents
    a large cluster spans (#7: it was the quadratic part of the rebuild). Built on first use: most
    clusters are never compared.
    """

    def __init__(self, documents: set[str], places: dict[str, set[tuple[str, ...]]],
                 place_words: dict[str, frozenset[str]]):
        self._documents = documents
        self._places = places
        self._place_words = place_words
        self._by_edge: dict[str, set[tuple[str, ...]]] | None = None
        self._words: set[str] | None = None

    def words(self) -> set[str]:
        """Every word of the places the cluster's documents name."""
        if self._words is None:
            self._words = set().union(*(self._place_words.get(d, ()) for d in self._documents))
        return self._words

    def names(self, place: tuple[str, ...]) -> bool:
        if not place:
            return False
        if self._by_edge is None:
            self._by_edge = defaultdict(set)
            for d in self._documents:
                for known in self._places.get(d, ()):
                    self._by_edge[known[0]].add(known)
                    self._by_edge[known[-1]].add(known)
        candidates = self._by_edge.get(place[0], set()) | self._by_edge.get(place[-1], set())
        return any(places_agree(place, known) for known in candidates)


def _explain(a: list[tuple[str, GroupName]], places_a: _PlaceIndex, b: list[tuple[str, GroupName]],
             places_b: _PlaceIndex) -> tuple[str, str, str] | None:
    """The first agreeing pair of names of two clusters, with the reason; None when none agrees or
    when any pair with the same head contradicts (a 'Shia militias' cluster that is also 'militias
    in Basra' still never meets 'Sunni militias in Basra')."""
    found = None
    for text_a, name_a in a:
        for text_b, name_b in b:
            if name_a.head != name_b.head:
                continue
            if (name_a.modifiers and name_b.modifiers and not (name_a.modifiers <= name_b.modifiers
                                                               or name_b.modifiers <= name_a.modifiers)):
                return None
            if name_a.place and name_b.place and not places_agree(name_a.place, name_b.place):
                return None
            reason = explain_group_match(
                name_a, name_b,
                place_a_known=not name_a.place and places_a.names(name_b.place),
                place_b_known=not name_b.place and places_b.names(name_a.place))
            if reason and found is None:
                found = (text_a, text_b, reason)
    return found


def join_descriptive_groups(clusters: Clusters) -> None:
    """Join two clusters whose descriptive names agree (head noun, place, modifiers) when each is the
    other's only such candidate in the corpus and they share no document (inside one document the
    extractor already decided they differ). The most informative name becomes the display name."""
    names = _cluster_names(clusters)
    if len(names) < 2:
        return
    documents: dict[int, set[str]] = defaultdict(set)
    for i, actor in enumerate(clusters.actors):
        documents[clusters.find(i)].add(actor.document_id)
    places = _document_places(clusters)
    place_words = {d: frozenset(word for known in named for word in known) for d, named in places.items()}
    place_index = {root: _PlaceIndex(documents[root], places, place_words) for root in names}
    # blocks: (head noun, place word); a placeless name goes under the places its documents name
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for root, parsed in names.items():
        keys = set()
        for _, name in parsed:
            words = name.place if name.place else place_index[root].words()
            keys |= {(name.head, word) for word in words}
        for key in keys:
            blocks[key].append(root)
    candidates: dict[int, dict[int, tuple[str, str, str]]] = defaultdict(dict)
    skipped = 0
    compared: set[tuple[int, int]] = set()  # a pair shares many blocks; compare it once
    for roots in blocks.values():
        if len(roots) > MAX_GROUP_BLOCK:
            skipped += 1
            continue
        for x, a in enumerate(roots):
            for b in roots[x + 1:]:
                pair = (a, b) if a < b else (b, a)
                if a == b or pair in compared:
                    continue
                compared.add(pair)
                if documents[a] & documents[b]:
                    continue
                found = _explain(names[a], place_index[a], names[b], place_index[b])
                if found:
                    candidates[a][b] = found
                    candidates[b][a] = (found[1], found[0], found[2])
    if skipped:
        log.info("resolve: %d oversized descriptive-name blocks skipped", skipped)
    for a in sorted(candidates):
        if len(candidates[a]) != 1:
            if len(candidates[a]) > 1:
                log.debug("descriptive name of cluster %d has %d candidates; not joined", a, len(candidates[a]))
            continue
        [(b, (text_a, text_b, reason))] = candidates[a].items()
        if len(candidates[b]) != 1 or a > b:
            continue  # each pair once, and only when the match is unique from both sides
        if clusters.join(a, b, f"descriptive group name '{text_a}' ~ '{text_b}': {reason} "
                               f"(the only such group in the corpus)"):
            root = clusters.find(a)
            every = names[a] + names[b]
            best = max(every, key=lambda tn: (tn[1].parts, tn[0] in (text_a, text_b), _count(tn[0], every),
                                              tn[0][:1].isupper(), len(tn[0]), tn[0]))
            clusters.info[root].display_name = best[0]


def _count(text: str, names: list[tuple[str, GroupName]]) -> int:
    return sum(1 for other, _ in names if other == text)

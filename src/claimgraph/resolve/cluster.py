"""Cluster local actors into entities: anchors, exact names, aliases, skeletons, fuzzy, partial names, acronyms.

Each step joins clusters through `Clusters.join`, which refuses joins that break
a constraint (two different anchors, incompatible types, two people whose full
names disagree) and records a human-readable reason for every join it makes.
Fuzzy comparison only runs inside blocks (names of the same length sharing all
but one skeleton token), so cost grows near-linearly with the number of names.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass

from .actors import LocalActor, has_proper_name
from .anchors import AnchorResult, is_type_compatible
from .groupnames import join_descriptive_groups
from .match import block_keys, explain_match
from .normalize import acronym_key, is_acronym, make_initials, name_tokens, skeleton_key

log = logging.getLogger(__name__)

# Blocks larger than this are skipped by the fuzzy step: a token shared by that many names
# carries no identity ('brigades', 'islamic'); raise it if benchmarks/resolve_bench.py shows misses.
MAX_BLOCK = 60
# Distinct full person names remembered per cluster for the conflicting-names check.
MAX_PERSON_NAMES = 8
# First words of an Arabic kunya ("Abu Mohammed", "Umm Ahmed"): a kunya alone names a person by its
# head, so it may join the one full name that starts with it (as a surname joins the one that ends so).
KUNYA_HEADS = frozenset({"abu", "abou", "umm", "um"})
# Unnamed actors that are local to their document (docs/extraction.md, "Actors the text does not name"):
# "two civilians", "the minister", "31 people" of one story are not those of another. A generic force or
# a descriptive group is local too when nothing in its name is a proper word ("police", "legal experts");
# "Syrian rebels" and "the Egyptian army" keep joining across documents (#12).
LOCAL_KINDS = frozenset({"civilians", "counted_group", "title_role"})
LOCAL_WHEN_LOWERCASE = frozenset({"generic_force", "descriptive"})


def is_document_local(actor: LocalActor) -> bool:
    """Whether an (unanchored) actor may only be the actor it is in its own document."""
    return actor.actor_kind in LOCAL_KINDS or (
        actor.actor_kind in LOCAL_WHEN_LOWERCASE and not has_proper_name(actor.name))


@dataclass(slots=True)
class ClusterInfo:
    """What a cluster's joins must respect. One per local actor (hundreds of thousands, #7), so the
    containers are immutable and shared while a cluster has one member: `join` builds new ones."""

    anchor: str | None = None
    types: frozenset[str] = frozenset()
    person_names: list[tuple[str, ...]] | tuple[()] = ()
    reasons: list[str] | tuple[()] = ()
    display_name: str | None = None  # set when a join makes one name the best (descriptive groups)
    generic: bool = False  # every name is generic ("Syrian rebels"): never joins a specific actor (#12)
    opposed: frozenset[int] = frozenset()  # actors this cluster attacked or coerced, or was attacked by (#12)
    local: str | None = None  # the document of a document-local unnamed actor ("two civilians"): no join out


class Clusters:
    """Union-find over local actors with constraints and reasons."""

    def __init__(self, actors: list[LocalActor], anchors: list[AnchorResult], *,
                 generic: list[bool] | None = None, opposed: dict[int, set[int]] | None = None):
        self.actors = actors
        self.anchors = anchors
        self.parent = list(range(len(actors)))
        self.info = []
        type_sets: dict[str, frozenset[str]] = {}
        for actor, result in zip(actors, anchors):
            type_ = result.anchor.type if result.anchor else actor.type
            types = type_sets.get(type_) or type_sets.setdefault(type_, frozenset({type_}))
            info = ClusterInfo(anchor=result.anchor.key if result.anchor else None, types=types)
            if actor.type == "person" and result.anchor is None and len(actor.tokens) >= 2:
                info.person_names = [actor.tokens]
            if result.anchor is not None:
                info.reasons = [result.anchor.reason]
            elif is_document_local(actor):
                info.local = actor.document_id
            self.info.append(info)
        for i, is_generic in enumerate(generic or ()):
            self.info[i].generic = is_generic and anchors[i].anchor is None
        for i, others in (opposed or {}).items():
            self.info[i].opposed = frozenset(others)

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def join(self, i: int, j: int, reason: str) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return True
        ia, ib = self.info[a], self.info[b]
        if ia.anchor and ib.anchor and ia.anchor != ib.anchor:
            return False
        # a cluster's types are pairwise compatible (every join checks), so equal sets need no check
        if ia.types != ib.types and not all(is_type_compatible(x, y) for x in ia.types for y in ib.types):
            return False
        if ia.person_names and ib.person_names and not _names_agree(ia.person_names, ib.person_names):
            log.debug("refused join of %s and %s: full names disagree", ia.person_names, ib.person_names)
            return False
        if (ia.local or ib.local) and ia.local != ib.local:
            log.debug("refused join (%s): an unnamed actor local to its document", reason)
            return False
        if ia.generic != ib.generic:
            # "Syrian rebels" never becomes Syria, its army or a named group across documents (#12)
            log.debug("refused join (%s): a generic name and a specific actor", reason)
            return False
        same_anchor = ia.anchor is not None and ia.anchor == ib.anchor  # the gazetteer outranks a misread claim
        if not same_anchor and (any(self.find(x) == b for x in ia.opposed)
                                or any(self.find(x) == a for x in ib.opposed)):
            log.debug("refused join (%s): one attacked or coerced the other", reason)
            return False
        if a > b:
            a, b, ia, ib = b, a, ib, ia
        self.parent[b] = a
        ia.anchor = ia.anchor or ib.anchor
        if ia.types != ib.types:
            ia.types = ia.types | ib.types
        if ia.person_names and ib.person_names:
            ia.person_names = _keep_longest([*ia.person_names, *ib.person_names])
        elif ib.person_names:  # already kept longest: it is what _keep_longest would return
            ia.person_names = ib.person_names
        if not isinstance(ia.reasons, list):  # still the shared empty tuple
            ia.reasons = []
        ia.reasons.extend([reason, *ib.reasons])
        ia.display_name = ia.display_name or ib.display_name
        if ib.opposed:
            ia.opposed = ia.opposed | ib.opposed
        return True

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.actors)):
            out[self.find(i)].append(i)
        return out


def _is_suffix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return len(short) < len(long) and skeleton_key(long)[-len(short):] == skeleton_key(short)


def _is_kunya_of(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return (len(short) == 2 < len(long) and short[0] in KUNYA_HEADS
            and skeleton_key(long[:2]) == skeleton_key(short))


def _is_part(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    return _is_suffix(x, y) or _is_kunya_of(x, y)


def _names_agree(xs: list[tuple[str, ...]], ys: list[tuple[str, ...]]) -> bool:
    return all(any(explain_match(x, y) or _is_part(x, y) or _is_part(y, x) for y in ys) for x in xs)


def _keep_longest(names: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    unique = sorted(set(names), key=lambda t: (-len(t), t))
    maximal = [n for n in unique if not any(_is_part(n, m) for m in unique)]
    return maximal[:MAX_PERSON_NAMES]


def _group(actor: LocalActor, result: AnchorResult) -> str:
    kind = result.anchor.type if result.anchor else actor.type
    return "person" if kind == "person" else "other"


def cluster_actors(actors: list[LocalActor], anchors: list[AnchorResult], *,
                   generic: list[bool] | None = None, opposed: dict[int, set[int]] | None = None) -> Clusters:
    """Run every joining step in order of confidence; returns the clusters with their reasons.

    Args:
        generic: per actor, whether all its names are generic ("Syrian rebels").
        opposed: actor index -> indexes of actors it attacked or coerced (or that did so to it).
    """
    clusters = Clusters(actors, anchors, generic=generic, opposed=opposed)
    _join_anchors(clusters)
    names = _join_exact_names(clusters)
    _join_aliases(clusters, names)
    _join_similar(clusters, names)
    _join_partial_names(clusters, names)
    _join_acronyms(clusters)
    _join_descriptive_children(clusters)
    join_descriptive_groups(clusters)
    return clusters


def _join_anchors(clusters: Clusters) -> None:
    first: dict[str, int] = {}
    for i, result in enumerate(clusters.anchors):
        if result.anchor is not None:
            key = result.anchor.key
            if key in first:
                clusters.join(first[key], i, result.anchor.reason)
            else:
                first[key] = i


def _join_exact_names(clusters: Clusters) -> dict[tuple, list[int]]:
    """Actors whose best names normalize alike; returns (group, tokens) -> actor indexes."""
    names: dict[tuple, list[int]] = defaultdict(list)
    for i, actor in enumerate(clusters.actors):
        if not actor.is_named or is_acronym(actor.name):
            continue
        tokens = actor.tokens
        if tokens:
            names[(_group(actor, clusters.anchors[i]), tokens)].append(i)
    heads: dict[tuple, list[int]] = {}
    for key, members in names.items():
        # one head per cluster this name ends in (type constraints may keep 'Sinai' the place
        # apart from 'Sinai' the group)
        heads[key] = []
        reason = f"same normalized name '{' '.join(key[1])}'"  # one string for every join it explains
        for j in members:
            if not any(clusters.join(h, j, reason) for h in heads[key]):
                heads[key].append(j)
    return heads


def _join_aliases(clusters: Clusters, names: dict[tuple, list[int]]) -> None:
    """An in-document alias of one actor that is another actor's best name ('Wilayat Sinai' = 'Sinai Province')."""
    for i, actor in enumerate(clusters.actors):
        if not actor.is_named or actor.type == "person":
            continue
        for alias in actor.names:
            if is_acronym(alias):
                continue
            tokens = name_tokens(alias, actor.type)
            if tokens == actor.tokens:
                continue
            members = names.get(("other", tokens), [])
            roots = {clusters.find(j) for j in members} - {clusters.find(i)}
            if len(roots) == 1:
                target = next(j for j in members if clusters.find(j) in roots)
                clusters.join(i, target, f"alias '{alias}' given in document {actor.document_id[:8]}")


def _join_similar(clusters: Clusters, names: dict[tuple, list[int]]) -> None:
    """Transliteration variants and near-spellings, compared only inside blocks."""
    blocks: dict[tuple, list[tuple]] = defaultdict(list)
    for key in names:
        group, tokens = key
        for block in block_keys(tokens, group):
            blocks[block].append(key)
    skipped = 0
    seen: set[tuple] = set()
    for block, keys in blocks.items():
        if len(keys) < 2:
            continue
        if len(keys) > MAX_BLOCK:
            skipped += 1
            continue
        for x in range(len(keys)):
            for y in range(x + 1, len(keys)):
                pair = (keys[x], keys[y])
                if pair in seen:
                    continue
                seen.add(pair)
                reason = explain_match(keys[x][1], keys[y][1])
                if not reason:
                    continue
                for i in names[keys[x]]:
                    for j in names[keys[y]]:
                        clusters.join(i, j, reason)
    if skipped:
        log.info("resolve: %d oversized blocks skipped by the fuzzy step", skipped)


def _join_partial_names(clusters: Clusters, names: dict[tuple, list[int]]) -> None:
    """A surname ('Haniyeh') or tail ('Abu Shwiesh', 'Qassam Brigades') joins the one full name ending so."""
    suffixes: dict[tuple, set[tuple]] = defaultdict(set)
    for key in names:
        group, tokens = key
        shortest = 1 if group == "person" else 2
        for size in range(shortest, len(tokens)):
            suffixes[(group, skeleton_key(tokens[-size:]))].add(key)
        if group == "person" and len(tokens) > 2 and tokens[0] in KUNYA_HEADS:
            suffixes[("kunya", skeleton_key(tokens[:2]))].add(key)
    # longest partial names first: 'Hasan Nasrallah' joins before 'Nasrallah' is judged ambiguous
    for key in sorted(names, key=lambda k: (-len(k[1]), k)):
        group, tokens = key
        if group != "person" and len(tokens) < 2:
            continue
        longer = set(suffixes.get((group, skeleton_key(tokens)), ()))
        if group == "person" and len(tokens) == 2 and tokens[0] in KUNYA_HEADS:
            longer |= suffixes.get(("kunya", skeleton_key(tokens)), set())
        longer = sorted(longer)
        for i in names[key]:
            if group != "person" and clusters.anchors[i].anchor is not None:
                continue
            targets = {clusters.find(j): (k, j) for k in longer for j in names[k]}
            targets.pop(clusters.find(i), None)
            if len(targets) == 1:
                target, j = next(iter(targets.values()))
                clusters.join(i, j, f"partial name '{' '.join(tokens)}' of '{' '.join(target[1])}' "
                                    f"(the only such name)")


def _join_acronyms(clusters: Clusters) -> None:
    """An acronym-only actor joins the one actor that defined it, else the one whose initials it is."""
    defined: dict[str, set[int]] = defaultdict(set)
    initials: dict[str, set[int]] = defaultdict(set)
    acronym_only = [actor.is_acronym_only for actor in clusters.actors]
    for i, actor in enumerate(clusters.actors):
        if acronym_only[i] or not actor.is_named:
            continue
        for alias in actor.names:
            if is_acronym(alias):
                defined[acronym_key(alias)].add(i)
        if actor.type != "person":
            initials[make_initials(actor.name)].add(i)
    for i, actor in enumerate(clusters.actors):
        if not acronym_only[i] or clusters.anchors[i].anchor is not None:
            continue
        key = acronym_key(actor.name)
        for table, how in ((defined, "defined in document"), (initials, "initials of")):
            members = table.get(key, set())
            roots = {clusters.find(j) for j in members} - {clusters.find(i)}
            if len(roots) == 1:
                j = min(members, key=lambda m: (clusters.find(m) not in roots, m))
                other = clusters.actors[j]
                where = other.document_id[:8] if how.startswith("defined") else f"'{other.name}'"
                clusters.join(i, j, f"acronym '{key}' {how} {where}")
                break
            if len(roots) > 1:
                break


def _join_descriptive_children(clusters: Clusters) -> None:
    """'ISIS' branch based on the desert peninsula' joins the one known part of ISIS named in the
    same document, else the one named anywhere in the corpus."""
    children: dict[str, list[int]] = defaultdict(list)  # parent anchor key -> anchored children
    for j, result in enumerate(clusters.anchors):
        if result.anchor is not None:
            for parent in result.anchor.parents:
                children[parent].append(j)
    for i, result in enumerate(clusters.anchors):
        if result.anchor is not None or not result.descriptive:
            continue
        actor = clusters.actors[i]
        for parent in result.parents:
            parent_name = next((a.name for a in result.extra if a.key == parent), parent)
            known = children.get(parent, [])
            same_document = [j for j in known if clusters.actors[j].document_id == actor.document_id]
            for scope, members in (("document", same_document), ("corpus", known)):
                keys = {clusters.anchors[j].anchor.key for j in members}
                if len(keys) == 1:
                    target = members[0]
                    clusters.join(i, target, f"descriptive name '{actor.name}' -> the only part of "
                                             f"{parent_name} named in the {scope}")
                    break
                if len(keys) > 1:
                    break

"""The relation ontology (data/relations.yaml), typed and read once per process.

Every property of a relation (symmetric, structural, its modes, whether it is a tie of belonging or
a hostile act) is read from that file here; code asks this module instead of naming relations (#15).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .datafiles import read_data_yaml
from .errors import DataFileError

KINDS = frozenset(("structural", "event"))
TIES = frozenset(("membership", "standing"))
STANCES = frozenset(("cooperative", "hostile"))


@dataclass(frozen=True)
class Relation:
    """One relation of the ontology and its properties (the keys of data/relations.yaml)."""

    name: str
    kind: str  # structural | event
    description: str = ""
    symmetric: bool = False
    modes: tuple[str, ...] = ()
    attributes: tuple[str, ...] = ()
    plover: str | None = None
    place_object: bool = False  # a named place may be the object ("imposed a curfew in Abidjan")
    people_target: bool = False  # done to people or bodies, never to a place ("raided the village of Chai")
    place_modes: tuple[str, ...] = ()  # of a people_target relation, the modes done to a place's people (curfews)
    # "membership": belonging, read from titles and descriptions (never negated or hedged, no date of its
    # own); "standing": a lasting tie rather than a dated event; None: an event
    tie: str | None = None
    stance: str | None = None  # cooperative | hostile: what its promised or refused form is in PLOVER
    opposed: bool = False  # one side acts against the other: the two are never one entity
    violent: bool = False  # violence: a single-origin claim of it is worth a second look
    verbal: bool = False  # said rather than done (PLOVER's verbal events): an act in its object stands for its doer
    about_acts: bool = False  # done about what others did: an act in its object stands for its doer (verbal too)
    domestic: bool = False  # also done by a state's own leaders to it ("eased the curfew in Juba"): membership allows it
    decreed: bool = False  # done by deciding it: one announced to come ("would cease aid to X") is done, not threatened


@dataclass(frozen=True)
class Ontology:
    """The relations by name, in the file's order, with the sets code asks about."""

    relations: dict[str, Relation]
    # answers of names(), asked by every document's extractor
    _names: dict[tuple, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def __contains__(self, name: object) -> bool:
        return name in self.relations

    def __getitem__(self, name: str) -> Relation:
        return self.relations[name]

    def names(self, **properties) -> frozenset[str]:
        """Relations whose properties have the given values: `names(symmetric=True)`."""
        key = tuple(sorted(properties.items()))
        found = self._names.get(key)
        if found is None:
            found = self._names[key] = frozenset(
                name for name, relation in self.relations.items()
                if all(getattr(relation, k) == value for k, value in properties.items()))
        return found

    @cached_property
    def symmetric(self) -> frozenset[str]:
        return self.names(symmetric=True)

    @cached_property
    def structural(self) -> frozenset[str]:
        return self.names(kind="structural")

    @cached_property
    def membership(self) -> frozenset[str]:
        """Ties of belonging (MEMBER_OF, PART_OF)."""
        return self.names(tie="membership")

    def with_attribute(self, attribute: str) -> frozenset[str]:
        key = ("attribute", attribute)
        found = self._names.get(key)
        if found is None:
            found = self._names[key] = frozenset(name for name, relation in self.relations.items()
                                                 if attribute in relation.attributes)
        return found


def _relation(name: str, spec: dict) -> Relation:
    where = f"data/relations.yaml: {name}"
    if not isinstance(spec, dict):
        raise DataFileError(f"{where}: expected a mapping of properties")
    known = {f for f in Relation.__dataclass_fields__ if f != "name"} | {"subject", "object"}
    unknown = set(spec) - known
    if unknown:
        raise DataFileError(f"{where}: unknown propert(ies) {sorted(unknown)}")
    values = {k: v for k, v in spec.items() if k not in ("subject", "object")}
    for key in ("modes", "attributes", "place_modes"):
        values[key] = tuple(values.get(key) or ())
    for key, allowed in (("kind", KINDS), ("tie", TIES), ("stance", STANCES)):
        if values.get(key) is not None and values[key] not in allowed:
            raise DataFileError(f"{where}: {key} {values[key]!r} is not one of {sorted(allowed)}")
    if "kind" not in values:
        raise DataFileError(f"{where}: needs a kind ({sorted(KINDS)})")
    return Relation(name=name, **values)


def read_relations() -> dict:
    """The raw mapping of data/relations.yaml's `relations` (name -> properties)."""
    data = read_data_yaml("relations.yaml")
    if not isinstance(data.get("relations"), dict):
        raise DataFileError("data/relations.yaml: expected a mapping with a 'relations' mapping")
    return data["relations"]


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The ontology, read and checked once; raises DataFileError naming a bad relation or property."""
    return Ontology({name: _relation(name, spec) for name, spec in read_relations().items()})

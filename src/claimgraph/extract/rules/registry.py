"""The table of named rules: a rule is a small function registered under a name, with an example."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Token


@dataclass
class RawClaim:
    """A relation found in one sentence, before modality, attribution and attributes are added."""

    predicate: Token
    relation: str
    subject: str
    object: str
    mode: str | None = None
    attributes: dict = field(default_factory=dict)
    themes: list[Token] = field(default_factory=list)
    # a REJECT whose negation is the refusal itself ("would not meet"): the refusal is affirmed
    refused_by_negation: bool = False
    # the other side's part in a mutual act ("X clashed with Y": Y's fight with X)
    returned: bool = False
    # provenance: the rule that read it ("verb:attack", "structure:title", "model") and the model's score
    rule: str = ""
    score: float | None = None


@dataclass(frozen=True)
class Rule:
    """One way a claim is read: `read` is the function, `example` a sentence it reads."""

    name: str
    read: Callable
    example: str
    # a reading after which the later readings of the same claim are not tried
    final: bool = False

    @property
    def summary(self) -> str:
        """The first line of the rule's docstring: what it reads."""
        return (self.read.__doc__ or "").strip().splitlines()[0] if self.read.__doc__ else ""


class RuleTable:
    """Rules by name. Which rules a step tries, and in what order, is a tuple of names (rules/__init__.py)."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def register(self, name: str, *, example: str, final: bool = False) -> Callable[[Callable], Callable]:
        """Register the decorated function as rule `name`; a name is registered once."""
        def add(read: Callable) -> Callable:
            if name in self._rules:
                raise ValueError(f"rule {name!r} is registered twice")
            if not read.__doc__:
                raise ValueError(f"rule {name!r} needs a docstring saying what it reads")
            self._rules[name] = Rule(name=name, read=read, example=example, final=final)
            return read
        return add

    def __getitem__(self, name: str) -> Rule:
        try:
            return self._rules[name]
        except KeyError:
            raise KeyError(f"no rule named {name!r} (known: {sorted(self._rules)})") from None

    def __contains__(self, name: object) -> bool:
        return name in self._rules

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    def steps(self, names: tuple[str, ...]) -> tuple[Rule, ...]:
        """The rules of one step, in the given order."""
        return tuple(self[name] for name in names)


RULES = RuleTable()

"""Event relations from the dependency parse: verb and noun predicates, their subject, object and mode."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Token

from .arguments import ArgumentResolver
from .lexicon import Lexicon, Predicate

SUBJECT_DEPS = ("nsubj", "csubj", "expl")
# Inflection endings tried when the lemmatizer's lemma is not in the lexicon (order matters).
_SUFFIXES = (("ied", ("y",)), ("ies", ("y",)), ("ed", ("e", "", "_double")), ("ing", ("e", "", "_double")),
             ("es", ("e", "")), ("s", ("",)))
# Prepositions that put an act in or toward a place, for relations whose object may be a place.
PLACE_PREPS = ("in", "into", "to", "at", "inside")
# Prepositions that add circumstances, not participants: the fallback object search skips them.
ADJUNCT_PREPS = frozenset("""in at near on during since after before as despite with alongside like unlike than
amid amidst following under without because besides beside except including over within throughout""".split())
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
# Clauses whose missing subject is the governing verb's subject (control, coordination, purpose).
INHERIT_DEPS = ("xcomp", "conj", "advcl", "pcomp", "prep", "ccomp", "acl", "relcl")
# Verbs that make a noun predicate their subject's act ("Hamas built up ties with X", "launched attacks").
LIGHT_VERBS = frozenset("""have hold build join launch carry conduct maintain provide give offer step wage stage deepen
strengthen expand continue resume pursue engage begin start make sign reach conclude forge establish boost
increase intensify enjoy keep extend mount perpetrate commit lead orchestrate plan seek announce grow
coordinate loosen tighten impose issue express voice pledge reaffirm deliver receive enter undertake
initiate escalate step up carry out cement seal restore renew""".split())


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
    # provenance: the rule that read it ("verb:attack", "structure:title", "model") and the model's score
    rule: str = ""
    score: float | None = None


class PredicateMatcher:
    """Finds lexicon predicates in a sentence and resolves their arguments to actors."""

    def __init__(self, lexicon: Lexicon, resolver: ArgumentResolver):
        self.lexicon = lexicon
        self.resolver = resolver
        self.symmetric = lexicon.symmetric
        self.reporting_verbs = frozenset(lexicon.reporting["verbs"])
        self.place_relations = frozenset(r for r, spec in lexicon.relations.items() if spec.get("place_object"))
        intent = lexicon.modality.get("intent") or {}
        self.intent_aux = frozenset(intent.get("auxiliaries") or ())
        self.intent_verbs = frozenset(intent.get("verbs") or ())
        self.intent_adjectives = frozenset(intent.get("adjectives") or ())
        self.cooperative = frozenset(intent.get("cooperative") or ())
        self.hostile = frozenset(intent.get("hostile") or ())
        self.conditions = frozenset(intent.get("conditions") or ())
        self.hostile_conditions = frozenset(intent.get("hostile_conditions") or ())
        self.refusals = frozenset(intent.get("refusals") or ())
        self.refusal_aux = frozenset(intent.get("refusal_auxiliaries") or ())
        self.threat_verbs = frozenset(intent.get("threats") or ())
        self.readiness_verbs = frozenset(intent.get("readiness") or ())
        self.doc = resolver.doc
        self.parse = resolver.table.parse
        # one predicate is tried against several lexicon entries, each asking about its subtree again
        self._nominals: dict[int, list[Token]] = {}
        self._words: dict[int, frozenset[str]] = {}
        self._theme_words: dict[int, frozenset[str]] = {}

    # -- the parse -----------------------------------------------------------------------------
    def _is_passive(self, verb: Token) -> bool:
        parse = self.parse
        children = parse.children[verb.i]
        return any(parse.dep[c] in ("auxpass", "nsubjpass", "csubjpass") for c in children) or (
            parse.tag[verb.i] == "VBN" and parse.dep[verb.i] in ("acl",)
            and not any(parse.dep[c] == "aux" for c in children))

    def _particle_ok(self, verb: Token, particle: str | None) -> bool:
        if not particle:
            return True
        parse = self.parse
        return any(parse.lower[c] == particle for c in parse.children[verb.i]
                   if parse.dep[c] in ("prt", "advmod", "prep", "dobj"))

    def _pobjs(self, head: Token, preps: tuple[str, ...]) -> list[Token]:
        """Objects of the given prepositions under `head` ('in favor of' counts as 'of')."""
        parse, doc = self.parse, self.doc
        dep, children = parse.dep, parse.children
        out = []
        for child in children[head.i]:
            if dep[child] in ("prep", "agent", "dative") and parse.lower[child] in preps:
                for p in children[child]:
                    if dep[p] == "pobj":
                        out.append(doc[p])
                    elif dep[p] == "pcomp":
                        # "ties with Bedouin tribes going back years": the parser makes the noun the subject
                        # of a participle hanging off the preposition; the noun is the object
                        subjects = [doc[s] for s in children[p] if dep[s] == "nsubj"
                                    and parse.pos[s] in ("NOUN", "PROPN")]
                        out.extend(subjects if parse.tag[p] == "VBG" and subjects else [doc[p]])
        return out

    def _subtree_nominals(self, token: Token) -> list[Token]:
        """Nouns and pronouns of the word's subtree, in its order (a list kept: do not change it)."""
        found = self._nominals.get(token.i)
        if found is None:
            pos = self.parse.pos
            found = self._nominals[token.i] = [self.doc[i] for i in self.parse.subtree(token.i)
                                               if pos[i] in ("NOUN", "PROPN", "PRON")]
        return found

    @staticmethod
    def _complement_chain(token: Token, steps: int) -> Iterator[Token]:
        """The word, then the words it is a complement or conjunct of (xcomp, ccomp, conj), up to
        `steps` words in all: the verbs whose refusal, threat or intent reaches it."""
        for _ in range(steps):
            yield token
            if token.dep_ not in ("xcomp", "ccomp", "conj") or token.head.i == token.i:
                return
            token = token.head

    def refusal(self, predicate: Token) -> str | None:
        """How a cooperative act is declined: "negation" ('would not meet', 'won't sign'), "verb"
        ('refused to lift', 'failed to reach'), or None. A plain negation ('did not arm') denies
        the act; it declines nothing."""
        for token in self._complement_chain(predicate, 4):
            if token.i != predicate.i and token.lemma_.lower() in self.refusals:
                return "verb"  # negated or not: "did not refuse to talk" is a REJECT denied
            children = list(token.children)
            if any(c.dep_ == "neg" for c in children):
                return "negation" if any(c.dep_ == "aux" and c.lower_ in self.refusal_aux for c in children) else None
        return None

    def _is_conditional(self, predicate: Token, marks: frozenset[str] | None = None) -> bool:
        """'... will withdraw unless X ...': an act made conditional on the other side is a threat."""
        marks = marks or self.conditions
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
                   for c in predicate.children)

    def _governor(self, predicate: Token) -> Token:
        """The verb carrying tense and modality: a noun predicate's light verb ("would tighten the blockade")."""
        if predicate.pos_ in ("NOUN", "PROPN") and predicate.dep_ in ("dobj", "pobj", "nsubjpass"):
            head = predicate.head.head if predicate.dep_ == "pobj" else predicate.head
            if head.pos_ in ("VERB", "AUX"):
                return head
        return predicate

    def is_threat(self, predicate: Token, verbs: frozenset[str] | None = None) -> bool:
        """'threatened to break off relations', 'vowed to crush X': the act is threatened."""
        verbs = self.threat_verbs if verbs is None else verbs
        governor = self._governor(predicate)
        return any(token.i != governor.i and token.lemma_.lower() in verbs
                   for token in self._complement_chain(governor, 4))

    def is_intent(self, predicate: Token) -> bool:
        """A promised or intended act: "will provide", "agreed to withdraw", "is ready to send"."""
        predicate = self._governor(predicate)
        for token in self._complement_chain(predicate, 4):
            if any(c.dep_ == "aux" and c.lower_ in self.intent_aux for c in token.children):
                return True
            if token.i != predicate.i and token.lemma_.lower() in self.intent_verbs:
                return True
            if token.lemma_.lower() in self.intent_adjectives:
                return True
        return False

    # -- subjects ------------------------------------------------------------------------------
    def subjects(self, verb: Token, depth: int = 0) -> list[list[str]]:
        """Actors doing what `verb` says, following control, coordination and passives upward."""
        if depth > 5:
            return []
        parse, doc, resolve = self.parse, self.doc, self.resolver.resolve
        dep, pos, children = parse.dep, parse.pos, parse.children
        passive = self._is_passive(verb)
        for child in children[verb.i]:
            if not passive and dep[child] in SUBJECT_DEPS and dep[child] != "expl":
                if pos[child] == "VERB":  # "The Red Cross operating in Iraq said": the participle's subject
                    inner = next((c for c in children[child] if dep[c] == "nsubj"), None)
                    return resolve(doc[inner]) if inner is not None else []
                child = doc[child]
                return resolve(child) or self.np_actors(child)
            if passive and dep[child] == "agent":
                for pobj in children[child]:
                    if dep[pobj] == "pobj":
                        pobj = doc[pobj]
                        return resolve(pobj) or self.np_actors(pobj)
        if passive:
            return []
        h = parse.head[verb.i]
        head, relation = doc[h], dep[verb.i]
        if h == verb.i or (parse.lemma[h] in self.reporting_verbs and relation in ("ccomp", "parataxis",
                                                                                     "advcl", "conj")):
            return []  # "..., X said": the speaker is not the actor of the reported clause
        if relation in ("relcl", "acl") and any(dep[c] == "aux" and parse.lower[c] == "to" for c in children[verb.i]) \
                and dep[h] == "dobj" and pos[parse.head[h]] == "VERB" and dep[parse.head[h]] != "conj" \
                and not resolve(head):
            # "waged a campaign to defeat X", "launched an offensive to retake X": the purpose is the subject's
            # (not after a coordinated verb, whose attachment the small parser often gets wrong)
            return self.subjects(head.head, depth + 1)
        if relation == "relcl":
            return resolve(head)
        if relation == "acl" and parse.tag[verb.i] == "VBG":  # "fighters planting bombs"
            found = resolve(head)
            if not found and dep[h] == "dobj" and pos[parse.head[h]] == "VERB":
                return self.subjects(head.head, depth + 1)  # "issued a declaration demanding that ..."
            return found
        if relation == "xcomp" and pos[h] == "ADJ" and dep[h] in ("acomp", "amod", "oprd") \
                and parse.head[h] != h:
            return self.subjects(head.head, depth + 1)  # "X is willing to withdraw"
        if relation == "xcomp":
            # object control: "urged X to", "allowed X to"; raising: "X is believed to"
            dobj = next((c for c in children[h] if dep[c] == "dobj"), None)
            controller = resolve(doc[dobj]) if dobj is not None else []
            if controller:
                return controller
            for child in children[h]:
                if dep[child] in PASSIVE_SUBJECT_DEPS:
                    return resolve(doc[child])
            return self.subjects(head, depth + 1) if pos[h] in ("VERB", "AUX") else []
        if relation in ("conj", "advcl"):
            if pos[h] in ("VERB", "AUX"):
                for child in children[h]:
                    if dep[child] in PASSIVE_SUBJECT_DEPS and relation == "advcl":
                        return []
                return self.subjects(head, depth + 1)
            return []
        if relation == "pcomp" and dep[h] == "prep":
            governor = parse.head[h]
            if pos[governor] in ("VERB", "AUX"):
                return self.subjects(doc[governor], depth + 1)
            if pos[governor] in ("NOUN", "PROPN"):
                return resolve(doc[governor])
        return []

    # -- themes and modes ----------------------------------------------------------------------
    def themes(self, predicate: Token, own: set[str] | None = None) -> list[Token]:
        """Words naming what is given or done: object, instrument and purpose nouns (not actors)."""
        out: list[Token] = []
        resolve, actor_at = self.resolver.resolve, self.resolver.table.actor_at_index
        own = set(own or ())  # "strengthened its forces": the subject's own forces are what is moved
        resolved = {t.i for t in self._subtree_nominals(predicate)
                    if (found := resolve(t)) and not {k for s in found for k in s} <= own}

        def is_actor(i: int) -> bool:  # i lies in the predicate's subtree; named actors are fixed by now
            return i in resolved or actor_at(i) is not None

        for child in predicate.children:
            if child.dep_ in ("dobj", "attr", "oprd", "nsubjpass") and not is_actor(child.i):
                out.append(child)
                out.extend(child.conjuncts)
                out.extend(p for p in self._pobjs(child, ("of", "for", "in", "on")) if not is_actor(p.i))
            elif child.dep_ in ("prep", "agent") and child.lower_ in ("with", "for", "in", "of", "on", "into"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and not is_actor(pobj.i):
                        out.append(pobj)
                        out.extend(pobj.conjuncts)
            elif child.dep_ in ("xcomp", "advcl", "ccomp") and child.pos_ == "VERB":
                out.append(child)
        return out

    def modes(self, relation: str, predicate: Token, themes: list[Token]) -> list[tuple[str, Token]]:
        table = self.lexicon.modes.get(relation) or {}
        found: list[tuple[str, Token]] = []
        for theme in themes:
            words = self._theme_words.get(theme.i)
            if words is None:
                parse = self.parse
                words = self._theme_words[theme.i] = frozenset(
                    {parse.lemma[theme.i], parse.lower[theme.i]}
                    | {parse.lemma[c] for c in parse.children[theme.i]
                       if parse.dep[c] in ("amod", "compound", "nmod", "npadvmod")})
            for mode, vocabulary in table.items():
                if not words.isdisjoint(vocabulary) and mode not in (m for m, _ in found):
                    found.append((mode, theme))
                    break
        return found

    def _has_theme_word(self, predicate: Token, words: tuple[str, ...]) -> bool:
        if not words:
            return True
        lemmas = self._words.get(predicate.i)
        if lemmas is None:
            parse = self.parse
            subtree = parse.descendants(predicate.i)
            lemmas = self._words[predicate.i] = frozenset(
                {parse.lemma[i] for i in subtree} | {parse.lower[i] for i in subtree}
                | {parse.lower[c] for c in parse.children[predicate.i]})
        return not lemmas.isdisjoint(words)

    # -- objects -------------------------------------------------------------------------------
    def objects(self, predicate: Token, spec: Predicate) -> list[list[str]]:
        parse, doc = self.parse, self.doc
        dep, children = parse.dep, parse.children[predicate.i]
        passive = parse.pos[predicate.i] == "VERB" and self._is_passive(predicate)
        seen_object = False  # an object that is a thing ("cracked down on the tunnels") blocks the fallback
        for slot in spec.object:
            tokens: list[Token] = []
            if slot == "dobj" and not spec.needs_object_prep:
                if passive:
                    tokens = [doc[c] for c in children if dep[c] in PASSIVE_SUBJECT_DEPS]
                    if not tokens and dep[predicate.i] == "acl":
                        tokens = [predicate.head]
                    if not tokens and dep[predicate.i] == "relcl":
                        tokens = [predicate.head]
                else:
                    tokens = [doc[c] for c in children if dep[c] == "dobj"]
                    if not tokens:  # "kidnapped up to 16 advisers": the parser hangs the count on "up to"
                        tokens = [p for prt in children if dep[prt] == "prt" and parse.lower[prt] == "up"
                                  for p in self._pobjs(doc[prt], ("to",))
                                  if any(dep[c] == "nummod" for c in parse.children[p.i])]
                    if not tokens and dep[predicate.i] == "relcl" and any(
                            dep[c] == "dobj" and parse.lower[c] in ("that", "which", "whom") for c in children):
                        tokens = [predicate.head]
            elif slot == "dative" and not spec.needs_object_prep:
                tokens = [doc[c] for c in children if dep[c] == "dative" and parse.pos[c] != "ADP"]
                if not tokens and any(dep[c] == "prep" and parse.lower[c] == "with" for c in children):
                    tokens = [doc[c] for c in children if dep[c] == "dobj"]
            elif slot not in ("dobj", "dative", "ccomp", "xcomp_object", "unless"):
                tokens = self._pobjs(predicate, (slot,))
                # "launched attacks on X", "provided assistance to X": the preposition hangs on the object
                if not tokens and predicate.pos_ == "VERB":
                    for dobj in (c for c in predicate.children if c.dep_ == "dobj"):
                        tokens.extend(self._pobjs(dobj, (slot,)))
                        # "lifted the curfew imposed in Juba", "eased restrictions placed on Gaza"
                        for acl in (c for c in dobj.children if c.dep_ == "acl" and c.tag_ == "VBN"):
                            tokens.extend(self._pobjs(acl, (slot,)))
                if not tokens and slot == "of" and predicate.pos_ == "VERB":
                    tokens = [t for c in predicate.children if c.lower_ == "favor"
                              for t in self._pobjs(c, ("of",))]
            elif slot == "xcomp_object":
                # "threatened to ban X", "agreed to provide aid to X": the object of the intended act
                clauses = [c for c in predicate.children if c.pos_ in ("VERB", "AUX") and (
                    c.dep_ == "xcomp" or c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children))]
                # "staged demonstrations to demand X": the purpose clause may hang on the object
                clauses += [c for d in predicate.children if d.dep_ == "dobj" for c in d.children
                            if c.dep_ == "acl" and c.pos_ == "VERB" and any(a.lower_ == "to" for a in c.children)]
                for clause in clauses:
                    found = self._clause_object(clause) or self._place_object(clause)
                    if found:
                        return found
                continue
            elif slot == "unless":
                # "threatened to strike unless Israel rescinded ...": the side the condition is put to
                for clause in [predicate, *(c for c in predicate.children if c.dep_ == "xcomp")]:
                    for advcl in (c for c in clause.children if c.dep_ == "advcl" and any(
                            m.dep_ == "mark" and m.lower_ in self.hostile_conditions for m in c.children)):
                        tokens.extend(c for c in advcl.children if c.dep_ in ("nsubj", "nsubjpass"))
            elif slot == "ccomp":
                # "demanded that X end ...", "said X must ...": the subject of the complement clause
                clause_deps = ("ccomp", "xcomp", "acl") if predicate.pos_ == "NOUN" else ("ccomp", "xcomp")
                for clause in (c for c in predicate.children if c.dep_ in clause_deps):
                    tokens.extend(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
            found: list[list[str]] = []
            for token in tokens:
                found.extend(self.resolver.resolve(token) or self.np_actors(token))
            if not found and slot == "dobj" and tokens and not passive and all(t.pos_ == "NOUN" for t in tokens):
                # "investigating crimes by X", "condemned attacks by X": an active verb takes no "by" agent,
                # so a "by" phrase the parser hung on the verb names who did the thing in the object
                for token in self._pobjs(predicate, ("by",)):
                    found.extend(self.resolver.resolve(token))
            if found:
                return found
            seen_object = seen_object or bool(tokens)
        if predicate.pos_ == "VERB" and not spec.needs_object_prep and not spec.reverse and not seen_object:
            found = self._clause_object(predicate)
            if found:
                return found
        if predicate.pos_ == "VERB" and not spec.reverse and spec.relation in self.place_relations:
            return self._place_object(predicate)
        return []

    def _place_object(self, predicate: Token) -> list[list[str]]:
        """A named place the act is done in or to ("imposed a curfew in Abidjan", "arrived in Amman")."""
        parse = self.parse
        heads = [predicate, *(self.doc[c] for c in parse.children[predicate.i] if parse.dep[c] == "dobj")]
        for head in heads:
            for pobj in self._pobjs(head, PLACE_PREPS):
                # "fired at targets in Jericho": one step further when the target is not itself a place
                for place in [pobj, *self._pobjs(pobj, ("in", "inside", "near"))]:
                    actor = self.resolver.table.actor_at_index(place.i)
                    if actor is not None and parse.ent_type[place.i] in ("GPE", "LOC") and \
                            actor.type in ("location", "state"):
                        return [[actor.key]]
        return []

    def np_actors(self, token: Token) -> list[list[str]]:
        """The first actor inside a noun phrase that is not itself an actor ("Recent US Predator attacks",
        "a camp for Congolese refugees", "proposed Israeli changes"), not entering clauses."""
        parse = self.parse
        dep, pos, children = parse.dep, parse.pos, parse.children
        if pos[token.i] not in ("NOUN", "PROPN", "NUM"):
            return []
        queue = [c for c in children[token.i] if dep[c] not in ("relcl", "acl", "advcl", "ccomp", "punct", "appos",
                                                                 "det", "cc")]
        for acl in (c for c in children[token.i] if dep[c] == "acl" and parse.tag[c] == "VBN"):
            queue.extend(a for a in children[acl] if dep[a] == "agent")
        seen = 0
        while queue and seen < 12:
            child = queue.pop(0)
            seen += 1
            if dep[child] == "pobj" and parse.lower[parse.head[child]] not in (
                    "of", "for", "by", "from", "against", "on", "with", "among", "between"):
                continue
            if self.resolver.table.actor_at_index(child) is not None or pos[child] in ("NOUN", "PROPN"):
                found = self.resolver.resolve(self.doc[child])
                if found:
                    return found[:1]
            if pos[child] in ("VERB", "AUX", "ADJ"):
                continue  # "hackers capable of launching attacks on X": X is not the hackers' owner
            queue.extend(c for c in children[child] if dep[c] not in ("relcl", "acl", "advcl", "ccomp", "punct",
                                                                       "appos", "det", "cc", "conj"))
            # "crimes committed by X": the agent of a participle names who did it
            for acl in (c for c in children[child] if dep[c] == "acl" and parse.tag[c] == "VBN"):
                queue.extend(a for a in children[acl] if dep[a] == "agent")
        return []

    def _modifier_actors(self, token: Token) -> list[list[str]]:
        """Actors modifying a non-actor object: "proposed Israeli changes", "Serbia's suppression"."""
        if token.pos_ not in ("NOUN",):
            return []
        for child in token.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < token.i:
                actor = self.resolver.table.actor_at(child)
                if actor is not None:
                    return [[actor.key]]
        return []

    def _clause_object(self, predicate: Token) -> list[list[str]]:
        """Fallback: the first actor inside the predicate's own clause, reached through its object or
        prepositional phrases ("demanded a truce with X", "reneged on its commitment to X")."""
        parse = self.parse
        dep, children = parse.dep, parse.children
        queue = [c for c in children[predicate.i] if dep[c] in ("dobj", "prep", "dative", "xcomp", "attr")]
        seen = 0
        while queue and seen < 25:
            token = queue.pop(0)
            seen += 1
            if dep[token] in ("nsubj", "nsubjpass", "relcl", "ccomp", "advcl", "appos", "parataxis"):
                continue
            if dep[token] == "pobj" and parse.lower[parse.head[token]] in ADJUNCT_PREPS:
                continue
            if parse.pos[token] in ("NOUN", "PROPN", "PRON") or self.resolver.table.actor_at_index(token) is not None:
                found = self.resolver.resolve(self.doc[token])
                if found:
                    return found[:1]
            queue.extend(c for c in children[token] if dep[c] not in ("nsubj", "nsubjpass", "punct"))
        return []

    # -- matching ------------------------------------------------------------------------------
    def match_sentence(self, sent) -> list[RawClaim]:
        claims: list[RawClaim] = []
        parse = self.parse
        for i in range(sent.start, sent.end):  # only a word found in the lexicon becomes a Token
            token = None
            pos, lemma, lower = parse.pos[i], parse.lemma[i], parse.lower[i]
            if pos in ("VERB", "AUX") or (pos == "NOUN" and parse.tag[i] == "VBG"):
                for spec in self._lookup(self.lexicon.verbs, lemma, lower):
                    token = self.doc[i] if token is None else token
                    claims.extend(self._match(token, spec))
            if pos in ("NOUN", "PROPN") and not parse.ent_type[i]:
                for spec in self._lookup(self.lexicon.nouns, lemma, lower):
                    token = self.doc[i] if token is None else token
                    claims.extend(self._match(token, spec))
        promised = []
        for claim in claims:
            governor = self._governor(claim.predicate)
            if claim.relation == "ASSAULT" and self.is_threat(claim.predicate, self.readiness_verbs):
                # "prepared to resume shelling X": readiness for force is PLOVER's MOBILIZE
                promised.append(RawClaim(predicate=claim.predicate, relation="MOBILIZE", subject=claim.subject, rule="reading:readiness",
                                         object=claim.object, mode=None, attributes={"intent": claim.relation}))
            if claim.relation != "THREATEN" and (
                    (claim.relation in self.hostile and (self.is_intent(claim.predicate)
                                                         or self.is_threat(claim.predicate)
                                                         or self._is_conditional(governor, self.hostile_conditions)))
                    or self._is_conditional(governor)):
                promised.append(RawClaim(predicate=claim.predicate, relation="THREATEN", subject=claim.subject, rule="reading:threat",
                                         object=claim.object, mode=None, attributes={"intent": claim.relation}))
                continue
            refusal = self.refusal(claim.predicate) if claim.relation in self.cooperative and \
                claim.predicate.pos_ in ("VERB", "AUX") else None
            if refusal:
                promised.append(RawClaim(predicate=claim.predicate, relation="REJECT", subject=claim.subject, rule="reading:refusal",
                                         object=claim.object, mode=None, attributes={"refused": claim.relation},
                                         refused_by_negation=refusal == "negation"))
                continue
            if claim.relation in self.cooperative and claim.relation != "AGREE" and \
                    claim.predicate.pos_ in ("VERB", "AUX") and self.is_intent(claim.predicate):
                promised.append(RawClaim(predicate=claim.predicate, relation="AGREE", subject=claim.subject, rule="reading:intent",
                                         object=claim.object, mode=None, attributes={"intent": claim.relation}))
        return claims + promised + self._joint_acts(claims)

    def _joint_acts(self, claims: list[RawClaim]) -> list[RawClaim]:
        """"X cooperated with Y in the killing of Z": both partners did the act to Z."""
        out: list[RawClaim] = []
        for claim in claims:
            if claim.relation != "COOPERATE":
                continue
            acts = [p for prep in claim.predicate.children if prep.dep_ == "prep" and prep.lower_ == "in"
                    for p in prep.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]
            for act in acts:
                for spec in self._lookup(self.lexicon.nouns, self.parse.lemma[act.i], act.lower_):
                    if spec.relation not in self.hostile or spec.relation == "THREATEN":
                        continue
                    modes = set(self.lexicon.relations[spec.relation].get("modes") or ())
                    for slot in self.objects(act, spec):
                        for actor in (claim.subject, claim.object):
                            if slot and slot[0] not in (claim.subject, claim.object):
                                out.append(RawClaim(predicate=act, relation=spec.relation, subject=actor, rule="reading:joint-act",
                                                    object=slot[0],
                                                    mode=spec.mode if spec.mode in modes else None))
        return out

    @staticmethod
    def _lookup(table: dict, lemma: str, lower: str) -> list:
        """Lexicon entries for a word by (lowercased) lemma, else by a plain suffix-stripped form: the small
        model's lemmatizer errs on inflections ("staged" -> "stag")."""
        found = table.get(lemma)
        if found:
            return found
        for suffix, replacements in _SUFFIXES:
            if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
                stem = lower[: -len(suffix)]
                for replacement in replacements:
                    candidate = stem[:-1] if replacement == "_double" and len(stem) > 2 and stem[-1] == stem[-2] \
                        else stem + replacement
                    found = table.get(candidate)
                    if found:
                        return found
        return []

    def noun_subjects(self, noun: Token) -> tuple[list[list[str]], list[list[str]]]:
        """(subjects, objects from 'between') of a noun predicate."""
        parse, doc, resolve = self.parse, self.doc, self.resolver.resolve
        dep, children = parse.dep, parse.children
        subjects: list[list[str]] = []
        between: list[list[str]] = []
        for child in children[noun.i]:
            if dep[child] == "poss":
                subjects.extend(resolve(doc[child]))
            elif dep[child] in ("compound", "nmod", "amod") and (parse.ent_type[child] or parse.pos[child] == "PROPN"):
                subjects.extend(resolve(doc[child]))
            elif dep[child] in ("prep", "agent") and parse.lower[child] == "by":
                for pobj in children[child]:
                    if dep[pobj] == "pobj":
                        subjects.extend(resolve(doc[pobj]))
            elif dep[child] == "prep" and parse.lower[child] in ("between", "among"):
                for pobj in children[child]:
                    if dep[pobj] == "pobj":
                        between.extend(resolve(doc[pobj]))
        if not subjects:
            # "Hamas built up ties with X": the light verb's subject; "X launched a mediation between Y
            # and Z": X mediates, Y and Z are the others
            head = noun.head
            if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "into"):
                head = head.head
            elif noun.dep_ == "conj":
                head = noun.head
                while head.dep_ == "conj":
                    head = head.head
                if head.dep_ == "dobj":
                    head = head.head
            if noun.dep_ in ("dobj", "pobj", "conj") and head.pos_ == "VERB" and head.lemma_.lower() in LIGHT_VERBS:
                subjects = self.subjects(head)
        return subjects, between

    def _match(self, predicate: Token, spec: Predicate) -> list[RawClaim]:
        if not self._particle_ok(predicate, spec.particle):
            return []
        parse = self.parse
        if spec.needs_plural and parse.tag[predicate.i] not in ("NNS", "NNPS"):
            return []
        if not self._has_theme_word(predicate, spec.needs_theme_word) or (
                spec.not_theme_word and self._has_theme_word(predicate, spec.not_theme_word)):
            return []
        if spec.pos == "verb" and parse.pos[predicate.i] in ("VERB", "AUX"):
            subjects = self.subjects(predicate)
            if not subjects and spec.needs_object_prep and self._is_passive(predicate) and not any(
                    parse.dep[c] == "agent" for c in parse.children[predicate.i]):
                # "Israel is opposed to X": an adjectival passive whose subject is the actor
                subjects = [s for c in predicate.children if c.dep_ in PASSIVE_SUBJECT_DEPS
                            for s in self.resolver.resolve(c)]
            between: list[list[str]] = []
        else:
            subjects, between = self.noun_subjects(predicate)
        objects = self.objects(predicate, spec)
        if between:
            if len(between) >= 2 and not spec.mediator:
                # "cooperation between X and Y" pairs X and Y even under "Z welcomed ..."
                subjects, objects = between[:1], objects or between[1:]
            elif subjects:
                objects = objects or between
            elif len(between) >= 2:
                subjects, objects = between[:1], objects or between[1:]
            else:
                objects = objects or between
        if spec.pos == "noun" and spec.needs_subject and not subjects:
            return []
        if not subjects:
            return []
        relation = spec.relation
        if not objects and (relation in self.symmetric or spec.mutual) and len(subjects) >= 2 \
                and not spec.no_subject_pairing:
            subjects, objects = subjects[:1], subjects[1:]
        if not objects:
            return []
        themes = self.themes(predicate, {k for slot in subjects for k in slot})
        allowed = set(spec.themes) if spec.themes else None
        modes = [(m, t) for m, t in self.modes(relation, predicate, themes) if allowed is None or m in allowed]
        if spec.needs_theme and not modes:
            if spec.default_mode is None:
                return []
            modes = [(spec.default_mode, predicate)]
        if spec.mode:
            modes = [(spec.mode, predicate)]
        elif not modes:
            modes = [(spec.default_mode, predicate)]
        relation_modes = set(self.lexicon.relations[relation].get("modes") or ())
        out: list[RawClaim] = []
        table = self.resolver.table
        for subject_slot in subjects:
            for object_slot in objects:
                subject = subject_slot[0]
                obj = next((o for o in object_slot if o != subject), None)
                if obj is None:
                    continue
                if spec.reverse:
                    subject, obj = obj, subject
                if spec.object_types and table.actors[obj].type not in spec.object_types:
                    continue
                if spec.needs_subject_types and table.actors[subject].type not in spec.needs_subject_types:
                    continue
                for mode, theme in modes:
                    pairs = [(subject, obj), (obj, subject)] if spec.mutual else [(subject, obj)]
                    for first, second in pairs:  # "X clashed with Y": both sides fight
                        out.append(RawClaim(predicate=predicate, relation=relation, subject=first, object=second,
                                            rule=f"{spec.pos}:{spec.lemma}",
                                            mode=mode if mode in relation_modes else None,
                                            themes=[t for _, t in modes if t.i != predicate.i]))
        return out

"""Map a dependency-parse argument (a token) to document-local actors: names, members, coreference."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from spacy.tokens import Doc, Token

from .actors import STATE_FORCE_KINDS, Actor, ActorTable, MentionSpan, normalize_name
from .lexicon import Lexicon
from .parse import Parse

# Paragraphs before the current one whose mentions count toward a description's topic (rerun the seed
# eval when changing: "the terror organization" after a paragraph about one group).
SALIENCE_PARAGRAPHS = 1
# How far argument resolution follows owners ("members of the unit of the wing of X").
MAX_DEPTH = 4
_NEWLINE = re.compile("\n")


# The kinds of unnamed group a plural pronoun may stand for ("riot police dispersed them"), and the one that
# speaks a quote ('"We urge ...," they said' after "nine rights groups condemned ...")
PRONOUN_GROUP_KINDS = frozenset({"civilians", "generic_force", "counted_group"})
QUOTE_SOURCE_KINDS = PRONOUN_GROUP_KINDS | {"descriptive"}


class ArgumentResolver:
    """Resolve argument tokens to actor keys within one document."""

    def __init__(self, doc: Doc, table: ActorTable, lexicon: Lexicon):
        self.doc = doc
        self.table = table
        self.parse = table.parse
        words = lexicon.actor_words
        self.member_nouns = lexicon.member_nouns
        self.former_words = lexicon.former  # "a former commander of X" is X's no longer: his acts are his own
        self.of_word = lexicon.grammar.of
        self.plural_forms = lexicon.plural_forms  # "police", "staff": plural whatever their tag
        self.member_heads = lexicon.member_heads  # "crew members": people of the kind of their modifier
        self.bare_counts = lexicon.bare_counts  # "killed dozens": a counted group of people
        self.named_bodies = lexicon.named_bodies  # "the United States Treasury": a body its state stands for
        self.qualified_forces = lexicon.qualified_forces  # "security services": a force only after its words
        self.armed_modifiers = lexicon.armed_modifiers
        self.collective = words.collective
        self.org_descriptions = words.org_descriptions
        self.not_group_kinds = words.not_group_kinds
        self.armed_descriptions, self.unarmed_kinds = words.armed_descriptions, words.unarmed_kinds
        self.follower_nouns = words.follower_nouns
        self.side_nouns = words.side_nouns
        self.pair_descriptions = words.pair_descriptions
        self.person_pair_descriptions = words.person_pair_descriptions
        self.place_pair_descriptions = words.place_pair_descriptions
        self.state_descriptions = words.state_descriptions
        self.kind_descriptions = words.kind_descriptions
        self.place_descriptions = words.place_descriptions
        self.named_place_nouns = words.named_place_nouns
        self.movement = lexicon.grammar.prepositions.movement
        self.person_pronouns = words.person_pronouns
        self.org_pronouns = words.org_pronouns
        self.speaker_pronouns = words.speaker_pronouns
        self.self_pronouns = words.self_pronouns
        self.reporting_verbs = lexicon.reporting_cues.verbs
        self.plural_pronouns = words.plural_pronouns
        self.news_kinds = lexicon.news_kinds  # parts.yaml: gazetteer kinds of news outlets
        # token -> the side of whoever says the words it stands in ("we" in a quote), best first, and
        # whoever says them ("I" in a quote); set by the extractor once sources can be found, None before
        # (and "we" and "I" then refer to no one)
        self.speaker_side: Callable[[Token], list[str]] | None = None
        # person -> the organizations and states the document makes them a member of (set by the extractor)
        self.person_sides: Callable[[str], list[str]] = lambda key: []
        self.speaker: Callable[[Token], list[str]] | None = None
        self.part_nouns = frozenset(lexicon.parts)
        self.owned_targets = words.owned_targets
        self.not_institution_compounds = words.not_institution_compounds
        self.not_actors = words.not_collective
        self.affiliation_words = words.affiliation_words
        self.opposition_words = words.opposition_words
        self.role_nouns = words.role_nouns
        self.not_name_modifiers = words.not_name_modifiers
        self.quantifiers = lexicon.grammar.quantifier_nouns
        self.partitive_pronouns = lexicon.grammar.partitive_pronouns
        self.group_of_nouns = lexicon.grammar.group_of_nouns
        self.naming_verbs = lexicon.grammar.naming_verbs
        self.role_preposition = lexicon.grammar.role_preposition
        self.status_complements = lexicon.grammar.status_complements
        self.locative = lexicon.grammar.prepositions.locative
        self.charge_nouns = lexicon.grammar.charge_nouns
        self.relative_words = lexicon.grammar.relative_words
        self.person_relatives = lexicon.grammar.person_relatives
        self.charge_verbs = lexicon.grammar.charge_verbs
        self.actor_kinds = lexicon.actor_kinds
        self.hitting_verbs = lexicon.hitting_verbs
        self.yield_verbs = lexicon.grammar.yield_verbs
        self.addressing_verbs = lexicon.addressing_verbs
        self.receiving_verbs = lexicon.receiving_verbs
        self.actor_object_verbs = lexicon.grammar.actor_object_verbs
        self.title_determiners = lexicon.title_determiners
        self.indefinite_articles = lexicon.grammar.indefinite_articles
        self.kind_name_drop = lexicon.kind_name_drop
        self.allegiance_words = lexicon.grammar.allegiance_words
        self.member_of = lexicon.grammar.prepositions.group_member  # "troops from India", "fighters of X"
        self.collective_nouns = lexicon.grammar.collective_nouns
        self.cause_prepositions = lexicon.grammar.prepositions.cause  # "banned X for its attacks"
        self.result_adjectives = lexicon.grammar.result_adjectives  # "shot dead two farmers": no name's word
        self.kind_bodies = lexicon.kind_bodies
        self.paragraph = self._paragraphs(self.parse)
        self.anchors = sorted((m.start, m.actor) for m in table.mentions if m.kind != "pronoun")
        self._anchor_index = [a[0] for a in self.anchors]
        self.quantity: dict[int, str] = {}  # argument token -> quantity text seen on the way
        self._quantifier: dict[int, int] = {}  # argument token -> its quantifier word ("dozens" of X)
        self._coref_seen: set[int] = set()
        self._inclusions: dict[int, tuple[int, ...]] = {}
        # actor -> the group a list after "including" named it in ("armed groups, including the ELN and X")
        self.included_in: dict[str, str] = {}
        self._places: dict[int, tuple[int, ...]] = {}  # word -> places in its "in"/"inside" phrases

    @staticmethod
    def _paragraphs(parse: Parse) -> list[int]:
        """Paragraph number of every token: a newline before it starts a new paragraph."""
        newlines = [match.start() for match in _NEWLINE.finditer(parse.text)]
        return [bisect_left(newlines, idx) for idx in parse.idx]

    # -- coreference ---------------------------------------------------------------------------
    def _previous(self, token: Token, types: tuple[str, ...], *, limit: int = 6) -> list[str]:
        """Actors of compatible type mentioned before `token` in its paragraph, nearest first."""
        found: list[str] = []
        pos = bisect_left(self._anchor_index, token.i) - 1
        paragraph = self.paragraph[token.i]
        while pos >= 0 and len(found) < limit:
            start, key = self.anchors[pos]
            pos -= 1
            if self.paragraph[start] != paragraph:
                break
            actor = self.table.actors.get(key)
            if actor is None or actor.type not in types or key in found or self._where(start) or (
                    actor.type in ("state", "location") and self._whence(start)):
                continue  # (a place a move starts or ends at: "expelled diplomats from Managua, accusing them")
            found.append(key)
        return found

    def _where(self, i: int) -> bool:
        """Whether the name starting at word i says where ("met in Vienna, where they agreed ...": not Austria)."""
        parse = self.parse
        while parse.dep[i] in ("compound", "flat") and parse.head[i] > i:
            i = parse.head[i]
        return parse.dep[i] == "pobj" and parse.lower[parse.head[i]] in self.locative

    def _inside_group(self, i: int, kinds: frozenset[str]) -> bool:
        """Whether the name at word i is said of a group of people before it ("11 Yemeni employees of UN agencies",
        "members of the group"): the group, not the name, is the nearer antecedent."""
        parse = self.parse
        while parse.dep[i] in ("pobj", "prep", "compound", "amod", "poss") and parse.head[i] != i:
            i = parse.head[i]
            if parse.tag[i] == "NNS" and (self.actor_kinds.get(parse.lemma[i]) or
                                          self.actor_kinds.get(parse.lower[i])) in kinds:
                return True
        return False

    def _whence(self, i: int) -> bool:
        """Whether the name at word i says where a move starts or ends ("smugglers crossing from Syria")."""
        parse = self.parse
        prep = parse.head[i]
        return parse.dep[i] == "pobj" and parse.lower[prep] in self.movement and parse.pos[parse.head[prep]] == "VERB"

    def _salient(self, token: Token, types: tuple[str, ...]) -> list[str]:
        """Compatible actors of the paragraph so far, most mentioned first (then nearest): a definite
        description ("the group") usually names the paragraph's topic, not the last name seen."""
        recent = self._previous(token, types, limit=12)
        counts: dict[str, int] = {}
        pos = bisect_left(self._anchor_index, token.i) - 1
        paragraph = self.paragraph[token.i]
        # the topic is counted over this paragraph and the one before (a description often opens one)
        while pos >= 0 and self.paragraph[self.anchors[pos][0]] >= paragraph - SALIENCE_PARAGRAPHS:
            key = self.anchors[pos][1]
            counts[key] = counts.get(key, 0) + 1
            pos -= 1
        if not recent:
            return []
        return sorted(recent, key=lambda key: (-counts.get(key, 0), recent.index(key)))

    def _corefer(self, token: Token) -> list[list[str]] | None:
        """Candidates for a pronoun or definite description; None when the token is neither."""
        parse, i = self.parse, token.i
        lower, lemma, pos, tag = parse.lower[i], parse.lemma[i], parse.pos[i], parse.tag[i]
        if pos == "PRON" or tag in ("PRP", "PRP$"):
            if lower in self.person_pronouns:
                shared = self._object_of_first_conjunct(token)
                if shared:
                    return [shared]
                punished = self._punished_for(token, ("person",))
                if punished is not None:
                    return [[punished]]
                if self._unnamed_person_subject_before(token):
                    return [[]]  # "The army chief said his forces ...": the chief, whom no name gives
                reporter = self._person_reporting(token) or self._subject_after(token, ("person",))
                if reporter is not None:
                    return [[reporter]]
                own = self._own_subjects(token)  # "Smith's guards beat him": not Smith
                return [[key for key in self._previous(token, ("person",)) if key not in own]]
            if lower in self.org_pronouns:
                if self._thing_before(token):
                    return [[]]  # "they attacked the hotel, and then gunmen stormed it": the hotel
                first = self._first_conjunct_owner(token)
                if first:
                    return [first]  # "the group and its allies", "the government and its partners": the group
                punished = self._punished_for(token, ("organization", "state"))
                if punished is not None:
                    return [[punished]]
                doers = self._doers_in_which(token) if lower in self.plural_pronouns and parse.dep[i] == "nsubj" else []
                if doers:
                    return [doers]  # "a raid by bandits on Kurmin, in which they abducted 20 women": the bandits
                body = self._unnamed_body_subject(token, plural=lower in self.plural_pronouns)
                if body is not None:
                    return [body]  # "The army said it had repelled an attack on its base": the army
                reporters = self._body_reporting(token)
                if reporters:
                    return [[key] for key in reporters]
                reporter = self._subject_after(token, ("organization", "state"))
                if reporter is not None:
                    return [[reporter]]
                attackers = self._attackers(token)
                # (nor the state behind an attacking force: "Israeli aircraft killed seven of its members")
                accusers = self._accusers(token) | attackers | {
                    parent for key in attackers if (parent := self.table.actors[key].parent_hint)}
                accusers |= self._own_subjects(token)  # "a rival gang attacked them": not the gang
                opening = self._reported_quote(token)
                before = token  # candidates are named before this word
                if opening is not None:
                    # '"We urge ...," they said': "they" is someone named before the quote, not in it
                    before = self.doc[opening]
                    group = self._previous_speaker(before) or (
                        self._plural_group_before(before, QUOTE_SOURCE_KINDS) if lower in self.plural_pronouns else [])
                    if group:
                        return [group]
                elif lower in self.plural_pronouns and parse.dep[i] == "nsubj" and (held := self._held_before(token)):
                    return [held]
                elif lower in self.plural_pronouns and parse.dep[i] == "nsubj" and (
                        speakers := self._subject_beyond_whom(token)):
                    return [speakers]
                elif lower in self.plural_pronouns and parse.dep[i] not in ("nsubj", "nsubjpass"):
                    # "riot police dispersed them", "killed the hostages and their driver" (a subject "they"
                    # keeps to the story's named actors, which it mostly continues)
                    group = self._plural_group_before(token, excluded=accusers)
                    if group:
                        return [group]
                found = [key for key in self._previous(before, ("organization", "state")) if key not in accusers]
                if not found and opening is None and lower in self.plural_pronouns and parse.dep[i] == "nsubj":
                    # "Gunmen stormed a hotel. They killed five guests.": with no name before, the group just named
                    found = self._plural_group_before(token, excluded=accusers)
                if tag != "PRP$":  # "told VOA it had worked with X": an outlet reports; "its reporter" is its
                    found = [key for key in found if self.table.actors[key].kind not in self.news_kinds]
                return [found]
            if lower in self.speaker_pronouns and self.speaker_side is not None:
                return [self.speaker_side(token)]
            if lower in self.self_pronouns and self.speaker is not None:
                return [self.speaker(token)]
            return None
        dep, children = parse.dep, parse.children[i]
        det = None
        for child in children:
            if dep[child] in ("det", "nummod", "predet"):
                det = child
                break
        if det is None or pos != "NOUN" or parse.ent_type[i]:
            return None
        det_lower = parse.lower[det]
        # "met X, and the two men signed ...", "abandoned both towns" (not "two women", people not named before)
        for nouns, types in ((self.person_pair_descriptions, ("person",)), (self.place_pair_descriptions, ("location",))):
            if (lemma in nouns or lower in nouns) and tag == "NNS" and (
                    det_lower == "both" or det_lower == "the" and any(parse.lower[c] == "two" for c in children)):
                previous = self._previous(token, types, limit=4)
                return [[key] for key in previous[:2]] if len(previous) >= 2 else None
        pair = (lemma in self.pair_descriptions or lower in self.pair_descriptions) and tag == "NNS"
        if pair and det_lower in ("the", "both", "two") and (
                det_lower != "the" or any(parse.lower[c] in ("two", "both") for c in children)):
            types = ("state",) if lemma in ("countries", "states", "nations", "country", "state", "nation") \
                else ("organization", "state")
            previous = self._previous(token, types, limit=4)
            # (never the one speaking of them: "X welcomes the deal and calls on both parties to honour it")
            speakers = self._speaker_names(token)
            others = [key for key in previous if key not in speakers]
            previous = others if len(others) >= 2 else previous
            return [[key] for key in previous[:2]] if len(previous) >= 2 else None
        if det_lower not in ("the", "this", "that"):
            return None
        if any(dep[c] == "poss" or dep[c] in ("compound", "amod") and parse.ent_type[c] for c in children):
            return None  # "the group's X" is fine, but "the Hamas group", "the Syrian regime" name their owner
        if (lemma in self.kind_bodies or lower in self.kind_bodies) and det_lower == "the" and \
                self.actor_kinds.get(lemma, self.actor_kinds.get(lower)) == "descriptive":
            named = self._named_body(token)  # "the council" after "the U.N. Security Council"
            if named is not None:
                return [[named]]
        if lemma in self.kind_descriptions and det_lower == "the":
            kinds = self.kind_descriptions[lemma]  # "the mission" after MONUSCO, "the bloc" after ECOWAS
            found = [key for key in self._salient(token, ("organization",)) if self.table.actors[key].kind in kinds]
            return [found[:1]] if found else None
        if lemma in self.org_descriptions or lower in self.org_descriptions:
            armed = lemma in self.armed_descriptions or lower in self.armed_descriptions
            unfit = self.not_group_kinds | (self.unarmed_kinds if armed else frozenset())
            # (nor a name it is coordinated with: "the FLNKS and the loyalist parties" are two sides; nor, for an
            # armed description, civilians: "the militia" is never "a Moldovan farmer" it detained)
            own = self._clause_subjects(token) | {actor.key for c in parse.conjuncts(i)
                                                  if (actor := self.table.actor_at_index(c)) is not None}
            found = [key for key in self._salient(token, ("organization",))
                     if self.table.actors[key].kind not in unfit and key not in own
                     and not (armed and self.table.actors[key].denotes == "civilians")]
            if any(parse.lower[c] in self.opposition_words for c in children) or armed:
                # "the rebel group", "the separatist movement", "the rebels", "the militants": never the
                # state's own forces
                found = [key for key in found if not self._state_force(self.table.actors[key])]
            return [found]
        if lemma in self.state_descriptions:
            found = self._previous(token, ("state",))
            if dep[i] == "pobj" and parse.lower[parse.head[i]] in self.movement:
                # "the withdrawal of U.S. and NATO troops from the country": not a state of those who move
                mover = self.doc[parse.head[parse.head[i]]]
                # (a state's forces by their demonym: the state they are part of)
                movers = {key for w in mover.subtree if not token.left_edge.i <= w.i <= token.right_edge.i
                          and (actor := self.table.actor_at_index(w.i)) is not None
                          for key in (actor.key, actor.parent_hint)}
                found = [key for key in found if key not in movers]
            return [found]
        if lemma in self.place_descriptions and det_lower == "the" and tag == "NN" and dep[i] == "pobj" and \
                parse.lower[parse.head[i]] in self.movement and not any(dep[c] == "prep" for c in children):
            place = self._previous_place(token)
            return [[place]] if place is not None else None
        return None

    def _previous_place(self, token: Token) -> str | None:
        """The place named last before `token` in its paragraph ("clashed near Habila; the army withdrew from the
        town": Habila)."""
        pos = bisect_left(self._anchor_index, token.i) - 1
        paragraph = self.paragraph[token.i]
        while pos >= 0 and self.paragraph[self.anchors[pos][0]] == paragraph:
            actor = self.table.actors.get(self.anchors[pos][1])
            pos -= 1
            if actor is not None and actor.type == "location":
                return actor.key
        return None

    def _named_collective(self, i: int) -> str | None:
        """"Fano, a loose network of Amhara militias that fought ...": the members of a named group's collective
        noun do what the relative clause on them says as that group."""
        parse = self.parse
        of = parse.head[i]
        noun = parse.head[of]
        if parse.dep[i] != "pobj" or parse.lower[of] != self.of_word or parse.dep[noun] != "appos" or \
                parse.lemma[noun] not in self.collective_nouns:
            return None
        group = self.table.actor_at_index(parse.head[noun])
        return group.key if group is not None and group.named and group.type == "organization" else None

    def _object_of_first_conjunct(self, token: Token) -> list[str]:
        """"detained a former army officer and tortured him": the object pronoun of a coordinated verb is the
        person the first verb's object names, named or not."""
        parse = self.parse
        verb = parse.head[token.i]
        if parse.dep[token.i] != "dobj" or parse.dep[verb] != "conj":
            return []
        first = parse.head[verb]
        return [slot[0] for c in parse.children[first] if parse.dep[c] == "dobj" and parse.tag[c] == "NN"
                for slot in self._single(self.doc[c], 1)[:1]
                if slot and self.table.actors[slot[0]].type == "person"]

    def _held_before(self, token: Token) -> list[str]:
        """Whom an arrest or charge held, for the subject "they" of its reason ("police detained three
        ex-combatants after they assaulted a driver": the ex-combatants, not the story's named actors)."""
        parse = self.parse
        clause = parse.head[token.i]
        verb = parse.head[clause]
        if parse.dep[clause] != "advcl" or parse.lemma[verb] not in self.charge_verbs:
            return []
        held = [slot[0] for c in parse.children[verb] if parse.dep[c] == "dobj"
                for slot in self._single(self.doc[c], 1) if slot]
        return [key for key in held if not self.table.actors[key].named]

    def _subject_beyond_whom(self, token: Token) -> list[str]:
        """"Residents protested against the governor, whom they blamed for the clashes": the subject "they" of a
        relative clause on its object ("whom") is the subject of the verb the clause's noun depends on."""
        parse = self.parse
        clause = parse.head[token.i]
        if parse.dep[clause] != "relcl" or not any(parse.dep[c] == "dobj" and parse.tag[c] in ("WP", "WDT")
                                                   for c in parse.children[clause]):
            return []
        i = self._verb_above(parse.head[clause], ("pobj", "prep", "dobj"))
        if i is None:
            return []
        # ("marched to protest against the governor, whom they blamed": the subject of the verb it is the purpose of)
        while parse.dep[i] in ("xcomp", "advcl", "conj") and not any(parse.dep[c] == "nsubj" for c in parse.children[i]):
            i = parse.head[i]
        subjects = [c for c in parse.children[i] if parse.dep[c] == "nsubj" and parse.tag[c] in ("NNS", "NNPS")]
        return [key for c in subjects for slot in self._single(self.doc[c], 1) for key in slot]

    def _doers_in_which(self, token: Token) -> list[str]:
        """The doers of the act a clause "in which" or "during which" tells more of, for its subject "they": "the
        attack by settlers on the village of Burin, in which they set homes on fire" (the settlers, wherever the
        parser hangs the clause). The act is the nearest one before it with a "by" phrase or an owner."""
        parse, i = self.parse, token.i
        clause = parse.head[i]
        relative = next((c for c in parse.children[clause] if parse.dep[c] == "prep"
                         and parse.lower[c] in ("in", "during") and any(
                             parse.lower[w] == "which" for w in parse.children[c])), None)
        if parse.dep[clause] != "relcl" or relative is None:
            return []
        for act in range(relative - 1, token.sent.start - 1, -1):
            if parse.pos[act] != "NOUN" or parse.lemma[act] not in self.hitting_verbs:
                continue
            by = [p for c in parse.children[act] if parse.dep[c] == "prep" and parse.lower[c] == "by"
                  for p in parse.children[c] if parse.dep[p] == "pobj"]
            doers = [slot[0] for p in by for slot in self.resolve(self.doc[p]) if slot] or sorted(self._named_doers(act))
            if doers:
                return doers
        return []

    def _reported_quote(self, token: Token) -> int | None:
        """The opening quote mark of the quote a subject pronoun's reporting verb reports, when the quote comes
        first in the sentence ('"We urge ...," they said')."""
        parse, i = self.parse, token.i
        if parse.dep[i] != "nsubj" or parse.lemma[parse.head[i]] not in self.reporting_verbs:
            return None
        return next((j for j in range(token.sent.start, i) if self.doc[j].is_quote), None)

    def _previous_speaker(self, opening: Token) -> list[str]:
        """The subject of the sentence before a quote, when it is a group or body in the quote's paragraph
        ("Nine rights groups called for his release. '...,' they said")."""
        start = opening.sent.start
        if not start or self.paragraph[start - 1] != self.paragraph[start]:
            return []
        root = self.doc[start - 1].sent.root
        for subject in (c for c in root.children if c.dep_ == "nsubj"):
            found = self._single(subject, 1)
            keys = [key for key in (found[0] if found else []) if key in self.table.actors
                    and self.table.actors[key].type in ("organization", "state")]
            if keys:
                return keys
        return []

    def _plural_group_before(self, token: Token, kinds: frozenset[str] = PRONOUN_GROUP_KINDS,
                             excluded: set[str] = frozenset()) -> list[str]:
        """The nearest unnamed group of people before a plural object or possessive pronoun in its sentence or the one
        before, when no name comes between ("thousands of protesters rallied ...; riot police dispersed them"): not the
        pronoun's own clause-mate ("protesters attacked them"), nor a group it is a part of."""
        parse, i = self.parse, token.i
        start = token.sent.start
        start = self.doc[start - 1].sent.start if start else start
        own_verb = parse.head[i] if parse.dep[i] in ("dobj", "pobj", "dative") else None
        of = parse.head[i]
        if parse.dep[i] == "pobj" and parse.lower[of] == self.of_word and parse.dep[of] == "prep" and (
                parse.lemma[parse.head[of]] in self.quantifiers or self.doc[parse.head[of]].like_num):
            own_verb = parse.head[parse.head[of]]  # "police arrested 17 of them": the count's verb
        for j in range(i - 1, start - 1, -1):
            if self.paragraph[j] != self.paragraph[i]:
                break
            if j in self.table.token_actor:
                actor = self.table.actors.get(self.table.token_actor[j])
                if actor is not None and actor.type in ("organization", "state") and not self._where(j) \
                        and not self._whence(j) and actor.key not in excluded and not self._inside_group(j, kinds):
                    return []  # a name is nearer: the usual reading stands
                continue
            if parse.pos[j] != "NOUN" or parse.tag[j] != "NNS" or parse.dep[j] not in (
                    "nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos") or parse.head[j] == own_verb:
                continue
            kind = self.actor_kinds.get(parse.lemma[j]) or self.actor_kinds.get(parse.lower[j])
            if kind in kinds:
                found = self._single(self.doc[j], 1)
                if found and found[0] and set(found[0]) <= excluded:
                    continue  # "a group of hooded attackers ambushed their patrol": not the attackers'
                return found[0] if found and found[0] else []
        return []

    def _accusers(self, token: Token) -> set[str]:
        """The owners of the charge whose content clause holds the token ("rejected Ukrainian accusations
        that its forces shelled the plant": "its" is not Ukraine's)."""
        parse, i = self.parse, token.i
        for _ in range(8):
            head = parse.head[i]
            if head == i:
                break
            if parse.dep[i] in ("acl", "ccomp") and parse.pos[head] == "NOUN" and parse.lemma[head] in self.charge_nouns:
                return self._named_doers(head)
            if parse.dep[i] == "prep" and parse.pos[head] == "VERB" and parse.lemma[head] in self.charge_verbs:
                # "X has been accused by Amnesty of strikes in the region where it is fighting": not Amnesty
                accusers = [c for c in parse.children[head] if parse.dep[c] == "nsubj"]
                accusers += [p for c in parse.children[head] if parse.dep[c] == "agent"
                             for p in parse.children[c] if parse.dep[p] == "pobj"]
                return {actor.key for c in accusers if (actor := self.table.actor_at_index(c)) is not None}
            i = head
        return set()

    def _attackers(self, token: Token) -> set[str]:
        """Whoever does the act whose target a possessive pronoun owns ("an attack by ISWAP on its base", "an
        al-Shabaab attack on their base", "the army raided their camp", "IS fighters surrendered to its units"):
        the attacker does not hit its own, nor does one surrender to it."""
        parse, i = self.parse, token.i
        noun = parse.head[i]
        if parse.dep[i] != "poss":
            return set()
        verb = parse.head[noun]
        count = parse.head[verb]
        if parse.dep[noun] == "pobj" and parse.lower[verb] == self.of_word and parse.dep[count] == "dobj" and (
                parse.pos[count] == "NUM" or parse.lemma[count] in self.quantifiers):
            noun, verb = count, parse.head[count]  # "killed seven of its members": the seven are the object
        if parse.dep[noun] == "dobj" and parse.pos[verb] == "VERB" and parse.lemma[verb] in self.hitting_verbs:
            # "Cameroon's Rapid Intervention Battalion raided their camp": not the raiders' nor Cameroon's
            subjects = [c for c in parse.children[verb] if parse.dep[c] == "nsubj"]
            # ("a group of hooded attackers ambushed their patrol": nor the attackers described)
            return self._subject_names(subjects) | {key for s in subjects if parse.pos[s] == "NOUN"
                                                    for slot in self.resolve(self.doc[s]) for key in slot}
        if parse.dep[noun] != "pobj":
            return set()
        act = parse.head[verb]
        if parse.pos[act] == "VERB" and (parse.lemma[act] in self.hitting_verbs or parse.lemma[act] in self.yield_verbs):
            return self._subject_names([c for c in parse.children[act] if parse.dep[c] == "nsubj"])
        if parse.pos[act] != "NOUN" or parse.lemma[act] not in self.hitting_verbs:
            return set()
        return self._named_doers(act)

    def _subject_names(self, subjects: list[int]) -> set[str]:
        """The named actors of subject phrases, with their possessors and name modifiers ("IS fighters": IS)."""
        parse = self.parse
        return {actor.key for s in subjects for c in (s, *parse.children[s])
                if (c == s or parse.dep[c] in ("poss", "compound", "amod")) and
                (actor := self.table.actor_at_index(c)) is not None}

    def _named_doers(self, noun: int) -> set[str]:
        """The named actors an act or charge noun gives as its doer: its modifiers and possessor before it
        ("Ukrainian accusations", "ISWAP's attack") and its "by" phrase ("an attack by ISWAP", "by ISWAP fighters")."""
        parse = self.parse
        doers = [c for c in parse.children[noun] if c < noun and parse.dep[c] in ("poss", "compound", "amod", "nmod")]
        by = [p for c in parse.children[noun] if parse.dep[c] in ("prep", "agent") and parse.lower[c] == "by"
              for p in parse.children[c] if parse.dep[p] == "pobj"]
        by += [c.i for p in by for c in self.doc[p].conjuncts]  # "an attack by troops and Interahamwe militiamen"
        # "an attack by ISWAP fighters": the fighters' name
        doers += by + [c for p in by for c in parse.children[p] if c < p and parse.dep[c] in ("compound", "amod")]
        return {actor.key for c in doers if (actor := self.table.actor_at_index(c)) is not None}

    def _thing_before(self, token: Token) -> bool:
        """Whether an object pronoun ("it", "them") follows, in its sentence, a noun of the same number for a
        thing (no actor, no people, no date) nearer than any actor other than its own clause's subject: it
        then stands for that thing ("attacked the hotel with an explosion, and gunmen stormed it")."""
        parse, i = self.parse, token.i
        if parse.dep[i] not in ("dobj", "pobj"):
            return False
        tag = "NNS" if parse.lower[i] in self.plural_pronouns else "NN"
        verb = parse.head[i] if parse.dep[i] == "dobj" else parse.head[parse.head[i]]
        if parse.dep[i] == "dobj" and parse.lemma[verb] in self.actor_object_verbs:
            return False  # "accused them of ...": someone
        own = {c for c in parse.children[verb] if parse.dep[c] in ("nsubj", "nsubjpass")}
        for j in range(i - 1, token.sent.start - 1, -1):
            if j in own or parse.dep[j] in ("compound", "amod", "poss") or parse.ent_type[j] in ("DATE", "TIME"):
                continue
            if self.table.actor_at_index(j) is not None or parse.pos[j] in ("PROPN", "PRON"):
                return False
            if parse.pos[j] == "NOUN" and parse.dep[j] in ("dobj", "pobj", "nsubj", "nsubjpass", "conj"):
                lemma = parse.lemma[j]
                if lemma in self.actor_kinds or self.table.is_people_noun(self.doc[j]):
                    return False
                if parse.tag[j] == tag:
                    return True
        return False

    def _clause_subjects(self, token: Token) -> set[str]:
        """The actors of the subject of the verb whose object or prepositional phrase holds the token: "Nigerien
        and Malian forces launched an offensive against the group" (the group is neither force)."""
        verb = self._verb_above(token.i, ("pobj", "prep", "dobj", "dative", "agent"), limit=6)
        return set() if verb is None else self._resolved_subjects(verb)

    def _resolved_subjects(self, verb: int, owners: bool = False) -> set[str]:
        """The actors of a verb's subjects, and with `owners` their possessors and name modifiers."""
        parse = self.parse
        subjects = [c for c in parse.children[verb] if parse.dep[c] in ("nsubj", "nsubjpass")]
        found = {key for c in subjects for slot in self.resolve(self.doc[c]) for key in slot}
        return found | self._subject_names([c for c in subjects if parse.dep[c] == "nsubj"]) if owners else found

    def _own_subjects(self, token: Token) -> set[str]:
        """Whom an object pronoun cannot stand for: its verb's subjects and their owners ("a rival gang attacked
        them", "Smith's guards beat him"; a reflexive one would name them)."""
        if self.parse.dep[token.i] not in ("dobj", "dative", "pobj"):
            return set()
        verb = self._verb_above(token.i, ("pobj", "prep", "dobj", "dative", "agent"), limit=6)
        return set() if verb is None else self._resolved_subjects(verb, owners=True)

    def _verb_above(self, i: int, deps: tuple[str, ...], limit: int = 12) -> int | None:
        """The verb whose object or prepositional phrase holds word i, reached through words of these relations."""
        parse = self.parse
        for _ in range(limit):
            if parse.dep[i] not in deps:
                return None
            i = parse.head[i]
            if parse.pos[i] in ("VERB", "AUX"):
                return i
        return None

    def _speaker_names(self, token: Token) -> set[str]:
        """The actors named in the subject of the verb whose prepositional phrase or object holds the token, or whose
        reported clause it is the subject of, that of a coordinated verb's first verb included ("The UN mission
        welcomes the deal and calls on both parties", "the UN says both sides committed abuses")."""
        parse, i = self.parse, self._verb_above(token.i, ("pobj", "prep", "dobj", "dative"))
        if i is None and parse.dep[token.i] in ("nsubj", "nsubjpass") and parse.dep[parse.head[token.i]] == "ccomp":
            i = parse.head[parse.head[token.i]]  # "the UN says both sides committed abuses": the one saying it
        if i is None:
            return set()
        subjects = [c for c in parse.children[i] if parse.dep[c] in ("nsubj", "nsubjpass")]
        if not subjects and parse.dep[i] == "conj":
            subjects = [c for c in parse.children[parse.head[i]] if parse.dep[c] in ("nsubj", "nsubjpass")]
        return {actor.key for c in subjects for t in self.doc[c].subtree
                if (actor := self.table.actor_at_index(t.i)) is not None}

    def _first_conjunct_owner(self, token: Token) -> list[str]:
        """"the separatist group and its allies": a possessive on a noun coordinated after another stands for that
        other, when it names an organization or a state."""
        parse, i = self.parse, token.i
        noun = parse.head[i]
        if parse.tag[i] != "PRP$" or parse.dep[noun] != "conj" or parse.head[noun] >= noun:
            return []
        first = self._single(self.doc[parse.head[noun]], 1)
        return [key for key in (first[0] if first else []) if self.table.actors[key].type in ("organization", "state")]

    def _unnamed_person_subject_before(self, token: Token) -> bool:
        """Whether a subject before the pronoun in its sentence is a person named by a role alone ("the
        Afghan army chief said his ..."): the nearest person, whom no earlier name stands for. Not the subject of the
        verb whose object the pronoun is ("Frelimo officials accused him": another man)."""
        parse = self.parse
        own_verb = parse.head[token.i] if parse.dep[token.i] in ("dobj", "dative") else None
        for i in range(token.sent.start, token.i):
            if parse.dep[i] in ("nsubj", "nsubjpass") and parse.pos[i] == "NOUN" and parse.head[i] != own_verb and \
                    parse.lemma[i] in self.role_nouns and self.table.actor_at_index(i) is None and \
                    self._apposed_person(i) is None:
                return True
        return False

    def _person_reporting(self, token: Token) -> str | None:
        """The named person who says what a clause with "he" or "she" for its subject says ("X said he is
        cooperating with prosecutors"): the speaker, as a reader takes it, not the story's most named person."""
        speaker, subject = self._reporting_subject(token)
        if speaker is None or speaker.type != "person" or any(
                self.parse.dep[c] == "poss" and self.parse.pos[c] == "PRON" for c in self.parse.children[subject]):
            return None  # (not "his lawyer X said he had been tortured": the client)
        return speaker.key

    def _body_reporting(self, token: Token) -> list[str] | None:
        """The named body that says what a clause with "it" or "they" for its subject says ("The Armed Forces of
        Ecuador announce that, in a joint operation with the police, they have detained ..."): "they" only of a
        body named in the plural, or of bodies named together ("UNICEF and the WFP announce that they have
        delivered ...": both)."""
        speaker, subject = self._reporting_subject(token)
        if speaker is None or speaker.type not in ("organization", "state"):
            return None
        parse = self.parse
        they = parse.lower[token.i] in self.plural_pronouns
        if they:
            together = [actor.key for c in parse.children[subject] if parse.dep[c] == "conj"
                        and (actor := self.table.actor_at_index(c)) is not None
                        and actor.type in ("organization", "state")]
            if together:
                return [speaker.key, *together]
        plural = parse.tag[subject] in ("NNS", "NNPS") or parse.lower[subject] in self.plural_forms
        return [speaker.key] if plural == they else None

    def _reporting_subject(self, token: Token) -> tuple[Actor | None, int]:
        """The named actor, and its word, that is the subject of the reporting verb whose reported clause has the
        pronoun for its subject (a quote before its verb speaks of others: the speaker would say "I")."""
        parse, i = self.parse, token.i
        if parse.tag[i] == "PRP$" and parse.dep[i] == "poss":
            i = parse.head[i]  # "The Polisario Front, backed by Algeria, said its units had shot down ...": the Front
        verb = parse.head[parse.head[i]]
        if parse.dep[i] != "nsubj" or parse.dep[parse.head[i]] != "ccomp" or verb > i or \
                parse.lemma[verb] not in self.reporting_verbs:
            return None, -1
        subject = next((c for c in parse.children[verb] if parse.dep[c] == "nsubj"), None)
        if subject is None and parse.dep[verb] == "conj":  # "Hamas held talks with Egypt and said it was ..."
            subject = next((c for c in parse.children[parse.head[verb]] if parse.dep[c] == "nsubj"), None)
        if subject is None:
            return None, -1
        # (or the body a description names: "Azerbaijan's foreign ministry said it had agreed ...")
        named = self.table.actor_at_index(subject) or self._apposed_person(subject)
        if named is None and parse.pos[subject] == "NOUN" and parse.lemma[subject] in self.named_bodies:
            found = self._single(self.doc[subject], 1)
            named = self.table.actors.get(found[0][0]) if found and len(found[0]) == 1 else None
        return named, subject

    def _punished_for(self, token: Token, types: tuple[str, ...]) -> str | None:
        """"banned the Chhatra League for its attacks on students", "sanctioned X for their role in ...": the
        owner of the reason a verb gives for what it did to its object is that object, not the verb's subject."""
        parse, i = self.parse, token.i
        if parse.tag[i] != "PRP$":
            return None
        reason = parse.head[i]
        prep = parse.head[reason]
        if parse.dep[reason] != "pobj" or parse.lower[prep] not in self.cause_prepositions:
            return None
        verb = parse.head[prep]
        obj = next((c for c in parse.children[verb] if parse.dep[c] == "dobj"), None)
        actor = self.table.actor_at_index(obj) if obj is not None and parse.pos[verb] == "VERB" else None
        return actor.key if actor is not None and actor.type in types else None

    def _apposed_person(self, i: int) -> Actor | None:
        """The person a role noun's apposition names ("Belgorod's governor, Vyacheslav Gladkov, said ...")."""
        return next((actor for c in self.parse.children[i] if self.parse.dep[c] == "appos"
                     and (actor := self.table.actor_at_index(c)) is not None and actor.type == "person"), None)

    def _subject_after(self, token: Token, types: tuple[str, ...]) -> str | None:
        """The sentence's subject, named after a pronoun in a clause or phrase that opens the sentence before it
        ("After weeks of denying it was planning to return them, Thailand handed them over": Thailand)."""
        root = token.sent.root
        subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i > token.i), None)
        if subject is None or not any(c.dep_ in ("advcl", "prep") and c.i < subject.i
                                      and c.left_edge.i <= token.i <= c.right_edge.i for c in root.children):
            return None
        actor = self.table.actor_at(subject)
        return actor.key if actor is not None and actor.type in types and actor.named else None

    def _unnamed_body_subject(self, token: Token, plural: bool = False) -> list[str] | None:
        """The body named by its noun alone ("the army", "the police") that is the subject of the reporting verb
        whose clause holds a pronoun ("The army said it had repelled ...", "The Khyber Pakhtunkhwa police announce
        that they have arrested ...": "they" only of a plural noun): the pronoun is that body."""
        parse = self.parse
        ancestors = {a.i for a in token.ancestors}
        for i in range(token.sent.start, token.i):
            if parse.dep[i] != "nsubj" or parse.head[i] not in ancestors or \
                    parse.lemma[parse.head[i]] not in self.reporting_verbs:
                continue
            body = self.table.actor_at_index(i)
            if body is None and not plural and parse.pos[i] in ("NOUN", "PROPN") and \
                    parse.lemma[i] in self.table.institution_heads:
                # "The Fiji Police Force announces that its officers ...": the police, not Fiji
                force = self.table.actors.get(self.first(self.doc[i]) or "")
                if force is not None and force.kind in STATE_FORCE_KINDS:
                    return [force.key]
            if parse.pos[i] == "NOUN" and parse.lemma[i] in self.kind_bodies and body is None and \
                    (not plural or parse.tag[i] == "NNS" or parse.lower[i] in self.plural_forms):
                found = self._kind_actor(self.doc[i])
                return found[0] if found else None
            if plural and parse.dep[token.i] in ("nsubj", "nsubjpass") and parse.pos[i] == "NOUN" and \
                    parse.tag[i] == "NNS" and self.actor_kinds.get(parse.lemma[i]) in ("generic_force", "civilians"):
                # "Rebel fighters in Misrata said they had received missiles", "Residents said they were beaten":
                # "they" of a plural force or of people (officials and groups keep to those named before)
                found = self.first(self.doc[i])
                return [found] if found else None
        return None

    def _state_force(self, actor: Actor) -> bool:
        """Whether an actor is a state's institution (its military, police or a ministry)."""
        parent = self.table.actors.get(actor.parent_hint or "")
        return actor.kind in STATE_FORCE_KINDS or (parent is not None and parent.type == "state")

    def _named_body(self, token: Token) -> str | None:
        """The nearest named organization before a definite body noun whose name holds that noun ("the
        court" after "the International Court of Justice"): the description refers back to it."""
        words = {self.parse.lemma[token.i], self.parse.lower[token.i]}
        pos = bisect_left(self._anchor_index, token.i) - 1
        while pos >= 0:
            key = self.anchors[pos][1]
            pos -= 1
            actor = self.table.actors.get(key)
            if actor is None or actor.type != "organization" or actor.denotes:
                continue
            if words & set(normalize_name(actor.name).split()):
                return key
        return None

    # -- resolution ----------------------------------------------------------------------------
    def resolve(self, token: Token) -> list[list[str]]:
        """Actors the argument refers to: one ranked candidate list per coordinated conjunct."""
        doc = self.doc
        slots: list[list[str]] = []
        for conjunct in (token, *[doc[i] for i in self.parse.conjuncts(token.i)]):
            found = self._single(conjunct, 0)
            if found:
                slots.extend(found)
            for pobj in self._included(conjunct):  # "Senior members, including X, ..." adds X
                for slot in self._single(doc[pobj], 1):
                    if slot and self._named_inclusion(slot):
                        slots.append(slot)
                        if found and found[0]:
                            self.included_in[slot[0]] = found[0][0]
        unique, seen = [], set()
        for slot in slots:
            if slot and slot[0] not in seen:
                seen.add(slot[0])
                unique.append(slot)
        return unique

    def modifying_force(self, token: Token) -> list[list[str]]:
        """A force named by a noun that modifies another ("gang members", "Coalition airstrikes"): the force."""
        if token.dep_ != "compound" or self.actor_kinds.get(self.parse.lemma[token.i]) != "generic_force":
            return []
        return self._kind_actor(token, modifier=True)

    def first(self, token: Token) -> str | None:
        """The first actor `resolve` would give, resolving no more than it takes to find it."""
        doc = self.doc
        for conjunct in (token, *[doc[i] for i in self.parse.conjuncts(token.i)]):
            for slot in self._single(conjunct, 0) or ():
                if slot:
                    return slot[0]
            for pobj in self._included(conjunct):
                for slot in self._single(doc[pobj], 1):
                    if slot and self._named_inclusion(slot):
                        return slot[0]
        return None

    def _named_inclusion(self, slot: list[str]) -> bool:
        """Whether an actor named after "including" stands on its own: a named one does ("members, including X");
        a described part of the group does not ("12 civilians, including five children" are the twelve)."""
        actor = self.table.actors.get(slot[0])
        return actor is not None and actor.named and not actor.denotes

    def _included(self, token: Token) -> tuple[int, ...]:
        """Objects of "including", "like" and "such as" under the word, and the names a following "among them"
        introduces ("six individuals, among them X", which the parser hangs elsewhere); asked again on every
        resolution."""
        found = self._inclusions.get(token.i)
        if found is None:
            parse = self.parse
            found = tuple(
                pobj for child in parse.children[token.i]
                # ("like" of a plural only: "groups like Hamas"; "an arrangement like NATO" compares)
                if parse.dep[child] == "prep" and (parse.lower[child] == "including" or parse.lower[child] == "like"
                                                   and parse.tag[token.i] in ("NNS", "NNPS")) or (
                    parse.dep[child] == "prep" and parse.lower[child] == "as"
                    and self.doc[child].nbor(-1).lower_ == "such")
                for first in parse.children[child] if parse.dep[first] == "pobj"
                for pobj in (first, *parse.conjuncts(first)))  # ("including X and Y")
            among = self.doc[token.i].right_edge.i + 1  # (past the comma, which the parser may hang on the noun)
            among += among < len(self.doc) and parse.lower[among] == ","
            if parse.tag[token.i] in ("NNS", "NNPS") and among + 1 < len(self.doc) and parse.lower[among] == "among" \
                    and parse.lower[among + 1] == "them" and parse.lower[among - 1] == ",":
                named = parse.head[among]
                if named != token.i and self.table.actor_at_index(named) is not None:
                    found += (named, *parse.conjuncts(named))
            self._inclusions[token.i] = found
        return found

    def _named_after_comma(self, i: int):
        """'sanctions on Sudan's army chief, General Abdel Fattah al-Burhan': the person a role noun is apposed
        to by a comma (a title word may come first), when the parser hangs the name elsewhere."""
        if i + 1 >= len(self.doc) or self.parse.lower[i + 1] != ",":
            return None
        for j in range(i + 2, min(i + 4, len(self.doc))):
            actor = self.table.actor_at_index(j)
            if actor is not None:
                return actor if actor.type == "person" else None
            if not self.doc[j].is_title:
                return None
        return None

    def _known_as(self, token: Token) -> str | None:
        """The named person a role noun is said to be known or called as ("a leader known as 'El Flaco'")."""
        for verb in token.children:
            if verb.dep_ != "acl" or verb.lemma_.lower() not in self.naming_verbs:
                continue
            names = [c for c in verb.children if c.dep_ == "oprd"]
            names += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == self.role_preposition
                      for p in c.children if p.dep_ == "pobj"]
            for name in names:
                actor = self.table.actor_at(name)
                if actor is not None and actor.type == "person":
                    return actor.key
        return None

    def _named_list_after(self, token: Token) -> list[str]:
        """'arrested two members of parliament, Mduduzi Mabuza and Mthandeni Dube': the people a plural role
        noun's phrase is followed by, after a comma, when the parser hangs them elsewhere."""
        parse = self.parse
        # the noun's own words end at its "of" phrase's object (the parser may hang the names on it as conjuncts)
        end = max([token.i] + [p.i for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"
                               for p in c.children if p.dep_ == "pobj"])
        if end + 2 >= len(self.doc) or parse.lower[end + 1] != ",":
            return []
        found: list[str] = []
        j = end + 2
        while j < len(self.doc):
            actor = self.table.actor_at_index(j)
            if actor is None or actor.type != "person" or not actor.named:
                break
            if actor.key not in found:
                found.append(actor.key)
            while j < len(self.doc) and self.table.actor_at_index(j) is actor:
                j += 1
            if j < len(self.doc) and parse.lower[j] in (",", "and"):
                j += 1 + (j + 1 < len(self.doc) and parse.lower[j] == "," and parse.lower[j + 1] == "and")
            else:
                break
        return found if len(found) >= 2 else []

    def _single(self, token: Token, depth: int) -> list[list[str]]:
        if depth > MAX_DEPTH:
            return []
        table, parse, i = self.table, self.parse, token.i
        actor = table.actor_at_index(i)
        if actor is not None:
            branch = self._branch_in_place(token, actor) if actor.type == "organization" else None
            return [[(branch or actor).key]]
        dep, children, head = parse.dep, parse.children[i], parse.head[i]
        # "X, a commander of Y, ..." / relative clauses: the noun refers to what it describes.
        if dep[i] == "appos" and table.actor_at_index(head) is not None:
            return [[table.actor_at_index(head).key]]
        if parse.lower[i] in self.relative_words and dep[head] == "relcl":
            antecedent = parse.head[head]
            joined = sorted((antecedent, *parse.conjuncts(antecedent)))
            if len(joined) > 1 and parse.tag[antecedent] in ("NNP", "NN"):
                verbs = [w for w in (head, *parse.children[head]) if w == head or dep[w] in ("aux", "auxpass")]
                if any(parse.tag[w] == "VBP" or parse.lower[w] == "were" for w in verbs):
                    # "Turkey and the UAE, which have both trained ...": a plural verb's "which" is every name joined
                    return [slot for k in joined for slot in self._single(self.doc[k], depth + 1)]
                if any(parse.tag[w] == "VBZ" or parse.lower[w] == "was" for w in verbs) and joined[-1] < i:
                    antecedent = joined[-1]  # "Hamas and Islamic Jihad, which is backed by Iran": the nearest one
            of = parse.head[antecedent]
            if parse.lower[i] in self.person_relatives and dep[antecedent] == "pobj" and parse.lower[of] == self.of_word \
                    and parse.lemma[parse.head[of]] in self.role_nouns and getattr(
                        table.actor_at_index(antecedent), "type", None) != "person":
                antecedent = parse.head[of]  # "the president of Corsica's executive council, who ...": the president
            named = self._named_collective(antecedent)
            if named is not None:
                return [[named]]
            found = self._single(self.doc[antecedent], depth + 1)
            if found or parse.lower[i] not in self.person_relatives:
                return found
            return self._people_before(i)
        for child in children:
            if dep[child] == "appos" and table.actor_at_index(child) is not None:
                if not self._place_apposed_to_place(i, child):
                    return [[table.actor_at_index(child).key]]
        named = self._named_after_comma(i) if parse.lemma[i] in self.role_nouns else None
        if named is not None:
            return [[named.key]]
        if parse.lemma[i] in self.role_nouns or parse.lemma[i] in self.member_nouns:
            known = self._known_as(token)  # "a Los Lobos leader known as 'El Flaco'": the man, not the gang
            if known is not None:
                return [[known]]
            listed = self._named_list_after(token) if parse.tag[i] == "NNS" else []
            if listed:  # "two members of parliament, X and Y": the two, not the parliament
                return [[key] for key in listed]
        coref = self._corefer(token)
        if coref is not None:
            found = [c for c in coref if c]
            if not found:  # "the army" with no antecedent: an unnamed actor of its kind, if it names one
                return self._kind_actor(token)
            if found and i not in self._coref_seen:
                # record the pronoun or description as a mention of its (first) antecedent
                self._coref_seen.add(i)
                kind = "pronoun" if parse.pos[i] == "PRON" else "description"
                start = i if kind == "pronoun" else min(
                    [c for c in children if c < i and dep[c] in ("det", "amod", "compound", "nummod")] + [i])
                for slot in found:
                    if len(slot) == 1:  # only unambiguous ones: the claim may pick a later candidate
                        table.mentions.append(MentionSpan(start, i + 1, slot[0], kind))
            return found
        lemma = parse.lemma[i]
        group_of = lemma in self.group_of_nouns and any(
            dep[c] == "prep" and parse.lower[c] == "of" and any(parse.tag[p] == "NNS" for p in parse.children[c])
            for c in children)  # "a cell of four militants", not "a unit of the army"
        if lemma in self.quantifiers or token.like_num or group_of:
            for child in children:
                if dep[child] == "prep" and parse.lower[child] == "of":
                    for pobj in parse.children[child]:
                        if dep[pobj] == "pobj":
                            self.quantity[pobj] = token.text
                            self._quantifier[pobj] = i
                            if parse.pos[i] == "NUM" and parse.tag[pobj] == "NNS" and \
                                    parse.lemma[pobj] in self.actor_kinds and any(parse.dep[c] == "poss" and parse.lower[
                                        c] in self.person_pronouns for c in parse.children[pobj]):
                                return self._counted_of(i, pobj)  # "killed the mayor and two of his bodyguards"
                            found = self._single(self.doc[pobj], depth + 1)
                            if not found and parse.lower[pobj] in self.partitive_pronouns and parse.pos[i] == "NUM":
                                return self._counted_of(i, pobj)
                            return found
            if parse.lower[i] in self.bare_counts and parse.pos[i] == "NOUN":
                return self._kind_actor(token)  # "killed dozens", "hundreds protested"
            if lemma not in self.collective and lemma not in self.actor_kinds:
                return []  # ("opposition groups in Zimbabwe" are a group, "an elderly couple" two people, not a count)
        if parse.pos[i] == "NOUN" and any(c < i and (dep[c] == "amod" and parse.lower[c] in self.affiliation_words or
                                                     dep[c] in ("amod", "compound") and
                                                     parse.lower[c] in self.opposition_words) for c in children):
            return self._affiliated(token) or self._kind_actor(token)  # ("rebel troops": troops of no group)
        if self._owned_target(i):
            # "Hamas positions": Hamas; "a police patrol": the patrol itself
            return self._owner(token, depth) or self._kind_actor(token)
        member = lemma in self.member_nouns or parse.lower[i] in self.member_nouns
        if lemma in self.member_heads and self._member_kind(i):
            return self._kind_actor(token)  # "detained its 25 crew members": the crew, not the ship
        if member and parse.tag[i] == "NN" and self._hit(i) and any(
                dep[c] == "det" and parse.lower[c] in self.indefinite_articles for c in children) and any(
                dep[c] == "prep" and parse.lower[c] == self.of_word for c in children):
            # "detained a regional leader of the CJNG", "killed a commander of the ADF": the man, not the group
            return self._kind_actor(token)
        if member and any(c < i and parse.lower[c] in self.former_words for c in children) and (any(
                dep[c] == "prep" and parse.lower[c] == self.of_word for c in children) or parse.tag[i] == "NN"
                and self.actor_kinds.get(lemma) != "title_role"):
            # "a former commander of the CPI was shot dead", "detained a former Afghan army officer": the man,
            # not the body he served
            return self._kind_actor(token)
        if member or lemma in self.part_nouns or lemma in self.collective:
            owner = self._owner(token, depth)
            first = self.table.actors.get(owner[0][0]) if owner and owner[0] else None
            if first is not None and first.type == "location" and lemma in self.collective:
                return self._collective(token)  # "Baloch tribes", "Darfur rebels": a group, not the place
            if first is not None and first.type == "person" and lemma in self.follower_nouns:
                return self._kind_actor(token)  # "supporters of Jair Bolsonaro": a group, not the man
            sides = [key for key in self.person_sides(first.key) if self.table.actors[key].type == "organization"] \
                if first is not None and first.type == "person" and (
                    self.actor_kinds.get(lemma) == "generic_force" or lemma in self.side_nouns) else []
            if sides:  # "the Taliban's defence minister said his forces had killed ...": the Taliban's forces
                return [sides[:1]]
            if first is not None and first.type == "person" and member and lemma not in self.kind_bodies:
                # "killed the mayor and his press officer", "his bodyguards": someone else, not the man
                return self._kind_actor(token) or self._institution_of(token, owner)
            if owner:
                return self._institution_of(token, owner)
        if parse.lower[i] in self.named_place_nouns:
            # "pulled out of Suwayda city", "shelled Kharkiv region": the place its name before it names
            places = [actor.key for c in children if dep[c] == "compound" and c < i
                      and (actor := table.actor_at_index(c)) is not None and actor.type in ("location", "state")]
            if places:
                return [places[-1:]]
        if parse.pos[i] == "PROPN" and parse.lower[i] in self.named_bodies:
            # "the United States Treasury" where the model tags the state alone: the state's body, which it stands for
            states = [actor.key for c in children if dep[c] == "compound"
                      and (actor := table.actor_at_index(c)) is not None and actor.type == "state"]
            if states:
                return [states[:1]]
        return self._collective(token) or self._kind_actor(token)

    def _people_before(self, i: int) -> list[list[str]]:
        """The named people right before a "who" whose clause the parser hung on a thing ("the whereabouts of
        activists X and Y, who were abducted"): X and Y."""
        k = i - 1
        while k > 0 and self.parse.pos[k] == "PUNCT":
            k -= 1
        actor = self.table.actor_at_index(k)
        if actor is None or actor.type != "person":
            return []
        return self.resolve(self.doc[self.parse.first_conjunct(k)])

    def _institution_of(self, noun: Token, owner: list[list[str]]) -> list[list[str]]:
        """"the Myanmar military", "Mexico's army": a state's armed forces or police are their own actor,
        part of the state (as "Egyptian army" is)."""
        state = self.table.actors.get(owner[0][0]) if owner and owner[0] else None
        if state is None or state.type != "state":
            return owner
        kind = self.table._institution(noun)
        if kind is None and noun.lemma_.lower() in self.collective:
            # "Ivory Coast rebels" are not Ivory Coast; "12 people in Freetown" are a counted group
            return self._collective(noun) or self._kind_actor(noun) or owner
        if kind is None and self.actor_kinds.get(noun.lemma_.lower()) == "civilians":
            return self._kind_actor(noun) or owner  # "a Palestinian man" is no state ("Hamas men" are Hamas)
        if kind in (None, "state"):
            return owner
        entry = self.table.gazetteer.get(state.gazetteer_id) if state.gazetteer_id else None
        adjective = entry.demonyms[0] if entry is not None and entry.demonyms else state.name
        actor = self.table.new_actor(f"{adjective} {kind}", "organization", kind=kind)
        actor.parent_hint = actor.parent_hint or state.key
        start = noun.left_edge.i
        while start < noun.i and self.doc[start].dep_ == "det":
            start += 1
        if not self.table.has_mention(actor.key, start):
            self.table.add_mention(start, noun.i + 1, actor, "description")
            phrase = self.parse.span_text(start, noun.i + 1)
            if phrase not in actor.aliases:
                actor.aliases.append(phrase)
        return [[actor.key]] + owner[1:]

    def _rank(self, key: str) -> int:
        actor = self.table.actors.get(key)
        if actor is None:
            return 9
        if actor.gazetteer_id and actor.type != "person":  # "his SPLM-IO forces": the group's, a leader or not
            return 0
        return {"organization": 1, "state": 2, "person": 3}.get(actor.type, 4)

    def _owner(self, token: Token, depth: int) -> list[list[str]]:
        """The organization a member/part noun belongs to: poss, compound, amod or 'of' phrase."""
        parse, doc, i = self.parse, self.doc, token.i
        dep, lower, actor_at = parse.dep, parse.lower, self.table.actor_at_index
        candidates = []
        for child in parse.children[i]:
            if dep[child] in ("poss", "compound", "nmod", "amod") and child < i:
                found = self._single(doc[child], depth + 1)
                if not found and parse.lemma[i] not in self.actor_kinds:
                    # "gang members", "a police vehicle": a noun of no kind of its own is the force's
                    found = self.modifying_force(doc[child])
                if found and found[0]:
                    candidates.append(found[0])
        if candidates:
            best = min(candidates, key=lambda slot: self._rank(slot[0]))
            # "Hungarian and Romanian officials": every conjoined owner is a separate actor
            out = [best]
            named = [c for c in parse.children[i] if dep[c] in ("amod", "compound", "nmod") and c < i
                     and actor_at(c) is not None]
            for child in named:
                # "Wagner and FACA soldiers" parsed with no conj: a name with an "and" of its own, and the
                # named modifiers after it, own the noun together; so do those of "British, French and German
                # officials", each name before a comma
                coordinated = [c for c in named if c > child] if any(
                    dep[c] == "cc" for c in parse.children[child]) or lower[child + 1] == "," else []
                for conjunct in (*parse.conjuncts(child), *coordinated):
                    actor = actor_at(conjunct)
                    if actor is not None and [actor.key] not in out:
                        out.append([actor.key])
            return out
        # (any thing's word counts here: "a think tank in Ankara" is no more Turkey's than "houses in Dili")
        thing = parse.lemma[i] in self.owned_targets or lower[i] in self.owned_targets
        for child in parse.children[i]:
            if dep[child] == "prep" and lower[child] in ("of", "from", "in", "within", "to"):
                for pobj in parse.children[child]:
                    if dep[pobj] == "pobj":
                        found = self._single(doc[pobj], depth + 1)
                        actor = self.table.actors.get(found[0][0]) if found and found[0] else None
                        # ("houses in Dili": a state's capital is where a thing stands, as a place is)
                        if actor is not None and (lower[child] in ("of", "from", "to") or not (
                                actor.type == "location" or thing and self.table.is_place_name(pobj))):
                            return found[:1]
        return []

    def _branch_in_place(self, token: Token, actor: Actor) -> Actor | None:
        """'Islamic State in the Sinai' when the document names the group's Sinai branch: the branch."""
        if actor.type != "organization":
            return None
        parse = self.parse
        dep, heads = parse.dep, parse.head
        head = token.i
        while dep[head] == "compound" and heads[head] > head and self.table.actor_at_index(heads[head]) is actor:
            head = heads[head]
        places = self._places.get(head)
        if places is None:
            places = self._places[head] = tuple(
                p for prep in parse.children[head] if dep[prep] == "prep" and parse.lower[prep] in ("in", "inside")
                for p in parse.children[prep] if dep[p] == "pobj" and parse.ent_type[p] in ("GPE", "LOC"))
        if not places:
            return None
        place = self.doc[places[0]]
        place = normalize_name(self.table._span_name(self.doc[place.left_edge.i:place.i + 1]))
        if not place:
            return None
        for other in self.table.actors.values():
            if other.parent_hint == actor.key and other.type == "organization" and any(
                    re.search(rf"\b{re.escape(place)}\b", normalize_name(alias)) for alias in other.aliases):
                return other
        return None

    def _affiliated(self, token: Token) -> list[list[str]]:
        """'ISIS-inspired jihadists', 'Iran-backed militias': a group of its own, named with its modifiers
        (not the organization that inspires or backs it)."""
        if token.lemma_.lower() in self.not_actors or (token.lemma_.lower() not in self.collective
                                                       and token.tag_ != "NNS"):
            return []
        start = min(c.left_edge.i for c in token.lefts if c.dep_ in ("amod", "compound", "nmod", "npadvmod"))
        while start < token.i and (self.doc[start].dep_ in ("det", "poss", "predet", "nummod", "punct")
                                   or self.doc[start].lower_ in self.not_name_modifiers):
            start += 1
        end = token.i + 1
        for child in token.rights:  # "... jihadists in Gaza", not what hangs off the place ("in Vienna, where ...")
            place = next((p for p in child.children if p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC")), None)
            if child.dep_ == "prep" and child.lower_ in ("in", "from", "across", "throughout") and place is not None:
                if not any(c.dep_ == "conj" and c.i < child.i for c in token.rights):
                    end = place.i + 1  # (a place after a coordinated noun is the whole row's: "X and Y in Z")
                break
        actor = self.table.new_actor(self.parse.span_text(start, end), "organization", named=False)
        self.table.mark_kind(actor, token)
        if not self.table.has_mention(actor.key, start):
            self.table.add_mention(start, end, actor, "description")
        return [[actor.key]]

    def _collective(self, token: Token) -> list[list[str]]:
        """'Rwandan rebels', 'rebels in Darfur': a group named by a noun and a place or people."""
        parse, i = self.parse, token.i
        if parse.pos[i] != "NOUN" or parse.lemma[i] in self.not_actors:
            return []
        if parse.lemma[i] not in self.collective and (parse.tag[i] != "NNS" or not self.table.is_people_noun(token)):
            return []  # "streets in Hong Kong", "German goods" name things, not a group
        left = [c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in (
            "NORP", "GPE", "LOC")]
        if token.lemma_.lower() not in self.collective:
            left = [c for c in left if c.ent_type_ == "NORP"]  # "Iraqi towns", not "Gaza tunnels"
        place = None
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ in ("in", "of", "from", "at", "throughout", "across"):
                # "rebels in Darfur", "students at Cumhuriyet University"
                place = next((p for p in child.children if p.dep_ == "pobj" and (p.ent_type_ in (
                    "GPE", "LOC", "FAC", "ORG") and (p.ent_type_ in ("GPE", "LOC") or child.lower_ == "at")
                    or self._named_place_noun(p))), None)
            if child.dep_ == "acl" and child.lemma_ in ("base", "station", "operate", "locate"):
                # "a newspaper based in east Beirut", "rebels operating in Darfur"
                for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ in ("in", "at")):
                    place = next((p for p in prep.children if p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC")),
                                 place)
        if not left and (place is None or parse.lemma[i] in self.actor_kinds and any(
                c.dep_ == "nummod" for c in token.lefts)):
            return []  # "arrested 12 people in Freetown": a counted group where the act was, not "people in Freetown"
        if self.table.is_person_noun(token):
            return []  # "a prominent anti-Syria journalist" is one person, not a group
        if not left and token.lemma_.lower() in self.role_nouns:
            # "commanders in the Gaza Strip": people holding a post somewhere are no group of their own;
            # "officials in Kabul" (a capital) speak for the state
            actor = self.table.actor_at(place)
            return [[actor.key]] if actor is not None and actor.type == "state" else []
        # Keep the premodifiers that tell the group apart ("ISIS-inspired jihadists", "Salafi militants")
        named = [c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod")
                 and c.lower_ not in self.not_name_modifiers and not c.like_num]
        start = min([c.left_edge.i for c in left + named] + [token.i])
        while start < token.i and (self.doc[start].dep_ in ("det", "poss", "predet", "nummod", "punct")
                                   or self.doc[start].lower_ in self.not_name_modifiers):
            start += 1
        end = token.i + 1
        if place is not None:  # up to the end of the place's name, not of everything hanging off it
            end = place.i + 1
            while end < len(self.doc) and self.doc[end].ent_iob_ == "I":
                end += 1
        name = self.parse.span_text(start, end)
        actor = self.table.new_actor(name, "organization", named=False)
        self.table.mark_kind(actor, token)
        if not self.table.has_mention(actor.key, start):
            self.table.add_mention(start, end, actor, "description")
        return [[actor.key]]

    def _place_apposed_to_place(self, noun: int, appos: int) -> bool:
        """'police in Freetown and Makeni, Sierra Leone': a state or place the parser apposed to the noun
        after a place phrase of its own belongs to that place, not to the noun."""
        parse = self.parse
        actor = self.table.actor_at_index(appos)
        if actor is None or actor.type not in ("state", "location"):
            return False
        return any(parse.dep[prep] == "prep" and noun < prep < appos and any(
            parse.dep[p] == "pobj" and parse.ent_type[p] in ("GPE", "LOC") for p in parse.children[prep])
            for prep in parse.children[noun])

    def _named_place_noun(self, noun: Token) -> bool:
        """"the Transnistrian region", "the Tigray region": a place noun named by its modifier."""
        def names_a_place(word: Token) -> bool:
            actor = self.table.actor_at(word)
            return word.ent_type_ in ("NORP", "GPE", "LOC") or actor is not None and actor.type in ("location", "state")

        return noun.lemma_.lower() in self.not_actors and any(
            c.dep_ in ("amod", "compound") and names_a_place(c) for c in noun.children)

    def _hit(self, i: int) -> bool:
        """Whether the word is what a violent verb or noun hits ("abducted a local chief", "a judge was shot",
        "the killing of a village chief")."""
        parse = self.parse
        head = parse.head[i]
        if parse.dep[i] == "pobj" and parse.lower[head] == "of" and parse.dep[head] == "prep":
            return parse.pos[parse.head[head]] == "NOUN" and parse.lemma[parse.head[head]] in self.hitting_verbs
        return parse.dep[i] in ("dobj", "nsubjpass") and parse.lemma[head] in self.hitting_verbs

    def _member_kind(self, i: int) -> str | None:
        """The kind of the people noun that "members" is qualified by: "crew members", "militia members" (a
        "committee member" is a member of the committee)."""
        parse = self.parse
        return next((kind for c in parse.children[i] if c < i and parse.dep[c] == "compound" and parse.pos[c] == "NOUN"
                     and (kind := self.actor_kinds.get(parse.lemma[c])) in ("civilians", "generic_force")), None)

    def _kind_actor(self, token: Token, *, modifier: bool = False) -> list[list[str]]:
        """An actor the text describes without naming: "two civilians", "police", "a government
        soldier", "the Foreign Secretary", "300 airmen", "prosecutors", "a court", "rights groups".
        It is local to the document, named by its noun phrase (a counted group with its count: "at
        least five people" and "31 people" are two groups), and never stands for a named actor
        (resolution keeps kinds apart)."""
        parse, i = self.parse, token.i
        if parse.pos[i] not in ("NOUN", "PROPN") or parse.ent_type[i] in ("DATE", "TIME", "MONEY", "PERCENT") or \
                parse.ent_type[i] == "CARDINAL" and parse.lower[i] not in self.bare_counts or \
                (parse.dep[i] in ("compound", "amod", "nmod", "npadvmod", "poss") and not modifier and not (
                    parse.dep[i] == "poss" and any(parse.dep[c] == "det" for c in parse.children[i]))):
            return []  # "rebel-held", "police chief": a modifier, not an argument ("the army's offensive" is one)
        lemma = parse.lemma[i]
        kind = self.actor_kinds.get(lemma) or self.actor_kinds.get(parse.lower[i])
        if kind is None and parse.pos[i] == "PROPN" and parse.tag[i] == "NNPS":  # "Maoists", "Islamists"
            kind = self.actor_kinds.get(parse.lower[i].removesuffix("s"))
        if kind is None and parse.lower[i] in self.bare_counts:
            kind = "counted_group"  # "killed dozens": people, counted
        if kind is None and lemma in self.member_heads:  # "its 25 crew members", "militia members"
            kind = self._member_kind(i)
        if kind is None and lemma in self.member_heads and any(parse.dep[c] == "nummod" for c in parse.children[i]):
            kind = "counted_group"  # "detained two members of the opposition Ladies in White": no named group's
        if kind in (None, "descriptive") and lemma in self.qualified_forces and any(
                parse.dep[c] in ("compound", "amod") and parse.lower[c] in self.qualified_forces[lemma]
                for c in parse.children[i]):
            if parse.dep[i] in ("attr", "oprd") or parse.tag[i] == "NN" and any(
                    parse.dep[c] == "det" and parse.lower[c] in self.indefinite_articles for c in parse.children[i]):
                return []  # "designated it a terrorist group", "an armed group, the SDF": a class, or a name's
            kind = "generic_force"  # "the security services", "foreign intelligence services", "an armed group"
        if kind == "civilians" and any(parse.dep[c] == "amod" and parse.lower[c] in self.armed_modifiers
                                       for c in parse.children[i]):
            kind = "generic_force"  # "armed men abducted them", "masked men": not civilians
        if parse.pos[i] == "PROPN" and (parse.ent_type[i] or not token.is_title or not (
                kind in ("title_role", "generic_force") or parse.lower[i] in self.kind_bodies)):
            return []  # a capitalised post or body with no name ("the Foreign Secretary", "the Coalition") is one
        # ("the Angolan Armed Forces": a capitalised plural is plural too)
        plural = parse.tag[i] in ("NNS", "NNPS") or parse.lower[i] in self.plural_forms
        if kind is None and lemma == "other" and parse.tag[i] == "NNS" and any(
                parse.dep[c] == "nummod" for c in parse.children[i]):
            kind = "civilians"  # "killed five and wounded four others": a counted group of people
        if kind is None:
            return []
        if lemma in self.not_actors and parse.dep[i] in ("dobj", "attr", "oprd") and not (parse.dep[i] == "dobj" and (
                self._hit(i) or parse.lemma[parse.head[i]] in self.addressing_verbs
                or parse.lemma[parse.head[i]] in self.receiving_verbs)):
            # "sent troops to Somalia", "deployed forces": what is sent, not who acts ("praised the forces":
            # whom it is said to; "trained forces loyal to X": whom it helps)
            return []
        children = parse.children[i]
        if lemma in self.status_complements and parse.tag[i] == "NN" and not any(c < i for c in children):
            return []  # "held hostage", "taken prisoner": what they were made, not who
        counted = any(parse.dep[c] == "nummod" and parse.pos[c] == "NUM" for c in children) or i in self.quantity
        if kind == "title_role" and plural:
            # (but "the killing of five social leaders in Catatumbo": people counted or hit are a group)
            somewhere = any(parse.dep[c] == "prep" and parse.lower[c] in ("in", "at") and any(
                parse.dep[p] == "pobj" and parse.ent_type[p] in ("GPE", "LOC") for p in parse.children[c])
                for c in children)
            if somewhere and not counted and not self._hit(i):
                return []  # "commanders in the Gaza Strip": post holders somewhere are no group of their own
            kind = "descriptive"  # "officials", "government officials", "prosecutors": a group of post holders
        elif kind == "title_role" and not any(parse.lower[c] in self.title_determiners for c in children
                                              if parse.dep[c] == "det") and not self._hit(i) and not any(
                (owner := self.table.actor_at_index(p)) is not None and owner.type == "person"
                for c in children if parse.dep[c] == "prep" and parse.lower[c] == self.of_word
                for p in parse.children[c] if parse.dep[p] == "pobj"):
            # "a minister" is anyone; "the Minister" is one post holder; "abducted a chief" one victim; "a close
            # aide of former president X" one man, not X
            return []
        if kind == "descriptive" and not plural and lemma not in self.kind_bodies and not (
                any(parse.dep[c] == "poss" for c in children) and self._hit(parse.first_conjunct(i))):
            # "an expert" is anyone; "a court", "the agency" are one body; "killed X and his partner" one victim
            return []
        if kind == "descriptive" and any(parse.dep[c] in ("compound", "poss", "nmod") and self.table.actor_at_index(c)
                                         for c in children):
            return []  # "UN inspectors", "Reuters reporters": people of a named actor, which stands for them
        if counted and plural:
            kind = "counted_group"
        start = i
        while start > 0 and parse.head[start - 1] == i and parse.dep[start - 1] in (
                "amod", "compound", "nmod", "nummod", "det", "quantmod", "advmod", "punct") or (
                start > 0 and parse.dep[start - 1] in ("compound", "amod") and parse.head[start - 1] == start):
            start -= 1
        for c in children:  # "like-minded individuals": a modifier's own words belong to the name
            if start <= c < i and parse.dep[c] in ("amod", "compound", "nmod") and \
                    start - 3 <= self.doc[c].left_edge.i < start:
                start = self.doc[c].left_edge.i
            elif c < start and parse.dep[c] in ("amod", "compound", "nmod") and self.doc[c].right_edge.i == start - 1 \
                    and start - 6 <= self.doc[c].left_edge.i:
                start = self.doc[c].left_edge.i  # "press freedom and rights groups": a coordinated modifier
        if kind == "counted_group":
            # the count is part of the name: "at least five people", "more than 30 foreign influencers"
            for c in children:
                if c < i and parse.dep[c] == "nummod":
                    start = min(start, self.doc[c].left_edge.i)
            if i in self._quantifier:  # "hundreds of civilians"
                start = min(start, self.doc[self._quantifier[i]].left_edge.i)
            # ("shot dead two farmers", the result misread as the count's modifier: "two farmers")
            while start < i and (parse.dep[start] in ("det", "punct", "poss", "case", "predet")
                                 or parse.lower[start] in ("the", "a", "an", "these", "those", "their", "its")
                                 or parse.lower[start] in self.result_adjectives):
                start += 1
        else:
            while start < i and (parse.lower[start] in self.kind_name_drop or parse.pos[start] == "NUM"
                                 or parse.lower[start] in self.result_adjectives
                                 or parse.dep[start] in ("det", "punct", "quantmod", "advmod", "poss", "nummod")):
                start += 1
        end = self._allegiance_end(i) if kind == "generic_force" else i
        name = self.parse.span_text(start, end + 1)
        first = self.doc[start]
        if first.is_sent_start and parse.pos[start] not in ("PROPN",) and parse.ent_type[start] in ("", "CARDINAL") \
                and not first.is_upper:
            name = name[:1].lower() + name[1:]  # "Gunmen stormed ...": a capital that only starts the sentence
        # "the army", "a patrol" are one body of people; "a soldier", "a militant" one person
        type_ = "organization" if plural or kind == "counted_group" or lemma in self.kind_bodies else "person"
        actor = self.table.new_actor(name, type_, named=False)
        actor.denotes = actor.denotes or kind
        if not self.table.has_mention(actor.key, start):
            self.table.add_mention(start, i + 1, actor, "description")
        return [[actor.key]]

    def _owned_target(self, i: int) -> bool:
        """Whether a noun names a thing an actor owns and stands for as a target ("Hamas positions", a "tank"; "a
        think tank" is none: actors.yaml `not_institution_compounds`)."""
        parse = self.parse
        return (parse.lemma[i] in self.owned_targets or parse.lower[i] in self.owned_targets) and not any(
            parse.dep[c] == "compound" and parse.lower[c] in self.not_institution_compounds for c in parse.children[i])

    def _counted_of(self, count: int, pronoun: int) -> list[list[str]]:
        """A count of people taken of a pronoun that stands for no one before it: "killed 18 of those on board"
        is a counted group of its own, named from its count to the pronoun's last modifier."""
        start, end = self.doc[count].left_edge.i, self.doc[pronoun].right_edge.i
        while start < count and self.parse.dep[start] in ("det", "punct"):
            start += 1
        actor = self.table.new_actor(self.parse.span_text(start, end + 1), "organization", named=False)
        actor.denotes = actor.denotes or "counted_group"
        if not self.table.has_mention(actor.key, start):
            self.table.add_mention(start, end + 1, actor, "description")
        return [[actor.key]]

    def coordinated_sides(self, token: Token) -> list[list[str]]:
        """The groups one noun names with coordinated owners ("Ngok Dinka and Misseriya herders", "Bedouin and Druze
        fighters", "troops from India and China"): one group per owner, named with it ("Misseriya herders", "troops
        from China"), for the sides of a clash; none when the noun has no such owners (so never a single side)."""
        parse, doc, i = self.parse, self.doc, token.i
        kind = self.actor_kinds.get(parse.lemma[i])
        if kind is None or parse.tag[i] not in ("NNS", "NNPS") and parse.lower[i] not in self.plural_forms:
            return []
        children = parse.children[i]
        before = [c for c in children if c < i and parse.dep[c] in ("amod", "compound", "nmod")
                  and parse.pos[c] == "PROPN"]
        owners: list[int] = []
        preposition = ""
        for c in before:  # "Ngok Dinka and Misseriya herders": the second owner joined to the first
            joined = [k for k in parse.children[c] if parse.dep[k] == "conj"]
            if joined:
                owners = [c, *joined]
                break
        if not owners and before:  # "Bedouin and Druze fighters": the parser joins the second to the noun itself
            joined = [k for k in children if parse.dep[k] == "conj" and before[-1] < k < i and parse.pos[k] == "PROPN"]
            if joined:
                owners = [before[-1], *joined]
        if not owners:  # "troops from India and China"
            for prep in (c for c in children if c > i and parse.dep[c] == "prep" and parse.lower[c] in self.member_of):
                pobj = next((k for k in parse.children[prep] if parse.dep[k] == "pobj"), None)
                joined = [k for k in parse.children[pobj] if parse.dep[k] == "conj"] if pobj is not None else []
                if joined:
                    owners, preposition = [pobj, *joined], parse.lower[prep]
                    break
        sides = []
        for owner in owners:
            start = min([owner, *(k.i for k in doc[owner].subtree if k.i < owner and k.dep_ not in ("cc", "conj"))])
            words = parse.span_text(start, owner + 1)
            name = f"{token.text} {preposition} {words}" if preposition else f"{words} {token.text}"
            actor = self.table.new_actor(name, "organization", named=False)
            actor.denotes = actor.denotes or kind
            if not self.table.has_mention(actor.key, start):
                self.table.add_mention(start, owner + 1, actor, "description")
            sides.append([actor.key])
        return sides

    def _allegiance_end(self, i: int) -> int:
        """The last word of what says whose an unnamed force is ("forces loyal to Fathi Bashagha", "units affiliated
        with the Government of National Unity"; grammar.yaml `allegiance_words`), else the force's own noun."""
        parse = self.parse
        for c in parse.children[i]:
            if c > i and parse.dep[c] in ("amod", "acl") and parse.lemma[c] in self.allegiance_words:
                for prep in parse.children[c]:
                    if parse.dep[prep] == "prep" and any(parse.dep[p] == "pobj" for p in parse.children[prep]):
                        return self._phrase_end(prep)
        return i

    def _phrase_end(self, i: int) -> int:
        """The last word of the phrase at word i, without the clauses, appositions and conjuncts on it."""
        end = i
        for c in self.parse.children[i]:
            if c > i and self.parse.dep[c] not in ("relcl", "acl", "advcl", "appos", "conj", "cc", "punct"):
                end = max(end, self._phrase_end(c))
        return end

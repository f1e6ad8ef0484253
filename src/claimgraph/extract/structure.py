"""Structural relations from titles, appositions and possessives: MEMBER_OF (with role) and PART_OF (kind)."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..gazetteer import names_by_kind
from ..resolve.hierarchy import ancestors
from .actors import Actor, ActorTable, MentionSpan
from .arguments import ArgumentResolver
from .lexicon import Lexicon
from .predicates import RawClaim

ORG_TYPES = ("organization", "state")
# unnamed actors that can be members of a group: not civilians ("victims of IS") nor a title alone
GROUP_KINDS = ("descriptive", "generic_force", "counted_group")


class StructureFinder:
    """MEMBER_OF and PART_OF claims of one document, plus description actors for unnamed branches."""

    def __init__(self, doc: Doc, table: ActorTable, resolver: ArgumentResolver, lexicon: Lexicon):
        self.doc = doc
        self.table = table
        self.resolver = resolver
        self.roles = lexicon.roles
        self.role_modifiers = lexicon.role_modifiers
        self.former = lexicon.former
        self.job_roles = lexicon.job_roles
        self.state_offices = lexicon.state_offices
        self.place_offices = lexicon.place_offices
        self.not_members = lexicon.not_members
        self.member_exclusions = lexicon.not_members | lexicon.actor_words.follower_nouns
        self.lead_verbs = lexicon.lead_verbs
        self.posting_verbs = lexicon.posting_verbs
        self.appointing_verbs = lexicon.appointing_verbs
        self.parts = lexicon.parts
        self.parent_nouns = lexicon.parent_nouns
        self.member_nouns = lexicon.member_nouns
        self.actor_kinds = lexicon.actor_kinds
        self.grammar = lexicon.grammar
        self.named_bodies = lexicon.named_bodies
        self.state_bodies = lexicon.state_bodies
        self.owner_names = names_by_kind(lexicon.owner_kinds)
        # nouns that name the doer of an act ("the captors of the students"): their "of" phrase is whom it was done to
        self.agent_nouns = lexicon.agent_nouns

    # -- helpers -------------------------------------------------------------------------------
    def _actor(self, token: Token):
        return self.table.actor_at(token)

    def _resolved(self, token: Token) -> Actor | None:
        """The first actor a word resolves to, a description's included ("the militants", "Russia's military")."""
        return self.table.actors.get(self.resolver.first(token) or "")

    def _org_of(self, noun: Token) -> str | None:
        """The organization a role or part noun belongs to (poss, compound, of/to/in phrase)."""
        found = self.resolver._owner(noun, 0)
        if not found:  # "secretary-general of MSF": the parser may hang the "of" phrase on the title's last part
            found = [slot for part in noun.rights if part.i == noun.i + 2 and noun.nbor(1).tag_ == "HYPH"
                     for slot in self.resolver._owner(part, 0)]
        for slot in found:
            for key in slot:
                actor = self.table.actors.get(key)
                if actor is not None and actor.type in ORG_TYPES:
                    return key
        return None

    def _phrase_actor(self, noun: Token, prepositions, type_: str) -> str | None:
        """The named actor of a type that a prepositional phrase on the noun names: the employer of a job ("an
        analyst at the Eurasia Group"), the place an office serves ("the president of Puntland")."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in prepositions:
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    # ("the governor of the Veneto region": the region's name)
                    for actor in (self._actor(pobj), *(self._actor(c) for c in pobj.children if c.dep_ == "compound")):
                        if actor is not None and actor.type == type_:
                            return actor.key
        return None

    def _employer(self, noun: Token) -> str | None:
        return self._phrase_actor(noun, self.grammar.prepositions.employer, "organization")

    def _leaders_body(self, role: Token) -> str | None:
        """The body led by the person who owns a role ("Putin's spokesman": Russia), when the gazetteer knows
        that person's office and the document names the body."""
        for child in role.children:
            owner = self._actor(child) if child.dep_ == "poss" else None
            if owner is not None and owner.type == "person":
                return self.table.known_body(owner)
        return None

    def _role(self, noun: Token) -> tuple[str | None, bool]:
        parse = self.table.parse
        # "former" among the words before the noun that hang on it (its left children)
        former = any(parse.lower[c] in self.former for c in parse.children[noun.i] if c < noun.i)
        return self._role_word(noun.i), former

    def _role_word(self, i: int) -> str | None:
        parse = self.table.parse
        if i + 2 < len(parse.tag) and parse.tag[i + 1] == "HYPH":  # "secretary-general", "director-general"
            whole = self.roles.get(f"{parse.lower[i]}-{parse.lower[i + 2]}")
            if whole is not None:
                return whole
        return self.roles.get(parse.lemma[i]) or self.roles.get(parse.lower[i])

    # -- member of ------------------------------------------------------------------------------
    def members(self) -> list[RawClaim]:
        out: list[RawClaim] = []
        for mention in self.table.mentions:
            actor = self.table.actors.get(mention.actor)
            if actor is None or actor.type != "person" or mention.kind != "name":
                continue
            root = self.doc[mention.start:mention.end].root
            out.extend(self._title_roles(root, actor.key, mention.start))
            out.extend(self._relative_roles(actor.key, mention.start))
            out.extend(self._whose_body(actor.key, mention.end))
            out.extend(self._apposed_roles(root, actor.key))
            out.extend(self._led_bodies(root, actor.key))
        return out + self._group_members()

    def _group_members(self) -> list[RawClaim]:
        """'Militants from the BLA', 'fighters of the Islamic State', 'separatists belonging to the BLA': an
        unnamed band of fighters is a member of the named group it is said to come from. Only nouns of armed
        men (actor_kinds.yaml generic_force): 'critics of the regime', 'victims of IS' and 'sympathizers of
        IS' belong to neither."""
        out: list[RawClaim] = []
        grammar = self.grammar
        parse = self.table.parse
        for i, lemma in enumerate(parse.lemma):
            if self.actor_kinds.get(lemma) != "generic_force" or parse.pos[i] != "NOUN" or lemma in self.agent_nouns:
                continue
            root = self.doc[i]
            phrases = [c for c in root.children if c.dep_ == "prep" and c.lower_ in grammar.prepositions.group_member]
            phrases += [p for c in root.children if c.dep_ == "acl" and c.lemma_ in grammar.belong_lemmas
                        for p in c.children if p.dep_ == "prep"]
            if not phrases:
                continue
            actor = self._resolved(root)
            if actor is None or actor.named or actor.actor_kind not in GROUP_KINDS:
                continue
            for prep in phrases:
                group = next((self._resolved(p) for p in prep.children if p.dep_ == "pobj"), None)
                if group is not None and group.type == "organization" and group.key != actor.key:
                    out.append(self._claim("structure:group-member", root, "MEMBER_OF", actor.key, group.key))
                    break
        return out

    def modifier_members(self) -> list[RawClaim]:
        """'A DHS spokesperson', 'Thailand's king', 'the fugitive leader of ISIS': one person named by a role
        noun and the body a modifier or an "of" phrase names. What they do stays the body's ("a DHS spokesperson
        accused the ACLU": DHS did), as the resolver reads it; they are also a post holder of their own, a
        member of that body. A state owns only its office holders ("Russia's envoy"), not a soldier (the state's
        forces are an actor of their own) nor its people by nationality ("a Syrian activist"). A plural band
        ("Hamas fighters") stays the body, with no member actor: it is the body in the claims analysts read."""
        out: list[RawClaim] = []
        parse = self.table.parse
        for i, lemma in enumerate(parse.lemma):
            if parse.tag[i] != "NN" or self.table.actor_at_index(i) is not None or lemma in self.member_exclusions \
                    or parse.dep[i] in ("compound", "amod", "nmod", "poss", "appos", "attr", "oprd"):
                continue
            role = self._role_word(i) or ("member" if self.actor_kinds.get(lemma) == "generic_force" else None)
            if role is None or not self.table.is_person_noun(self.doc[i]) or self._describes_named(self.doc[i]):
                continue
            noun = self.doc[i]
            owner, end = self._named_owner(noun)
            if owner is None or (owner.type == "state" and (
                    role in self.job_roles or self.actor_kinds.get(lemma) != "title_role")):
                continue
            member = self._member_actor(noun, end)
            if member.key != owner.key:
                out.append(self._claim("structure:modifier-member", noun, "MEMBER_OF", member.key, owner.key,
                                       role=role))
        return out

    def post_holders(self, raw: list[RawClaim]) -> list[RawClaim]:
        """'The head of Doctors Without Borders told the council ...' where the document names the one person who
        leads it ("Christopher Lockyear, secretary-general of MSF"): the post stands for that person, in its
        claims and its mentions. Leading posts only, never a former holder's, and only when one named person holds
        such a post of the body (two named leaders leave the description as it is)."""
        actors = self.table.actors
        leaders: dict[str, set[str]] = {}
        posts: dict[str, str] = {}
        for item in raw:
            if item.relation != "MEMBER_OF" or item.attributes.get("role") != "leader" or item.attributes.get("former"):
                continue
            holder = actors.get(item.subject)
            if holder is not None and holder.type == "person" and holder.named:
                leaders.setdefault(item.object, set()).add(item.subject)
            elif holder is not None and holder.actor_kind == "title_role":
                posts[item.subject] = item.object
        held = {post: next(iter(leaders[body])) for post, body in posts.items() if len(leaders.get(body, ())) == 1}
        if not held:
            return raw
        for span in self.table.mentions:
            if span.actor in held:
                span.actor = held[span.actor]
        out = []
        for item in raw:
            subject, obj = held.get(item.subject, item.subject), held.get(item.object, item.object)
            if subject != obj:
                item.subject, item.object = subject, obj
                out.append(item)
        return out

    def _role_phrase_head(self, body: Token) -> Token | None:
        """The role noun whose prepositional phrase names a body ("envoy to the United Nations", "leader of
        Y"), when the body is a named organization or state, not a person."""
        actor = self._actor(body)
        if body.dep_ != "pobj" or actor is None or actor.type == "person" or body.head.dep_ != "prep":
            return None
        role = body.head.head
        return role if role.pos_ == "NOUN" and self._role_word(role.i) else None

    def _describes_named(self, noun: Token) -> bool:
        """Whether a role noun describes a person the text names beside it: "X, a lawyer and president of
        Y", "X, as a member of Y", "Al-Sharaa — leader of Y" (the apposition rule gives X the membership)."""
        while noun.dep_ == "conj":
            noun = noun.head
        if noun.dep_ in ("appos", "attr", "oprd") or noun.dep_ == "pobj" and noun.head.lower_ == self.grammar.role_preposition:
            return True
        # "Pakistan's permanent representative to the United Nations, Munir Akram, said ..."
        phrases = [noun, *(p for c in noun.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj")]
        if any(c.dep_ == "appos" and (a := self._actor(c)) is not None and a.type == "person" and a.named
               for phrase in phrases for c in phrase.children):
            return True
        start = noun.left_edge.i
        if start < noun.i and self.doc[start].text in self.grammar.apposition_marks:
            start += 1  # the parser may hang the mark on the role ("Al-Sharaa — leader of Y said")
        if start >= 2 and self.doc[start - 1].text in self.grammar.apposition_marks:
            named = self.table.actor_at_index(start - 2)
            return named is not None and named.type == "person" and named.named
        return False

    def _named_owner(self, noun: Token) -> tuple[Actor | None, int]:
        """The named organization or state a noun's own modifier or "of" phrase names, and where the
        phrase naming both ends; none when the noun stands for someone else ("the spokesman, Abu Obeida")."""
        parse = self.table.parse
        found = self.resolver.first(noun)
        for c in parse.children[noun.i]:
            if c < noun.i and parse.dep[c] in ("compound", "poss", "nmod", "amod"):
                owner, end = self.table.actor_at_index(c), noun.i + 1
            elif parse.dep[c] == "prep" and parse.lower[c] == self.grammar.of:
                pobj = next((p for p in parse.children[c] if parse.dep[p] == "pobj"), None)
                owner = self.table.actor_at_index(pobj) if pobj is not None else None
                end = pobj + 1 if pobj is not None else 0
                while owner is not None and end < len(self.doc) and self.table.actor_at_index(end) is owner:
                    end += 1  # to the end of the owner's name, not of what hangs on it ("of ISIS in Iraq")
            else:
                continue
            if owner is not None and owner.named and owner.type in ORG_TYPES and found in (None, owner.key):
                return owner, end
        return None, 0

    def _member_actor(self, noun: Token, end: int) -> Actor:
        """The post holder ('DHS spokesperson', 'leader of ISIS') a role noun and its body's name name."""
        parse = self.table.parse
        start = noun.left_edge.i
        while start < noun.i and parse.dep[start] in ("det", "punct"):
            start += 1
        actor = self.table.new_actor(parse.span_text(start, end), "person", named=False)
        actor.denotes = actor.denotes or "title_role"
        if not self.table.has_mention(actor.key, start):
            self.table.add_mention(start, end, actor, "description")
        return actor

    def _claim(self, rule: str, predicate: Token, relation: str, subject: str, obj: str, **attributes) -> RawClaim:
        return RawClaim(predicate=predicate, relation=relation, subject=subject, object=obj, rule=rule,
                        attributes={k: v for k, v in attributes.items() if v not in (None, False)})

    def _title_roles(self, root: Token, person: str, start: int) -> list[RawClaim]:
        """'Senior Hamas leader Ismail Haniyeh', 'Cartel boss X': role and group before the name."""
        parse = self.table.parse
        left = [i for i in parse.subtree(root.i) if i < start]
        role_at = next((i for i in reversed(left) if self._role_word(i)), None)
        of = parse.head[root.i]
        if role_at is None and parse.dep[root.i] == "pobj" and parse.lower[of] == self.grammar.of and \
                self._role_word(parse.head[of]):
            role_at = parse.head[of]  # "President of Tajikistan Emomali Rahmon": the body is inside the name's phrase
        if role_at is None:
            return []
        def named(types: tuple[str, ...]) -> list[Actor]:
            return [actor for i in left if (actor := self.table.actor_at_index(i)) is not None
                    and actor.type in types and actor.key != person]

        # "Texas Governor Greg Abbott": a governor or mayor serves the place his title names
        bodies = named(ORG_TYPES) or (named(("location",)) if parse.lemma[role_at] in self.place_offices else [])
        role_token = self.doc[role_at]
        role, former = self._role(role_token)
        if role in self.job_roles:
            # "American energy consultant X", "Afghan writer X": a nationality; "VOA White House correspondent
            # X": the employer comes first, the beat after it
            org = next((actor.key for actor in bodies if actor.type == "organization"), None)
            state = None
        else:
            org = bodies[-1].key if bodies else None
            state = next((actor.key for actor in reversed(bodies) if actor.type == "state"), None)
        if org is None:
            org = self._org_of(role_token)
        if org is None and role not in self.job_roles:  # "President William Ruto": the state he is known to lead
            org = self.table.known_body(self.table.actors[person]) or self._leaders_body(role_token)
        if org is None and role_token.is_title and role_token.lemma_.lower() in self.state_offices:
            org = self._sole_state(root.sent, role_token)  # "Interior Minister Fred Matiangi announced Kenya had ..."
        if org is None or (role in self.job_roles and self.table.actors[org].type == "state"):
            return []
        former = former or any(parse.lower[i] in self.former for i in left)
        # "Turkish Defense Minister X" serves the ministry and the state the title names
        return [self._claim("structure:title", role_token, "MEMBER_OF", person, key, role=role, former=former)
                for key in dict.fromkeys((org, state)) if key is not None]

    def _relative_roles(self, person: str, start: int) -> list[RawClaim]:
        """"Los Choneros, whose leader Adolfo Macías escaped": the body before "whose" has the role noun's
        holder named right after it. Read off the words, as the parser often hangs the role on the verb."""
        parse = self.table.parse
        role_at = start - 1
        if role_at < 3 or self._role_word(role_at) is None:
            return []
        whose = role_at - 1
        while whose > 0 and parse.dep[whose] in ("amod", "compound") and whose > role_at - 3:
            whose -= 1  # "whose longtime leader", "whose party chairman"
        if parse.lower[whose] != self.grammar.possessive_relative or parse.lower[whose - 1] != ",":
            return []
        body = self.table.actor_at_index(whose - 2)
        if body is None or body.type not in ORG_TYPES or body.key == person:
            return []
        role, former = self._role(self.doc[role_at])
        return [self._claim("structure:whose-role", self.doc[role_at], "MEMBER_OF", person, body.key, role=role,
                            former=former)]

    def _whose_body(self, person: str, end: int) -> list[RawClaim]:
        """"Mohamed Farrah Aidid, whose Somali National Alliance controls south Mogadishu": the named organization a
        person's "whose" owns right after the name is the person's own (read off the words, as the parser often
        hangs the clause elsewhere)."""
        parse = self.table.parse
        whose = end + 1
        if whose + 1 >= len(self.doc) or parse.lower[end] != "," or parse.lower[whose] != self.grammar.possessive_relative:
            return []
        body = self.table.actor_at_index(whose + 1)
        if body is None or body.type != "organization" or body.key == person or not body.named:
            return []
        return [self._claim("structure:whose-body", self.doc[whose + 1], "MEMBER_OF", person, body.key)]

    def _sole_state(self, sent, role: Token) -> str | None:
        """The one state a sentence names, by name, as a subject, object or owner ("announced Kenya had given
        ..."), if it names exactly one, and names no other state at all (not "his Tunisian counterpart in Tunis"),
        nor as the owner of the same office ("India's foreign minister spoke with Foreign Minister Wang Yi": his
        counterpart's state)."""
        states = {m.actor for m in self.table.mentions if sent.start <= m.start < sent.end
                  and (actor := self.table.actors.get(m.actor)) is not None and actor.type == "state"}
        acting = {m.actor for m in self.table.mentions if m.actor in states and m.kind == "name"
                  and self.doc[m.start:m.end].root.dep_ in ("nsubj", "nsubjpass", "dobj", "poss")}
        office = role.lemma_.lower()
        if any((head := self.doc[m.start:m.end].root.head) != role and head.lemma_.lower() == office
               for m in self.table.mentions if m.actor in acting and sent.start <= m.start < sent.end):
            return None
        return acting.pop() if len(states) == 1 and len(acting) == 1 else None

    def _led_bodies(self, root: Token, person: str) -> list[RawClaim]:
        """'X leads Y', 'X, who heads Y, ...', 'X commands Y' (roles.yaml `lead_verbs`): a member with the
        verb's role of the named body in its object, or in that object's "of" phrase ("heads the political
        bureau of Hamas"); not under a negation ("no longer leads" included)."""
        verbs = [root.head] if root.dep_ == "nsubj" else []
        verbs += [c for c in root.children if c.dep_ == "relcl" and any(
            s.dep_ == "nsubj" and s.lower_ in self.grammar.relative_words for s in c.children)]
        out = self._posted_to(root, person) + self._led_by(root, person)
        for verb in verbs:
            role = self.lead_verbs.get(verb.lemma_.lower())
            if role is None or self._negated(verb):
                continue
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                body = self.table.actor_at(obj)
                if body is None:  # "heads the political bureau of Hamas": the body is a part of the "of" phrase's
                    body = next((self.table.actor_at(p) for c in obj.children if c.dep_ == "prep"
                                 and c.lower_ == self.grammar.of for p in c.children if p.dep_ == "pobj"), None)
                if body is not None and body.type in ORG_TYPES and body.key != person:
                    out.append(self._claim("structure:leads", verb, "MEMBER_OF", person, body.key, role=role))
        return out

    @staticmethod
    def _negated(verb: Token) -> bool:
        """'X does not lead Y', 'X no longer leads Y', 'Y is no longer led by X': no claim of the role."""
        return any(c.dep_ == "neg" or c.dep_ == "advmod" and any(n.dep_ == "neg" for n in c.children)
                   for c in verb.children)

    def _led_by(self, root: Token, person: str) -> list[RawClaim]:
        """'Hayat Tahrir al-Sham is led by X', 'YChina, founded in 2016 by X and Y': the passive of a lead verb
        makes its agents members of the body it is said of, with the verb's role; not under a negation."""
        while root.dep_ == "conj":
            root = root.head
        by = root.head
        verb = by.head
        role = self.lead_verbs.get(verb.lemma_.lower())
        if root.dep_ != "pobj" or by.dep_ != "agent" or role is None or self._negated(verb):
            return []
        said_of = [c for c in verb.children if c.dep_ == "nsubjpass"] or ([verb.head] if verb.dep_ == "acl" else [])
        bodies = [self._actor(t) for t in said_of]
        return [self._claim("structure:led-by", verb, "MEMBER_OF", person, body.key, role=role)
                for body in bodies if body is not None and body.type in ORG_TYPES and body.key != person]

    def _posted_to(self, root: Token, person: str) -> list[RawClaim]:
        """'X was assigned (posted, seconded) to the 5th Brigade': a member of the body the posting names
        (roles.yaml `posting_verbs`), not under a negation."""
        verb = root.head
        if root.dep_ != "nsubjpass" or verb.lemma_.lower() not in self.posting_verbs or \
                any(c.dep_ == "neg" for c in verb.children):
            return []
        bodies = [self._actor(p) for c in verb.children if c.dep_ == "prep" and c.lower_ in self.grammar.prepositions.posting
                  for p in c.children if p.dep_ == "pobj"]
        return [self._claim("structure:posted", verb, "MEMBER_OF", person, body.key, role="member")
                for body in bodies if body is not None and body.type in ORG_TYPES and body.key != person]

    def _apposed_roles(self, root: Token, person: str) -> list[RawClaim]:
        nouns: list[Token] = []
        nouns.extend(c for c in root.children if c.dep_ == "appos")
        if root.dep_ == "appos":
            nouns.append(root.head)
            role = self._role_phrase_head(root.head)
            if role is not None:  # "Pakistan's envoy to the United Nations, Munir Akram": hung on the body
                nouns.append(role)
        # "X, a rights activist and president of Y": every coordinated role of the apposition
        nouns.extend(c for noun in list(nouns) for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN")
        copula = self.grammar.copula
        for child in root.children:  # "X, who was a top assistant to ..."
            if child.dep_ == "relcl" and child.lemma_ == copula:
                nouns.extend(c for c in child.children if c.dep_ == "attr")
        if root.dep_ == "nsubj":  # "X is a member of Y", "X served as ... and was a Danish prime minister"
            verbs = [root.head, *(c for c in root.head.children if c.dep_ == "conj" and c.pos_ in ("AUX", "VERB")
                                  and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children))]
            nouns.extend(c for verb in verbs if verb.lemma_ == copula for c in verb.children if c.dep_ == "attr")
        if root.dep_ == "nsubj" or root.dep_ == "dobj" and root.head.lemma_.lower() in self.appointing_verbs:
            # "X, as the leader of Y, ordered ...", "appointed X as head of Y": the role phrase hangs on the verb
            nouns.extend(p for c in root.head.children if c.dep_ == "prep" and c.lower_ == self.grammar.role_preposition
                         for p in c.children if p.dep_ == "pobj")
        # "Albert Gee, as president of the Houston Restaurant Association, took part ...": the phrase hangs on the name
        nouns.extend(p for c in root.children if c.dep_ == "prep" and c.lower_ == self.grammar.role_preposition
                     for p in c.children if p.dep_ == "pobj")
        if root.dep_ == "pobj" and root.head.lower_ in self.grammar.prepositions.inclusion:  # "members, including X"
            nouns.append(root.head.head)
        naming = root.head.head if root.dep_ == "pobj" and root.head.lower_ == self.grammar.role_preposition else root.head
        if naming.lemma_.lower() in self.grammar.naming_verbs and naming.dep_ == "acl" and naming.head.pos_ == "NOUN" \
                and naming.head.dep_ != "ROOT" and (naming is not root.head or root.dep_ == "oprd"):
            # "a Los Lobos leader known as 'El Flaco'"; not "Police named X as a suspect", which the parser reads
            # as a sentence with no verb and "police named X"
            nouns.append(naming.head)
        out = []
        for noun in nouns:
            if self._actor(noun) is not None or noun.lemma_.lower() in self.not_members:
                continue
            role, former = self._role(noun)
            if role is None and noun.lemma_.lower() not in self.member_nouns:
                continue
            org = self._org_of(noun)
            if org is None and noun.dep_ == "conj" and noun.head in nouns:  # "a lawyer and member of Y"
                org = self._org_of(noun.head)
            if org is None and noun.lemma_.lower() in self.place_offices:  # "the president of Republika Srpska"
                org = self._phrase_actor(noun, (self.grammar.of,), "location")
            if org is None and (role == "spokesman" or noun.dep_ == "attr"):
                # "X, a spokesman for the Tehreek-e-Taliban Pakistan", "X is a professor at Y"
                org = self._employer(noun)
            if org is None and role not in self.job_roles:  # "Guterres' spokesman, Stephane Dujarric"
                org = self._leaders_body(noun) or self.table.known_body(self.table.actors[person])
            if org is not None and self.table.actors[org].type == "state":
                # "an Iran analyst at the Eurasia Group", "a French journalist": a job is held at an
                # employer; a country named beside it is its subject or the holder's nationality
                employer = self._employer(noun)
                org = employer if employer is not None or role in self.job_roles else org
            if org is not None and org != person:
                out.append(self._claim("structure:apposition", noun, "MEMBER_OF", person, org, role=role, former=former))
        # "Avi X of The Outlet", "The Outlet's Avi X"
        for child in root.children:
            target = None
            if child.dep_ == "poss":
                target = self._actor(child)
            elif child.dep_ == "prep" and child.lower_ == self.grammar.of:
                target = next((self._actor(p) for p in child.children if p.dep_ == "pobj"), None)
            # "Uganda's Bobi Wine", "Syria's Assad": a state's own public figure
            if target is not None and (target.type == "organization" or target.type == "state" and child.dep_ == "poss") \
                    and target.key != person:
                out.append(self._claim("structure:who-was", root, "MEMBER_OF", person, target.key))
        return out

    # -- part of --------------------------------------------------------------------------------
    def register_branches(self) -> None:
        """Give unnamed branches an actor: appositions take the apposed name, others their own words."""
        parse = self.table.parse
        for i, lemma in enumerate(parse.lemma):
            kind = self.parts.get(lemma)
            if kind is None or parse.pos[i] != "NOUN" or self.table.actor_at_index(i) is not None:
                continue
            token = self.doc[i]
            named = self._apposed_name(token)
            if named is not None:
                self.table.token_actor[token.i] = named
                phrase = self._phrase(token)
                actor = self.table.actors[named]
                if phrase and phrase not in actor.aliases and len(phrase) < 80:
                    actor.aliases.append(phrase)
                continue
            owner = self._org_of(token)
            place = self._place_modifier(token)
            if owner is None or place is None or not self._state_owns(owner, None, lemma):
                continue  # "China's western Xinjiang province" is a territory, not a body
            phrase = self._phrase(token)
            first = self.doc[token.left_edge.i]
            if first.tag_ == "PRP$" and phrase.startswith(first.text):
                # "its units in the Bari region": the owner's units, by its name
                phrase = f"{self.table.actors[owner].name}'s{phrase[len(first.text):]}"
            actor = self.table.new_actor(phrase, "organization", named=False)
            actor.parent_hint = actor.parent_hint or owner
            self.table.token_actor[token.i] = actor.key
            self.table.add_mention(token.left_edge.i, token.i + 1, actor, "description")

    def _apposed_name(self, token: Token) -> str | None:
        if token.dep_ == "appos":
            actor = self._actor(token.head)
            if actor is not None and actor.type == "organization":
                return actor.key
        for child in token.children:
            if child.dep_ == "appos":
                actor = self._actor(child)
                if actor is not None and actor.type == "organization":
                    return actor.key
        return None

    def _place_modifier(self, token: Token) -> Token | None:
        for child in token.children:
            if child.dep_ in ("compound", "nmod", "amod") and child.ent_type_ in ("GPE", "LOC", "NORP") and (
                    self._actor(child) is None or self._actor(child).type == "location"):
                return child
            if child.dep_ == "poss" and self._actor(child) is not None and self._actor(child).type == "location":
                return child  # "the Sinai's Islamic State branch": a region's possessive is the place
            if child.dep_ == "prep" and child.lower_ in self.grammar.prepositions.branch_place:
                return child
            if child.dep_ == "acl" and child.lemma_ == self.grammar.based_lemma:
                return child
        return None

    def _phrase(self, token: Token) -> str:
        start = token.left_edge.i
        while start < token.i and self.doc[start].dep_ in ("det", "punct"):
            start += 1
        end = token.i + 1
        while end <= token.right_edge.i and not self.doc[end].is_punct and self.doc[end].dep_ not in (
                "appos", "relcl", "acl") or (end <= token.right_edge.i and self.doc[end].dep_ == "acl"
                                            and self.doc[end].lemma_ == self.grammar.based_lemma):
            end += 1
        return self.doc[start:end].text

    def parts_of(self) -> list[RawClaim]:
        out: list[RawClaim] = []
        parse = self.table.parse
        for i, lemma in enumerate(parse.lemma):
            noun_kind = self.parts.get(lemma)
            actor = self.table.actor_at_index(i)
            if not (noun_kind or actor is not None or lemma in self.parent_nouns):
                continue  # nothing below applies: no Token needed
            token = self.doc[i]
            if lemma in self.parent_nouns and parse.pos[i] in ("NOUN", "ADJ"):
                # "X's parent group, Y": X is part of Y; "parent" may modify the noun holding X and Y
                noun = token.head if token.dep_ in ("compound", "amod") and token.head.pos_ == "NOUN" else token
                child_org = self._org_of(noun)
                whole = self._apposed_name(noun)
                if whole is None and not any(c.dep_ == "cc" for c in noun.children):
                    # "X's parent group, the Y, and ...": the parser often makes the apposition a conjunct
                    whole = next((a.key for c in noun.children if c.dep_ == "conj"
                                  for a in [self._actor(c)] if a is not None and a.type == "organization"), None)
                if child_org and whole and child_org != whole:
                    out.append(self._claim("structure:parent-group", token, "PART_OF", child_org, whole))
                continue
            if noun_kind and parse.pos[i] == "NOUN" and actor is not None:
                owner = self._org_of(token)
                if owner and owner != actor.key and self._state_owns(owner, actor, lemma):
                    out.append(self._claim("structure:possessive-part", token, "PART_OF", actor.key, owner, kind=noun_kind))
                continue
            # "Hamas's Qassam Brigades": a possessive on a named organization
            if actor is not None and actor.type == "organization" and parse.dep[i] != "poss":
                for child in parse.children[i]:
                    if parse.dep[child] == "poss":
                        owner = self.resolver.resolve(self.doc[child])
                        owner_key = owner[0][0] if owner and owner[0] else None
                        if owner_key and owner_key != actor.key and \
                                self.table.actors[owner_key].type in ORG_TYPES and \
                                self._state_owns(owner_key, actor, lemma):
                            kind = self.parts.get(parse.lower[i]) or self.parts.get(lemma)
                            out.append(self._claim("structure:apposed-part", token, "PART_OF", actor.key, owner_key, kind=kind))
        # "Egyptian army", "the U.S. Senate" -> Egyptian military, American legislature: part of the state
        for mention in self.table.mentions:
            actor = self.table.actors.get(mention.actor)
            if actor is not None and mention.kind in ("demonym", "description") and actor.parent_hint and actor.kind:
                out.append(self._claim("structure:branch", self.doc[mention.start], "PART_OF", actor.key, actor.parent_hint,
                                       kind="unit"))
        for actor in list(self.table.actors.values()):
            if not actor.named and actor.parent_hint and not actor.kind:
                mention = next((m for m in self.table.mentions if m.actor == actor.key), None)
                if mention is not None:
                    root = self.doc[mention.start:mention.end].root
                    out.append(self._claim("structure:demonym-institution", root, "PART_OF", actor.key, actor.parent_hint,
                                           kind=self.parts.get(root.lemma_.lower())))
        out.extend(self._said_parts())
        done = {(c.subject, c.object) for c in out}
        out.extend(c for c in self.name_anchors() if (c.subject, c.object) not in done)
        return out

    def _said_parts(self) -> list[RawClaim]:
        """'Djiboutian soldiers, who are part of the AU mission', 'Turkey is a member of NATO': what a part
        noun is said of belongs to its "of" phrase; a person or a state is a member, a body a part. (A
        person called "a member of Y" is read by `_apposed_roles`, with the role.)"""
        out: list[RawClaim] = []
        parse, grammar = self.table.parse, self.grammar
        for i, lemma in enumerate(parse.lemma):
            if lemma not in grammar.part_nouns or parse.pos[i] != "NOUN":
                continue
            noun = self.doc[i]
            whole = next((self._whole(p) for c in noun.children if c.dep_ == "prep" and c.lower_ == grammar.of
                          for p in c.children if p.dep_ == "pobj"), None)
            if whole is None or whole.type not in ORG_TYPES:
                continue
            for part in self._said_of(noun):
                if part.key == whole.key or part.type == "location" or (
                        part.type == "person" and lemma in self.member_nouns):
                    continue
                relation = "MEMBER_OF" if part.type in ("person", "state") else "PART_OF"
                out.append(self._claim("structure:part-of", noun, relation, part.key, whole.key))
        return out

    def _whole(self, token: Token) -> Actor | None:
        """The actor a word names, an actor noun's actor ("Russia's military"), or whose body it is ("the
        African Union mission"); not the owner of a thing ("the country's Alawite minority" is no state)."""
        actor = self._actor(token)
        if actor is None and token.lemma_.lower() in self.actor_kinds:  # "Russia's military", "the Hamas delegation"
            actor = self._resolved(token)
        if actor is None and token.lemma_.lower() in self.named_bodies:
            actor = next((a for c in token.children if c.dep_ in ("compound", "amod", "nmod", "poss")
                          for a in [self._actor(c)] if a is not None and a.type in ORG_TYPES), None)
        return actor

    def _said_of(self, noun: Token) -> list[Actor]:
        """The actors a noun is said of: the noun it is apposed to, or its copula's subject ('X is part of
        Y'; in 'X, who are part of Y', the noun the relative clause describes). Not of a negated copula."""
        if noun.dep_ == "appos":
            heads = [noun.head]
        elif noun.dep_ == "attr" and noun.head.lemma_ == self.grammar.copula:
            copula = noun.head
            if any(c.dep_ == "neg" for c in copula.children):
                return []
            heads = [copula.head if c.tag_ in ("WP", "WDT") and copula.dep_ == "relcl" else c
                     for c in copula.children if c.dep_ == "nsubj"]
        else:
            return []
        found: list[Actor] = []
        for head in heads:
            for token in (head, *head.conjuncts):
                actor = self._resolved(token)
                if actor is not None and actor not in found:
                    found.append(actor)
        return found

    def _state_owns(self, owner_key: str, part: Actor | None, head_lemma: str) -> bool:
        """Whether a state's possessive makes a body part of the state: 'Kenya's National Assembly' and
        'Iran's Revolutionary Guards' are; 'Britain's Financial Times', 'Nigeria's Boko Haram' and
        'China's Xinjiang province' (a territory) are only from there. Other owners always own."""
        owner = self.table.actors[owner_key]
        return owner.type != "state" or self._placed_under(part, head_lemma, owner.gazetteer_id, self.state_bodies)

    def _placed_under(self, part: Actor | None, head_lemma: str, owner_id: str | None, bodies: frozenset[str]) -> bool:
        """A body the gazetteer knows belongs where the gazetteer puts it, directly or through its parents
        ('U.S. Central Command' is part of the U.S. military, so of the U.S.); another only when its head
        noun names one of the bodies a state or an organization has."""
        entry = self.table.gazetteer.get(part.gazetteer_id) if part is not None and part.gazetteer_id else None
        if entry is not None:
            return owner_id in ancestors(self.table.gazetteer.parents, entry.id)
        return head_lemma in bodies

    # -- owners a body's own name names ----------------------------------------------------------
    def name_anchors(self) -> list[RawClaim]:
        """'U.S. Senate', 'Kenya Interior Ministry', 'the Pakistani military': a body whose name, before its
        head noun, names a state or an intergovernmental body it belongs to (`_placed_under`: the
        'Syrian Democratic Forces' are no part of Syria)."""
        out: list[RawClaim] = []
        parse, gazetteer, seen = self.table.parse, self.table.gazetteer, set()
        for mention in list(self.table.mentions):
            actor = self.table.actors.get(mention.actor)
            if actor is None or actor.type != "organization" or mention.kind not in ("name", "alias", "acronym"):
                continue
            root = self.doc[mention.start:mention.end].root
            for owner, start, end in self._owners_before(mention, root):
                gid = owner.gazetteer_id if isinstance(owner, Actor) else owner
                if not self._placed_under(actor, parse.lemma[root.i], gid, self.named_bodies):
                    continue
                if not isinstance(owner, Actor):  # a name inside the body's name: now a mention of its own
                    named = gazetteer.get(gid)
                    owner = self.table.new_actor(named.name, named.type, gazetteer_id=gid)
                    self.table.mentions.append(MentionSpan(start, end, owner.key, "name"))
                if owner.key != actor.key and (actor.key, owner.key) not in seen:
                    seen.add((actor.key, owner.key))
                    out.append(self._claim("structure:name-anchor", root, "PART_OF", actor.key, owner.key,
                                           kind=self.parts.get(parse.lemma[root.i])))
        return out

    def _owners_before(self, mention: MentionSpan, root: Token) -> Iterator[tuple[Actor | str, int, int]]:
        """States and organizations that own a body's name, with their token span: an actor for a compound
        or adjective before the name ('Kenya Interior Ministry') or an "of" phrase after it ('the Supreme
        Court of Pakistan'), a gazetteer id for a name inside it ('U.S. Senate'). Other words after the head
        ('Mission in Mali') name no owner."""
        parse = self.table.parse
        for child in parse.children[root.i]:
            if child < mention.start and parse.dep[child] in ("compound", "amod", "nmod"):
                owner = self.table.actor_at_index(child)
                if owner is not None and owner.type in ORG_TYPES:
                    yield owner, child, child + 1
        for i in range(mention.start, root.i):
            for j in range(min(root.i, i + 4), i, -1):
                gid = self.owner_names.get(parse.span_text(i, j))
                if gid is not None:
                    yield gid, i, j
                    break
        # "the Supreme Court of Pakistan", "the Islamic Revolutionary Guard Corps of Iran": an "of" phrase
        # right after the head, inside the name or after it, names its owner as well
        for i in range(root.i + 2, mention.end):
            if parse.lower[i - 1] == self.grammar.of:
                for j in range(min(mention.end, i + 4), i, -1):
                    gid = self.owner_names.get(parse.span_text(i, j))
                    if gid is not None:
                        yield gid, i, j
                        break
        for child in parse.children[root.i]:
            if child >= mention.end and parse.dep[child] == "prep" and parse.lower[child] == self.grammar.of:
                for pobj in parse.children[child]:
                    owner = self.table.actor_at_index(pobj) if parse.dep[pobj] == "pobj" else None
                    if owner is not None and owner.type in ORG_TYPES:
                        yield owner, pobj, pobj + 1


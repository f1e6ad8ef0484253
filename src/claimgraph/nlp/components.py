"""claimgraph's own spaCy components (registered as claimgraph_* factories)."""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy
from spacy.attrs import DEP, HEAD, IS_SPACE, IS_TITLE, IS_UPPER, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import hash_string
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..extract.lexicon import SELF_NAME_DEPS, load_lexicon
from ..resolve.lexicon import load_lexicon as load_name_lexicon

# A gazetteer name that is an acronym ("IS", "ECOWAS", "M23"), and the ones the model misreads.
ACRONYM = re.compile(r"[A-Z][A-Z0-9]+")
ACRONYM_NORMS_PATH = Path(__file__).resolve().parents[1] / "data" / "models" / "acronym_norms.json"

# Entity labels an organization name is often mistaken for by the small English model (FACTS.md).
# "The Times of" + "Israel", "the Office of the" + "High Commissioner for Refugees": one name across the gap
JOINING_PREPOSITIONS = ("of", "for")
RETYPABLE = {"PERSON", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LAW"}


def whole_words(patterns: tuple[str, ...]) -> re.Pattern | None:
    """One expression for the words the tokenizer keeps whole (grammar.yaml `tokenizer_whole_words`), or None."""
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


@Language.factory("claimgraph_entity_fixes", requires=["doc.ents"], assigns=["doc.ents"])
def make_entity_fixes(nlp: Language, name: str) -> "EntityFixes":
    lexicon, names = load_lexicon(), load_name_lexicon()
    return EntityFixes(frozenset(w.lower() for w in lexicon.actors["org_name_words"]),
                       portfolios=frozenset(w.lower() for w in lexicon.actors["portfolio_words"]),
                       roles=frozenset(lexicon.roles), role_modifiers=lexicon.role_modifiers,
                       shared_roles=frozenset(w.lower() for w in lexicon.actors["shared_posts"]),
                       region_prefixes=frozenset(w.lower() for w in lexicon.actors["region_prefixes"]),
                       portfolio_scopes=frozenset(w.lower() for w in lexicon.actors["portfolio_scopes"]),
                       not_actor_names=frozenset(w.lower() for w in lexicon.actors["not_actor_names"]),
                       not_org_acronyms=frozenset(w.lower() for w in lexicon.actors["not_org_acronyms"]),
                       vessel_nouns=frozenset(w.lower() for key in ("vessel_nouns", "outlet_nouns")
                                              for w in lexicon.actors[key]),
                       unit_nouns=frozenset(w.lower() for w in lexicon.actors["named_unit_nouns"]),
                       numbered_unit_nouns=frozenset(w.lower() for w in lexicon.actors["numbered_unit_nouns"]),
                       article_names=dict(lexicon.actors["article_names"]),
                       place_kind_words=frozenset(w.lower() for w in lexicon.actors["place_kind_words"]),
                       landform_words=frozenset(w.lower() for w in lexicon.actors["landform_words"]),
                       place_particles=frozenset(w.lower() for w in lexicon.actors["place_name_particles"]),
                       place_nouns=frozenset(w.lower() for w in lexicon.actors["named_place_nouns"]),
                       kind_nouns=frozenset(lexicon.actor_kinds),
                       place_offices=lexicon.place_offices - {"president"},
                       locative=lexicon.grammar.prepositions.place_within,
                       name_particles=names.particles, kind_adjectives=names.generic["generic"],
                       self_naming_verbs=lexicon.grammar.self_naming_verbs, reflexives=lexicon.grammar.reflexives,
                       linked_names=lexicon.grammar.tokenizer_whole_words,
                       owned_targets=frozenset(w.lower() for w in lexicon.actors["owned_targets"]))


class EntityFixes:
    """Relabel names that end or start with an organization word ("Wilayat Sinai", "X Brigades") as ORG,
    and extend an ORG over a directly following capitalised organization word ("Qassam" + "Brigades").
    A state's demonym after a region word ("Latin American") is that region's, with no gazetteer link.
    A lone portfolio word beside a role word ("Defense" Minister, Secretary of "State") is part of a
    title, not an organization: it is no entity, nor is a disease ("COVID-19", actors.yaml `not_actor_names`)."""

    def __init__(self, org_words: frozenset[str], portfolios: frozenset[str] = frozenset(),
                 roles: frozenset[str] = frozenset(), region_prefixes: frozenset[str] = frozenset(),
                 portfolio_scopes: frozenset[str] = frozenset(), not_actor_names: frozenset[str] = frozenset(),
                 vessel_nouns: frozenset[str] = frozenset(), name_particles: frozenset[str] = frozenset(),
                 article_names: dict[str, str] | None = None, not_org_acronyms: frozenset[str] = frozenset(),
                 place_kind_words: frozenset[str] = frozenset(), kind_nouns: frozenset[str] = frozenset(),
                 place_offices: frozenset[str] = frozenset(), locative: frozenset[str] = frozenset(),
                 place_nouns: frozenset[str] = frozenset(), unit_nouns: frozenset[str] = frozenset(),
                 numbered_unit_nouns: frozenset[str] = frozenset(), self_naming_verbs: frozenset[str] = frozenset(),
                 reflexives: frozenset[str] = frozenset(), landform_words: frozenset[str] = frozenset(),
                 linked_names: tuple[str, ...] = (), place_particles: frozenset[str] = frozenset(),
                 role_modifiers: frozenset[str] = frozenset(), shared_roles: frozenset[str] = frozenset(),
                 kind_adjectives: frozenset[str] = frozenset(), owned_targets: frozenset[str] = frozenset()):
        self.org_words = org_words
        self.owned_targets = owned_targets  # "ZIPRA camps": the capitals before them name their owner
        self.place_particles = place_particles  # "Mocímboa da Praia": one place, not Cabo Verde's capital
        # "Hizb-ut-Tahrir": a word the tokenizer keeps whole is a name, if the model missed it
        self._linked_name = whole_words(linked_names)
        self.landform_words = landform_words  # "Lake Chad": a lake, not the state
        self.self_naming_verbs = self_naming_verbs  # "a cell calling itself 'the Lions of ...'": a group's name
        self.reflexives = reflexives
        self.portfolios = portfolios
        self.roles = roles
        self.kind_adjectives = kind_adjectives  # "Islamist", "Marxist": what kind of group, not which
        self.role_modifiers = role_modifiers  # "former", "senior": words before a post
        self.shared_roles = shared_roles  # posts an organization holds too ("a member of the coalition")
        self.region_prefixes = region_prefixes
        self.portfolio_scopes = portfolio_scopes
        self.not_actor_names = not_actor_names
        self.name_particles = name_particles  # "al", "el": a name's particle before a hyphen ("al-Shabaab")
        self.article_names = article_names or {}  # "the West": name -> gazetteer id
        self.not_org_acronyms = not_org_acronyms  # "the CEO", "the GDP": no body
        self.place_kind_words = place_kind_words  # "Rakhine State", "Beledweyne District": a place
        self.place_nouns = place_nouns  # "the town of Bocaranga": the name after "of" is a place
        self.kind_nouns = kind_nouns  # "Vigilantes", "Gunmen" opening a sentence: common nouns, no names
        self.locative = locative  # "in Frontera Comalapa, Chiapas": a town and its region
        self._article_hashes = numpy.array(sorted(hash_string(n) for n in self.article_names), dtype=numpy.uint64)
        # titles of offices that serve a place, as Doc string hashes ("Central Java Governor X": the words before)
        self._office_hashes = numpy.array(sorted(hash_string(w) for w in place_offices), dtype=numpy.uint64)
        # the ship and outlet nouns and their plurals as the string hashes a Doc stores ("ships", "tankers")
        self._vessel_hashes = numpy.array(sorted({hash_string(w) for n in vessel_nouns for w in (n, n + "s")}),
                                          dtype=numpy.uint64)
        self._unit_hashes = numpy.array(sorted(hash_string(w) for w in unit_nouns), dtype=numpy.uint64)
        self._numbered_unit_hashes = numpy.array(sorted(hash_string(w) for w in numbered_unit_nouns),
                                                 dtype=numpy.uint64)

    def _names_itself(self, ent: Span) -> bool:
        """Whether a name is what a group calls itself ("a terrorist cell calling itself 'the Lions of the Caliphate
        in the Maghreb'", which the model takes for a title)."""
        verb = ent.root.head
        return ent.root.dep_ in SELF_NAME_DEPS and verb.lemma_.lower() in self.self_naming_verbs and any(
            c.dep_ == "dobj" and c.lower_ in self.reflexives for c in verb.children)

    def _is_title_portfolio(self, doc: Doc, ent: Span) -> bool:
        # "Defense" Minister; "Union Home" Minister, "Federal Interior" Minister: a scope word may come first
        if ent[-1].lower_ not in self.portfolios or any(t.lower_ not in self.portfolio_scopes for t in ent[:-1]):
            return False
        after = doc[ent.end].lower_ if ent.end < len(doc) else ""
        before = doc[ent.start - 2].lower_ if ent.start >= 2 and doc[ent.start - 1].lower_ == "of" else ""
        if ent.start >= 3 and doc[ent.start - 1].lower_ == "the" and doc[ent.start - 2].lower_ == "of":
            before = doc[ent.start - 3].lower_
        return after in self.roles or before in self.roles

    def _is_area_name(self, ent: Span) -> bool:
        """A name the model took for a person or an organization that is an administrative area's: capitalised
        words ending in an area word, none of them an organization word ("Zamfara State", not "Zamfara State
        Police" nor "Islamic State", which the gazetteer links)."""
        if ent.ent_id_ or ent.label_ not in ("PERSON", "ORG") or len(ent) < 2 or not ent[-1].is_title:
            return False
        last = ent[-1].lower_
        if last not in self.place_kind_words or (last == "province" and ent.label_ == "ORG"):
            return False
        return all(t.is_title and t.lower_ not in self.org_words for t in ent[:-1])

    def _named_places(self, doc: Doc, ent: Span) -> list[Span]:
        """'the town of Bocaranga', 'the towns of Bocaranga and Bazoum': a name the model took for a person or an
        organization after a place noun and "of" is a place, each of a pair joined by "and" on its own."""
        if ent.ent_id_ or ent.label_ not in ("PERSON", "ORG") or ent.start < 2 or doc[ent.start - 1].lower_ != "of" \
                or doc[ent.start - 2].lower_ not in self.place_nouns:
            return []
        joins = [t.i for t in ent if t.lower_ == "and"]
        if len(joins) > 1 or any(not t.is_title for t in ent if t.lower_ != "and"):
            return []
        bounds = [(ent.start, joins[0]), (joins[0] + 1, ent.end)] if joins else [(ent.start, ent.end)]
        return [Span(doc, start, end, label="GPE") for start, end in bounds if start < end]

    def _is_town_or_region(self, doc: Doc, ent: Span) -> bool:
        """'in Frontera Comalapa, Chiapas', 'near Puerto Jordan, Arauca': a name the model took for a person or
        an organization after "in" or "near" with a second name after a comma is a town and its region; so is
        that second name."""
        if ent.ent_id_ or ent.label_ not in ("PERSON", "ORG") or len(ent) > 3 or not all(t.is_title for t in ent):
            return False
        if ent.start > 0 and doc[ent.start - 1].lower_ in self.locative:
            return ent.end + 1 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].ent_iob_ == "B"
        if ent.start < 3 or doc[ent.start - 1].text != "," or not doc[ent.start - 2].ent_type_:
            return False  # the region after the town
        town = doc[ent.start - 2]
        while town.ent_iob_ == "I":  # back to the town name's first word
            town = doc[town.i - 1]
        # (only after a town the model also misread: "in London, Jane Smith, said" names a woman)
        return town.i > 0 and doc[town.i - 1].lower_ in self.locative and town.ent_type_ in ("PERSON", "ORG") and (
            ent.end == len(doc) or doc[ent.end].is_punct)

    def _is_org_word(self, token) -> bool:
        return token.is_title and token.lower_ in self.org_words and not token.ent_type_

    def _runs_on(self, token) -> bool:
        """Whether a name runs on into this word: an organization word, or a capitalised name word no entity has."""
        return self._is_org_word(token) or (token.is_title and token.pos_ == "PROPN" and not token.ent_type_)

    def _join_of_names(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """'The Times of' + 'Israel': an ORG ending in of/for and the name right after it are one name."""
        out: list[Span] = []
        for span in spans:
            prev = out[-1] if out else None
            article = prev is not None and prev.end + 1 == span.start and doc[prev.end].lower_ == "the"
            if (prev is not None and prev.label_ == "ORG" and (prev.end == span.start or article) and not prev.ent_id_
                    and (prev[-1].lower_ in JOINING_PREPOSITIONS or len(prev) > 2 and prev[-1].lower_ == "the"
                         and prev[-2].lower_ in JOINING_PREPOSITIONS)):
                # "The Office of the" + "United Nations High Commissioner for Refugees" keeps the body's link
                same = span.label_ == "ORG"
                out[-1] = Span(doc, prev.start, span.end, label="ORG", kb_id=span.kb_id_ if same else "",
                               span_id=span.id_ if same else "")
                continue
            if (prev is not None and prev.label_ in ("ORG", "GPE") and span.label_ == "ORG" and prev.end == span.start
                    and len(prev) == 1 and len(prev.text) <= 5 and (prev.text.isupper() or "." in prev.text)):
                # "U.N." + "Security Council", "EU" + "Commission": the abbreviation names the parent body
                out[-1] = Span(doc, prev.start, span.end, label="ORG", kb_id=span.kb_id_, span_id=span.id_)
                continue
            if (prev is not None and prev.label_ == "ORG" and not prev.ent_id_ and prev.end + 1 == span.start
                    and doc[prev.end].lower_ == "of" and prev[-1].lower_ in self.org_words
                    and span.label_ in ("GPE", "LOC", "ORG")):  # "The Times" + of + "Nigeria"
                out[-1] = Span(doc, prev.start, span.end, label="ORG")
                continue
            out.append(span)
        return out

    @staticmethod
    def _closing_quote(doc: Doc, opening: int) -> int | None:
        """The quote closing the one at `opening` over at most four capitalised words ("El", "Chapo"), if any."""
        for close in range(opening + 2, min(opening + 6, len(doc))):
            if doc[close].is_quote:
                inner = doc[opening + 1:close]
                if inner[0].is_title and all(t.is_title or t.lower_ in ("de", "del", "la", "el") for t in inner):
                    return close
                return None
        return None

    def _nicknamed(self, doc: Doc) -> list[Span]:
        """'Joaquín "El Chapo" Guzmán', "Ismael 'El Mayo' Zambada": a name with a quoted nickname inside is one
        person (the model splits it into two names, or a name and an organization)."""
        found = []
        for i in range(len(doc) - 4):
            if doc[i].is_title and doc[i].pos_ == "PROPN" and doc[i + 1].is_quote:
                close = self._closing_quote(doc, i + 1)
                if close is not None and close + 1 < len(doc) and doc[close + 1].is_title and \
                        doc[close + 1].pos_ == "PROPN":
                    found.append(Span(doc, i, close + 2, label="PERSON"))
        return found

    def _quoted_aliases(self, doc: Doc) -> list[Span]:
        """"captured alias 'El Cuervo'", "a leader known as 'El Flaco'": capitalised words in quotes after "alias",
        or after "known as" / "nicknamed" on a role word, are a person's name."""
        found = []
        for i in range(1, len(doc) - 2):
            if not doc[i].is_quote:
                continue
            after_alias = doc[i - 1].lower_ == "alias"
            after_known = i >= 3 and doc[i - 1].lower_ in ("as", "nicknamed", "dubbed") and (
                doc[i - 1].lower_ != "as" or doc[i - 2].lower_ == "known") and any(
                t.lower_ in self.roles or t.lemma_.lower() in self.roles for t in doc[max(0, i - 5):i])
            close = self._closing_quote(doc, i) if after_alias or after_known else None
            if close is not None:
                found.append(Span(doc, i + 1, close, label="PERSON"))
        return found

    def _vessel_names(self, doc: Doc) -> list[Span]:
        """'the tanker Strinda', 'the cargo ship Galaxy Leader', 'the newspaper El Xabarlari': up to four capitalised
        words right after a ship or outlet noun are its name, an organization-like actor (the model leaves them out
        or calls them a person)."""
        found = []
        lowers = doc.to_array(LOWER)
        for i in numpy.flatnonzero(numpy.isin(lowers[:-1], self._vessel_hashes)).tolist():
            end = i + 1
            while end < len(doc) and end - i <= 4 and (doc[end].is_title or doc[end].like_num and end > i + 1) \
                    and doc[end].ent_type_ in ("", "PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "FAC"):
                end += 1
            if end > i + 1 and doc[i + 1].pos_ == "PROPN":
                found.append(Span(doc, i + 1, end, label="ORG"))
        return found

    def _unit_names(self, doc: Doc) -> list[Span]:
        """'the Jaime Martínez front', 'the Dagoberto Ramos column': one to four capitalised words after "the" that
        no other name claims (or that the model took for a person or a product) and a lower-case unit noun
        (actors.yaml `named_unit_nouns`) are an armed unit's name."""
        found = []
        for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), self._unit_hashes)).tolist():
            start = i
            while start > 0 and i - start < 4 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" and \
                    doc[start - 1].ent_type_ in ("", "PERSON", "PRODUCT", "WORK_OF_ART") and not doc[start - 1].ent_id_:
                start -= 1
            if start < i and not doc[i].is_title and start > 0 and doc[start - 1].lower_ == "the":
                found.append(Span(doc, start, i + 1, label="ORG"))
        return found

    def _numbered_units(self, doc: Doc) -> list[Span]:
        """'the 17th Brigade', 'the 47th Mechanized Brigade', 'the 7th Kenya Rifles', 'the Second Field Army': an
        ordinal and up to three capitalised words before a capitalised unit noun (actors.yaml
        `numbered_unit_nouns`) are a military unit's name (the model calls the ordinal a number and leaves
        the rest out, or takes a state's name inside it for the state)."""
        found = []
        for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), self._numbered_unit_hashes)).tolist():
            if not doc[i].is_title:
                continue
            start = i - 1
            while start >= 0 and i - start <= 4 and doc[start].is_title and not doc[start].like_num:
                start -= 1
            if start >= 0 and doc[start].like_num and doc[start].lower_.endswith(("st", "nd", "rd", "th")) and \
                    doc[start].lower_ != "thousand":
                found.append(Span(doc, start, i + 1, label="ORG"))
        return found

    def _places_before_offices(self, doc: Doc) -> list[Span]:
        """'Central Java Governor Ganjar Pranowo', 'Solo Mayor X': capitalised words the model leaves out right
        before the title of an office that serves a place name that place."""
        found = []
        for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), self._office_hashes)).tolist():
            token = doc[i]
            if not token.is_title or i == 0:
                continue
            start = i
            while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" and \
                    not doc[start - 1].ent_type_ and doc[start - 1].lower_ not in self.roles and \
                    doc[start - 1].lower_ not in self.portfolios and token.i - start < 3:
                start -= 1
            if start < token.i:
                found.append(Span(doc, start, token.i, label="GPE"))
        return found

    def _unrecognised_people(self, doc: Doc) -> list[Span]:
        """'Chalida Tajaroensuk, who heads ...', 'Randhir Jaiswal, a spokesman for ...', 'spokesperson Randhir
        Jaiswal said': capitalised names the model leaves out or calls a place, which "who", an apposed role or
        a role word before them make a person. A name the gazetteer knows keeps its reading."""
        found, after_run = [], 0
        words = doc.to_array([IS_TITLE, POS])
        for i in numpy.flatnonzero((words[:, 0] == 1) & (words[:, 1] == PROPN)).tolist():
            token = doc[i]
            if i < after_run or token.ent_id_ or token.ent_type_ in ("ORG", "PERSON"):
                continue
            end = i
            while end < len(doc) and end - i < 4 and doc[end].is_title and doc[end].pos_ == "PROPN" and \
                    not doc[end].ent_id_ and doc[end].ent_type_ not in ("ORG", "PERSON"):
                end += 1
            # (not a place in a phrase: "the province of Nangarhar, who requested ...", "held at Guantanamo, an
            # ICE spokesperson declined ...")
            placed = i > 0 and doc[i - 1].pos_ == "ADP"
            after = doc[end + 1:end + 5] if end + 1 < len(doc) and doc[end].text == "," and not placed else None
            who = after is not None and after[0].lower_ == "who"
            apposed_role = after is not None and self._apposed_role(after) and \
                token.ent_type_ not in ("GPE", "LOC", "FAC")
            titled = i > 0 and doc[i - 1].lower_ in self.roles and end - i >= 2
            if (who or apposed_role or titled) and not (i > 0 and doc[i - 1].is_title and not titled):
                found.append(Span(doc, i, end, label="PERSON"))
            after_run = end
        return found

    def _apposed_role(self, after: Span, person_only: bool = False) -> bool:
        """"X, a spokesman for ...", "X, head of ...", "X, former director of ...": the words after a name's comma
        describe a person's post. With `person_only`, a post an organization can hold too ("a member of the
        coalition", "the representative of ...") does not count."""
        words = [t.lower_ for t in after]
        if words[0] in ("a", "an", "the"):
            return any(w in self.roles and not (person_only and w in self.shared_roles) for w in words[1:])
        # no article: the post comes first, after its modifiers, and a preposition or nothing follows it
        for at, word in enumerate(words):
            if word in self.roles and (at + 1 == len(words) or after[at + 1].pos_ == "ADP"):
                return not (person_only and word in self.shared_roles)
            if word not in self.role_modifiers:
                return False
        return False

    def _people_misread_as_organizations(self, doc: Doc) -> list[Span]:
        """"Artur Romeu, director of the Latin America bureau of ...": a name of two or three capitalised words
        the model calls an organization, with no organization word in it and no gazetteer entry, is a person
        when a person's post is apposed to it."""
        found = []
        for ent in doc.ents:
            if ent.label_ != "ORG" or ent.ent_id_ or not 2 <= len(ent) <= 3 or ent.end + 2 >= len(doc) or \
                    doc[ent.end].text != "," or (ent.start > 0 and doc[ent.start - 1].pos_ in ("ADP", "DET")):
                continue
            if all(t.is_title and t.pos_ == "PROPN" and t.lower_ not in self.org_words for t in ent) and \
                    self._apposed_role(doc[ent.end + 1:ent.end + 5], person_only=True):
                found.append(Span(doc, ent.start, ent.end, label="PERSON"))
        return found

    def _article_names(self, doc: Doc) -> list[Span]:
        """"accused the West of ...": a name of actors.yaml `article_names` after "the", with no capitalised
        word after it ("the West Bank" is another name), is its gazetteer actor."""
        found = []
        for i in numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), self._article_hashes)).tolist():
            capitalised_next = i + 1 < len(doc) and (doc[i + 1].is_title or doc[i + 1].is_upper)
            if i and doc[i - 1].lower_ == "the" and not capitalised_next:
                found.append(Span(doc, i, i + 1, label="ORG", span_id=self.article_names[doc[i].text]))
        return found

    def _unrecognised_organizations(self, doc: Doc) -> list[Span]:
        """'analyst X of Global Source Partners': capitalised words outside any entity that end in an
        organization word are an organization's name, if one of them is more than an organization or
        portfolio word ("Security Forces" in a headline is none). "of", "for" and "and" may join them. After a
        state's name or demonym ("Philippine Coast Guard") they are that state's body, which mentions name."""
        found, i = [], 0
        while i < len(doc):
            if doc[i].ent_type_ or not doc[i].is_title or doc[i].is_sent_start or doc[i - 1].ent_type_ in (
                    "NORP", "GPE"):
                i += 1
                continue
            end = i
            while end < len(doc) and not doc[end].ent_type_ and (
                    doc[end].is_title or doc[end].lower_ in ("of", "for", "and") and end + 1 < len(doc)
                    and doc[end + 1].is_title and not doc[end + 1].ent_type_):
                end += 1
            words = [t.lower_ for t in doc[i:end]]
            if end - i > 1 and words[-1] in self.org_words and any(
                    w not in self.org_words and w not in self.portfolios and w not in ("of", "for", "and")
                    for w in words):
                found.append(Span(doc, i, end, label="ORG"))
            i = end
        return found

    def _linked_names(self, doc: Doc) -> list[Span]:
        """"Hizb-ut-Tahrir members were arrested": a name linked by hyphened particles (grammar.yaml
        `tokenizer_whole_words`) that the model left out is an organization's, with the capitalised words
        outside any entity right after it ("Tehrik-i-Taliban Swat")."""
        if self._linked_name is None:
            return []
        found = []
        for match in self._linked_name.finditer(doc.text):  # (one search of the text, not a test of every word)
            word = doc.char_span(match.start(), match.end())
            if word is None or len(word) != 1 or word[0].ent_type_:
                continue
            end = word.end
            while end < len(doc) and doc[end].is_title and not doc[end].ent_type_ and doc[end].pos_ == "PROPN":
                end += 1
            found.append(Span(doc, word.start, end, label="ORG"))
        return found

    def _bodies_of_places(self, doc: Doc) -> list[Span]:
        """'the Prefecture of Corsica', 'the Governorate of Basra': a capitalised organization word outside any
        entity, then "of" and a place (tagged, or capitalised words the model left untagged), is that place's
        body (the model keeps only the place, or nothing)."""
        found = []
        for i in range(len(doc) - 2):
            token = doc[i]
            if token.ent_type_ or not token.is_title or token.lower_ not in self.org_words or \
                    doc[i + 1].lower_ != "of":
                continue
            start = i + 2 + (doc[i + 2].lower_ == "the" and i + 3 < len(doc))
            place = doc[start]
            if place.ent_type_ in ("GPE", "LOC") and place.ent_iob_ == "B" or (
                    not place.ent_type_ and place.pos_ == "PROPN" and place.is_title):
                end = start + 1  # the place's whole name: the rest of its entity, or its capitalised words
                while end < len(doc) and (doc[end].ent_iob_ == "I" if place.ent_type_ else (
                        not doc[end].ent_type_ and doc[end].pos_ == "PROPN" and doc[end].is_title)):
                    end += 1
                first = i  # with the capitalised words before it: "the National Assembly of Kenya"
                while first > 0 and doc[first - 1].is_title and doc[first - 1].ent_type_ in ("", "ORG") and \
                        doc[first - 1].pos_ in ("PROPN", "ADJ", "NOUN"):
                    first -= 1
                found.append(Span(doc, first, end, label="ORG"))
        return found

    def _particle_places(self, doc: Doc) -> list[Span]:
        """"recaptured Mocímboa da Praia": a known place name after a lower-case particle (actors.yaml
        `place_name_particles`) and a capitalised word is the end of a longer place's name, which is no known one."""
        found = []
        for ent in doc.ents:
            first = ent.start - 2
            if ent.label_ not in ("GPE", "LOC") or not ent.ent_id_ or first < 0 or \
                    doc[first + 1].lower_ not in self.place_particles or not doc[first + 1].is_lower or \
                    not doc[first].is_title or doc[first].is_sent_start:
                continue
            while first > 0 and doc[first - 1].is_title and not doc[first - 1].is_sent_start and \
                    doc[first - 1].ent_iob_ != "O" and doc[first].ent_iob_ == "I":
                first -= 1  # the rest of an entity the capitalised word ends
            found.append(Span(doc, first, ent.end, label="GPE"))
        return found

    def _landforms(self, doc: Doc) -> list[Span]:
        """'on the Lake Chad islands', 'the slopes of Mount Kenya': a capitalised landform word (actors.yaml
        `landform_words`) before a name makes one place of both, not the state or person the name alone is."""
        return [Span(doc, ent.start - 1, ent.end, label="LOC") for ent in doc.ents
                if ent.start > 0 and doc[ent.start - 1].is_title and doc[ent.start - 1].lower_ in self.landform_words
                and (not doc[ent.start - 1].ent_type_ or doc[ent.start - 1].ent_iob_ == "B")]  # (or a name of its own)

    @staticmethod
    def _waters_of_places(doc: Doc) -> list[Span]:
        """'the Gulf of Guinea', 'the Bay of Bengal': the model ends a sea's name at "of" and takes the place
        after it for a state of its own; the sea is one place."""
        found = []
        for ent in doc.ents:
            end = ent.end
            if ent.label_ != "LOC" or ent[-1].lower_ != "of" or end >= len(doc) or \
                    doc[end].ent_type_ not in ("GPE", "LOC") or doc[end].ent_iob_ != "B":
                continue
            end += 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            found.append(Span(doc, ent.start, end, label="LOC"))
        return found

    def _unrecognised_acronyms(self, doc: Doc) -> list[Span]:
        """'the MFDC', 'the FDLR', "pro-independence FLNKS and the loyalist parties": a run of two to six capitals
        after "the" (three to six heading a subject or object, or before a noun for an owner's things: "raided ZIPRA
        camps", actors.yaml `owned_targets`) that the model left untagged is an organization's abbreviation (not one
        of actors.yaml `not_org_acronyms`, nor a word in a shouted line)."""
        found = []
        for i in range(1, len(doc)):
            token = doc[i]
            # (the model may tag such a word a number: "ZIPRA/CD camps")
            if doc[i - 1].lower_ != "the" and not (len(token.text) >= 3 and (
                    token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj") or
                    token.dep_ == "compound" and token.head.pos_ == "NOUN" and
                    token.head.lemma_.lower() in self.owned_targets)):
                continue
            if not token.ent_type_ and self._is_acronym(doc, i):
                found.append(Span(doc, i, i + 1, label="ORG"))
        return found

    def _is_acronym(self, doc: Doc, i: int) -> bool:
        """Two to six capitals, not a word in a shouted line nor one of actors.yaml `not_org_acronyms`."""
        token = doc[i]
        return 2 <= len(token.text) <= 6 and token.text.isalpha() and token.is_upper and \
            token.lower_ not in self.not_org_acronyms and not (i > 0 and doc[i - 1].is_upper) and \
            not (i + 1 < len(doc) and doc[i + 1].is_upper and doc[i + 1].is_alpha)

    def __call__(self, doc: Doc) -> Doc:
        changed, spans, unlinked = [], [], []
        for span in [*self._nicknamed(doc), *self._quoted_aliases(doc), *self._unrecognised_people(doc),
                     *self._people_misread_as_organizations(doc)]:
            changed.append((span.start_char, span.end_char, "", "PERSON"))
            spans.append(span)
            unlinked.extend(range(span.start, span.end))
        # a person's or a ship's name found here replaces whatever the model made of its words
        mended = set(unlinked)
        for span in [*self._vessel_names(doc), *self._bodies_of_places(doc), *self._unit_names(doc),
                     *self._numbered_units(doc)]:
            changed.append((span.start_char, span.end_char, "", "ORG"))
            spans.append(span)
            mended.update(range(span.start, span.end))
        for span in [*self._waters_of_places(doc), *self._places_before_offices(doc)]:
            changed.append((span.start_char, span.end_char, "", span.label_))
            spans.append(span)
            mended.update(range(span.start, span.end))
        for span in self._particle_places(doc):
            changed.append((span.start_char, span.end_char, "", "GPE"))
            spans.append(span)
            mended.update(range(span.start, span.end))
            unlinked.extend(range(span.start, span.end))
        for span in self._landforms(doc):
            changed.append((span.start_char, span.end_char, "", "LOC"))
            spans.append(span)
            mended.update(range(span.start, span.end))
            unlinked.extend(range(span.start, span.end))
        for span in self._article_names(doc):
            changed.append((span.start_char, span.end_char, "", "ORG"))
            spans.append(span)
            mended.add(span.start)
        for span in [*self._unrecognised_organizations(doc), *self._unrecognised_acronyms(doc),
                     *self._linked_names(doc)]:
            changed.append((span.start_char, span.end_char, "", "ORG"))
            spans.append(span)
            if span[0].pos_ == "NUM":  # "ZIPRA/CD camps": a name, not a number
                span[0].tag_, span[0].pos_ = "NNP", "PROPN"
        for ent in doc.ents:
            label, start, end = ent.label_, ent.start, ent.end
            if mended.intersection(range(start, end)):
                continue
            if ent[-1].text == "-":
                # "Suspected al-" + "Shabaab": no name ends in a hyphen; a name particle before it is the next name's
                changed.append((ent.start_char, ent.end_char, label, ""))
                continue
            if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in self.name_particles and \
                    not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_:
                start -= 2
            prefix = start - 1 if start > 0 and doc[start - 1].lower_ in self.region_prefixes else (
                start - 2 if start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_
                and doc[start - 2].lower_ in self.region_prefixes else None)
            if label in ("NORP", "GPE", "LOC") and ent.ent_id_ and prefix is not None:
                # "Latin" + "American", "Pan-" + "American", "Latin" + "America": a region or its people, not the
                # state the word names alone
                changed.append((doc[prefix].idx, ent.end_char, label, label))
                if spans and spans[-1].end == start:
                    spans.pop()
                spans.append(Span(doc, prefix, end, label=label))
                unlinked.extend(range(prefix, end))
                continue
            if label == "ORG" and not ent.ent_id_ and self._is_title_portfolio(doc, ent):
                changed.append((ent.start_char, ent.end_char, label, ""))
                continue
            if not ent.ent_id_ and len(ent) == 1 and ent[0].is_sent_start and ent[0].pos_ == "NOUN" and \
                    ent[0].lemma_.lower() in self.kind_nouns:
                changed.append((ent.start_char, ent.end_char, label, ""))  # "Vigilantes in Faskari said ..."
                continue
            named_places = self._named_places(doc, ent)
            if named_places:
                changed.append((ent.start_char, ent.end_char, label, "GPE"))
                spans.extend(named_places)
                continue
            if label == "PERSON" and len(ent) == 1 and not ent.ent_id_ and self._is_acronym(doc, start):
                # "The #PNH is instructed ...": capitals alone are a body's abbreviation, not a person's name
                changed.append((ent.start_char, ent.end_char, label, "ORG"))
                spans.append(Span(doc, start, end, label="ORG"))
                continue
            if self._is_area_name(ent) or self._is_town_or_region(doc, ent):
                changed.append((ent.start_char, ent.end_char, label, "GPE"))
                spans.append(Span(doc, start, end, label="GPE"))
                continue
            if label in RETYPABLE and label != "GPE" and self._names_itself(ent):
                changed.append((ent.start_char, ent.end_char, label, "ORG"))  # "a cell calling itself 'the Lions ...'"
                spans.append(Span(doc, start, end, label="ORG"))
                continue
            if not ent.ent_id_ and end < len(doc) and doc[end].ent_id_ and ent[-1].tag_ in ("NNP", "JJ") and \
                    ent[-1].lower_ in self.kind_adjectives and all(t.pos_ == "DET" for t in ent[:-1]):
                # "The Islamist" + "Hayat Tahrir al-Sham": the kind of the named group, left over when the
                # gazetteer took its name
                changed.append((ent.start_char, ent.end_char, label, ""))
                continue
            if not ent.ent_id_ and ent.text.lower() in self.not_actor_names:  # "COVID-19": a disease, no actor
                changed.append((ent.start_char, ent.end_char, label, ""))
                continue
            if ent.ent_id_ and len(ent) == 2 and ent[0].lower_ == "the" and end < len(doc) and \
                    self._runs_on(doc[end]):
                # "The National" + "Assembly", "The Atlantic" + "Council", "The National" + "Unity Platform": a
                # one-word outlet after its article that runs on into further capitalised words is another name
                start += 1
                while end < len(doc) and self._runs_on(doc[end]):
                    end += 1
                changed.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label, "ORG"))
                spans.append(Span(doc, start, end, label="ORG"))
                continue
            if end - start > 1 and doc[end - 1].pos_ == "ADP" and doc[end - 1].is_lower and \
                    doc[end - 1].lower_ not in JOINING_PREPOSITIONS:
                end -= 1  # "the University of Witwatersrand in" + "South Africa": no name ends in a preposition
            if not ent.ent_id_:
                # Grow over adjacent capitalised organization words the model left out ("Wilayat" Sinai).
                while start > 0 and self._is_org_word(doc[start - 1]):
                    start -= 1
                while end < len(doc) and self._is_org_word(doc[end]):
                    end += 1
                span = doc[start:end]
                if label in RETYPABLE and len(span) > 1 and (
                        span[0].lower_ in self.org_words or span[-1].lower_ in self.org_words):
                    changed.append((span.start_char, span.end_char, label, "ORG"))
                    label = "ORG"
            spans.append(Span(doc, start, end, label=label, kb_id=ent.kb_id_, span_id=ent.id_))
        spans = self._join_of_names(doc, sorted(spans, key=lambda span: span.start))
        if changed or any((s.start, s.end) != (e.start, e.end) for s, e in zip(spans, doc.ents)):
            doc.ents = filter_spans(spans)
            for i in unlinked:  # a token keeps the ruler's id past a new span without one
                doc[i].ent_id_ = ""
        doc._.cg_relabelled = changed
        return doc


def _make_root(verb: Token, root: Token) -> None:
    """The parser's root was misread: the true verb becomes the root and takes the words after it from the old one."""
    for child in list(root.rights):
        if child.i > verb.i:
            child.head = verb
    verb.head, verb.dep_ = verb, "ROOT"


@Language.factory("claimgraph_parse_fixes", requires=["token.dep"], assigns=["token.dep", "token.head"])
def make_parse_fixes(nlp: Language, name: str) -> "ParseFixes":
    lexicon = load_lexicon()
    grammar = lexicon.grammar
    return ParseFixes(grammar.result_adjectives, grammar.participle_adjectives, grammar.misread_past_verbs,
                      grammar.misread_modifier_nouns, grammar.appeal_nouns, grammar.prepositions.between,
                      grammar.intransitive_past_verbs, grammar.prepositions.addressee,
                      grammar.instrument_prepositions, grammar.instrument_target_prepositions,
                      grammar.hedge_participles, frozenset(lexicon.actor_kinds), grammar.base_forms,
                      grammar.status_complements, grammar.compass_points,
                      frozenset((lemma, p.particle) for lemma, specs in lexicon.verbs.items()
                                for p in specs if p.particle))


class ParseFixes:
    """Mend misparses the rules cannot read around: "A gendarme shot dead a protester", where the small
    model makes the result ("dead") the root, the verb its subject and the victim its object, or the verb a
    noun ("a settler shot dead a man": "shot" a noun, the settler its compound): the verb becomes the root,
    with the result and the root's other words hung on it; a description after a name taken for a second
    object of the verb ("denied arming the FDLR, a Rwandan rebel group"): it is hung on the name; a "whom"
    taken for the subject of a noun: it is the object of its clause's verb; a second verb after "and"
    taken for an adjective of its object ("occupied hospitals and evicted patients"): it is a verb again; a
    preposition left without its object ("called on all former combatants to ..."): the next noun is its object;
    a noun that is never an adjective taken for one before another noun ("a junta airstrike"): a noun modifying it;
    and a sentence read as a noun phrase with a past-tense verb as its participle ("FACT rebels crossed from Libya
    and attacked ..."): the verb is the root."""

    def __init__(self, result_adjectives: frozenset[str], participle_adjectives: frozenset[str] = frozenset(),
                 misread_past_verbs: frozenset[str] = frozenset(), misread_modifier_nouns: frozenset[str] = frozenset(),
                 appeal_nouns: frozenset[str] = frozenset(), between: frozenset[str] = frozenset(),
                 intransitive_past_verbs: frozenset[str] = frozenset(),
                 appeal_prepositions: frozenset[str] = frozenset(), instruments: frozenset[str] = frozenset(),
                 instrument_targets: frozenset[str] = frozenset(), hedge_participles: frozenset[str] = frozenset(),
                 actor_nouns: frozenset[str] = frozenset(), base_forms: Callable[[str], Iterable[str]] = lambda w: (),
                 status_complements: frozenset[str] = frozenset(), compass_points: frozenset[str] = frozenset(),
                 particle_verbs: frozenset[tuple[str, str]] = frozenset()):
        self._between_hashes = numpy.array(sorted(hash_string(w) for w in between), dtype=numpy.uint64)
        self._result_hashes = numpy.array(sorted(hash_string(w) for w in result_adjectives), dtype=numpy.uint64)
        self._modifier_noun_hashes = numpy.array(sorted(hash_string(w) for w in misread_modifier_nouns),
                                                 dtype=numpy.uint64)
        self.participle_adjectives = participle_adjectives
        self.misread_past_verbs = misread_past_verbs
        self.intransitive_past_verbs = intransitive_past_verbs
        self.appeal_words = frozenset(w for noun in appeal_nouns for w in (noun, noun + "s"))  # (no lemmas yet)
        self.appeal_prepositions = appeal_prepositions
        self.instruments = instruments
        self._instrument_target_hashes = numpy.array(sorted(hash_string(w) for w in instrument_targets),
                                                     dtype=numpy.uint64)
        self.hedge_participles = hedge_participles
        self._status_hashes = numpy.array(sorted(hash_string(w) for w in status_complements), dtype=numpy.uint64)
        self._compass_hashes = numpy.array(sorted(hash_string(w) for w in compass_points), dtype=numpy.uint64)
        self.particle_verbs = particle_verbs  # (lemma, particle) of the lexicon's phrasal verbs: "hand over"
        self._particle_hashes = numpy.array(sorted({hash_string(p) for _, p in particle_verbs}), dtype=numpy.uint64)
        self.actor_nouns = actor_nouns  # nouns of an actor's kind (actor_kinds.yaml): "youth", "civilian"
        self.base_forms = base_forms  # a word's uninflected forms (grammar.yaml `inflections`): no lemmas yet here
        self._and, self._that, self._as = hash_string("and"), hash_string("that"), hash_string("as")
        self._comma = hash_string(",")
        self._whom = hash_string("whom")
        self._whose = hash_string("whose")
        self._root, self._plural_noun = hash_string("ROOT"), hash_string("NNS")
        self._plural_or_present = numpy.array([hash_string("NNS"), hash_string("VBZ")], dtype=numpy.uint64)
        self._nouns = numpy.array([hash_string(t) for t in ("NN", "NNS", "NNP", "NNPS")], dtype=numpy.uint64)
        self._gerund = hash_string("VBG")
        self._present = hash_string("VBZ")
        self._base_verb = hash_string("VB")

    def __call__(self, doc: Doc) -> Doc:
        lowers = doc.to_array(LOWER)
        for i in numpy.flatnonzero(numpy.isin(lowers, self._result_hashes)).tolist():
            if i and doc[i].tag_ == "JJ":
                self._hang_result_on_its_verb(doc[i - 1], doc[i])
        for i in numpy.flatnonzero(lowers[1:-2] == self._comma).tolist():
            self._hang_description_on_its_name(doc, i + 1)
        for i in numpy.flatnonzero(lowers == self._whom).tolist():
            self._hang_whom_on_its_clause(doc[i])
        for i in numpy.flatnonzero(lowers == self._whose).tolist():
            self._whose_clause_misread_as_main(doc[i])
        for i in numpy.flatnonzero(numpy.isin(lowers, self._between_hashes)).tolist():
            self._second_side_hung_on_the_firsts_modifier(doc[i])
        for i in numpy.flatnonzero(lowers[:-2] == self._and).tolist():
            self._second_verb_misread_as_adjective(doc[i], doc[i + 1])
        for i in numpy.flatnonzero(lowers[:-2] == self._as).tolist():
            self._object_hung_on_the_as_adjective(doc[i])
        for i in numpy.flatnonzero(numpy.isin(lowers[:-1], self._modifier_noun_hashes)).tolist():
            self._noun_misread_as_adjective(doc[i])
        roots = doc.to_array([DEP, TAG])
        for i in numpy.flatnonzero((roots[:, 0] == self._root) & (roots[:, 1] == self._plural_noun)).tolist():
            self._verb_misread_as_plural_noun(doc[i])
        for i in numpy.flatnonzero((roots[:, 0] == self._root) & numpy.isin(roots[:, 1], self._nouns)).tolist():
            self._verb_misread_as_participle(doc[i])
            self._verb_misread_as_the_objects_modifier(doc[i])
            self._verb_with_subject_misread_as_modifier(doc[i])
        for i in numpy.flatnonzero(roots[:, 0] == self._root).tolist():
            self._apposed_relative_clause_misread_as_root(doc[i])
            self._hedge_participle_misread_as_root(doc[i])
            self._postposed_adjective_misread_as_root(doc[i])
            self._verb_misread_as_the_names_noun(doc[i])
            self._subject_swallowed_by_fronted_phrase(doc[i])
        for i in numpy.flatnonzero(roots[:, 0] == doc.vocab.strings["advcl"]).tolist():
            self._appeal_infinitive_misread_as_adverbial(doc[i])
        joined_present = (roots[:, 0] == doc.vocab.strings["conj"]) & (roots[:, 1] == self._present)
        for i in numpy.flatnonzero(joined_present).tolist():
            self._statement_verb_hung_on_the_reported_clause(doc[i])
        for i in numpy.flatnonzero((roots[:, 0] == doc.vocab.strings["npadvmod"]) & (roots[:, 1] == self._plural_noun)
                                   ).tolist():
            self._object_misread_as_adverb(doc[i])
        for i in numpy.flatnonzero(roots[1:, 0] == doc.vocab.strings["conj"]).tolist():
            self._subject_misread_as_joined_noun(doc[i], doc[i + 1])
            self._count_misread_as_joined_verb(doc[i + 1])
        for i in numpy.flatnonzero(roots[:, 1] == self._gerund).tolist():
            self._act_noun_misread_as_gerund_clause(doc[i])
            self._object_misread_as_clause_subject(doc[i])
            self._participle_misread_as_noun_head(doc[i])
        for i in numpy.flatnonzero((roots[:, 0] == doc.vocab.strings["conj"]) & (roots[:, 1] == self._base_verb)).tolist():
            self._noun_misread_as_base_verb(doc[i])
        # (dependency labels such as "conj" and "prep" are spaCy symbols, stored by their symbol ids)
        joined = (roots[1:-1, 0] == doc.vocab.strings["conj"]) & numpy.isin(roots[1:-1, 1], self._plural_or_present) \
            & (lowers[:-2] == self._and) & (lowers[2:] == self._that)
        for i in numpy.flatnonzero(joined).tolist():
            self._second_verb_misread_as_plural_noun(doc[i + 1])
        joined_after_and = (roots[1:, 0] == doc.vocab.strings["conj"]) \
            & numpy.isin(roots[1:, 1], self._plural_or_present) & (lowers[:-1] == self._and)
        for i in numpy.flatnonzero(joined_after_and).tolist():
            self._appeal_verb_misread_as_plural_noun(doc[i + 1])
        deps = doc.to_array(DEP)
        heads = doc.to_array(HEAD).astype(numpy.int64) + numpy.arange(len(doc))
        for i in numpy.flatnonzero((deps == doc.vocab.strings["nsubj"]) & (heads == numpy.arange(len(doc)) + 1)
                                   & numpy.isin(roots[:, 1], self._nouns)).tolist():
            self._modifier_misread_as_subject(doc[i])
        childless = numpy.bincount(heads[heads != numpy.arange(len(doc))], minlength=len(doc)) == 0
        for i in numpy.flatnonzero((deps[:-1] == doc.vocab.strings["prep"]) & childless[:-1]).tolist():
            self._object_of_a_stranded_preposition(doc[i])
        for i in numpy.flatnonzero(numpy.isin(lowers, self._status_hashes)).tolist():
            self._object_misread_as_the_status_modifier(doc[i])
        for i in numpy.flatnonzero(numpy.isin(lowers[1:-1], self._compass_hashes)).tolist():
            self._noun_misread_as_the_compass_points_modifier(doc[i + 1])
        for i in numpy.flatnonzero(numpy.isin(lowers[1:-1], self._particle_hashes)).tolist():
            self._particle_misread_as_a_count(doc[i + 1])
        for i in numpy.flatnonzero(numpy.isin(lowers, self._instrument_target_hashes)).tolist():
            self._target_hung_on_the_instrument(doc[i])
        return doc

    def _particle_misread_as_a_count(self, particle: Token) -> None:
        """"RENAMO handed over 14 captured soldiers": the particle of a phrasal verb of the lexicon, right after the
        verb, taken for "more than" before a count, is the verb's particle."""
        verb = particle.doc[particle.i - 1]
        if particle.dep_ not in ("quantmod", "advmod") or particle.head.tag_ != "CD" or not verb.tag_.startswith("VB") \
                or not any((form, particle.lower_) in self.particle_verbs
                           for form in (verb.lower_, *self.base_forms(verb.lower_))):
            return  # (no lemmas yet here: the verb's forms)
        particle.head, particle.dep_ = verb, "prt"

    @staticmethod
    def _noun_misread_as_the_compass_points_modifier(point: Token) -> None:
        """"repelled an Iranian offensive east of Basra": a noun before a point of the compass with an "of" phrase,
        taken for the point's adjective (the point for the noun phrase's head), is the head; the point says where."""
        noun = point.doc[point.i - 1]
        if noun.head != point or noun.dep_ != "amod" or not noun.tag_.startswith("NN") or \
                not any(c.dep_ == "prep" and c.lower_ == "of" for c in point.rights):
            return
        for word in [c for c in point.lefts if c.i < noun.i]:
            word.head = noun  # "an Iranian": the noun's
        noun.head, noun.dep_ = point.head if point.head != point else noun, point.dep_
        point.head, point.dep_ = noun, "advmod"

    @staticmethod
    def _object_misread_as_the_status_modifier(status: Token) -> None:
        """"took about 200 residents hostage": the people a verb makes hostages or captives, taken for a modifier of
        the status noun that the parser makes the object, are the object; the status is the verb's complement."""
        verb = status.head
        people = next((c for c in status.lefts if c.dep_ == "compound" and c.tag_ == "NNS"), None)
        if people is None or status.dep_ != "dobj" or status.tag_ != "NN" or not verb.tag_.startswith("VB"):
            return
        for word in [c for c in status.lefts if c.i < people.i and c.dep_ in ("nummod", "amod", "det", "quantmod")]:
            word.head = people  # "about 30 farmers": the count is the people's
        people.head, people.dep_ = verb, "dobj"
        status.dep_ = "ccomp"

    def _modifier_misread_as_subject(self, word: Token) -> None:
        """"by suspected ISGS fighters": a name taken for the subject of the noun of an actor's kind right after it
        modifies that noun (such a noun has no subject: "X is a leader" hangs both on the verb)."""
        if word.head.tag_ in ("NN", "NNS") and self._actor_noun(word.head):
            word.dep_ = "compound"

    @staticmethod
    def _subject_swallowed_by_fronted_phrase(root: Token) -> None:
        """"Under a deal brokered by Qatar, Russia and Ukraine exchanged prisoners", "After an attack in Menaka,
        Nigerien and Malian forces launched an offensive": the noun phrase between an opening phrase's comma and a
        root verb with no subject, which the parser joins to the opening phrase's last noun, is the verb's subject;
        the noun before the comma keeps the place the subject's head had taken."""
        if root.tag_ not in ("VBD", "VBZ", "VBP") or any(
                c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children):
            return
        doc, sent = root.doc, root.sent
        comma = next((t.i for t in reversed(doc[sent.start:root.i]) if t.text == ","), None)
        if comma is None or comma < sent.start + 2 or comma + 1 >= root.i or any(
                t.tag_ not in ("NNP", "NNPS", "NN", "NNS", "JJ", "CC", "DT", "CD") for t in doc[comma + 1:root.i]):
            return
        inside = range(comma + 1, root.i)
        hung_outside = [t for t in doc[comma + 1:root.i] if t.head.i not in inside]
        subject = hung_outside[-1]
        if not subject.tag_.startswith("NN") or not any(t.i < comma for t in subject.head.subtree):
            return
        before = doc[comma - 1]
        if before.head.i in inside and before.tag_.startswith("NN"):
            before.head, before.dep_ = subject.head, subject.dep_  # "fighters in Menaka": the place stays in the phrase
        for word in hung_outside[:-1]:
            word.head, word.dep_ = subject, "amod" if word.tag_ == "JJ" else "nmod"
        subject.head, subject.dep_ = root, "nsubj"
        doc[comma].head, doc[comma].dep_ = root, "punct"

    def _hedge_participle_misread_as_root(self, root: Token) -> None:
        """"Armed men believed to belong to the Sinaloa cartel clashed with X": a participle of belief with an
        infinitive, taken for the sentence's verb with the real verb joined to it and no subject of its own, describes
        the subject; the joined verb is the root (grammar.yaml `hedge_participles`)."""
        if root.lower_ not in self.hedge_participles or root.tag_ != "VBD" or not any(
                c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in root.children):
            return
        subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
        verb = next((c for c in root.children if c.dep_ in ("conj", "ccomp") and c.tag_ == "VBD" and not any(
            s.dep_ in ("nsubj", "nsubjpass") for s in c.children)), None)
        if subject is None or verb is None or subject.right_edge.i != root.i - 1:
            return
        for child in list(root.children):
            if child.dep_ in ("punct", "cc") and child.i > verb.i or child.dep_ == "cc" and child.i < verb.i:
                child.head = verb
        verb.head, verb.dep_ = verb, "ROOT"
        subject.head, subject.dep_ = verb, "nsubj"
        root.head, root.dep_, root.tag_ = subject, "acl", "VBN"

    def _verb_misread_as_the_names_noun(self, root: Token) -> None:
        """"The Government of Chad rejects as baseless the accusations made by Sudan": a sentence with no finite verb, whose
        present-tense verb the parser took for the noun a name in an "of" phrase modifies ("Chad rejects"): the name
        is the phrase's object, the word the sentence's verb and the noun before it its subject."""
        if not root.tag_.startswith("NN"):
            return
        of = next((c for c in root.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        verb = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if verb is None or verb.tag_ != "NNS" or verb.i + 1 >= len(root.doc) or \
                any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in root.sent):
            return
        name = verb.doc[verb.i - 1]
        after = verb.doc[verb.i + 1]
        if name.head.i != verb.i or name.dep_ != "compound" or name.tag_ != "NNP" or \
                not (after.lower_ == "as" or after.tag_ == "DT"):
            return
        for word in [t for t in verb.lefts if t.i < name.i]:
            word.head = name
        name.head, name.dep_ = of, "pobj"
        _make_root(verb, root)
        root.head, root.dep_ = verb, "nsubj"
        self._verb_misread_as_plural_noun(verb)

    @staticmethod
    def _postposed_adjective_misread_as_root(root: Token) -> None:
        """"Chadian troops loyal to President Habre routed a Libyan column": an adjective after its noun, taken for
        the sentence's predicate with no copula, and the past-tense verb after it hung on it: the verb is the root,
        the noun its subject, the adjective the noun's."""
        if root.tag_ != "JJ" or any(c.dep_ in ("aux", "auxpass", "cop") for c in root.children):
            return
        subject = next((c for c in root.lefts if c.dep_ == "nsubj"), None)
        verb = next((c for c in root.rights if c.dep_ in ("advcl", "conj", "ccomp") and c.tag_ == "VBD"
                     and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)), None)
        if subject is None or verb is None or subject.i != root.i - 1:
            return
        _make_root(verb, root)
        subject.head, subject.dep_ = verb, "nsubj"
        root.head, root.dep_ = subject, "amod"

    def _target_hung_on_the_instrument(self, prep: Token) -> None:
        """"Tajik forces opened fire with mortars on Kyrgyz border guards": the parser hangs the target on the
        instrument the verb is used with; it is the verb's (grammar.yaml `instrument_target_prepositions`)."""
        instrument = prep.head
        with_ = instrument.head
        if prep.dep_ != "prep" or instrument.dep_ != "pobj" or with_.dep_ != "prep" or \
                with_.lower_ not in self.instruments or not with_.head.tag_.startswith("VB") or prep.i < instrument.i:
            return
        prep.head = with_.head

    @staticmethod
    def _object_hung_on_the_as_adjective(as_: Token) -> None:
        """"rejects as baseless the accusations made by X", "dismissed as false the reports that ...": the parser hangs
        the object on the adjective the verb calls it; it is the verb's (and a verb it tagged a plural noun is a verb
        in the present tense)."""
        adjective = as_.head
        verb = adjective.head
        if adjective.tag_ != "JJ" or adjective.i != as_.i + 1 or adjective.dep_ not in ("advcl", "acomp", "xcomp",
                                                                                       "oprd", "ccomp"):
            return
        obj = next((c for c in adjective.rights if c.dep_ == "dobj"), None)
        misread_verb = verb.tag_ == "NNS" and verb.i == as_.i - 1  # ("Chad rejects as baseless ...")
        if obj is None or verb.i > as_.i or not (verb.tag_.startswith("VB") or misread_verb):
            return
        if misread_verb:
            ParseFixes._subject_out_of_modifiers(verb)
        obj.head = verb
        as_.head, as_.dep_ = verb, "prep"
        adjective.head, adjective.dep_ = as_, "pobj"

    def _statement_verb_hung_on_the_reported_clause(self, verb: Token) -> None:
        """"The Ombudsman's Office reports that 17 civilians died in clashes ... and calls on the police to ...": a
        second present-tense verb with no subject, joined to the verb of the clause the first reports, is the
        statement's own second verb when that clause's verb is in another tense, or when it appeals ("informs the
        public that the city is under its control and calls on soldiers to ...")."""
        clause = verb.head
        said = clause.head
        if clause.dep_ != "ccomp" or said.tag_ != "VBZ" or said.i > clause.i or any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or not any(
                c.dep_ == "nsubj" for c in said.children):
            return
        if clause.tag_ == "VBZ" and verb.lower_ not in self.appeal_words:
            return
        verb.head = said
        between = [k.i for k in clause.children if k.dep_ == "conj" and k.i < verb.i]
        for c in clause.children:
            if c.dep_ == "cc" and c.i < verb.i and not any(c.i < k for k in between):
                c.head = said  # (the "and" before it, not one of a row of the clause's own verbs)

    @staticmethod
    def _object_of_a_stranded_preposition(prep: Token) -> None:
        """"we call on all former MILF combatants to ...": a preposition the parser left without its object, the
        noun phrase right after it made the verb's direct object; the noun is the preposition's object."""
        verb = prep.head
        if not verb.tag_.startswith("VB"):
            return
        noun = next((c for c in verb.rights if c.dep_ == "dobj" and c.i > prep.i), None)
        if noun is not None and noun.left_edge.i == prep.i + 1:
            noun.head, noun.dep_ = prep, "pobj"

    @staticmethod
    def _second_verb_misread_as_plural_noun(word: Token) -> None:
        """"The ministry condemns the strike and demands that Ankara respect ...": a second verb after "and",
        tagged a plural noun (or a verb) and joined to the first verb's object (or to a word further down its phrase
        or its infinitive), with a "that" clause after it, is a present-tense verb beside the first, the clause its
        complement."""
        doc, i = word.doc, word.i
        verb = ParseFixes._present_verb_above(word)
        if verb is None or any(c.i < i - 1 for c in word.children):
            return
        clause = doc[i + 1].head
        if clause.i <= i + 1 or not clause.tag_.startswith("VB"):
            return
        word.tag_ = "VBZ"  # the attribute ruler then makes it a verb, the lemmatizer its base form
        word.head, word.dep_ = verb, "conj"
        doc[i - 1].head = verb
        clause.head, clause.dep_ = word, "ccomp"

    @staticmethod
    def _present_verb_above(word: Token) -> Token | None:
        """The present-tense verb a word misread as a noun after "and" is joined to: the first verb's object, or a
        word further down its phrase or its infinitive's, hangs under it ("calls on its supporters to maintain a
        peaceful mobilisation and demands that ...")."""
        verb = word.head
        for _ in range(4):
            if ParseFixes._present_tense(verb) or verb.head == verb:
                break
            verb = verb.head
        return verb if ParseFixes._present_tense(verb) and word.head != verb else None

    @staticmethod
    def _present_tense(verb: Token) -> bool:
        """A present-tense verb, or a participle with a present auxiliary ("is deeply disturbed by ...")."""
        return verb.tag_ == "VBZ" or verb.tag_ == "VBN" and any(
            c.dep_ in ("aux", "auxpass") and c.tag_ == "VBZ" for c in verb.children)

    def _appeal_verb_misread_as_plural_noun(self, word: Token) -> None:
        """"condemns the bombing of Gori and calls on Moscow to withdraw its troops": a verb of appeal after "and",
        tagged a plural noun (or a verb) joined to the first verb's object, with "on" someone and an infinitive after it
        that the parser hung elsewhere, is a present-tense verb beside the first, the infinitive what it asks for."""
        if word.lower_ not in self.appeal_words:
            return
        on = next((c for c in word.rights if c.dep_ == "prep" and c.i == word.i + 1), None)
        if on is None or on.lower_ not in self.appeal_prepositions or not any(c.dep_ == "pobj" for c in on.children):
            return
        after = word.doc[on.right_edge.i + 1] if on.right_edge.i + 1 < len(word.doc) else None
        infinitive = after.head if after is not None and after.lower_ == "to" and after.dep_ == "aux" else None
        # (or the one it is joined to already: "is deeply disturbed by reports ..., and appeals to X to ...")
        verb = self._present_verb_above(word) or (
            word.head if word.dep_ == "conj" and self._present_tense(word.head) else None)
        if verb is None or infinitive is None or infinitive.tag_ != "VB":
            return  # (the infinitive may hang on the misread noun already: "... and calls on the UVF to follow suit")
        word.tag_ = "VBZ"  # the attribute ruler then makes it a verb, the lemmatizer its base form
        word.head, word.dep_ = verb, "conj"
        word.doc[word.i - 1].head = verb
        infinitive.head, infinitive.dep_ = word, "xcomp"

    def _second_verb_misread_as_adjective(self, cc: Token, word: Token) -> None:
        """"Security forces occupied hospitals and evicted patients", "raided the camp and beat demonstrators": the
        tagger makes the second verb an adjective of its object, and the object a second object of the first
        verb; the verb is hung back beside the first, with its own object (grammar.yaml `participle_adjectives`
        stay adjectives: "helped refugees and displaced families")."""
        noun, lower = word.head, word.lower_
        if word.dep_ != "amod" or word.tag_ not in ("JJ", "VBN", "VBD") or noun.i != word.i + 1 or \
                noun.dep_ not in ("conj", "dobj") or noun.tag_ not in ("NN", "NNS") or cc.dep_ != "cc" or \
                lower in self.participle_adjectives or not (lower.endswith("ed") or lower in self.misread_past_verbs):
            return
        # the noun a second object of the verb, a conjunct of its first object, or a conjunct of the verb itself
        verb = noun.head if noun.head.tag_ in ("VBD", "VBN") else noun.head.head
        first_object = next((c for c in verb.children if c.dep_ == "dobj" and c.i < cc.i), None)
        if first_object is None or verb.tag_ not in ("VBD", "VBN") or cc.head not in (verb, first_object) or \
                noun.head not in (verb, first_object):
            return
        word.tag_ = verb.tag_  # the attribute ruler then makes it a verb, the lemmatizer its base form
        word.head, word.dep_ = verb, "conj"
        cc.head = verb
        noun.head, noun.dep_ = word, "dobj"

    def _verb_misread_as_participle(self, root: Token) -> None:
        """"FACT rebels crossed from Libya and attacked a border post": a sentence read as a noun phrase, its root
        the subject and its past-tense verb hung on it as a participle (a participle is never in the past tense):
        the verb is the root, the noun its subject. So is a participle right after the noun with a direct object
        of its own ("Saiqa special forces handed over the bodies to the Red Crescent"): one done to the noun takes
        none; and the past tense of a verb that has no passive ("Hundreds of residents protested in Bannu", grammar.yaml
        `intransitive_past_verbs`); or a past-tense verb joined to the noun ("Members of the Imbonerakure beat and
        abducted a student", the first verb read as a noun)."""
        verb = next((c for c in root.rights if c.dep_ == "conj" and c.tag_ == "VBD" or c.dep_ == "acl" and (
            c.tag_ == "VBD" or (
            c.tag_ == "VBN" and c.i == root.i + 1 and any(d.dep_ == "dobj" for d in c.rights)) or (
            c.tag_ == "VBN" and c.lower_ in self.intransitive_past_verbs))), None)
        if verb is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return
        verb.tag_ = "VBD"  # the attribute ruler then makes it a verb in the past tense
        _make_root(verb, root)
        root.head, root.dep_ = verb, "nsubj"

    @staticmethod
    def _verb_misread_as_the_objects_modifier(root: Token) -> None:
        """"The Red Cross, together with UNICEF, distributed water tablets": a sentence read as a noun phrase, the
        verb after the adjunct's comma taken for a participle modifying its object, which is hung on the subject as
        an apposition: the verb is the root, with the subject and the object its own."""
        if root.dep_ != "ROOT":
            return  # (an earlier repair made another word the root)
        obj = next((c for c in root.rights if c.dep_ == "appos" and c.tag_ in ("NN", "NNS")), None)
        verb = obj.left_edge if obj is not None else None
        if verb is None or verb.dep_ != "amod" or verb.head != obj or verb.tag_ not in ("VBN", "VBD") or \
                verb.i == 0 or verb.nbor(-1).text != ",":
            return
        verb.tag_ = "VBD"  # the attribute ruler then makes it a verb in the past tense
        _make_root(verb, root)
        root.head, root.dep_ = verb, "nsubj"
        obj.head, obj.dep_ = verb, "dobj"

    @staticmethod
    def _verb_with_subject_misread_as_modifier(root: Token) -> None:
        """"Turkey has trained and equipped forces loyal to X": a verb with a subject and an auxiliary of its own,
        taken for a modifier of the noun after it (made the root), is the root; the noun is its object."""
        if root.dep_ != "ROOT":
            return
        verb = next((c for c in root.lefts if c.dep_ == "amod" and c.tag_ in ("VBN", "VBD") and any(
            d.dep_ == "nsubj" for d in c.lefts) and any(d.dep_ == "aux" for d in c.lefts)), None)
        if verb is None:
            return
        verb.head, verb.dep_ = verb, "ROOT"
        for word in list(root.children):
            if word.dep_ == "punct" and word.i > root.i:
                word.head = verb
        root.head, root.dep_ = verb, "dobj"

    @staticmethod
    def _noun_misread_as_adjective(word: Token) -> None:
        """"A junta airstrike killed 12 civilians": a noun that is never an adjective (grammar.yaml
        `misread_modifier_nouns`), tagged one and hung on the noun after it, modifies it as a noun."""
        if word.tag_ == "JJ" and word.dep_ in ("amod", "compound") and word.head.i == word.i + 1 and \
                word.head.tag_ in ("NN", "NNS"):
            word.tag_ = "NN"  # the attribute ruler then makes it a noun
            word.dep_ = "compound"

    @staticmethod
    def _subject_out_of_modifiers(verb: Token) -> None:
        """A verb the tagger took for a plural noun: it is a verb in the present tense, and the noun the parser made
        its compound modifier is its subject, with the words before that noun ("The Secretary-General appeals")."""
        verb.tag_ = "VBZ"  # the attribute ruler then makes it a verb, the lemmatizer its base form
        modifiers = [c for c in verb.lefts if c.dep_ in ("compound", "det", "amod", "nmod")]
        if modifiers and modifiers[-1].dep_ == "compound":
            subject = modifiers[-1]
            for word in modifiers[:-1]:
                word.head = subject
            subject.dep_ = "nsubj"

    def _verb_misread_as_plural_noun(self, root: Token) -> None:
        """"The Jordanian Foreign Ministry demands that Damascus act": a root tagged a plural noun, with a subject
        before it and a clause or an object after it, is a verb in the present tense. So is a root verb of appeal
        with whom it appeals to and an infinitive after it, its subject taken for its compound ("The Secretary-General
        appeals to the leaders to call for calm")."""
        # (or "as": "The Government of Mali rejects as baseless the accusations made by ...")
        if any(c.dep_ == "nsubj" for c in root.lefts) and any(c.dep_ in ("ccomp", "xcomp", "dobj") or (
                c.dep_ == "prep" and c.lower_ == "as") for c in root.rights) and \
                not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in root.lefts):
            root.tag_ = "VBZ"  # the attribute ruler then makes it a verb, the lemmatizer its base form
            for as_ in [c for c in root.rights if c.dep_ == "prep" and c.lower_ == "as"]:
                # "rejects as baseless the accusations": the noun after the adjective is the verb's object
                judged = next((c for c in as_.children if c.tag_ == "JJ"), None)
                thing = next((c for c in as_.children if c.dep_ == "pobj" and c.tag_.startswith("NN")), None)
                if judged is not None and thing is not None and judged.i < thing.i:
                    thing.head, thing.dep_ = root, "dobj"
            return
        if root.lower_ not in self.appeal_words or root.i == 0 or root.doc[root.i - 1].dep_ != "compound" or \
                root.doc[root.i - 1].head != root:
            return
        to = next((c for c in root.rights if c.dep_ == "prep" and c.i == root.i + 1
                   and c.lower_ in self.appeal_prepositions), None)
        asked = next((c for c in root.rights if c.dep_ in ("acl", "relcl", "advcl") and c.tag_ == "VB"
                      and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.lefts)), None)
        if to is None or asked is None or not any(c.dep_ == "pobj" for c in to.children):
            return
        self._subject_out_of_modifiers(root)
        asked.dep_ = "xcomp"

    @staticmethod
    def _hang_whom_on_its_clause(whom: Token) -> None:
        """"volunteers, whom rights groups accuse of killing civilians": the parser makes "whom" the subject of
        the clause's subject noun; it is the object of the clause's verb."""
        if whom.head.tag_.startswith("VB") or whom.n_lefts or whom.n_rights:
            return
        verb = next((a for a in whom.ancestors if a.dep_ == "relcl"), None)
        if verb is not None and whom.i < verb.i and verb.tag_.startswith("VB"):
            whom.head, whom.dep_ = verb, "dobj"

    @staticmethod
    def _whose_clause_misread_as_main(whose: Token) -> None:
        """"Bobi Wine, whose party is the largest in parliament, was shot by a police officer": the parser makes the
        name the subject of the "whose" clause's verb, and the sentence's verb that clause's conjunct with no subject;
        the clause describes the name, and the name is the subject of the verb after it."""
        doc, noun = whose.doc, whose.head
        clause = noun.head
        if whose.dep_ != "poss" or noun.dep_ not in ("nsubj", "nsubjpass") or whose.i < 2 or \
                doc[whose.i - 1].lower_ != "," or not clause.tag_.startswith("VB"):
            return
        name = next((c for c in clause.lefts if c.dep_ in ("nsubj", "nsubjpass") and c.i == whose.i - 2), None)
        verb = next((c for c in clause.rights if c.dep_ == "conj" and c.tag_ in ("VBD", "VBN", "VBZ", "VBP")
                     and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)
        if name is None or verb is None:
            return
        if clause.head.i == clause.i:
            verb.head, verb.dep_ = verb, "ROOT"
        else:
            verb.head, verb.dep_ = clause.head, clause.dep_
        for child in list(clause.children):
            if child.i > verb.i or child.dep_ == "cc" and child.i < verb.i:
                child.head = verb
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        name.head, name.dep_ = verb, "nsubjpass" if passive else "nsubj"
        clause.head, clause.dep_ = name, "relcl"

    def _object_misread_as_adverb(self, word: Token) -> None:
        """"Police detained 11 youths on Saturday": a counted plural of people after a verb with no object, which the
        parser takes for an adverb of measure ("11 times"), is the verb's object."""
        verb = word.head
        if not verb.tag_.startswith("VB") or word.i < verb.i or not self._actor_noun(word) or not any(
                c.dep_ == "nummod" for c in word.children) or any(
                c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children):
            return
        word.dep_ = "dobj"

    @staticmethod
    def _count_misread_as_joined_verb(count: Token) -> None:
        """"Gunmen killed the mayor and two of his bodyguards": a count of people joined after the verb's object,
        which the parser joins to the verb, is joined to the object."""
        verb = count.head
        if count.dep_ != "conj" or count.tag_ != "CD" or not verb.tag_.startswith("VB") or not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in count.children):
            return
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < count.i), None)
        if obj is None:
            return
        count.head = obj
        for cc in [c for c in verb.children if c.dep_ == "cc" and obj.i < c.i < count.i]:
            cc.head = obj

    def _actor_noun(self, word: Token) -> bool:
        """Whether a noun names an actor's kind, as written or uninflected ("youths")."""
        return word.lower_ in self.actor_nouns or any(w in self.actor_nouns for w in self.base_forms(word.lower_))

    def _subject_misread_as_joined_noun(self, noun: Token, verb: Token) -> None:
        """"Congress removed Castillo from office and police detained him": a second clause's subject, a noun of an
        actor's kind right before its verb, taken for a noun joined to the first clause's last noun ("office and
        police"), with the verb joined to the first verb and no subject of its own: it is that verb's subject."""
        if noun.dep_ != "conj" or noun.head.i >= noun.i or verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ") \
                or verb.head.i >= noun.head.i or noun.tag_ not in ("NN", "NNS") or not self._actor_noun(noun) or \
                any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return
        for cc in [c for c in noun.head.children if c.dep_ == "cc" and c.i < noun.i]:
            cc.head = verb.head
        noun.head, noun.dep_ = verb, "nsubj"

    @staticmethod
    def _hang_description_on_its_name(doc: Doc, comma: int) -> None:
        """"denied arming the FDLR, a Rwandan Hutu rebel group": the parser makes the description a second
        object of the verb (so "denied ... group", and the group the one arming); it describes the name before
        the comma."""
        name, first = doc[comma - 1], doc[comma + 1]
        if name.tag_ not in ("NNP", "NNPS") or first.lower_ not in ("a", "an", "the") or first.dep_ != "det":
            return
        noun = first.head
        while name.dep_ == "compound" and name.head.i > name.i:
            name = name.head
        if noun.i <= comma or noun.dep_ != "dobj" or name.dep_ not in ("dobj", "pobj") or name.i >= comma or \
                not noun.head.is_ancestor(name):
            return
        noun.head, noun.dep_ = name, "appos"
        doc[comma].head = name

    @staticmethod
    def _noun_misread_as_base_verb(word: Token) -> None:
        """"distributed food rations and hygiene kits to families": the parser reads "hygiene" as a second verb in
        its base form, joined to a verb in the past or present tense, with "kits" its object. A base-form verb
        with no auxiliary of its own cannot be joined to a tensed one: it is a noun before its "object", which is
        the second object of the first verb."""
        verb = word.head
        obj = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
        first = next((c for c in verb.children if c.dep_ == "dobj" and c.i < word.i), None)
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or first is None or obj is None or obj.head != word or \
                obj.dep_ != "dobj" or not obj.tag_.startswith("NN") or \
                any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "neg") for c in word.children):
            return
        cc = next((c for c in verb.children if c.dep_ == "cc" and first.i < c.i < word.i), None)
        for child in list(word.children):
            if child != obj:
                child.head = verb
        if cc is not None:
            cc.head = first
        obj.head, obj.dep_ = first, "conj"
        word.head, word.dep_, word.tag_ = obj, "compound", "NN"

    @staticmethod
    def _act_noun_misread_as_gerund_clause(verb: Token) -> None:
        """"condemns the Houthi shelling of residential neighbourhoods": the parser reads "the Houthi" as the
        subject of a clause "shelling of ..."; an -ing word with an article before its one-word subject and an
        "of" phrase of its own is a noun, the name before it its modifier."""
        subject = verb.doc[verb.i - 1] if verb.i else None
        if subject is None or subject.dep_ != "nsubj" or subject.head != verb or verb.dep_ not in ("ccomp", "xcomp") \
                or not any(c.dep_ == "prep" and c.lower_ == "of" for c in verb.rights):
            return
        det = next((c for c in subject.lefts if c.dep_ == "det"), None)
        if det is None or any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children):
            return
        det.head = verb
        subject.head, subject.dep_ = verb, "compound"
        verb.tag_, verb.dep_ = "NN", "dobj"

    def _appeal_infinitive_misread_as_adverbial(self, verb: Token) -> None:
        """"dismissed calls to resume peace negotiations": the parser hangs the infinitive on the verb, as a purpose;
        right after a noun of appeal that is that verb's object, it is what the appeal asks for."""
        to = verb.i - 1
        if to < 1 or verb.tag_ != "VB" or verb.doc[to].dep_ != "aux" or verb.doc[to].head != verb:
            return
        noun = verb.doc[to - 1]
        if noun.head == verb.head and noun.dep_ == "dobj" and noun.lower_ in self.appeal_words:
            verb.head, verb.dep_ = noun, "acl"

    @staticmethod
    def _object_misread_as_clause_subject(participle: Token) -> None:
        """"Israeli aircraft struck government forces advancing toward Suwayda, killing several soldiers": the
        parser reads "forces advancing ..." as a clause the verb says, with the forces its subject. They are the verb's
        object, the participle describes them, and a comma's ", killing ..." after it is the verb's own result."""
        verb = participle.head
        # (no parts of speech yet at this stage of the pipeline: tags only)
        if participle.dep_ != "ccomp" or not verb.tag_.startswith("VB") or any(
                c.dep_ == "dobj" for c in verb.children) or any(c.dep_ in ("aux", "mark") for c in participle.children):
            return
        noun = next((c for c in participle.lefts if c.dep_ == "nsubj"), None)
        if noun is None or not noun.tag_.startswith("NN") or noun.left_edge.i != verb.i + 1:
            return
        noun.head, noun.dep_ = verb, "dobj"
        participle.head, participle.dep_ = noun, "acl"
        for child in list(participle.rights):
            if child.dep_ == "advcl" and child.i > 0 and child.doc[child.i - 1].text == ",":
                child.head = child.doc[child.i - 1].head = verb

    @staticmethod
    def _participle_misread_as_noun_head(participle: Token) -> None:
        """"opened fire on a group of Ethiopian migrants crossing from Yemen": the parser makes "crossing" the head
        noun of "migrants crossing". The plural noun before it is the head; the participle describes it."""
        if participle.dep_ not in ("pobj", "dobj") or participle.i == 0:
            return
        noun = participle.doc[participle.i - 1]
        if noun.head != participle or noun.dep_ != "compound" or noun.tag_ not in ("NNS", "NNPS"):
            return
        for child in list(participle.lefts):
            if child != noun:
                child.head = noun
        noun.head, noun.dep_ = participle.head, participle.dep_
        participle.head, participle.dep_ = noun, "acl"

    @staticmethod
    def _second_side_hung_on_the_firsts_modifier(between: Token) -> None:
        """"clashes between forces affiliated with the GNU and units loyal to X": the parser joins the second side
        ("units") to the last noun of the first side's modifier ("the GNU"). A "between" phrase names two sides; with
        no second side of its own, the first word joined inside the first side's modifiers is the second side."""
        first = next((c for c in between.children if c.dep_ == "pobj"), None)
        if first is None or any(c.dep_ == "conj" for c in first.children):
            return
        second = next((t for t in first.subtree if t.dep_ == "conj" and t.head != first), None)
        if second is None:
            return
        for cc in [c for c in second.head.children if c.dep_ == "cc" and c.i < second.i]:
            cc.head = first
        second.head = first

    @staticmethod
    def _apposed_relative_clause_misread_as_root(verb: Token) -> None:
        """"Burundi accused Rwanda of backing the rebels, a charge Kigali rejected": the parser makes "rejected"
        the root, with "charge" and "Kigali" both its subjects and the sentence before the comma its complement.
        The clause before the comma is the root; the noun after the comma is apposed to it, and the last verb is
        a relative clause on that noun."""
        subjects = [c for c in verb.lefts if c.dep_ == "nsubj"]
        clause = next((c for c in verb.lefts if c.dep_ == "ccomp"), None)
        if len(subjects) != 2 or clause is None:
            return
        noun = subjects[0]
        comma = noun.left_edge.i - 1
        if noun.tag_ not in ("NN", "NNS") or comma <= clause.i or verb.doc[comma].text != "," or \
                not any(c.dep_ == "det" for c in noun.lefts):
            return
        last = verb.sent.end - 1  # (read before the heads move)
        clause.head, clause.dep_ = clause, "ROOT"
        for child in list(verb.children):
            if child.i < noun.left_edge.i and child != clause or child.i == last and child.is_punct:
                child.head = clause
        noun.head, noun.dep_ = clause, "npadvmod"
        verb.head, verb.dep_ = noun, "relcl"

    @staticmethod
    def _hang_result_on_its_verb(verb: Token, result: Token) -> None:
        doer = None
        if result.dep_ == "ROOT" and verb.head == result and verb.dep_ in ("nsubj", "csubj") and (
                verb.tag_ in ("VBD", "VBN") or verb.tag_ == "NN" and not any(
                    c.dep_ in ("aux", "cop") for c in result.lefts)):
            # "dead" the root and "shot" its subject; a noun "shot" has the one who shot as its compound
            if verb.tag_ == "NN":
                doer = next((c for c in reversed(list(verb.lefts)) if c.dep_ == "compound" and c.tag_.startswith("NN")),
                            None)
            verb.head, verb.dep_ = verb, "ROOT"
            for child in list(result.children):
                if child != verb:
                    child.head = verb
        elif verb.dep_ == "ROOT" and verb.tag_ == "NN" and result.head == verb and any(
                c.dep_ == "nsubj" for c in verb.lefts):
            for child in list(result.children):  # "shot" the root noun, "dead" its preposition, the victim under it
                child.head = verb
        elif verb.dep_ == "ROOT" and verb.tag_ == "NN" and result.head == verb and any(
                c.dep_ == "dobj" for c in result.children):
            # "A gendarme shot dead a protester": "shot" the root noun with the gendarme its compound, "dead" its
            # preposition and the victim under that
            doer = next((c for c in reversed(list(verb.lefts)) if c.dep_ == "compound" and c.tag_.startswith("NN")),
                        None)
            if doer is None:
                return
            for child in list(result.children):
                child.head = verb
        else:
            return
        verb.tag_ = "VBD" if verb.tag_ == "NN" else verb.tag_  # the attribute ruler then makes it a verb
        result.head, result.dep_ = verb, "oprd"
        if doer is not None:
            for child in list(verb.lefts):
                if child != doer and child.dep_ in ("det", "amod", "compound", "nummod"):
                    child.head = doer
            doer.head, doer.dep_ = verb, "nsubj"


@Language.factory("claimgraph_name_heads", requires=["doc.ents", "token.dep"], assigns=["token.dep", "token.head"])
def make_name_heads(nlp: Language, name: str) -> "NameHeads":
    return NameHeads()


class NameHeads:
    """"Jund al-Sham and Fatah clashed": the parser may hang every word of an unfamiliar name on the verb, all with the
    subject's label, and the coordinated name on the last of them; the verb then has four subjects and the first has
    no conjunct. Words of one entity all hung alike on one word outside it are the name's modifiers, its last word
    the name's head. "The Government of Mozambique and RENAMO signed": a name coordinated after one with an "of"
    phrase is hung on that phrase's last word; it is joined to the name's head. Runs after the entities are final."""

    def __call__(self, doc: Doc) -> Doc:
        for ent in doc.ents:
            if len(ent) < 2:
                continue
            outside = [t for t in ent if not ent.start <= t.head.i < ent.end]
            if len(outside) >= 2 and all((t.head.i, t.dep_) == (outside[-1].head.i, outside[-1].dep_) for t in outside):
                for word in outside[:-1]:
                    word.head, word.dep_ = outside[-1], "punct" if word.is_punct else "compound"
            self._conjunct_hung_inside(ent)
        return doc

    @staticmethod
    def _conjunct_hung_inside(ent: Span) -> None:
        last, head = ent[-1], ent.root
        if last.dep_ != "pobj" or last.head.dep_ != "prep" or last.head.lower_ != "of" or head.i == last.i or \
                not ent.start <= last.head.i < ent.end:
            return
        for child in list(last.children):
            if child.dep_ in ("conj", "cc") and child.i >= ent.end:
                child.head = head


@Language.factory("claimgraph_acronym_norms", assigns=["token.norm"])
def make_acronym_norms(nlp: Language, name: str) -> "AcronymNorms":
    probed = json.loads(ACRONYM_NORMS_PATH.read_text(encoding="utf-8"))
    return AcronymNorms(probed["acronyms"], probed["norm"])


class AcronymNorms:
    """An organization's acronym that the small model misreads is read by the norm of one it knows.

    The model reads a token through its norm, the lower-cased word, so "IS" (Islamic State) is the verb
    "is", and "ECOWAS", "IAEA" or "IGAD" fall where it parses them as verbs ("ECOWAS imposed sanctions
    on Mali" had no subject and gave no claim). Which acronyms it misreads, and the norm it reads them
    by instead, are probed on written sentences by scripts/acronym_norms.py (data/models/acronym_norms.json);
    an acronym it reads well keeps its norm, since a changed norm moves the parse around it too. Text,
    lemma and entity are untouched. A run of capitals ("WE CONDEMN THE ...") is shouting, not an acronym,
    and keeps its norms. Runs first, before tok2vec."""

    def __init__(self, acronyms: list[str], norm: str):
        self._hashes = numpy.array(sorted(hash_string(a) for a in acronyms), dtype=numpy.uint64)
        self.norm = norm

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        words = doc.to_array([ORTH, IS_UPPER])
        upper = words[:, 1] == 1
        shouted = numpy.zeros(len(doc), dtype=bool)
        shouted[1:-1] = upper[:-2] & upper[2:]
        for i in numpy.flatnonzero(numpy.isin(words[:, 0], self._hashes) & ~shouted):
            doc[int(i)].norm_ = self.norm
        return doc


@Language.factory("claimgraph_cached_lemmatizer", assigns=["token.lemma"])
def make_cached_lemmatizer(nlp: Language, name: str, stock: str = "lemmatizer") -> "CachedLemmatizer":
    stock_lemmatizer = nlp.get_pipe(stock)
    # The rules test each candidate lemma for membership in the word lists of its part of speech,
    # which the model ships as lists (57,000 nouns): as sets, the same test without the scan.
    index = stock_lemmatizer.lookups.get_table("lemma_index", None)
    for pos, words in list(index.items()) if index is not None else ():
        index[pos] = frozenset(words)
    return CachedLemmatizer(stock_lemmatizer)


class CachedLemmatizer:
    """The model's own rule lemmatizer, asked once per word form instead of once per token.

    A rule lemma is a function of the token's text, part of speech and morphology alone, but the
    stock component asks for it token by token in Python and caches only some of its answers (not a
    proper noun, not a base form), each by scanning word lists: it was a tenth of the model's time
    on news. Same lemmas (tests/nlp/test_nlp.py compares them on real stories), many times faster. A token whose
    lemma is already set (the attribute ruler's exceptions) keeps it, as the stock component's
    `overwrite=False` does."""

    # Word forms remembered at most; past that the memory starts over (a form is cheap to ask again).
    CACHE_LIMIT = 200_000

    def __init__(self, stock):
        self.stock = stock
        self.overwrite = bool(getattr(stock, "overwrite", False))
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        known, strings = self._lemmas, doc.vocab.strings
        if len(known) > self.CACHE_LIMIT:
            known.clear()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            found = known.get(key)
            if found is None:
                found = known[key] = strings.add(self.stock.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@Language.factory("claimgraph_cached_attribute_ruler", assigns=["token.pos", "token.morph", "token.lemma"])
def make_cached_attribute_ruler(nlp: Language, name: str, stock: str = "attribute_ruler") -> "CachedAttributeRuler":
    return CachedAttributeRuler(nlp.get_pipe(stock))


class CachedAttributeRuler:
    """The model's own attribute ruler (its tag map and exceptions), with its one-word rules matched once
    per kind of word instead of at every token.

    The stock component runs a Matcher of all its rules (179 in the small English model) over every
    token: it was an eighth of the model's time on news. Nearly all of its rules look at one word, and
    what they test of it is fixed (in en_core_web_sm: its tag, dependency label, whether it is a space,
    and its lowercase form, among a few dozen words), so which of them match is asked once per
    combination of those values; the few rules of two words keep a Matcher of their own. The matches,
    in the stock order, are applied by the stock component: the same attributes (tests/nlp/test_nlp.py
    compares them on real stories). Rules that test anything else (another model's) leave the work to
    the stock component."""

    # Kinds of word remembered at most; past that the memory starts over.
    CACHE_LIMIT = 100_000

    def __init__(self, stock):
        self.stock = stock
        strings = stock.vocab.strings
        self._one_word: Matcher | None = Matcher(stock.vocab)
        self._longer = Matcher(stock.vocab)
        self._ids = {strings[str(n)]: n for n in range(len(stock.attrs))}
        lowers: set[str] = set()  # the words the one-word rules name, by form or by pattern
        self._lower_patterns: list[re.Pattern] = []
        other_tests = False
        for number in range(len(stock.attrs)):  # the stock component's keys: "0", "1", ...
            _, patterns = stock.matcher.get(str(number))
            if not all(len(pattern) == 1 for pattern in patterns):
                self._longer.add(str(number), patterns)
                continue
            self._one_word.add(str(number), patterns)
            for test, value in ((k.upper(), v) for pattern in patterns for k, v in pattern[0].items()):
                if test == "LOWER" and isinstance(value, str):
                    lowers.add(value)
                elif test == "LOWER" and isinstance(value, dict) and set(value) == {"IN"}:
                    lowers.update(value["IN"])
                elif test == "LOWER" and isinstance(value, dict) and set(value) == {"REGEX"}:
                    self._lower_patterns.append(re.compile(value["REGEX"]))
                elif test not in ("TAG", "DEP", "IS_SPACE"):
                    other_tests = True
        if other_tests:
            self._one_word = None
        self._lowers = {strings.add(word): True for word in lowers}  # lowercase form -> named by a rule
        self._matches: dict[tuple[int, int, int, int], tuple[tuple[int, int], ...]] = {}

    def __call__(self, doc: Doc) -> Doc:
        if self._one_word is None or not len(doc):
            return self.stock(doc)
        known, ids, lowers = self._matches, self._ids, self._lowers
        if len(known) > self.CACHE_LIMIT:
            known.clear()
        if len(lowers) > self.CACHE_LIMIT:
            self._lowers = lowers = {k: v for k, v in lowers.items() if v}
        matches = []
        for i, (tag, lower, dep, space) in enumerate(doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()):
            named = lowers.get(lower)
            if named is None:
                word = doc.vocab.strings[lower]
                named = lowers[lower] = any(pattern.search(word) for pattern in self._lower_patterns)
            key = (tag, lower if named else 0, dep, space)
            found = known.get(key)
            if found is None:
                found = known[key] = tuple(sorted({(ids[match_id], match_id) for match_id, _, _ in
                                                   self._one_word(doc[i:i + 1], allow_missing=True)}))
            matches.extend((number, match_id, i, i + 1) for number, match_id in found)
        matches.extend((ids[match_id], match_id, start, end)
                       for match_id, start, end in self._longer(doc, allow_missing=True))
        matches.sort()  # the stock order: by rule, later rules win
        self.stock.set_annotations(doc, matches)
        return doc

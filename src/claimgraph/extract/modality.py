"""Polarity (negation) and certainty (hedges) of a predicate, with the cue words that set them."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Cue
from .lexicon import Grammar, Lexicon
from .parse import Parse

# Dependency labels along which a governing word's negation or hedge reaches the predicate.
SCOPE_DEPS = frozenset(("xcomp", "ccomp", "advcl", "conj", "pcomp", "pobj", "prep", "dobj", "acl", "relcl",
                        "attr", "oprd", "nsubj", "nsubjpass", "appos", "compound", "amod", "csubj", "ROOT",
                        "parataxis", "dep", "advmod", "npadvmod", "acomp"))
# A conjunct with its own subject or auxiliary is its own clause: the negation, modal or governing verb
# of the verb it is coordinated with does not reach it ("We do not consider them terrorists, and have
# supported them").
OWN_CLAUSE_DEPS = frozenset(("nsubj", "nsubjpass", "aux", "auxpass", "neg", "csubj", "expl"))
# The kind of the cue of an act that is only appealed for ("urged X to withdraw"): no claim is made of it
# (the appeal is the claim: REQUEST); an ordered act ("ordered troops to leave") stays a hedged claim.
APPEAL = "appeal"
# The kind of the cue of an act only planned, scheduled or expected ("plans to meet", "is due to host"): no claim
# (VOA guidelines: a plan is no relation).
PLAN = "plan"
# Governing clauses that stop the search: past a reporting verb the attribution, not the hedge, applies.
MAX_CLIMB = 6


def _cue(kind: str, token_or_span) -> Cue:
    return Cue(kind=kind, text=token_or_span.text, start=token_or_span.start_char if isinstance(
        token_or_span, Span) else token_or_span.idx, end=token_or_span.end_char if isinstance(
        token_or_span, Span) else token_or_span.idx + len(token_or_span.text))


def culprit_copula(parse: Parse, grammar: Grammar, noun: int) -> int | None:
    """The copula of the culprit frame that names the noun ("X was behind the bomb", "X is responsible for the
    bombing"), whose negation and hedges are said of what the noun's relative clause says happened; None
    when the noun is in no such frame."""
    if parse.dep[noun] != "pobj":
        return None
    prep = parse.head[noun]
    governor = parse.head[prep]
    if parse.lemma[governor] in grammar.culprit_adjectives:
        governor = parse.head[governor]
    elif parse.lower[prep] not in grammar.culprit_prepositions:
        return None
    return governor if parse.lemma[governor] == grammar.copula else None


class Modality:
    """Decides polarity and certainty for predicates of one document."""

    def __init__(self, lexicon: Lexicon, parse: Parse | None = None):
        hedging = lexicon.hedging
        self.neg_words = hedging.negation_words
        self.neg_verbs = hedging.negation_verbs
        self.neg_nouns = hedging.negation_nouns
        self.hedge_adverbs = hedging.adverbs
        self.modals = hedging.modals
        self.obligations = hedging.obligations
        self.hedge_verbs = hedging.verbs
        self.passive_only = hedging.passive_only
        self.phrases = hedging.phrases  # longest first
        self.hedge_nouns = lexicon.grammar.hedge_nouns
        self.reporting_verbs = lexicon.reporting_cues.verbs
        self.participation_verbs = lexicon.grammar.participation_verbs
        self.grammar = lexicon.grammar
        raw = getattr(lexicon, "modality", None) or {}
        negation, hedge = raw.get("negation") or {}, raw.get("hedge") or {}
        # "rule out": a negation verb written with its particle negates only with that particle
        particles = [str(v).split() for v in negation.get("verbs") or () if " " in str(v)]
        self.neg_verb_particles = {words[0]: words[1] for words in particles}
        self.neg_verbs = frozenset(self.neg_verbs) | frozenset(self.neg_verb_particles)
        # "refused to meet", but not "the number declined to 230,000": these negate only their infinitive
        self.xcomp_only = frozenset(str(w).lower() for w in negation.get("infinitive_only") or ())
        self.object_only = frozenset(str(w).lower() for w in negation.get("object_only") or ())
        # "hardly", "unlikely": a negation that is also a hedge ("is hardly likely to attack")
        self.hedged_negations = frozenset(str(w).lower() for w in negation.get("hedged") or ())
        # "no longer", "far from": two-word negations along the parse (lowercase, space-separated)
        self.neg_phrases = frozenset(str(w).lower() for w in negation.get("phrases") or ())
        # "if", "unless", "whether": a clause under a condition is not asserted
        self.conditions = frozenset(str(w).lower() for w in hedge.get("conditions") or ())
        self.standalone_clauses = frozenset(str(w).lower() for w in hedge.get("standalone_clauses") or ())
        self.request_verbs = frozenset(str(w).lower() for w in hedge.get("requests") or ())
        self.request_clauses = frozenset(str(w).lower() for w in hedge.get("request_clauses") or ())
        self.appeal_verbs = frozenset(str(w).lower() for w in hedge.get("appeals") or ())
        self.plan_words = frozenset(str(w).lower() for w in hedge.get("plans") or ())
        self.commitments = frozenset(str(w).lower() for w in hedge.get("commitments") or ())
        self.active_plan_words = frozenset(str(w).lower() for w in hedge.get("active_plans") or ())
        self.statement_formulas = frozenset(str(w).lower() for w in hedge.get("statement_formulas") or ())
        self.plan_modifiers = frozenset(str(w).lower() for w in hedge.get("plan_modifiers") or ())
        self.questions = frozenset(str(w) for w in hedge.get("questions") or ())
        self.parse = parse
        self._assessed: dict[tuple[int, int, int], tuple[bool, bool, list[Cue]]] = {}

    def _chain(self, predicate: int) -> list[tuple[int, bool, bool, str]]:
        """The predicate and the words governing it, up to the clause root (and a little beyond), each with
        whether its modifiers reach the predicate (not those of a verb coordinated with a conjunct that has
        its own subject or auxiliary), whether its own meaning does (not a coordinated verb's: "denied
        the report and attacked X"), and the dependency by which the chain reached it."""
        parse = self.parse
        dep, head, children = parse.dep, parse.head, parse.children
        chain = [(predicate, True, True, "")]
        i = predicate
        own_clause = False  # climbing out of a conjunct that is its own clause
        for _ in range(MAX_CLIMB):
            if dep[i] not in SCOPE_DEPS or head[i] == i:  # the root is its own head: taken once
                break
            link = dep[i]
            if link == "advcl" and any(dep[c] == "mark" and parse.lower[c] in self.standalone_clauses
                                       for c in children[i]) and any(dep[c] in ("nsubj", "nsubjpass") for c in children[i]):
                break  # "..., saying he could not bear it, while the Brotherhood accused X": its own statement
            if link in ("ccomp", "parataxis") and head[i] > i and any(
                    parse.lower[c] == ";" and i < c < head[i] for c in children[head[i]]):
                break  # "Gunmen killed five soldiers; no group claimed responsibility": a clause of its own
            if link == "conj":
                # (an infinitive's "to" is no auxiliary of a clause of its own: "urged X to exercise restraint
                # and to engage in dialogue" asks both)
                own_clause = own_clause or any(dep[c] in OWN_CLAUSE_DEPS and not (
                    dep[c] == "aux" and parse.lower[c] == self.grammar.infinitive_marker) for c in children[i])
            i = self.parse.coordinated_with(i) if link == "conj" else head[i]
            chain.append((i, not own_clause, link != "conj", link))
            if link != "conj":
                own_clause = False
            # A relative clause, and the content of an allegation or report ("X has not responded to
            # accusations that its army killed civilians"), are said of their noun: the clause around the noun
            # neither negates nor hedges them, unless it denies the report ("X denied reports that ...").
            # (a "relative clause" with "that" as its mark is a content clause the parser misread)
            # (an infinitive the parser made a relative clause is the noun's content too: "rejected calls to hold
            # talks with X", "has plans to attack")
            content = link in ("acl", "ccomp") or (link == "relcl" and any(
                dep[c] == "mark" or dep[c] == "aux" and parse.lower[c] == self.grammar.infinitive_marker
                for c in children[chain[-2][0]]))
            if link == "relcl" and not content and culprit_copula(parse, self.grammar, i) is None:
                # "a claim Mogadishu denied": the denial is no claim of the noun's ("X was reportedly behind a
                # bomb that killed ...": a culprit frame's hedge reaches what the clause says happened)
                chain.pop()
                break
            if link == "prep" and len(chain) == 3 and parse.pos[predicate] == "NOUN" and \
                    parse.pos[i] in ("VERB", "AUX") and parse.lemma[i] not in self.participation_verbs and \
                    parse.lemma[i] not in self.grammar.charge_verbs:
                # "has not responded to the accusations": a noun the verb is about, not what it does ("accused of
                # the bombing": what one is charged with is alleged, as "accused of bombing" is)
                chain.pop()
                break
            if link in ("dobj", "nsubjpass") and len(chain) == 2 and parse.pos[predicate] == "NOUN" and \
                    parse.lemma[predicate] in self.hedge_nouns:
                chain.pop()  # "Rwanda denied accusations by Congo": the accusation was made; its content is denied
                break
            if content and parse.pos[i] == "NOUN" and parse.lemma[i] in self.hedge_nouns:
                if dep[i] == "dobj" and (parse.lemma[head[i]] in self.neg_verbs or
                                         parse.lemma[head[i]] in self.grammar.denial_verbs):
                    chain.append((head[i], True, True, "dobj"))
                break
        return chain

    def _asked_clause(self, link: str, clause: int) -> bool:
        """Whether the clause under a verb of asking is what it asks for: its infinitive ("urged X to
        withdraw"; the parser may hang it as an adverbial clause), not a time or reason clause ("pleaded
        with civilians to return, after fighting displaced them")."""
        return link == "xcomp" or link == "advcl" and self._infinitive(clause)

    def _infinitive(self, clause: int) -> bool:
        """Whether a clause is an infinitive ("to withdraw")."""
        parse = self.parse
        return any(parse.dep[c] == "aux" and parse.lower[c] == self.grammar.infinitive_marker
                   for c in parse.children[clause])

    def assess(self, predicate: Token, sent: Span) -> tuple[str, str, list[Cue]]:
        """(polarity, certainty, cues) for a predicate in its sentence."""
        # a predicate with several subjects, objects or modes is asked about once per claim, and the
        # answer depends on the parse alone
        if self.parse is None or self.parse.doc is not predicate.doc:
            self.parse, self._assessed = Parse(predicate.doc), {}
        key = (predicate.i, sent.start, sent.end)
        found = self._assessed.get(key)
        if found is None:
            found = self._assessed[key] = self._assess(predicate, sent)
        negated, hedged, cues = found
        return ("negated" if negated else "affirmed"), ("hedged" if hedged else "asserted"), [
            Cue(kind=c.kind, text=c.text, start=c.start, end=c.end) for c in cues]

    def _past_event_clause(self, verb: int) -> bool:
        """Whether a verb heads a past clause with its own subject and a subordinator ("after Israel killed X")."""
        parse = self.parse
        children = parse.children[verb]
        return parse.tag[verb] == "VBD" and any(parse.dep[c] in ("nsubj", "nsubjpass") for c in children) and \
            any(parse.dep[c] == "mark" for c in children)

    def _assess(self, predicate: Token, sent: Span) -> tuple[bool, bool, list[Cue]]:
        parse, doc = self.parse, predicate.doc
        dep, lowers = parse.dep, parse.lower
        cues: list[Cue] = []
        negated, hedged = False, False
        chain = self._chain(predicate.i)
        # the first link at which the chain leaves a past time or reason clause with its own subject
        past_event = next((k for k in range(1, len(chain))
                           if chain[k][3] == "advcl" and self._past_event_clause(chain[k - 1][0])), None)
        below: int | None = None  # the chain word under this one
        for depth, (token, reaches, meaning, link) in enumerate(chain):
            lemma, pos, children = parse.lemma[token], parse.pos[token], parse.children[token]
            if depth and below is not None and f"{lowers[token]} {lowers[below]}" in self.neg_phrases:
                negated = not negated  # "far from attacking"
                cues.append(_cue("negation", doc[token:below + 1]))
            below = token
            # (what a statement's opening formula reports is neither planned nor hedged: "wishes to inform the public
            # that its operatives arrested four bandits", "would like to inform ...")
            formula = depth > 1 and lemma in self.statement_formulas and any(
                chain[k][3] == "ccomp" and parse.lemma[chain[k][0]] in self.reporting_verbs for k in range(1, depth))
            for child in (children if reaches and not formula else ()):
                lower = lowers[child]
                if dep[child] == "neg" or (dep[child] in ("det", "advmod", "preconj") and lower in self.neg_words):
                    # (past the predicate itself, which only the first link of the chain is)
                    if dep[child] == "det" and depth and lemma not in self.neg_nouns:
                        continue
                    negated = not negated
                    cues.append(_cue("negation", doc[child]))
                elif dep[child] in ("advmod", "npadvmod") and any(
                        dep[g] == "neg" and f"{lowers[g]} {lower}" in self.neg_phrases for g in parse.children[child]):
                    negated = not negated  # "no longer attacks"
                    neg = next(g for g in parse.children[child] if dep[g] == "neg")
                    cues.append(_cue("negation", doc[min(neg, child):max(neg, child) + 1]))
                elif dep[child] in ("advmod", "amod", "npadvmod") and lower in self.hedged_negations:
                    negated, hedged = not negated, True
                    cues.append(_cue("negation", doc[child]))
                    cues.append(_cue("hedge", doc[child]))
                elif depth == 0 and pos == "NOUN" and dep[child] == "amod" and lower in self.plan_modifiers:
                    hedged = True  # "the army's planned operation against the TTP": no act yet
                    cues.append(_cue(PLAN, doc[child]))
                elif (dep[child] in ("advmod", "amod", "npadvmod") and lower in self.hedge_adverbs) or (
                        dep[child] == "aux" and (lower in self.modals or lower in self.obligations)) or (
                        dep[child] == "mark" and lower in self.conditions):  # "if X attacks Y, ..."
                    hedged = True
                    cues.append(_cue("hedge", doc[child]))
            if depth == 0 or not reaches or not meaning:
                continue
            lower = lowers[token]
            if link == "pcomp" and pos in ("ADP", "SCONJ") and lower in self.neg_words:
                negated = not negated  # "followed the trial without condemning it"
                cues.append(_cue("negation", doc[token]))
            if lower in self.hedged_negations and pos in ("ADJ", "ADV"):
                negated, hedged = not negated, True  # "is unlikely to attack"
                cues.append(_cue("negation", doc[token]))
                cues.append(_cue("hedge", doc[token]))
            elif lower in self.hedge_adverbs and pos in ("ADJ", "ADV"):
                hedged = True  # "is likely to attack"
                cues.append(_cue("hedge", doc[token]))
            # (a denial negates what it denies, not an adverbial clause beside it: "denied colluding with X,
            # telling the court that he had never asked Y to ...")
            # ("rejects the government's claim that its fighters abducted ...": a claim rejected is denied)
            rejected_claim = lemma in self.grammar.denial_verbs and pos == "VERB" and link == "dobj" and \
                parse.lemma[chain[depth - 1][0]] in self.hedge_nouns
            if lemma in self.neg_verbs and pos == "VERB" and link != "advcl" and (
                    link == "xcomp" or lemma not in self.xcomp_only) and (
                    link in ("dobj", "xcomp") or lemma not in self.object_only) and (
                    lemma not in self.neg_verb_particles or any(
                        dep[c] == "prt" and lowers[c] == self.neg_verb_particles[lemma] for c in children)) or \
                    rejected_claim:
                negated = not negated
                cues.append(_cue("negation", doc[token]))
                if any(dep[c] == "neg" for c in children):
                    hedged = True  # "did not rule out striking", "did not deny": possible, not asserted
                    cues.append(_cue("hedge", doc[token]))
            # a time or reason clause under what is planned or asked is no part of it ("called on X to deliver arms
            # after a strike killed two people": the killing happened)
            # (an infinitive of purpose is part of the plan: "is considering sending troops to support the police")
            in_adverbial = any(chain[k][3] == "advcl" and not self._asked_clause("advcl", chain[k - 1][0])
                               for k in range(1, depth))
            # a participle that describes a noun says what was done to it: "urged Mexico to release the villagers
            # detained by the army" asks for the release, not for the detention
            in_adverbial = in_adverbial or any(chain[k][3] == "acl" and parse.tag[chain[k - 1][0]] == "VBN"
                                               for k in range(1, depth))
            passive = any(dep[c] in ("auxpass", "nsubjpass") for c in children)
            # ("has plans to attack", "no plans to attack": the noun's infinitive is planned as the verb's is)
            # ("hoped that the two sides would meet", "wants a deal that will bind X": a clause of what is only
            # hoped or expected to come, with its own modal, is planned too; "hoped that the talks had helped" is not)
            hoped_clause = link == "ccomp" and any(
                dep[c] == "aux" and parse.tag[c] == "MD" for c in parse.children[chain[depth - 1][0]])
            planned = (lemma in self.plan_words or lemma in self.active_plan_words and not passive) and \
                (link == "xcomp" or link in ("acl", "relcl") and pos == "NOUN" or hoped_clause) and not in_adverbial \
                and not formula
            # (a raising use hedges like a passive: "it is believed that", "there are thought to be")
            raising = passive or any(dep[c] == "expl" or dep[c] == "nsubj" and lowers[c] == "it" for c in children)
            # (a past time or reason clause with its own subject on a promise, threat or plan happened apart from
            # it: "vowed retaliation after Israel killed its commander"; "after Ukraine withdraws" has not)
            event_apart = lemma in self.commitments and past_event is not None and past_event <= depth
            if lemma in self.hedge_verbs and pos in ("VERB", "AUX") and (lemma not in self.passive_only or raising) \
                    and not formula and not event_apart:
                hedged = True
                cues.append(_cue(PLAN if planned else "hedge", doc[token]))
            elif planned:  # "is scheduled to visit", "is due to host", "is considering sending"
                hedged = True
                cues.append(_cue(PLAN, doc[token]))
            # "putting pressure on Beijing to release them" asks as "pressuring Beijing to release them" does
            pressing = any(dep[c] == "dobj" and parse.lemma[c] in self.grammar.pressure_nouns for c in children)
            if pos == "VERB" and not in_adverbial and (
                    (lemma in self.request_verbs or pressing) and self._asked_clause(link, chain[depth - 1][0]) or
                    lemma in self.request_clauses and link == "ccomp"):
                hedged = True  # "urged X to withdraw", "demanded that X withdraw": the withdrawal is asked for
                cues.append(_cue(APPEAL if lemma in self.appeal_verbs or pressing else "hedge", doc[token]))
            if pos == "VERB" and depth == 1 and link == "dobj" and lemma in self.appeal_verbs and \
                    parse.pos[predicate.i] == "NOUN":
                hedged = True  # "demanded the release of X", "requests the withdrawal of French forces": asked for
                cues.append(_cue(APPEAL, doc[token]))
            # (the parser may make the infinitive a relative clause: "rejected calls to hold talks with X")
            if pos == "NOUN" and lemma in self.grammar.appeal_nouns and link in ("acl", "relcl") and \
                    self._infinitive(chain[depth - 1][0]):
                hedged = True  # "calls to resume negotiations with X": the talks are asked for, not held
                cues.append(_cue(APPEAL, doc[token]))
            if lemma in self.hedge_nouns and pos == "NOUN":
                hedged = True
                cues.append(_cue("hedge", doc[token]))
        if self.questions and not hedged and self._yes_no_question(sent, self.questions):
            hedged = True
            cues.append(_cue("hedge", doc[sent.end - 1]))
        text = parse.span_text(sent.start, sent.end)
        lower = text.lower()
        for phrase in self.phrases:
            at = lower.find(phrase)
            if at >= 0:
                hedged = True
                start = sent.start_char + at
                cues.append(Cue(kind="hedge", text=text[at:at + len(phrase)], start=start, end=start + len(phrase)))
                break
        return negated, hedged, cues

    @staticmethod
    def _yes_no_question(sent: Span, marks: frozenset[str]) -> bool:
        """'Did Russia attack Ukraine?': a question asks, it does not assert (a wh-question presupposes)."""
        words = [t for t in sent if not t.is_punct and not t.is_space]
        last = [t for t in sent if not t.is_space]
        return bool(words) and bool(last) and last[-1].text in marks and words[0].pos_ == "AUX"

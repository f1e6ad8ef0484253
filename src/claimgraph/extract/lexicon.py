"""Load and validate the ontology (data/relations.yaml), the cue lexicons (data/cues/) and the language's
grammar words (data/lang/<code>/grammar.yaml) once per process, into one typed Lexicon passed along."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from ..datafiles import read_data_yaml
from ..errors import DataFileError
from ..relations import Ontology, load_ontology, read_relations

PREDICATE_KEYS = {"lemma", "particle", "object", "mode", "default_mode", "needs_theme", "themes",
                  "needs_theme_word", "needs_object_prep", "reverse", "object_types", "needs_plural",
                  "needs_subject", "from_subject", "needs_subject_types", "mutual", "mediator",
                  "no_subject_pairing", "not_theme_word", "not_subject_kinds", "not_object_kinds", "object_kinds",
                  "mutual_between", "agent_noun",
                  "actor_object", "clause_modal", "theme_in_clause", "theme_complement", "needs_infinitive", "no_fallback", "not_question", "joint_act",
                  "passive_only", "not_outlet_object", "object_theme_only", "own_theme", "passive_theme", "not_rescue"}
# What an actor mention denotes (docs/extraction.md): a name, or a description of one of these kinds.
ACTOR_KINDS = frozenset(("named", "descriptive", "generic_force", "civilians", "title_role", "unit",
                         "counted_group"))
# The language whose grammar words (data/lang/<code>/grammar.yaml) the rules read.
LANGUAGE = "en"


@dataclass(frozen=True)
class Predicate:
    """One way of expressing a relation: a verb or noun lemma and where its arguments are."""

    relation: str
    lemma: str
    pos: str  # verb | noun
    object: tuple[str, ...] = ("dobj",)
    particle: str | None = None
    mode: str | None = None
    default_mode: str | None = None
    needs_theme: bool = False
    themes: tuple[str, ...] = ()
    needs_theme_word: tuple[str, ...] = ()
    # none of these may occur in the predicate's phrase ("joined the fight against X" is no defection)
    not_theme_word: tuple[str, ...] = ()
    needs_object_prep: bool = False
    reverse: bool = False
    object_types: tuple[str, ...] = ()
    needs_plural: bool = False
    needs_subject: bool = False
    from_subject: bool = False
    needs_subject_types: tuple[str, ...] = ()
    # actor kinds that cannot take this reading: tourists and refugees who visit or return make no state visit
    not_subject_kinds: tuple[str, ...] = ()
    not_object_kinds: tuple[str, ...] = ()
    # talking to a news outlet is an interview, not a consultation ("told VOA", "spoke with Reuters")
    not_outlet_object: bool = False
    # only these actor kinds can take this reading: an armed force "backed by" another gets military help
    object_kinds: tuple[str, ...] = ()
    mutual: bool = False  # both sides do it ("clashed with"): a claim in each direction
    # the sides a noun names with "between" both do it ("fighting between X and Y"), though "X's fighting
    # against Y" is X's alone
    mutual_between: bool = False
    # the noun names the doer itself ("their captors", "the kidnappers of X"): it is the subject, and its
    # possessor or "of" phrase the object
    agent_noun: bool = False
    # "X and Y fought" is not "X fought alongside Y": coordinated subjects are not paired as each other's object
    no_subject_pairing: bool = False
    mediator: bool = False  # the subject acts between the "between" parties ("mediation between X and Y")
    # the direct object must name an actor itself: "backed the plan of X", "opposes Chinese investment" name a
    # thing, whose owner is not the one supported or opposed
    actor_object: bool = False
    # "said X must ...": the complement clause must carry one of these auxiliaries, and its subject name an actor
    clause_modal: tuple[str, ...] = ()
    # the theme word must stand in the complement clause whose subject is the object ("said X committed abuses")
    theme_in_clause: bool = False
    # the theme word must be the verb's own complement or its object's ("held X responsible", not "held talks
    # with X and said it was responsible for ...")
    theme_complement: bool = False
    # the theme word names no other actor's act ("warned X that more attacks would follow", not "warned X that
    # Hezbollah attacks could increase")
    own_theme: bool = False
    # the verb needs an infinitive complement ("told X to leave", not "told X that ...")
    needs_infinitive: bool = False
    # no fallback object search: the object is only where the slots say ("denied providing shelter to X")
    no_fallback: bool = False
    # not when the verb's clause is a question ("asked X if they could take them" asks nothing of X)
    not_question: bool = False
    # true: only with an act the verb is joined in ("joined the U.S. in striking X"); false: never with one
    joint_act: bool | None = None
    # only a passive or participle ("militants linked with the BLA"): the active verb says something else
    # ("Kenya linked the attack to al-Shabab" blames)
    passive_only: bool = False
    # a passive's subject is what is handed over, never who yields it ("Duterte was surrendered to the Court": the
    # one who surrendered him is unnamed)
    passive_theme: bool = False
    # what is given is the verb's own object: a verb of motion whose subject moves itself gives nothing ("flew
    # to Riyadh for treatment" is a journey, its purpose no gift)
    object_theme_only: bool = False
    # not when the subject frees the captives of a raid it made ("stormed the hideout, freeing 15 hostages":
    # the hostages were someone else's; grammar.yaml `raid_verbs`)
    not_rescue: bool = False


@dataclass(frozen=True)
class Prepositions:
    """Prepositions by what the rules read through them (data/lang/<code>/grammar.yaml `prepositions`)."""

    place: frozenset[str]
    place_within: frozenset[str]
    locative: frozenset[str]
    venue: frozenset[str]
    adjunct: frozenset[str]
    object_theme: frozenset[str]
    theme: frozenset[str]
    noun_actor: frozenset[str]
    instrument: frozenset[str]
    agent: frozenset[str]
    between: frozenset[str]
    light_verb_object: frozenset[str]
    joint_act: frozenset[str]
    event: frozenset[str]
    event_source: frozenset[str]
    undergo: frozenset[str]
    place_attribute: frozenset[str]
    branch_place: frozenset[str]
    inclusion: frozenset[str]
    left: frozenset[str]
    cut_with: frozenset[str]
    employer: frozenset[str]
    group_member: frozenset[str]
    addressee: frozenset[str]  # "called on X to ...": whom a request is put to
    partner: frozenset[str]  # "alongside X": a partner in the act
    partner_with: frozenset[str]  # "in coordination with X", "together with X"
    event_adjunct: frozenset[str]
    posting: frozenset[str]  # "was assigned to the 5th Brigade": the body a posting names
    arrival: frozenset[str]  # "deployed soldiers to Khiam": where a verb of going leads
    movement: frozenset[str]  # "withdrew from the town": where a move starts or ends
    cause: frozenset[str]  # "fighting for their freedom": a violent act's cause, never its target
    destination: frozenset[str]  # "will send troops to Poland": where forces go, whom a move to come does not threaten


@dataclass(frozen=True)
class TimeWords:
    """The words of time expressions (data/lang/<code>/grammar.yaml `time`), with the patterns built from them."""

    dateparser_languages: tuple[str, ...]
    months: tuple[str, ...]  # January first
    month_parts: tuple[tuple[str, int, int | None], ...]  # (phrase, first day, last day or None: month end)
    article: str
    year_preposition: str
    ordinal_suffixes: tuple[str, ...]
    leading_prepositions: tuple[str, ...]
    approximators: tuple[str, ...]
    vague_counts: tuple[str, ...]
    vague_count_value: str
    previous_year: tuple[str, ...]
    past_year: tuple[str, ...]
    this_year: tuple[str, ...]
    recent_years: tuple[str, ...]
    ago: str
    ago_units: tuple[str, ...]
    few: str

    @cached_property
    def month_number(self) -> dict[str, int]:
        return {name: i for i, name in enumerate(self.months, start=1)}

    @cached_property
    def part_days(self) -> dict[str, tuple[int, int | None]]:
        return {phrase: (first, last) for phrase, first, last in self.month_parts}

    @cached_property
    def month_pattern(self) -> re.Pattern:
        """"(part) (the) month (year)": groups part, month, year."""
        parts = "|".join(re.escape(p) for p, _, _ in self.month_parts)
        return re.compile(rf"\b(?:({parts})[\s-]+)?(?:{re.escape(self.article)}\s+)?({'|'.join(self.months)})"
                          rf"(?:\s+(\d{{4}}))?\b", re.IGNORECASE)

    @cached_property
    def year_pattern(self) -> re.Pattern:
        return re.compile(rf"^(?:{re.escape(self.year_preposition)}\s+)?(\d{{4}})$")

    @cached_property
    def day_pattern(self) -> re.Pattern:
        return re.compile(rf"\b\d{{1,2}}({'|'.join(self.ordinal_suffixes)})?\b")

    @cached_property
    def ago_pattern(self) -> re.Pattern:
        return re.compile(rf"\b({'|'.join(u + 's?' for u in self.ago_units)})\s+{re.escape(self.ago)}\b")

    @cached_property
    def leading_pattern(self) -> re.Pattern:
        return re.compile(rf"^({'|'.join(self.leading_prepositions)})\s+")

    @cached_property
    def approximator_pattern(self) -> re.Pattern:
        return re.compile(rf"^({'|'.join(self.approximators)})\s+")

    @cached_property
    def vague_pattern(self) -> re.Pattern:
        return re.compile(rf"\b({'|'.join(self.vague_counts)})\b")


# How the parser hangs the name a group gives itself on the naming verb ("which calls itself the Gaitanist Army",
# "a cell calling itself Jund al-Khilafa"): a complement, a second object, an adverbial noun
SELF_NAME_DEPS = frozenset(("oprd", "attr", "xcomp", "dobj", "npadvmod", "appos"))


@dataclass(frozen=True)
class Grammar:
    """A language's grammar words the rules look for; the keys of data/lang/<code>/grammar.yaml."""

    language: str
    # (ending, replacements) tried in order when a lemma is not in the lexicon; "_double" drops a
    # doubled final consonant
    inflections: tuple[tuple[str, tuple[str, ...]], ...]
    # (ending, the lexicon's ending) tried when a lemma is not in the lexicon: "organise" -> organize
    spellings: tuple[tuple[str, str], ...]
    prepositions: Prepositions
    light_verbs: frozenset[str]
    partner_nouns: frozenset[str]  # "in coordination with X": the noun a partner's "with" hangs on
    partner_adverbs: frozenset[str]  # "together with X"
    partner_adjectives: frozenset[str]  # "conducted joint patrols"
    receiving_verbs: frozenset[str]  # "drew condemnation from X": X condemns the subject
    occurrence_verbs: frozenset[str]  # "clashes erupted between X and Y"
    commemoration_nouns: frozenset[str]  # "a memorial ceremony for X": X is honoured, not hit
    relative_pronouns: frozenset[str]
    plain_relative_pronouns: frozenset[str]  # which, whom: never a conjunction
    infinitive_marker: str
    question_marks: frozenset[str]  # "asked X whether ...": a question, not a request
    indefinite_articles: frozenset[str]  # "detained a leader of X": one person, not X
    count_particle: str
    count_preposition: str
    favor_noun: str
    copula: str
    based_lemma: str
    of: str
    and_word: str  # "... condemns X and calls on Y": the coordinator a misread verb follows
    not_source_pronouns: frozenset[str]
    impersonal_pronoun: str
    according: tuple[str, str]
    citing_verbs: frozenset[str]
    outlet_words: frozenset[str]
    hedge_nouns: frozenset[str]
    naming_verbs: frozenset[str]  # "a leader known as 'El Flaco'": the name is the role holder's
    self_naming_verbs: frozenset[str]  # "X, which calls itself Y": Y is another name of X
    reflexives: frozenset[str]
    participation_verbs: frozenset[str]  # "did not take part in the attack": the act is negated
    state_nouns: frozenset[str]  # "were in contact with X": a state one is in, with the other side
    charge_nouns: frozenset[str]  # "accusations that its forces ...": the pronoun is not the accuser
    denial_verbs: frozenset[str]  # "Rwanda rejected the accusations": the one who rejects a charge is its target
    bearing_prepositions: frozenset[str]  # "X is under US sanctions": X bears them
    bearing_verbs: frozenset[str]  # "X faces EU sanctions"
    adjunct_agent_nouns: frozenset[str]  # "at the request of X", "with the help of X": X asks or helps the doer
    beneficiary_prepositions: frozenset[str]  # "in support of X": X is helped by the doer
    instrument_prepositions: frozenset[str]  # "opened fire with mortars on X": the target hung on the instrument
    instrument_target_prepositions: frozenset[str]
    intransitive_act_nouns: frozenset[str]  # "the surrender of X to Y": X surrenders
    act_nouns: frozenset[str]  # "X did Y, a move Z called a provocation": what is said of the move is said of its maker
    quantity_words: frozenset[str]
    quantifier_nouns: frozenset[str]
    partitive_pronouns: frozenset[str]  # "killed 18 of those on board": a counted group of its own
    group_of_nouns: frozenset[str]  # "a cell of four militants": the militants
    relative_words: frozenset[str]
    person_relatives: frozenset[str]
    series_nouns: frozenset[str]
    duration_nouns: frozenset[str]  # "after a day of fighting with X": the fight's time
    join_lemmas: frozenset[str]
    leave_lemmas: frozenset[str]
    tie_nouns: frozenset[str]
    leave_object_lemmas: frozenset[str]
    lose_lemma: str
    undergo_verbs: frozenset[str]
    life_nouns: frozenset[str]
    event_clause_marks: frozenset[str]
    charge_verbs: frozenset[str]
    credit_verbs: frozenset[str]  # "praised the army for dismantling X": the army did it
    belong_lemmas: frozenset[str]
    allegiance_words: frozenset[str]  # "forces loyal to X": an unnamed force's name runs on to X
    reciprocals: dict[str, str]  # "each other": last word -> the word before it
    lemma_repairs: dict[str, str]  # "hoped" -> "hope": word forms the model's lemmatizer gets wrong
    part_nouns: frozenset[str]
    claim_verbs: frozenset[str]
    attribution_verbs: frozenset[str]  # "blamed the attack on X", "attributed to X": X did it
    thing_relatives: frozenset[str]  # "which": a relative clause said of a thing, not a person
    venue_nouns: frozenset[str]  # "the Minsk agreements", "the Doha deal": the city is no party
    brokering_participles: frozenset[str]  # "a ceasefire brokered by Cairo": Cairo is no party to it
    attribution_prepositions: frozenset[str]
    responsibility_nouns: frozenset[str]
    responsibility_verbs: frozenset[str]
    culprit_prepositions: frozenset[str]  # "X was behind the bombing"
    actor_object_verbs: frozenset[str]  # "accused them of ...": "them" is someone, never a thing
    purpose_verbs: frozenset[str]  # "summoned the ambassador to protest ...": the subject protests
    yield_takers: frozenset[str]  # "forced the surrender of X": the subject is whom X yields to
    raid_verbs: frozenset[str]  # "stormed the house and freed him": a rescue, not a captor's release
    arrival_verbs: frozenset[str]  # "deployed soldiers to Khiam": Khiam is a place
    entry_verbs: frozenset[str]  # "entered Kidal": so is Kidal
    culprit_adjectives: frozenset[str]  # "X was responsible for the bombing"
    appeal_nouns: frozenset[str]  # "calls from ASEAN": who asks
    voiced_nouns: frozenset[str]  # "criticism from lawmakers": who says it
    pressure_nouns: frozenset[str]  # "put pressure on X to release them": X is to release them
    pressure_prepositions: frozenset[str]
    charge_prepositions: frozenset[str]  # "charged X with killing Y", "held X for the attack"
    result_verbs: frozenset[str]  # "X clashed with Y, leaving two dead": neither side is said to have killed them
    toll_verbs: frozenset[str]  # "X clashed with Y, killing four people": nor these
    operation_nouns: frozenset[str]  # "were killed in an operation", the army said: the army did it
    operation_verbs: frozenset[str]  # "were neutralised", the ministry of defence announced
    force_kinds: frozenset[str]  # gazetteer kinds of the bodies that report their own operations
    force_name_words: frozenset[str]
    repel_verbs: frozenset[str]
    measure_nouns: frozenset[str]
    patient_nouns: frozenset[str]
    carry_verbs: frozenset[str]
    particles: frozenset[str]  # "handed the town back to X": "to" may hang on the particle
    result_adjectives: frozenset[str]  # "shot dead": the parser may take the result for the sentence's root
    participle_adjectives: frozenset[str]  # "and displaced families": an adjective, not a second verb
    misread_past_verbs: frozenset[str]  # "and beat demonstrators": a verb the tagger takes for an adjective
    hedge_participles: frozenset[str]  # "men believed to belong to X clashed": a participle, not the verb
    intransitive_past_verbs: frozenset[str]  # "hundreds of residents protested": no participle
    misread_modifier_nouns: frozenset[str]  # "a junta airstrike": a noun the tagger takes for an adjective
    collective_nouns: frozenset[str]  # "Fano, a network of militias that fought ...": the militias are Fano
    yield_verbs: frozenset[str]  # "surrendered to its units": the other side's
    explosive_nouns: frozenset[str]
    collide_verbs: frozenset[str]
    status_complements: frozenset[str]  # "held hostage": a bare singular one is no one
    compass_points: frozenset[str]  # "an offensive east of Basra": where, not what
    tokenizer_infixes: tuple[str, ...]  # regular expressions added to the tokenizer's infixes ("U.S.-backed")
    tokenizer_whole_words: tuple[str, ...]  # regular expressions of words the tokenizer keeps whole ("Lashkar-e-Taiba")
    role_preposition: str  # "X, as a member of Y": the role is X's
    possessive_relative: str  # "Y, whose leader X": X holds the role in Y
    apposition_marks: frozenset[str]  # "X, president of Y", "X — leader of Y": the marks before an apposed role
    time: TimeWords

    def base_forms(self, lower: str) -> Iterator[str]:
        """The forms a word may have before its inflection (`inflections`, in order): "staged" -> stage, stag, ...;
        for when a lemma is missing or wrong ("youths" before the lemmatizer has run)."""
        for suffix, replacements in self.inflections:
            if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
                stem = lower[: -len(suffix)]
                for replacement in replacements:
                    yield stem[:-1] if replacement == "_double" and len(stem) > 2 and stem[-1] == stem[-2] \
                        else stem + replacement


@dataclass(frozen=True)
class Intent:
    """Cues of promised, threatened, refused and readied acts (data/cues/modality.yaml `intent`), with the
    relations whose promised form PLOVER codes apart (data/relations.yaml `stance`)."""

    auxiliaries: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()
    adjectives: frozenset[str] = frozenset()
    ongoing: frozenset[str] = frozenset()  # "will continue working with X": going on, not promised
    cooperative: frozenset[str] = frozenset()  # relations
    hostile: frozenset[str] = frozenset()  # relations
    conditions: frozenset[str] = frozenset()
    hostile_conditions: frozenset[str] = frozenset()
    refusals: frozenset[str] = frozenset()
    refusal_auxiliaries: frozenset[str] = frozenset()
    threats: frozenset[str] = frozenset()
    readiness: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Hedging:
    """Negation and hedge cues (data/cues/modality.yaml `negation` and `hedge`)."""

    negation_words: frozenset[str] = frozenset()
    negation_verbs: frozenset[str] = frozenset()
    ending_verbs: frozenset[str] = frozenset()  # "stopped fighting X": the act ended (`negation.object_only`)
    negation_nouns: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()
    modals: frozenset[str] = frozenset()
    obligations: frozenset[str] = frozenset()  # "Israel must withdraw": asked for, not reported as done
    verbs: frozenset[str] = frozenset()
    passive_only: frozenset[str] = frozenset()
    phrases: tuple[str, ...] = ()  # longest first


@dataclass(frozen=True)
class Reporting:
    """Cues of who said it (data/cues/reporting.yaml)."""

    verbs: frozenset[str] = frozenset()
    exposition_verbs: frozenset[str] = frozenset()
    anonymous_nouns: frozenset[str] = frozenset()
    according_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorWords:
    """The actor vocabulary of data/cues/actors.yaml as typed word sets, built once per process (the
    actor table and the argument resolver of every document read them)."""

    collective: frozenset[str]
    not_actors: frozenset[str]
    not_collective: frozenset[str]  # includes not_actors
    facility_names: frozenset[str]  # "the Olympic Hotel": a site the model tags as an organization
    weapon_nouns: frozenset[str]  # "an Exocet missile": the model's name is no actor
    origin_nouns: frozenset[str]  # "passengers of Punjabi and Saraiki ethnicity": a people's name, no actor
    org_words: frozenset[str]
    role_nouns: frozenset[str]
    org_descriptions: frozenset[str]
    not_group_kinds: frozenset[str]  # gazetteer kinds "the group" never stands for
    armed_descriptions: frozenset[str]  # "the militia": never one of the unarmed kinds
    unarmed_kinds: frozenset[str]
    follower_nouns: frozenset[str]  # "supporters of X": of a person, a group of their own
    side_nouns: frozenset[str]  # "his party": the person's own organization
    pair_descriptions: frozenset[str]
    person_pair_descriptions: frozenset[str]  # "the two men", "both leaders": the last two people named
    place_pair_descriptions: frozenset[str]  # "abandoned both towns": the last two places named
    state_descriptions: frozenset[str]
    kind_descriptions: dict[str, frozenset[str]]  # "the mission": a peacekeeping body named before
    place_descriptions: frozenset[str]  # "withdrew from the town": the place named before
    named_place_nouns: frozenset[str]  # "pulled out of Suwayda city": the place its name names
    person_pronouns: frozenset[str]
    org_pronouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    self_pronouns: frozenset[str]  # "I", "my": the speaker themself
    plural_pronouns: frozenset[str]  # "their cooperation" may be two subjects at once
    owned_targets: frozenset[str]
    affiliation_words: frozenset[str]
    opposition_words: frozenset[str]
    not_name_modifiers: frozenset[str]
    institutions: dict[str, frozenset[str]]
    not_institution_compounds: frozenset[str]  # "a think tank", "the labor force": no armed institution
    institution_heads: frozenset[str]  # "Police Force", "Intelligence Service": the word before says which
    private_body_words: frozenset[str]  # "a French news agency" is no body of France
    people_suffixes: tuple[str, ...]
    thing_suffixes: tuple[str, ...]

    @classmethod
    def read(cls, actors: dict) -> ActorWords:
        def words(key: str) -> frozenset[str]:
            return frozenset(actors.get(key) or ())

        not_actors = words("not_actors")
        return cls(collective=words("collective_nouns"), not_actors=not_actors, facility_names=words("facility_names"),
                   weapon_nouns=words("weapon_nouns"), origin_nouns=words("origin_nouns"),
                   not_collective=words("not_collective") | not_actors,
                   org_words=frozenset(w.lower() for w in actors["org_name_words"]), role_nouns=words("role_nouns"),
                   org_descriptions=words("org_descriptions"), pair_descriptions=words("pair_descriptions"),
                   person_pair_descriptions=words("person_pair_descriptions"),
                   place_pair_descriptions=words("place_pair_descriptions"),
                   not_group_kinds=words("not_group_kinds"), armed_descriptions=words("armed_descriptions"),
                   unarmed_kinds=words("unarmed_kinds"), follower_nouns=words("follower_nouns"),
                   side_nouns=words("side_nouns"),
                   state_descriptions=words("state_descriptions"), place_descriptions=words("place_descriptions"),
                   named_place_nouns=words("named_place_nouns"),
                   kind_descriptions={word: frozenset(kinds) for word, kinds in
                                      (actors.get("kind_descriptions") or {}).items()},
                   person_pronouns=frozenset(actors["pronouns"]["person"]),
                   org_pronouns=frozenset(actors["pronouns"]["organization"]),
                   speaker_pronouns=frozenset(actors["pronouns"].get("speaker", ())),
                   self_pronouns=frozenset(actors["pronouns"].get("speaker_self", ())),
                   plural_pronouns=frozenset(actors["pronouns"]["plural"]),
                   owned_targets=words("owned_targets"),
                   affiliation_words=words("affiliation_modifiers"),
                   opposition_words=words("opposition_modifiers"), not_name_modifiers=words("not_name_modifiers"),
                   institutions={kind: frozenset(ws) for kind, ws in actors["demonym_institutions"].items()},
                   not_institution_compounds=words("not_institution_compounds"),
                   institution_heads=words("institution_heads"),
                   private_body_words=words("private_body_words"),
                   people_suffixes=tuple(actors.get("people_suffixes") or ()),
                   thing_suffixes=tuple(actors.get("thing_suffixes") or ()))


@dataclass
class Lexicon:
    """Everything the extractor reads from data files."""

    relations: dict[str, dict]
    verbs: dict[str, list[Predicate]] = field(default_factory=dict)  # lemma -> predicates
    nouns: dict[str, list[Predicate]] = field(default_factory=dict)
    # predicative adjectives ("critical of X")
    adjectives: dict[str, list[Predicate]] = field(default_factory=dict)
    modes: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)  # relation -> mode -> words
    actors: dict = field(default_factory=dict)
    member_nouns: frozenset[str] = frozenset()  # actors.yaml `member_nouns` ("members of X")
    actor_words: ActorWords | None = None
    roles: dict[str, str] = field(default_factory=dict)  # role word -> role
    role_modifiers: frozenset[str] = frozenset()
    former: frozenset[str] = frozenset()
    state_offices: frozenset[str] = frozenset()  # roles.yaml `state_offices`: titles only a state's government gives
    job_roles: frozenset[str] = frozenset()  # roles.yaml `jobs`: roles held at an employer, never for a state
    place_offices: frozenset[str] = frozenset()  # roles.yaml `place_offices`: "Texas Governor X" serves Texas
    posting_verbs: frozenset[str] = frozenset()  # roles.yaml `posting_verbs`: "X was assigned to Y"
    appointing_verbs: frozenset[str] = frozenset()  # roles.yaml `appointing_verbs`: "appointed X as head of Y"
    not_members: frozenset[str] = frozenset()  # roles.yaml `not_members`: people who left ("defector")
    lead_verbs: dict[str, str] = field(default_factory=dict)  # roles.yaml `lead_verbs`: verb -> role
    parts: dict[str, str] = field(default_factory=dict)  # part noun -> kind
    parent_nouns: frozenset[str] = frozenset()
    named_bodies: frozenset[str] = frozenset()  # parts.yaml: bodies whose name names their owner
    owner_kinds: frozenset[str] = frozenset()  # parts.yaml: gazetteer kinds that can own a named body
    news_kinds: frozenset[str] = frozenset()  # parts.yaml: gazetteer kinds of news outlets
    modality: dict = field(default_factory=dict)
    reporting: dict = field(default_factory=dict)
    # common nouns that denote an actor of a kind when no name is given (data/cues/actor_kinds.yaml)
    actor_kinds: dict[str, str] = field(default_factory=dict)  # lemma -> kind
    title_determiners: frozenset[str] = frozenset()
    kind_name_drop: frozenset[str] = frozenset()
    kind_bodies: frozenset[str] = frozenset()  # kind nouns that name a body of people even when singular
    plural_forms: frozenset[str] = frozenset()  # kind nouns plural in meaning whatever their tag ("police")
    member_heads: frozenset[str] = frozenset()  # "crew members", "gang members": the kind of their modifier
    bare_counts: frozenset[str] = frozenset()  # "killed dozens", "hundreds protested": a counted group of people
    # "security services": a noun that names a force only after one of its words
    qualified_forces: dict[str, frozenset[str]] = field(default_factory=dict)
    armed_modifiers: frozenset[str] = frozenset()  # "armed men", "masked men": a force, not civilians
    # typed views, built once here so that no per-document component builds its own copy
    ontology: Ontology | None = None
    grammar: Grammar | None = None
    intent: Intent = field(default_factory=Intent)
    hedging: Hedging = field(default_factory=Hedging)
    reporting_cues: Reporting = field(default_factory=Reporting)

    @property
    def symmetric(self) -> frozenset[str]:
        return self.ontology.symmetric

    @cached_property
    def governing_verbs(self) -> frozenset[str]:
        """Verbs whose tense and modality a noun predicate in their object takes ("would impose a blockade",
        "threatened a crackdown", "refused talks"): light, intent, threat, refusal and readiness verbs."""
        intent = self.intent
        return self.grammar.light_verbs | intent.verbs | intent.threats | intent.refusals | intent.readiness

    @cached_property
    def cue_words(self) -> dict[str, frozenset[str]]:
        """Relation -> the lemmas of its lexicon entries (verbs, nouns and adjectives) that name it by
        themselves (not "attack" of "attacked X verbally", which needs its theme word, nor "send" of "sent X
        back", which needs its particle)."""
        found: dict[str, set[str]] = {}
        for table in (self.verbs, self.nouns, self.adjectives):
            for lemma, specs in table.items():
                for spec in specs:
                    if not spec.needs_theme_word and not spec.particle:
                        found.setdefault(spec.relation, set()).add(lemma)
        return {relation: frozenset(words) for relation, words in found.items()}

    @cached_property
    def hitting_verbs(self) -> frozenset[str]:
        """Verbs whose object is hit, or carried into harm, even when it is a force ("ambushed a paramilitary
        force", "a bus transporting troops"): the opposed relations' cues and grammar `carry_verbs`."""
        return self.grammar.carry_verbs | self._cues_of(self.ontology.names(opposed=True))

    @cached_property
    def agent_nouns(self) -> frozenset[str]:
        """Nouns that name the doer of an act ("their captors", "the kidnappers of X"): predicates' `agent_noun`."""
        return frozenset(lemma for lemma, specs in self.nouns.items() if any(p.agent_noun for p in specs))

    @cached_property
    def addressing_verbs(self) -> frozenset[str]:
        """Verbs said to someone, whose object is an actor even when it is a force ("praised the armed
        forces", "urged troops to ..."): the verbal relations' cues."""
        return self._cues_of(self.ontology.names(verbal=True))

    @cached_property
    def receiving_verbs(self) -> frozenset[str]:
        """Verbs whose direct object receives help, even when it is a force ("trained forces loyal to X", "armed
        the militias"): the AID verbs whose object is the recipient, not the thing given ("provided troops")."""
        return frozenset(lemma for lemma, specs in self.verbs.items()
                         if any(p.relation == "AID" and "dobj" in p.object and not p.needs_theme for p in specs))

    def _cues_of(self, relations: frozenset[str]) -> frozenset[str]:
        return frozenset().union(*(self.cue_words.get(r, ()) for r in relations))

    @cached_property
    def state_bodies(self) -> frozenset[str]:
        """Head nouns of a state's own bodies: the named bodies of parts.yaml and the institutions a
        demonym names (actors.yaml `demonym_institutions`)."""
        return self.named_bodies | {w for words in self.actor_words.institutions.values() for w in words}

    @cached_property
    def cue_relations(self) -> dict[str, frozenset[str]]:
        """Cue lemma (verb or noun) -> the relations it can express."""
        found: dict[str, frozenset[str]] = {}
        for table in (self.verbs, self.nouns, self.adjectives):
            for lemma, predicates in table.items():
                found[lemma] = found.get(lemma, frozenset()) | {p.relation for p in predicates}
        return found


def _word(value) -> str:
    """A lexicon word; YAML 1.1 reads bare on/off/yes/no as booleans, so they are turned back."""
    if value is True:
        return "on"
    if value is False:
        return "off"
    return str(value).lower()


def _parse_predicate(entry: dict, *, relation: str, pos: str, where: str) -> Predicate:
    if not isinstance(entry, dict) or not entry.get("lemma"):
        raise DataFileError(f"{where}: every entry needs a 'lemma' (found {entry!r})")
    unknown = set(entry) - PREDICATE_KEYS
    if unknown:
        raise DataFileError(f"{where}: entry {entry['lemma']!r} has unknown key(s) {sorted(unknown)}")
    values = dict(entry)
    for key in ("object", "themes", "needs_theme_word", "not_theme_word", "object_types", "needs_subject_types",
                "not_subject_kinds", "not_object_kinds", "object_kinds", "clause_modal"):
        if key in values:
            values[key] = tuple(_word(v) for v in values[key] or ())
    if "particle" in values:
        values["particle"] = _word(values["particle"])
    return Predicate(relation=relation, pos=pos, **values)


def _words(values, where: str) -> frozenset[str]:
    if not isinstance(values, list):
        raise DataFileError(f"{where}: expected a list of words")
    return frozenset(_word(v) for v in values)


def read_grammar(language: str = LANGUAGE) -> Grammar:
    """A language's grammar words (data/lang/<code>/grammar.yaml); raises DataFileError naming a bad key."""
    data = read_data_yaml("lang", language, "grammar.yaml")
    where = f"data/lang/{language}/grammar.yaml"
    try:
        preps = data["prepositions"]
        prepositions = Prepositions(**{key: _words(preps[key], f"{where}: prepositions.{key}")
                                       for key in Prepositions.__dataclass_fields__})
        sets = {key: _words(data[key], f"{where}: {key}") for key, kind in Grammar.__dataclass_fields__.items()
                if kind.type == "frozenset[str]"}
        words = {key: _word(data[key]) for key, kind in Grammar.__dataclass_fields__.items() if kind.type == "str"
                 and key != "language"}
        inflections = tuple((_word(ending), tuple(_word(r) if r else "" for r in replacements))
                            for ending, replacements in data["inflections"])
        spellings = tuple((_word(ending), _word(lexicon_ending)) for ending, lexicon_ending in data["spellings"])
        according = tuple(_word(w) for w in data["according"])
        infixes = tuple(str(pattern) for pattern in data["tokenizer_infixes"])
        reciprocals = {_word(last): _word(before) for last, before in data["reciprocals"].items()}
        lemma_repairs = {_word(form): _word(lemma) for form, lemma in data["lemma_repairs"].items()}
        whole_words = tuple(str(pattern) for pattern in data["tokenizer_whole_words"])
        time = _time_words(data["time"])
    except (KeyError, TypeError, ValueError) as err:
        raise DataFileError(f"{where}: missing or malformed key ({err})") from err
    if len(according) != 2:
        raise DataFileError(f"{where}: according: expected two words ('according', 'to')")
    return Grammar(language=language, inflections=inflections, spellings=spellings, prepositions=prepositions,
                   according=according,
                   tokenizer_infixes=infixes, tokenizer_whole_words=whole_words, reciprocals=reciprocals,
                   lemma_repairs=lemma_repairs, time=time,
                   **sets, **words)


def _time_words(data: dict) -> TimeWords:
    lists = {key: tuple(_word(w) for w in data[key]) for key, kind in TimeWords.__dataclass_fields__.items()
             if kind.type == "tuple[str, ...]"}
    words = {key: _word(data[key]) for key, kind in TimeWords.__dataclass_fields__.items() if kind.type == "str"}
    parts = tuple((_word(phrase), int(first), None if last is None else int(last))
                  for phrase, (first, last) in data["month_parts"].items())
    return TimeWords(month_parts=parts, **lists, **words)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read every data file the extractor needs; raises DataFileError naming a bad file or key."""
    relations = read_relations()
    lexicon = Lexicon(relations=relations, ontology=load_ontology(), grammar=read_grammar())
    folder = resources.files("claimgraph").joinpath("data", "cues", "predicates")
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".yaml"):
            continue
        data = read_data_yaml("cues", "predicates", path.name)
        relation = data.get("relation")
        where = f"data/cues/predicates/{path.name}"
        if relation not in relations:
            raise DataFileError(f"{where}: relation {relation!r} is not in relations.yaml")
        modes = set(relations[relation].get("modes") or ())
        for pos, table in (("verb", lexicon.verbs), ("noun", lexicon.nouns), ("adjective", lexicon.adjectives)):
            for entry in data.get(pos + "s") or ():
                predicate = _parse_predicate(entry, relation=relation, pos=pos, where=where)
                for mode in filter(None, (predicate.mode, predicate.default_mode, *predicate.themes)):
                    if mode not in modes and mode not in (_read_modes().get(relation) or {}):
                        raise DataFileError(f"{where}: {predicate.lemma!r} names unknown mode {mode!r}")
                table.setdefault(predicate.lemma, []).append(predicate)
    lexicon.modes = {rel: {mode: frozenset(w.lower() for w in words) for mode, words in table.items()}
                     for rel, table in _read_modes().items()}
    lexicon.actors = read_data_yaml("cues", "actors.yaml")
    lexicon.member_nouns = frozenset(lexicon.actors["member_nouns"])
    lexicon.actor_words = ActorWords.read(lexicon.actors)
    roles = read_data_yaml("cues", "roles.yaml")
    lexicon.roles = {word.lower(): role for role, words in roles["roles"].items() for word in words}
    lexicon.role_modifiers = frozenset(roles.get("modifiers") or ())
    lexicon.former = frozenset(roles.get("former") or ())
    lexicon.job_roles = frozenset(roles.get("jobs") or ())
    lexicon.place_offices = frozenset(roles.get("place_offices") or ())
    lexicon.posting_verbs = frozenset(roles.get("posting_verbs") or ())
    lexicon.appointing_verbs = frozenset(roles.get("appointing_verbs") or ())
    lexicon.state_offices = frozenset(_word(w) for w in roles.get("state_offices") or ())
    lexicon.not_members = frozenset(_word(w) for w in roles.get("not_members") or ())
    lexicon.lead_verbs = {_word(verb): role for verb, role in (roles.get("lead_verbs") or {}).items()}
    parts = read_data_yaml("cues", "parts.yaml")
    lexicon.parts = {word.lower(): kind for kind, words in parts["parts"].items() for word in words}
    lexicon.parent_nouns = frozenset(parts.get("parents") or ())
    lexicon.named_bodies = frozenset(_word(w) for w in parts.get("named_bodies") or ())
    lexicon.owner_kinds = frozenset(parts.get("owner_kinds") or ())
    lexicon.news_kinds = frozenset(parts.get("news_kinds") or ())
    lexicon.modality = read_data_yaml("cues", "modality.yaml")
    lexicon.reporting = read_data_yaml("cues", "reporting.yaml")
    lexicon.intent, lexicon.hedging, lexicon.reporting_cues = _cues(lexicon.modality, lexicon.reporting,
                                                                    lexicon.ontology)
    kinds = read_data_yaml("cues", "actor_kinds.yaml")
    for kind, words in (kinds.get("kinds") or {}).items():
        if kind not in ACTOR_KINDS:
            raise DataFileError(f"data/cues/actor_kinds.yaml: unknown kind {kind!r} (one of {sorted(ACTOR_KINDS)})")
        for word in words:
            lexicon.actor_kinds.setdefault(_word(word), kind)
    lexicon.title_determiners = frozenset(_word(w) for w in kinds.get("title_determiners") or ())
    lexicon.kind_name_drop = frozenset(_word(w) for w in kinds.get("name_drop") or ())
    lexicon.kind_bodies = frozenset(_word(w) for w in kinds.get("bodies") or ())
    lexicon.plural_forms = frozenset(_word(w) for w in kinds.get("plural_forms") or ())
    lexicon.member_heads = frozenset(_word(w) for w in kinds.get("member_heads") or ())
    lexicon.bare_counts = frozenset(_word(w) for w in kinds.get("bare_counts") or ())
    lexicon.qualified_forces = {_word(noun): frozenset(_word(w) for w in words)
                                for noun, words in (kinds.get("qualified_forces") or {}).items()}
    lexicon.armed_modifiers = frozenset(_word(w) for w in kinds.get("armed_modifiers") or ())
    return lexicon


def _cues(modality: dict, reporting: dict, ontology: Ontology) -> tuple[Intent, Hedging, Reporting]:
    intent = modality.get("intent") or {}
    negation, hedge = modality["negation"], modality["hedge"]
    return (
        Intent(**{key: frozenset(intent.get(key) or ()) for key in Intent.__dataclass_fields__
                  if key not in ("cooperative", "hostile")},
               cooperative=ontology.names(stance="cooperative"), hostile=ontology.names(stance="hostile")),
        Hedging(negation_words=frozenset(negation["words"]), negation_verbs=frozenset(negation["verbs"]),
                ending_verbs=frozenset(negation["object_only"]),
                negation_nouns=frozenset(negation["nouns"]), adverbs=frozenset(hedge["adverbs"]),
                modals=frozenset(hedge["modals"]), obligations=frozenset(hedge["obligations"]),
                verbs=frozenset(hedge["verbs"]),
                passive_only=frozenset(hedge["passive_only"]),
                phrases=tuple(sorted(hedge["phrases"], key=len, reverse=True))),
        Reporting(verbs=frozenset(reporting["verbs"]), exposition_verbs=frozenset(reporting["exposition_verbs"]),
                  anonymous_nouns=frozenset(reporting["anonymous_nouns"]),
                  according_to=tuple(reporting["according_to"])))


@lru_cache(maxsize=1)
def _read_modes() -> dict:
    return read_data_yaml("cues", "modes.yaml")

"""claimgraph.nlp: model loading, the gazetteer ruler and the entity fixes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.tokens import Doc

from claimgraph.errors import ModelNotFoundError
from claimgraph.nlp import add_lemma_repairs, load_nlp
from claimgraph.nlp.components import ACRONYM_NORMS_PATH

ROOT = Path(__file__).resolve().parents[2]
VOA_STORIES = ROOT.parent / "shared" / "corpus" / "voa" / "voa_stories.jsonl"


def test_nlp_missing_model_names_it():
    with pytest.raises(ModelNotFoundError, match="no_such_model_xyz"):
        load_nlp("no_such_model_xyz")


@pytest.mark.slow
def test_nlp_pipeline_has_claimgraph_components(nlp):
    names = nlp.pipe_names
    assert names.index("claimgraph_gazetteer") < names.index("ner")
    assert "claimgraph_entity_fixes" in names
    assert names.index("claimgraph_parse_fixes") == names.index("parser") + 1
    assert nlp.meta["version"].startswith("3.8.")


@pytest.mark.slow
@pytest.mark.parametrize("text,name,label", [
    ("ISIS fighters crossed the border.", "ISIS", "ORG"),
    ("Officials in Cairo said so.", "Cairo", "GPE"),
    ("Egyptians protested.", "Egyptians", "NORP"),
    ("The strike was reported by the Guardian on Monday.", "the Guardian", "ORG"),
    ("The Islamic State group claimed the attack.", "Islamic State group", "ORG"),
    # a person's name particle written capitalised
    ("Commission President Ursula Von der Leyen spoke.", "Ursula Von der Leyen", "PERSON"),
])
def test_nlp_gazetteer_ruler_labels_known_names(nlp, text, name, label):
    doc = nlp(text)
    assert (name, label) in {(e.text, e.label_) for e in doc.ents}
    assert all(e.ent_id_ for e in doc.ents if e.text == name)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "National Security Adviser Robert O'Brien said the talks would go on.",
    "Kenya's National Assembly approved the plan.",
])
def test_nlp_a_one_word_title_needs_its_article(nlp, text):
    # "The National" is a newspaper; "National" alone is a word inside other names
    assert not any(e.ent_id_ == "the_national" for e in nlp(text).ents)


@pytest.mark.slow
@pytest.mark.parametrize("text,name", [
    ("Hamas provided Wilayat Sinai with missiles.", "Wilayat Sinai"),
    ("Fighters of the Katibat Macina attacked a post.", "Katibat Macina"),
    # "The National" + "Assembly": an outlet's name after its article that runs on is another body's name
    ("The National Assembly of Kenya voted to impeach the deputy president.", "National Assembly of Kenya"),
    ("The Atlantic Council published a report on Sudan.", "Atlantic Council"),
    # capitals alone the model took for a person's name are a body's abbreviation
    ("The #PNH is instructed to take all measures to bring the situation under control.", "PNH"),
    # an armed unit named after a person, with a lower-case unit noun
    ("Soldiers killed two members of the Jaime Martinez front in Cauca.", "Jaime Martinez front"),
    # a numbered military unit, a state's name inside it included
    ("Troops of the 17th Brigade clashed with the Clan del Golfo.", "17th Brigade"),
    ("Soldiers of the 7th Kenya Rifles repelled an attack by al-Shabaab.", "7th Kenya Rifles"),
    # a name linked by hyphened particles, which the tokenizer keeps whole and the model misses
    ("Hizb-ut-Tahrir members were arrested by police.", "Hizb-ut-Tahrir"),
])
def test_nlp_entity_fixes_make_organizations(nlp, text, name):
    doc = nlp(text)
    assert (name, "ORG") in {(e.text, e.label_) for e in doc.ents}


@pytest.mark.slow
@pytest.mark.parametrize("text,name,label", [
    # "Latin" + "American": the region's people, never the United States
    ("Several Latin American governments rejected the result.", "Latin American", "NORP"),
    ("Latin American leaders met in Lima.", "Latin American", "NORP"),
    ("Protesters blocked the Pan-American Highway in Ica.", "Pan-American", "NORP"),
    # a landform word before a name: one place, not the state the name alone is
    ("Boko Haram fighters attacked a village on the shores of Lake Chad.", "Lake Chad", "LOC"),
    ("Police clashed with herders near Mount Kenya on Sunday.", "Mount Kenya", "LOC"),
])
def test_nlp_a_word_before_a_state_name_unlinks_it(nlp, text, name, label):
    doc = nlp(text)
    ent = next(e for e in doc.ents if e.text == name)
    assert ent.label_ == label and ent.ent_id_ == "" and all(t.ent_id_ == "" for t in ent)


@pytest.mark.slow
@pytest.mark.parametrize("text,name,label", [
    # the small model takes these for people or organizations
    ("Clashes between the Arakan Army and the military in Rakhine State displaced thousands.", "Rakhine State",
     "GPE"),
    ("Vigilantes in Faskari, Katsina State, said they had killed 12 bandits.", "Katsina State", "GPE"),
    # an organization named after an area, and one that has an organization word, stay organizations
    ("Islamic State Sahel Province claimed the attack.", "Islamic State Sahel Province", "ORG"),
    ("The Zamfara State Police Command arrested four suspects.", "The Zamfara State Police Command", "ORG"),
    # the words the model leaves out before the title of an office that serves a place
    ("Central Java Governor Ganjar Pranowo ordered a ban on the dog meat trade.", "Central Java", "GPE"),
    # a town and its region after "in" or "near", which the model takes for people
    ("Troops raided a cartel cell in Frontera Comalapa, Chiapas, arresting nine suspects.", "Frontera Comalapa", "GPE"),
    ("Troops raided a cartel cell in Frontera Comalapa, Chiapas, arresting nine suspects.", "Chiapas", "GPE"),
    # a name after a place noun and "of", each of a pair on its own
    ("Rebels attacked the town of Bocaranga on Monday.", "Bocaranga", "GPE"),
    ("Fighting spread between the towns of Bocaranga and Bazoum.", "Bazoum", "GPE"),
    # but not a body after an "of" that no place noun opens
    ("A spokesman of the Seleka rebels denied it.", "Seleka", "ORG"),
    # but not a person named after a place the model knows
    ("An Amnesty researcher in London, Jane Smith, said the trial was unfair.", "Jane Smith", "PERSON"),
])
def test_nlp_an_area_name_is_a_place(nlp, text, name, label):
    assert (name, label) in {(e.text, e.label_) for e in nlp(text).ents}


@pytest.mark.slow
def test_nlp_a_common_actor_noun_opening_a_sentence_is_no_name(nlp):
    doc = nlp("Vigilantes in Faskari, Katsina State, said they had killed 12 bandits.")
    assert "Vigilantes" not in {e.text for e in doc.ents}


@pytest.mark.slow
@pytest.mark.parametrize("text,name", [
    ("Mexican marines arrested Joaquín 'El Chapo' Guzmán in Mazatlán.", "Joaquín 'El Chapo' Guzmán"),
    ('The sons of Joaquín "El Chapo" Guzmán are known as Los Chapitos.', 'Joaquín "El Chapo" Guzmán'),
    ("Authorities arrested Ismael 'El Mayo' Zambada in Texas.", "Ismael 'El Mayo' Zambada"),
])
def test_nlp_a_quoted_nickname_is_inside_one_name(nlp, text, name):
    assert (name, "PERSON") in {(e.text, e.label_) for e in nlp(text).ents}


@pytest.mark.slow
def test_nlp_a_quoted_title_between_names_is_no_nickname(nlp):
    doc = nlp('Kenya said "We Will Win" was the slogan.')
    assert not any(e.label_ == "PERSON" and '"' in e.text for e in doc.ents)


@pytest.mark.slow
@pytest.mark.parametrize("text,name,link", [
    # a one-word outlet after its article that runs on into further capitalised words is another name
    ("The National Unity Platform condemns the arrest.", "National Unity Platform", "nup_uganda"),
    # "X of the" + a state or body: one name; a body keeps its gazetteer link
    ("The Government of the Republic of Rwanda rejects the accusations.", "The Government of the Republic of Rwanda", ""),
    ("The Bureau for Reintegration Policies of the Republic of Moldova condemns it.",
     "The Bureau for Reintegration Policies of the Republic of Moldova", ""),
    ("The Office of the United Nations High Commissioner for Refugees welcomes the decision.",
     "The Office of the United Nations High Commissioner for Refugees", "unhcr"),
])
def test_nlp_names_cut_at_of_the_are_joined(nlp, text, name, link):
    ents = {e.text: e for e in nlp(text).ents}
    assert name in ents and ents[name].label_ == "ORG" and ents[name].ent_id_ == link


@pytest.mark.slow
def test_nlp_a_name_ending_in_a_preposition_ends_before_it(nlp):
    doc = nlp("Raylton Chikwati, a study co-author from the University of Witwatersrand in South Africa, said so.")
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents.get("the University of Witwatersrand") == "ORG" and ents.get("South Africa") == "GPE"


@pytest.mark.slow
@pytest.mark.parametrize("text,acronym,dep", [
    ("ECOWAS imposed sanctions on Mali after the coup.", "ECOWAS", "nsubj"),
    ("Officials said IS fighters attacked the village.", "IS", "compound"),
    ("The U.N. report said IS maintained the ability to replace field commanders.", "IS", "nsubj"),
])
def test_nlp_misread_acronym_is_parsed_as_a_name(nlp, text, acronym, dep):
    token = next(t for t in nlp(text) if t.text == acronym)
    assert (token.pos_, token.dep_) == ("PROPN", dep)
    assert token.lemma_ == acronym and token.ent_type_ == "ORG"


@pytest.mark.slow
def test_nlp_acronym_norm_leaves_shouting_and_other_words_alone(nlp):
    probed = json.loads(ACRONYM_NORMS_PATH.read_text(encoding="utf-8"))
    assert "IS" in probed["acronyms"] and "NATO" not in probed["acronyms"]
    doc = nlp("WHAT IS HAPPENING? NATO said IS fighters fled.")
    assert [t.norm_ for t in doc if t.text in ("IS", "NATO")] == ["is", "nato", probed["norm"]]


@pytest.mark.slow
def test_nlp_shipped_acronym_norms_match_a_fresh_probe():
    script = ROOT / "scripts" / "acronym_norms.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_nlp_cached_components_give_the_stock_attributes_on_real_stories(nlp):
    import random

    import spacy

    names = nlp.pipe_names
    assert "claimgraph_cached_attribute_ruler" in names and "claimgraph_cached_lemmatizer" in names
    assert "attribute_ruler" not in names and "lemmatizer" not in names
    # the same pipeline with the model's own attribute ruler (and claimgraph's lemma repairs) and lemmatizer back
    model = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    add_lemma_repairs(model.get_pipe("attribute_ruler"))
    stock = load_nlp()
    for name in ("attribute_ruler", "lemmatizer"):
        stock.add_pipe(name, source=model, after=f"claimgraph_cached_{name}")
        stock.remove_pipe(f"claimgraph_cached_{name}")
    texts = [json.loads(line)["text"] for line in VOA_STORIES.read_text(encoding="utf-8").splitlines()[:12]]
    # word salad: tags and labels in combinations news rarely has, and the two-word exceptions
    words = " ".join(texts).split()
    rng = random.Random(15)
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(3, 30))) for _ in range(200)]
    texts += ["", "Y'all can't say nothin' about it, y' know. He gets what he got; she'd've gone til noon."]

    def attributes(pipeline):
        return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_) for doc in pipeline.pipe(texts) for t in doc]

    ours = attributes(nlp)
    assert len(ours) > 8000
    assert ours == attributes(stock)


@pytest.mark.slow
@pytest.mark.parametrize("text,doer,victim", [
    # the small model makes "dead" the root, "shot" its subject and the victim its object
    ("A gendarme shot dead a protester at a roadblock.", "gendarme", "protester"),
    # ... or "shot" a noun, its doer the noun's compound
    ("On 9 May, a settler shot dead a Palestinian teenager near Hebron.", "settler", "teenager"),
    # ... or "shot" the root noun and "dead" its preposition
    ("A sniper shot dead a protester in Bamako.", "sniper", "protester"),
])
def test_nlp_a_result_misread_as_the_root_is_hung_back_on_its_verb(nlp, text, doer, victim):
    doc = nlp(text)
    shot = next(t for t in doc if t.lower_ == "shot")
    assert shot.dep_ == "ROOT" and shot.pos_ == "VERB" and shot.nbor().head == shot
    assert {c.text for c in shot.children if c.dep_ in ("nsubj", "dobj")} == {doer, victim}


@pytest.mark.slow
def test_nlp_a_root_tagged_a_plural_noun_with_a_subject_and_a_clause_is_a_verb(nlp):
    doc = nlp("The Jordanian Foreign Ministry demands that Damascus take decisive action against them.")
    assert doc[4].pos_ == "VERB" and doc[4].lemma_ == "demand"
    assert nlp("The demands of the protesters were rejected.")[1].pos_ == "NOUN"  # a noun with its article stays one


@pytest.mark.slow
def test_nlp_a_description_taken_for_a_second_object_is_hung_on_the_name(nlp):
    doc = nlp("Kinshasa has repeatedly denied arming the FDLR, a Rwandan Hutu militia.")
    militia = next(t for t in doc if t.text == "militia")
    assert militia.dep_ == "appos" and militia.head.text == "FDLR"
    assert not any(c.dep_ == "dobj" for c in doc[3].children)  # "denied" keeps the act, not the militia


@pytest.mark.slow
@pytest.mark.parametrize("text,verb,lemma,obj", [
    # the tagger makes the second verb an adjective of its object, a conjunct of the first object ...
    ("Security forces have occupied hospitals and evicted patients.", "evicted", "evict", "patients"),
    # ... or a second object of the first verb
    ("Hours after troops raided the camp and beat demonstrators, police arrived.", "beat", "beat", "demonstrators"),
])
def test_nlp_a_second_verb_read_as_an_adjective_is_a_verb_again(nlp, text, verb, lemma, obj):
    doc = nlp(text)
    word = next(t for t in doc if t.text == verb)
    assert word.pos_ == "VERB" and word.lemma_ == lemma and word.dep_ == "conj"
    assert [c.text for c in word.children if c.dep_ == "dobj"] == [obj]


@pytest.mark.slow
def test_nlp_a_participle_that_describes_people_stays_an_adjective(nlp):
    doc = nlp("Cairo reinforced its troops and armoured vehicles along the border and helped refugees and displaced families.")
    assert {t.text: t.dep_ for t in doc if t.text in ("armoured", "displaced")} == {"armoured": "amod", "displaced": "amod"}


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # tagged a plural noun, or a verb joined to the object, with the "that" clause hung on the object
    "The ministry condemns the strike and demands that Ankara respect the sovereignty of Iraq.",
    "The Iraqi Ministry of Foreign Affairs condemns the Turkish drone strike on a vehicle and demands that Ankara withdraw.",
])
def test_nlp_a_second_verb_joined_to_the_first_verbs_object_is_a_verb_beside_it(nlp, text):
    doc = nlp(text)
    demands, condemns = next(t for t in doc if t.lower_ == "demands"), next(t for t in doc if t.lower_ == "condemns")
    assert demands.pos_ == "VERB" and demands.head == condemns and demands.dep_ == "conj"
    assert any(c.dep_ == "ccomp" for c in demands.children)


@pytest.mark.slow
@pytest.mark.parametrize("text, act", [
    ("The Ministry of Foreign Affairs of Moldova condemns the bombing of residential areas in Bender by Russian "
     "aircraft and calls on Moscow to withdraw its troops from Moldovan territory immediately.", "withdraw"),
    ("The Ministry of Defence of Somalia condemns the bombing of civilian areas in Baidoa by Ethiopian jets and calls "
     "on Addis Ababa to pull back its troops immediately.", "pull"),
])
def test_nlp_an_appeal_verb_joined_to_the_first_verbs_object_is_a_verb_with_its_infinitive(nlp, text, act):
    doc = nlp(text)
    calls, asked = next(t for t in doc if t.lower_ == "calls"), next(t for t in doc if t.lower_ == act)
    assert (calls.pos_, calls.dep_, calls.head.lower_) == ("VERB", "conj", "condemns")
    assert (asked.head, asked.dep_) == (calls, "xcomp")


@pytest.mark.slow
def test_nlp_a_root_appeal_verb_read_as_a_noun_with_its_subject_as_compound_is_a_verb(nlp):
    doc = nlp("The Secretary-General appeals to Guinea's military leaders to restore constitutional order.")
    appeals, restore = doc[4], next(t for t in doc if t.lower_ == "restore")
    assert (appeals.pos_, appeals.dep_) == ("VERB", "ROOT")
    assert (doc[3].text, doc[3].dep_, doc[3].head) == ("General", "nsubj", appeals)
    assert (restore.head, restore.dep_) == (appeals, "xcomp")


@pytest.mark.slow
def test_nlp_a_target_hung_on_the_instrument_is_the_verbs(nlp):
    doc = nlp("Uzbek armed forces opened fire with mortars on Kyrgyz border guards at an outpost.")
    on = next(t for t in doc if t.lower_ == "on")
    assert on.head.lower_ == "opened"


@pytest.mark.slow
def test_nlp_a_preposition_left_without_its_object_takes_the_noun_after_it(nlp):
    doc = nlp("The Bangsamoro Transition Authority welcomes the decision, and we call on all former MILF combatants "
              "to complete the decommissioning process.")
    on = next(t for t in doc if t.lower_ == "on")
    assert [c.text for c in on.children] == ["combatants"] and doc[on.i + 4].dep_ == "pobj"


@pytest.mark.slow
@pytest.mark.parametrize("text,word", [
    ("A junta airstrike on a village in Kyauktaw township killed 12 civilians.", "junta"),  # amod
    ("Resistance fighters repelled a junta column near Kani.", "junta"),  # tagged JJ, hung as a compound
])
def test_nlp_a_noun_tagged_an_adjective_before_a_noun_modifies_it_as_a_noun(nlp, text, word):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert token.pos_ == "NOUN" and token.dep_ == "compound" and token.head.i == token.i + 1


@pytest.mark.slow
def test_nlp_an_adjective_before_a_noun_stays_an_adjective(nlp):
    doc = nlp("The paramilitary Rapid Support Forces and terrorist groups attacked military positions.")
    assert {t.text: t.pos_ for t in doc if t.text in ("paramilitary", "terrorist", "military")} == {
        "paramilitary": "ADJ", "terrorist": "ADJ", "military": "ADJ"}


@pytest.mark.slow
def test_nlp_a_past_tense_verb_hung_on_the_root_noun_is_the_root(nlp):
    doc = nlp("FACT rebels crossed from Libya into northern Chad on 11 April and attacked a border post at Zouarké, "
              "killing several soldiers.")
    crossed, rebels = next(t for t in doc if t.text == "crossed"), next(t for t in doc if t.text == "rebels")
    assert crossed.dep_ == "ROOT" and rebels.head == crossed and rebels.dep_ == "nsubj"
    assert doc[-1].head == crossed


@pytest.mark.slow
def test_nlp_a_participle_with_its_own_object_hung_on_the_root_noun_is_the_root(nlp):
    # (a participle done to the noun takes no object: "Forces trained by Turkey" keeps its reading)
    doc = nlp("Kurdish special forces handed over the bodies of nine fighters to the Syrian Red Crescent in Hasakah.")
    handed, forces = doc[3], doc[2]
    assert (handed.dep_, handed.tag_, handed.pos_) == ("ROOT", "VBD", "VERB") and (forces.head, forces.dep_) == (
        handed, "nsubj")
    passive = nlp("Kurdish special forces trained by American advisers in Hasakah.")
    assert passive[2].dep_ == "ROOT" and passive[3].dep_ == "acl"


@pytest.mark.slow
def test_nlp_words_of_one_name_all_hung_on_the_verb_hang_on_the_names_last_word(nlp):
    doc = nlp("Jund al-Sham and Fatah clashed on Sunday.")
    sham, clashed = doc[3], doc[6]
    assert [t.head.i for t in doc[0:3]] == [3, 3, 3] and (sham.head, sham.dep_) == (clashed, "nsubj")
    assert [c.text for c in clashed.children if c.dep_ == "nsubj"] == ["Sham"]


@pytest.mark.slow
def test_nlp_a_statements_second_verb_hung_on_the_clause_it_reports_is_hung_back_on_the_statement(nlp):
    doc = nlp("The Ombudsman's Office reports that 17 civilians died in clashes with security forces near the airport "
              "and calls on the police to use force in a proportionate manner.")
    reports, calls = next(t for t in doc if t.text == "reports"), next(t for t in doc if t.text == "calls")
    assert (calls.head, calls.dep_) == (reports, "conj")
    # (a verb of the reported clause's own tense stays in it)
    kept = nlp("The army says that the rebels attacked the base and killed two soldiers.")
    assert next(t for t in kept if t.text == "killed").head.text == "attacked"


@pytest.mark.slow
def test_nlp_an_object_hung_on_the_adjective_a_verb_calls_it_is_the_verbs(nlp):
    doc = nlp("Uganda rejects as baseless the accusations made by Kinshasa.")
    uganda, rejects, accusations = doc[0], doc[1], doc[5]
    assert (rejects.dep_, rejects.pos_) == ("ROOT", "VERB") and (uganda.head, uganda.dep_) == (rejects, "nsubj")
    assert (accusations.head, accusations.dep_) == (rejects, "dobj")


@pytest.mark.slow
def test_nlp_the_past_tense_of_a_verb_with_no_passive_hung_on_the_root_noun_is_the_root(nlp):
    doc = nlp("Hundreds of residents protested in Bannu against the army.")
    hundreds, protested = doc[0], doc[3]
    assert protested.dep_ == "ROOT" and (hundreds.head, hundreds.dep_) == (protested, "nsubj")


@pytest.mark.slow
def test_nlp_a_relative_clause_on_an_apposed_noun_read_as_the_root_is_hung_back_on_it(nlp):
    doc = nlp("Burundi accused Rwanda of backing the rebels, a charge Kigali rejected. Talks resume on Monday.")
    accused, charge, rejected, stop = doc[1], doc[9], doc[11], doc[12]
    assert accused.dep_ == "ROOT" and charge.head == accused and (rejected.dep_, rejected.head) == ("relcl", charge)
    assert stop.head == accused  # the sentence's own full stop, not only the document's last


@pytest.mark.slow
def test_nlp_an_infinitive_after_a_noun_of_appeal_is_what_it_asks_for(nlp):
    doc = nlp("Defence Secretary Gilberto Teodoro dismissed calls to resume peace negotiations with the rebels.")
    calls, resume = doc[5], doc[7]
    assert (resume.dep_, resume.head) == ("acl", calls)


@pytest.mark.slow
def test_nlp_an_act_noun_read_as_a_clause_with_the_name_before_it_as_subject_is_a_noun(nlp):
    doc = nlp("The government condemns the Houthi shelling of residential neighbourhoods in Taiz.")
    houthi, shelling = doc[4], doc[5]
    assert shelling.pos_ == "NOUN" and shelling.dep_ == "dobj" and (houthi.dep_, houthi.head) == ("compound", shelling)


@pytest.mark.slow
def test_nlp_a_noun_read_as_a_base_verb_joined_to_a_tensed_one_is_a_noun(nlp):
    doc = nlp("The Red Crescent distributed blankets and hygiene kits to 3,000 displaced families in Idlib.")
    distributed, blankets, hygiene, kits, to = doc[3], doc[4], doc[6], doc[7], doc[8]
    assert (hygiene.dep_, hygiene.head) == ("compound", kits) and (kits.dep_, kits.head) == ("conj", blankets)
    assert to.head == distributed


@pytest.mark.slow
def test_nlp_a_name_linked_by_hyphened_particles_is_one_word(nlp):
    # split at its hyphens, "Tehreek-e-Insaf" made "accused" a modifier of "army chief" and the sentence rootless
    doc = nlp("Imran Khan, the chairman of Pakistan Tehreek-e-Insaf, accused army chief General Asim Munir of "
              "orchestrating his arrest.")
    assert "Tehreek-e-Insaf" in [t.text for t in doc]
    accused = next(t for t in doc if t.text == "accused")
    assert accused.dep_ == "ROOT"
    assert [t.text for t in nlp("Lashkar-e-Taiba militants attacked a post.")][:2] == ["Lashkar-e-Taiba", "militants"]


@pytest.mark.slow
def test_nlp_the_second_side_of_between_hung_on_the_firsts_modifier_is_the_second_side(nlp):
    doc = nlp("Clashes erupted between forces affiliated with the Government of National Unity and units loyal to "
              "Fathi Bashagha.")
    units = next(t for t in doc if t.text == "units")
    assert (units.dep_, units.head.text) == ("conj", "forces")
    # a "between" phrase with two sides of its own is left alone
    doc = nlp("Talks between the leaders of Sudan and South Sudan ended.")
    assert next(t for t in doc if t.text == "leaders").dep_ == "pobj"


@pytest.mark.slow
@pytest.mark.parametrize("text,name", [
    ("Rwandan troops recaptured the port town of Mocímboa da Praia.", "Mocímboa da Praia"),
    ("Clashes erupted in Ciudad de Guatemala.", "Ciudad de Guatemala"),
])
def test_nlp_a_known_place_after_a_particle_ends_a_longer_unknown_place(nlp, text, name):
    places = {(e.text, e.ent_id_) for e in nlp(text).ents}
    assert (name, "") in places


@pytest.mark.slow
def test_nlp_an_object_read_as_the_subject_of_a_participle_clause_is_the_object(nlp):
    doc = nlp("On 15 July, Israeli aircraft struck government forces advancing toward Suwayda, killing several soldiers.")
    forces, killing = (next(t for t in doc if t.text == w) for w in ("forces", "killing"))
    assert (forces.dep_, forces.head.text) == ("dobj", "struck")
    assert killing.head.text == "struck"


@pytest.mark.slow
def test_nlp_a_participle_read_as_the_head_noun_describes_the_noun_before_it(nlp):
    doc = nlp("Saudi border guards opened fire on a group of Ethiopian migrants crossing from Yemen's Saada governorate.")
    migrants = next(t for t in doc if t.text == "migrants")
    assert (migrants.dep_, migrants.head.text) == ("pobj", "of")
    assert next(t for t in doc if t.text == "crossing").head == migrants


@pytest.mark.slow
def test_nlp_a_shooting_read_as_a_noun_with_its_doer_as_compound_is_a_verb(nlp):
    doc = nlp("A gendarme shot dead a pro-independence protester at a roadblock.")
    shot = next(t for t in doc if t.text == "shot")
    assert shot.dep_ == "ROOT" and shot.tag_ == "VBD"
    assert next(t for t in doc if t.text == "gendarme").dep_ == "nsubj"


@pytest.mark.slow
def test_nlp_a_second_verb_read_as_a_noun_joined_inside_the_first_verbs_infinitive_is_a_verb(nlp):
    doc = nlp("The FLNKS calls on its supporters to maintain a peaceful mobilisation and demands that the French "
              "government withdraw the constitutional bill.")
    demands = next(t for t in doc if t.text == "demands")
    assert (demands.dep_, demands.head.text, demands.tag_) == ("conj", "calls", "VBZ")


@pytest.mark.slow
@pytest.mark.parametrize("text,subject,place", [
    # a list after the opening phrase's comma, read as more names of the phrase's agent
    ("Under an accord mediated by Turkey, Armenia and Azerbaijan exchanged 40 prisoners of war.", "Armenia", "Turkey"),
    # demonyms joined to the opening phrase's place, their noun taken for the object of its preposition
    ("After the killing of a mayor by suspected JNIM fighters in Djibo, Burkinabe and Nigerien troops launched a "
     "joint operation against the group.", "troops", "Djibo"),
])
def test_nlp_a_subject_swallowed_by_the_opening_phrase_is_the_verbs(nlp, text, subject, place):
    doc = nlp(text)
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert [c.text for c in root.children if c.dep_ == "nsubj"] == [subject]
    assert next(t for t in doc if t.text == place).head.i < doc.text.index(",")  # the place stays in the phrase


def test_nlp_a_name_read_as_the_subject_of_an_actor_noun_modifies_it(nlp):
    # the small model's parse of "... by suspected ISGS fighters in Menaka ..." (hand-built: it is rare to reproduce)
    words = ["Chiefs", "were", "killed", "by", "suspected", "ISGS", "fighters", "."]
    doc = Doc(nlp.vocab, words=words, heads=[2, 2, 2, 2, 6, 6, 3, 2],
              deps=["nsubjpass", "auxpass", "ROOT", "agent", "amod", "nsubj", "pobj", "punct"],
              tags=["NNS", "VBD", "VBN", "IN", "VBN", "NNP", "NNS", "."])
    doc = nlp.get_pipe("claimgraph_parse_fixes")(doc)
    assert doc[5].dep_ == "compound" and doc[5].head.text == "fighters"


@pytest.mark.slow
@pytest.mark.parametrize("text,people", [
    ("In April, FDLR rebels raided three villages in Masisi territory and took about 40 villagers hostage.",
     "villagers"),
])
def test_nlp_people_read_as_a_modifier_of_hostage_are_the_verbs_object(nlp, text, people):
    doc = nlp(text)
    taken = next(t for t in doc if t.text == people)
    assert (taken.dep_, taken.head.text) == ("dobj", "took")
    assert [c.text for c in taken.children if c.dep_ == "nummod"] == ["40"]


@pytest.mark.slow
def test_nlp_a_verb_read_as_its_objects_modifier_after_an_adjunct_is_the_root(nlp):
    doc = nlp("The Kenya Red Cross Society, together with UNICEF, distributed water purification tablets in Garissa.")
    distributed = next(t for t in doc if t.text == "distributed")
    assert distributed.dep_ == "ROOT" and distributed.tag_ == "VBD"
    assert {c.dep_: c.text for c in distributed.children if c.dep_ in ("nsubj", "dobj")} == {
        "nsubj": "Society", "dobj": "tablets"}


@pytest.mark.slow
def test_nlp_a_verb_with_its_own_subject_read_as_a_modifier_is_the_root(nlp):
    doc = nlp("Turkey has trained and equipped forces loyal to the Tripoli government.")
    trained = next(t for t in doc if t.text == "trained")
    assert trained.dep_ == "ROOT"
    assert next(t for t in doc if t.text == "forces").dep_ == "dobj"


@pytest.mark.slow
def test_nlp_a_noun_read_as_the_modifier_of_a_compass_point_is_the_head(nlp):
    doc = nlp("The defence minister said Iraqi forces had repelled an Iranian offensive east of Basra.")
    offensive, east = (next(t for t in doc if t.text == word) for word in ("offensive", "east"))
    assert (offensive.dep_, offensive.head.text) == ("dobj", "repelled")
    assert (east.dep_, east.head.text) == ("advmod", "offensive")
    assert {c.text for c in offensive.lefts} == {"an", "Iranian"}


@pytest.mark.slow
def test_nlp_an_abbreviation_before_an_owners_thing_is_an_organization(nlp):
    doc = nlp("Rhodesian forces raided ZIPRA camps near Lusaka.")
    zipra = next(t for t in doc if t.text == "ZIPRA")
    assert (zipra.ent_type_, zipra.pos_) == ("ORG", "PROPN")


@pytest.mark.slow
def test_nlp_a_phrasal_verbs_particle_read_as_more_than_is_the_particle(nlp):
    doc = nlp("RENAMO handed over 14 captured FRELIMO soldiers to the Red Cross.")
    over = next(t for t in doc if t.text == "over")
    assert (over.dep_, over.head.text) == ("prt", "handed")
    killed = nlp("Troops killed over 30 rebels.")
    assert next(t for t in killed if t.text == "over").dep_ != "prt"  # no phrasal verb "kill over"


def test_nlp_lemma_repairs_give_hope_its_lemma(nlp):
    # the model's lemmatizer makes every form of "hope" "hop"; a form of "hop" itself stays
    doc = nlp("She hoped to meet them, hopes for talks and is hoping for peace; the rabbit hopped away; talks slated.")
    lemmas = {t.lower_: t.lemma_ for t in doc}
    assert (lemmas["hoped"], lemmas["hopes"], lemmas["hoping"], lemmas["hopped"], lemmas["slated"]) == (
        "hope", "hope", "hope", "hop", "slate")


@pytest.mark.slow
def test_nlp_no_lexicon_verb_form_is_lemmatized_as_another_word(nlp):
    # how grammar.yaml `lemma_repairs` was found: the model's rule lemmatizer strips "-d", "-s" or "-ing" off a verb
    # ending in "e" and keeps the stem when it is a verb of its own ("hoped" -> "hop"); a new lexicon verb the repairs
    # miss fails here (a stem the lexicon lists itself, "lambast", reads the same)
    from claimgraph.extract.lexicon import load_lexicon

    lexicon = load_lexicon()
    hedge, negation = lexicon.modality["hedge"], lexicon.modality["negation"]
    verbs = set(lexicon.verbs) | {str(w) for key in ("verbs", "plans", "requests", "active_plans") for w in hedge[key]}
    verbs |= {str(w) for w in negation["verbs"] if " " not in str(w)}
    forms = [(verb, form) for verb in sorted(verbs) if verb.endswith("e") and not verb.endswith(("ee", "ie", "ye"))
             for form in (verb + "d", verb + "s", verb[:-1] + "ing")]
    docs = nlp.pipe(f"Officials said they {form} the rebels." for _, form in forms)
    wrong = [(form, token.lemma_) for (verb, form), doc in zip(forms, docs) for token in doc
             if token.lower_ == form and token.lemma_ == verb[:-1] and token.lemma_ not in lexicon.verbs]
    assert wrong == []

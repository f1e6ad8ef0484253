"""Imported by the local engine's fork server: loads the configured pipeline and what extraction
reads (lexicon, relation model) there, once, and warms what extraction builds on first use.

Every worker is forked from the fork server, so each starts with the pipeline already loaded
(no seconds of loading per worker) and shares its memory pages. A worker whose task names
another model, or a server where loading failed, loads its own: only speed depends on this.

The warm-up extracts one short story: what is built lazily on the first call (dateparser's
time-zone and locale tables, ~0.4 s; compiled regular expressions) is then built once, in the
fork server, instead of once in every worker, within its first batch (#15). Extraction of a
document depends on that document alone, so the warm-up changes no output.
"""
from __future__ import annotations

import gc
import logging

from ..extract.lexicon import load_lexicon
from ..extract.relation_model import load_relation_model
from ..nlp import shared_nlp
from ..settings import get_settings

# A wire-story paragraph with what extraction looks at: names, a quote, dates, a place, a quantity.
WARM_UP_TEXT = (
    "Islamic State fighters attacked a police station in northern Iraq on Friday, killing dozens "
    "of officers, officials said.\n\n"
    "Iraqi Prime Minister Mohammed Shia al-Sudani said in March 2024 that the army had arrested "
    "three members of the group. The United Nations condemned the attack last week and called "
    "for talks between the government and Kurdish leaders."
)


def warm_up(nlp) -> None:
    """Parse and extract WARM_UP_TEXT once (the result is dropped)."""
    from ..extract.batch import extract_batch
    from ..model import Document

    document = Document.from_text(WARM_UP_TEXT, "warm-up", published="2024-03-15", date_source="metadata")
    extract_batch(nlp, [document])


try:
    _nlp = shared_nlp(get_settings().model)
    load_lexicon()
    load_relation_model()
    warm_up(_nlp)
    del _nlp
except Exception as err:  # noqa: BLE001  an exception here would kill the fork server itself
    logging.getLogger(__name__).debug("fork server: no pipeline preloaded (%s)", err)

# What is loaded now (~140,000 objects: pipeline, gazetteer, lexicon, model) lives as long as every
# worker: frozen, a worker's full collections no longer walk it (~0.1 s each, one every ~90
# stories), and they leave its memory pages shared with the fork server.
gc.collect()
gc.freeze()

"""Imported by the local engine's fork server: loads the configured pipeline and what extraction
reads (lexicon, relation model) there, once.

Every worker is forked from the fork server, so each starts with the pipeline already loaded
(no seconds of loading per worker) and shares its memory pages. A worker whose task names
another model, or a server where loading failed, loads its own: only speed depends on this.
"""
from __future__ import annotations

import logging

from ..extract.lexicon import load_lexicon
from ..extract.relation_model import load_relation_model
from ..nlp import shared_nlp
from ..settings import get_settings

try:
    shared_nlp(get_settings().model)
    load_lexicon()
    load_relation_model()
except Exception as err:  # noqa: BLE001  an exception here would kill the fork server itself
    logging.getLogger(__name__).debug("fork server: no pipeline preloaded (%s)", err)

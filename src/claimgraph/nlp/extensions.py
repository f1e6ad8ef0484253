"""Every custom `._` attribute claimgraph sets on spaCy objects (all named cg_*), registered once."""
from __future__ import annotations

from spacy.tokens import Doc, Span

# Set by the claimgraph_entity_fixes component: why an entity label was changed (for debugging rules).
_SPAN_EXTENSIONS = {
    "cg_gazetteer_id": None,  # gazetteer id of an entity the ruler matched, else None
}
_DOC_EXTENSIONS = {
    "cg_relabelled": None,  # list of (start_char, end_char, old_label, new_label) set by entity fixes
}


def register_extensions() -> None:
    """Register the cg_* attributes; safe to call many times."""
    for name, default in _SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name, default in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()

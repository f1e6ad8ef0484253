"""Corroboration: claim groups across documents with independent origins and contradictions."""
from .groups import SYMMETRIC, group_claims, make_group_id
from .rollup import rollup_groups

__all__ = ["SYMMETRIC", "group_claims", "make_group_id", "rollup_groups"]

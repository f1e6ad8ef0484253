"""The analyst's workbench: graph, entity, claim, sources and review pages plus a REST API."""
from .app import create_app

__all__ = ["create_app"]

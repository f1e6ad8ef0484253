"""Exports of the stored graph: json (the documented contract) and formats for other tools."""
from .jsonexport import build_export, write_json

__all__ = ["build_export", "write_json"]

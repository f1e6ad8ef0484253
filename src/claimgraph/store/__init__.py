"""Storage: SQLite by default, PostgreSQL by URL; machine output and reviews kept apart."""
from .store import EXTRACTOR_VERSION, Store, normalize_db_url

__all__ = ["EXTRACTOR_VERSION", "Store", "normalize_db_url"]

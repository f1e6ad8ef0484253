"""Routes, one module per page family; api.py is the REST API under /api."""

"""The store: SQLite by default (`Database`), its schema as named migrations."""

from sitrep.store.database import DEFAULT_DB, Database

__all__ = ["DEFAULT_DB", "Database"]

"""Interfaces: thin shells over the library (the `sitrep` command)."""

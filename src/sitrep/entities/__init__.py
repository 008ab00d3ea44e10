"""Entities: equipment and sites from the shipped catalogues, and the parse's names resolved to
actors (mentions)."""

"""The text stages: reading inputs, repairing scraped text, metadata, and parsing with spaCy."""

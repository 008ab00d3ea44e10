"""sitrep: news reporting to source-attributed PLOVER event data, and back into sourced briefs."""

__version__ = "0.1.0"

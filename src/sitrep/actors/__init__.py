"""Actors: the date-aware knowledge base, resolution of mentions to country + sector, parties,
places, and CAMEO dictionary imports."""

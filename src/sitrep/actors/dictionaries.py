"""CAMEO actor and agent dictionaries as knowledge-base entries.

`sitrep actors import FILE` reads a CAMEO-format dictionary (PETRARCH/Phoenix style) with
`entries_from_file`; the store keeps the entries (`Database.import_dictionary`), so every later
resolution against that store knows them. `--dictionaries` layers files in without a store.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sitrep.actors.cameo_dict import read_actors, read_agents
from sitrep.actors.knowledge import KBEntry
from sitrep.errors import SitrepError


def _is_agents(path: Path) -> bool:
    head = path.read_text(encoding="utf-8", errors="replace")[:20000]
    return "[~" in head and "agent" in path.name.lower()


def entries_from_file(path: Path) -> list[tuple[KBEntry, list[str]]]:
    if not path.exists():
        raise SitrepError(f"{path}: no such file; check the path")
    try:
        if _is_agents(path):
            return [
                (KBEntry(kb_id=f"agent:{a.words[0]}", name=a.words[0], kind="sector",
                         sector=a.sector, source=path.name), a.words[1:])
                for a in read_agents(path) if a.words and a.sector
            ]
        found = []
        for actor in read_actors(path):
            slug = actor.names[0].lower().replace(" ", "-")
            for role in actor.roles or []:
                kind = "country" if role.sector is None and not role.dated and len(role.code) == 3 \
                    else "person" if role.dated or role.sector in {None, "ELI"} and " " in actor.names[0] \
                    else "organisation"
                entry = KBEntry(kb_id=f"cameo:{slug}", name=actor.names[0], kind=kind,
                                country=role.country or role.code[:3], sector=role.sector,
                                start=role.start, end=role.end, source=path.name,
                                joint=role.joint)
                found.append((entry, actor.names[1:]))
        return found
    except ValueError as error:
        raise SitrepError(str(error)) from None


def entries_from_files(paths: Iterable[Path]) -> list[tuple[KBEntry, list[str]]]:
    found = []
    for path in paths:
        found.extend(entries_from_file(Path(path)))
    return found

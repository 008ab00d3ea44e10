"""CAMEO actor and agent dictionaries as knowledge-base entries, and their import into a store.

`sitrep actors import FILE` reads a CAMEO-format dictionary (PETRARCH/Phoenix style) and keeps its
entries in the store's `kb_imports` table, so every later resolution against that store knows them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date
from pathlib import Path

from .actors import KBEntry, KnowledgeBase, shipped_kb, with_entries
from .cameo_dict import read_actors, read_agents
from .errors import SitrepError
from .store import Database


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


def import_dictionary(db: Database, path: str | Path) -> int:
    """Store a dictionary's entries in `kb_imports` (replacing an earlier import of that file)."""
    path = Path(path)
    entries = entries_from_file(path)
    rows = [(path.name, json.dumps({**asdict(entry), "start": _iso(entry.start),
                                    "end": _iso(entry.end), "variants": variants}))
            for entry, variants in entries]
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        db.conn.execute("DELETE FROM kb_imports WHERE file = ?", (path.name,))
        db.conn.executemany("INSERT INTO kb_imports (file, entry) VALUES (?, ?)", rows)
        db.conn.execute("COMMIT")
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    return len(rows)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def kb_for(db: Database | None) -> KnowledgeBase:
    """The shipped knowledge base plus whatever was imported into this store."""
    if db is None:
        return shipped_kb()
    rows = db.conn.execute("SELECT entry FROM kb_imports ORDER BY rowid").fetchall()
    if not rows:
        return shipped_kb()
    extra = []
    for (raw,) in rows:
        data = json.loads(raw)
        variants = data.pop("variants", [])
        for key in ("start", "end"):
            data[key] = date.fromisoformat(data[key]) if data[key] else None
        extra.append((KBEntry(**data), variants))
    return with_entries(shipped_kb(), extra)

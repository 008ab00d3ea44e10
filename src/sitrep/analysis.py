"""Analysis: questions over stored events, answered in SQL on the store's indexes."""

from __future__ import annotations

import json
from typing import Any

from .store import Database


def find_events(db: Database, actor: str | None = None, recipient: str | None = None,
                event_type: str | None = None, since: str | None = None,
                until: str | None = None, limit: int | None = 200) -> list[dict[str, Any]]:
    """Stored events filtered by actor/recipient country, type and date (enddate >= since)."""
    where, params = [], []
    if actor:
        where.append("id IN (SELECT event_id FROM event_actors WHERE role = 'actor' AND code = ?)")
        params.append(actor)
    if recipient:
        where.append(
            "id IN (SELECT event_id FROM event_actors WHERE role = 'recipient' AND code = ?)")
        params.append(recipient)
    if event_type:
        where.append("event = ?")
        params.append(event_type.upper())
    if since:
        where.append("coalesce(enddate, date) >= ?")
        params.append(since)
    if until:
        where.append("date <= ?")
        params.append(until)
    sql = "SELECT data FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date, id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [json.loads(row[0]) for row in db.conn.execute(sql, params)]

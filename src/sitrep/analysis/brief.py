"""Briefs: a sourced Markdown deep dive on an actor (and a partner) written from the store.

Deterministic by default: the same store gives the same brief. Each point is one event cluster
(one happening, however many articles report it); every sentence carries footnotes to its
evidence: outlet, date, URL and the quoted span, read back from the stored original text.
Speculation is written as assessment, never as fact. `rewrite()` can pass the brief through any
OpenAI-compatible endpoint for style; a rewrite that loses or invents a citation is refused.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from sitrep.actors.knowledge import shipped_kb
from sitrep.actors.resolve import resolve
from sitrep.errors import SitrepError
from sitrep.resources import read_tsv
from sitrep.store.database import Database

KEY_ORDER = ["REQUEST", "AGREE", "MOBILIZE", "SANCTION", "AID", "ASSAULT", "COERCE", "THREATEN",
             "ACCUSE", "REJECT", "CONSULT", "COOPERATE", "SUPPORT", "CONCEDE", "RETREAT",
             "PROTEST"]
SPECULATIVE = {"hypothetical", "future", "negated"}
ASSESSMENT_WORDS = {"hypothetical": "judged possible", "future": "expected",
                    "negated": "denied"}


@dataclass
class Citation:
    number: int
    outlet: str
    date: str | None
    url: str | None
    quote: str
    doc_id: str
    start: int
    end: int


@dataclass
class Brief:
    title: str
    sections: dict[str, list[str]] = field(default_factory=dict)
    citations: list[Citation] = field(default_factory=list)

    def markdown(self) -> str:
        lines = [f"# {self.title}", ""]
        for heading, points in self.sections.items():
            lines += [f"## {heading}", ""]
            lines += points or ["- Nothing in the store."]
            lines.append("")
        lines += ["## Sources", ""]
        for c in self.citations:
            where = f", {c.url}" if c.url else ""
            lines.append(f"[^{c.number}]: {c.outlet}, {c.date or 'undated'}{where} "
                         f"(document {c.doc_id}, characters {c.start}-{c.end}): “{c.quote}”")
        return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def phrases() -> dict[str, tuple[str, str]]:
    return {row["event"]: (row["with_recipient"], row["without_recipient"])
            for row in read_tsv("brief_phrases.tsv")}


def resolve_code(name: str) -> str:
    """A country (or dictionary) code for what the user typed: "Venezuela", "VEN", "Caracas"."""
    if re.fullmatch(r"[A-Z]{3}", name):
        return name
    actor = resolve(name, date.today())
    if not actor.code:
        raise SitrepError(f"cannot tell which actor {name!r} is; give a country name or an "
                          "ISO alpha-3 code such as VEN")
    return actor.code


def _country_name(code: str) -> str:
    return shipped_kb().country_names.get(code, code)


def _who(actors: list[dict], fallback_codes: list[str]) -> str:
    names = []
    for actor in actors:
        if not actor.get("code"):
            continue
        country = _country_name(actor["code"])
        person = actor.get("name")
        label = country if not person or person == country else f"{country} ({person})"
        if label not in names:
            names.append(label)
    if not names:
        names = [_country_name(code) for code in fallback_codes]
    return " and ".join(names) or "an unnamed actor"


def _items(event: dict, cluster: dict) -> str:
    parts = []
    disputed = cluster.get("disagreements", {}).get("items", {})
    for item in event.get("items", []):
        name = item.get("item") or item.get("text")
        if not name:
            continue
        text = name
        quantity = item.get("quantity")
        if quantity is not None:
            others = [v for v in disputed.get(name.lower(), {}) if v != f"{quantity:g}"]
            text = f"{quantity:g} {name}" + (
                f" ({', '.join(others)} in other reports)" if others else "")
        extras = []
        if item.get("action") and item.get("action") != "financing":
            extras.append(item["action"])
        if item.get("term_years"):
            extras.append(f"{item['term_years']:g}-year term")
        if item.get("provider"):
            extras.append(f"through {item['provider']}")
        if item.get("amount"):
            extras.append(f"{item['amount']:,.0f} {item.get('currency') or ''}".strip())
        if extras:
            text += f" ({', '.join(extras)})"
        parts.append(text)
    return "; ".join(parts)


def _when(event: dict) -> str:
    start, end = event.get("date"), event.get("enddate")
    if event.get("date_text") and start and end and start != end:
        return f"{event['date_text']} ({start} to {end})"
    if start and end and start == end:
        return start
    if start and end:
        return f"between {start} and {end}"
    if end:
        return f"up to {end}"
    return "undated"


def _sentence(event: dict, cluster: dict) -> str:
    with_recipient, without = phrases().get(event["event"], ("{actor} acted on {recipient}",
                                                             "{actor} acted"))
    actor = _who(event["actor"], cluster.get("actors", []))
    recipients = event["recipient"]
    if recipients:
        text = with_recipient.format(actor=actor, recipient=_who(recipients, []))
    else:
        text = without.format(actor=actor)
    items = _items(event, cluster)
    if items:
        text += f": {items}"
    if event.get("intermediary"):
        text += f", delivered through {_who(event['intermediary'], [])}"
    place = (event.get("event_loc") or {}).get("resolved_place")
    if place:
        text += f", in {place}"
    return text


def _speculative(cluster: dict) -> bool:
    return set(cluster.get("modalities", {})) <= SPECULATIVE


def _backing(cluster: dict) -> str:
    """"3 reports from 2 outlets: 2 reported, 1 asserted"."""
    reports = cluster["sources"]
    outlets = len(cluster.get("outlets", []))
    how = ", ".join(f"{n} {m}" for m, n in cluster.get("modalities", {}).items())
    return (f"{reports} report{'s' if reports != 1 else ''} from {outlets} "
            f"outlet{'s' if outlets != 1 else ''}: {how}")


def _cite(brief: Brief, db: Database, event_id: str) -> list[int]:
    row = db.conn.execute(
        """SELECT e.data, d.id AS doc_id, d.text, d.outlet, d.url, d.published,
                  d.published_not_before, d.title
           FROM events e JOIN documents d ON d.content_hash = e.doc_hash WHERE e.id = ?""",
        (event_id,)).fetchone()
    event = json.loads(row["data"])
    info = event.get("text_info") or {}
    start, end = info.get("start", 0), info.get("end", 0)
    quote = " ".join(row["text"][start:end].split())
    attribution = event.get("attribution") or {}
    outlet = row["outlet"] or attribution.get("outlet") or (
        f"“{row['title']}” (no outlet stated)" if row["title"] else "no outlet stated")
    url = row["url"] or attribution.get("url")
    when = row["published"] or attribution.get("date") or row["published_not_before"]
    for citation in brief.citations:
        if (citation.doc_id, citation.start, citation.end) == (row["doc_id"], start, end):
            return [citation.number]
    citation = Citation(number=len(brief.citations) + 1, outlet=outlet, date=when, url=url,
                        quote=quote, doc_id=row["doc_id"], start=start, end=end)
    brief.citations.append(citation)
    return [citation.number]


def _clusters(db: Database, codes: list[str]) -> tuple[list[dict], list[dict]]:
    """Clusters with an event involving every given code (as actor or recipient), and the other
    clusters told by the same documents: the context those documents give (a build-up, standing
    sanctions, the analysts' view), which often names only one side or neither."""
    sql = "SELECT DISTINCT c.data FROM clusters c JOIN cluster_members m ON m.cluster_id = c.id"
    params = []
    for index, code in enumerate(codes):
        sql += f""" JOIN event_actors a{index} ON a{index}.event_id = m.event_id
                    AND a{index}.code = ? AND a{index}.role IN ('actor', 'recipient')"""
        params.append(code)
    pair = {row[0] for row in db.conn.execute(sql, params)}
    if not pair:
        return [], []
    ids = [event_id for data in pair for event_id in json.loads(data)["events"]]
    marks = ",".join("?" * len(ids))
    context = {row[0] for row in db.conn.execute(
        f"""SELECT DISTINCT c.data FROM clusters c
            JOIN cluster_members m ON m.cluster_id = c.id
            JOIN events e ON e.id = m.event_id
            WHERE e.doc_hash IN (SELECT doc_hash FROM events WHERE id IN ({marks}))""", ids)}
    return ([json.loads(d) for d in sorted(pair)], [json.loads(d) for d in sorted(context - pair)])


def write_brief(db: Database, focus: str, partner: str | None = None,
                since: str | None = None) -> Brief:
    codes = [resolve_code(focus)] + ([resolve_code(partner)] if partner else [])
    title = " – ".join(_country_name(c) for c in codes)
    brief = Brief(title=f"Brief: {title}" + (f", since {since}" if since else ""))
    key, context, background, speculation = [], [], [], []
    pair, around = _clusters(db, codes)
    clusters = pair + around
    in_pair = {c["id"] for c in pair}
    if since is None and clusters:
        # Without a date, the last half year before the latest happening counts as current.
        latest = max((c.get("enddate") or c.get("date") or "") for c in clusters)
        if latest:
            since = (date.fromisoformat(latest[:10]) - timedelta(days=183)).isoformat()
    clusters.sort(key=lambda c: (KEY_ORDER.index(c["event"]) if c["event"] in KEY_ORDER else 99,
                                 c.get("date") or "", c["id"]))
    for cluster in clusters:
        events = [json.loads(r[0]) for r in db.conn.execute(
            f"SELECT data FROM events WHERE id IN ({','.join('?' * len(cluster['events']))}) "
            "ORDER BY confidence DESC, id", cluster["events"])]
        # the report's lead: a sentence's main event before an event of a clause below it
        lead = max(events, key=lambda e: (e.get("main", True), len(e.get("items", [])),
                                          e["confidence"]))
        if not cluster.get("actors") and not _speculative(cluster):
            continue  # "an unnamed actor did X" tells an analyst nothing
        ends = cluster.get("enddate") or lead.get("enddate")
        modalities = set(cluster.get("modalities", {}))
        sentence = _sentence(lead, cluster)
        notes = "".join(f"[^{n}]" for e in events for n in _cite(brief, db, e["id"]))
        backing = _backing(cluster)
        if modalities <= SPECULATIVE:
            kind = next(iter(modalities))
            speculation.append(f"- Assessment, not established fact ({ASSESSMENT_WORDS[kind]}): "
                               f"{sentence} ({backing}).{notes}")
        elif (since and ends and ends < since) or modalities == {"historical"} or _long_running(
                events, since):
            background.append(f"- {_when(lead)}: {sentence} ({backing}).{notes}")
        elif cluster["id"] in in_pair:
            key.append(f"- {_when(lead)}: {sentence} ({backing}).{notes}")
        else:
            context.append(f"- {_when(lead)}: {sentence} ({backing}).{notes}")
    brief.sections = {"Key developments": key, "Context": context, "Background": background,
                      "Assessments and speculation": speculation}
    renumber(brief)
    return brief


def _long_running(events: list[dict], since: str | None) -> bool:
    """A relationship that started years before the period ("since the era of ...") is
    background, even though it lasts into it."""
    starts = [e["date"] for e in events if e.get("date")]
    start = min(starts) if starts else None
    if not since or not start:
        return False
    return date.fromisoformat(start[:10]) < date.fromisoformat(since) - timedelta(days=365)


def renumber(brief: Brief) -> None:
    """Footnotes numbered in the order the reader meets them."""
    order: dict[int, int] = {}
    for points in brief.sections.values():
        for point in points:
            for number in re.findall(r"\[\^(\d+)\]", point):
                order.setdefault(int(number), len(order) + 1)

    def swap(match: re.Match[str]) -> str:
        return f"[^{order[int(match.group(1))]}]"

    brief.sections = {heading: [re.sub(r"\[\^(\d+)\]", swap, p) for p in points]
                      for heading, points in brief.sections.items()}
    for citation in brief.citations:
        citation.number = order.get(citation.number, citation.number)
    brief.citations.sort(key=lambda c: c.number)


def rewrite(markdown: str, url: str, model: str, timeout: float = 60.0) -> str:
    """Ask an OpenAI-compatible endpoint to improve the prose; every citation must survive."""
    import httpx

    prompt = ("Rewrite this intelligence brief in clear analytical prose. Keep every footnote "
              "marker such as [^1] attached to the claim it supports, keep the Sources section "
              "unchanged, add no facts.\n\n" + markdown)
    try:
        response = httpx.post(f"{url.rstrip('/')}/chat/completions", timeout=timeout, json={
            "model": model, "messages": [{"role": "user", "content": prompt}],
            "temperature": 0})
        response.raise_for_status()
        text = response.json()["choices"][0]["message"]["content"]
    except (httpx.HTTPError, KeyError, IndexError, ValueError) as error:
        raise SitrepError(f"the rewrite endpoint {url} failed ({error}); unset SITREP_LLM_URL "
                          "to keep the deterministic brief") from None
    wanted = set(re.findall(r"\[\^\d+\]", markdown))
    got = set(re.findall(r"\[\^\d+\]", text))
    if wanted != got:
        raise SitrepError(f"the rewrite from {url} lost or invented citations "
                          f"({sorted(wanted ^ got)}); the deterministic brief is kept")
    return text

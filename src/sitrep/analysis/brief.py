"""Briefs: a sourced Markdown deep dive on an actor (and a partner) written from the store.

Deterministic by default: the same store gives the same brief. Each point is one event cluster
(one happening, however many articles report it); every sentence carries footnotes to its
evidence: the outlet that published the document (never the one it cites), date, URL and the
quoted span, read back from the stored original text, then whom the document cites. Each point
says how many reports and publishers stand behind it and how many independent sources those rest
on ("4 reports from 3 outlets, all citing one original report (The Washington Post,
2025-10-31)"). Speculation is written as assessment, never as fact, with how likely its source
judges it; standing relations are background; an event with no date of its own shows only the
report that bounds it. Reports sitrep could not read (another language) are counted.
`rewrite()` can pass the brief through any OpenAI-compatible endpoint for style; a rewrite that
loses or invents a citation is refused.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from sitrep.actors.knowledge import shipped_kb
from sitrep.actors.resolve import resolve
from sitrep.analysis.clusters import ensure_clusters
from sitrep.errors import SitrepError
from sitrep.resources import read_tsv
from sitrep.store.database import Database

KEY_ORDER = ["REQUEST", "AGREE", "MOBILIZE", "SANCTION", "AID", "ASSAULT", "COERCE", "THREATEN",
             "ACCUSE", "REJECT", "CONSULT", "COOPERATE", "SUPPORT", "CONCEDE", "RETREAT",
             "PROTEST"]
SPECULATIVE = {"hypothetical", "future", "negated"}
ASSESSMENT_WORDS = {"future": "expected", "negated": "denied"}
LIKELIHOOD_ORDER = ["likely", "possible", "unlikely"]


@dataclass
class Citation:
    number: int
    outlet: str  # who published the document
    date: str | None
    url: str | None
    quote: str
    doc_id: str
    start: int
    end: int
    citing: str | None = None  # whom the document attributes the event to


@dataclass
class Brief:
    title: str
    sections: dict[str, list[str]] = field(default_factory=dict)
    citations: list[Citation] = field(default_factory=list)
    summary: str = ""
    unread: list[str] = field(default_factory=list)  # one line per report not read

    def markdown(self) -> str:
        lines = [f"# {self.title}", ""]
        if self.summary:
            lines += [self.summary, ""]
        for heading, points in self.sections.items():
            lines += [f"## {heading}", ""]
            lines += points or ["- Nothing in the store."]
            lines.append("")
        if self.unread:
            lines += ["## Reports not read", ""] + self.unread + [""]
        lines += ["## Sources", ""]
        for c in self.citations:
            where = f", {c.url}" if c.url else ""
            citing = f" — {c.citing}" if c.citing else ""
            lines.append(f"[^{c.number}]: {c.outlet}, {c.date or 'undated'}{where} "
                         f"(document {c.doc_id}, characters {c.start}–{c.end}): "
                         f"“{c.quote}”{citing}")
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


def _basis(cluster: dict) -> str:
    """What a cluster's dates rest on: "text" when any report dates it, "standing" when every
    report tells a standing relation, else "report" (no date of its own)."""
    bases = set(cluster.get("date_bases", {}))
    if "text" in bases:
        return "text"
    if bases == {"standing"}:
        return "standing"
    return "report"


def _when(event: dict, cluster: dict) -> str:
    """The dates a point shows: the text's own (the narrowest all reports allow), a standing
    relation's "as of" the report, or, for an event with no date of its own, the report that
    bounds it; never a day the text does not give."""
    basis = _basis(cluster)
    if basis == "standing":
        return f"standing, as of {cluster.get('latest_report') or event.get('enddate')}"
    if basis == "report":
        first = cluster.get("first_report") or event.get("enddate")
        return f"undated (reported by {first})" if first else "undated"
    start = cluster.get("date") or event.get("date")
    end = cluster.get("enddate") or event.get("enddate")
    if start and end and start > end:
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
    # an act at home names the actor's own country as recipient: the sentence leaves it out;
    # a fallback actor is never one of the recipients ("Ukraine used force against Ukraine")
    recipients = [r for r in event["recipient"] if r.get("code") and r["code"] not in
                  {a.get("code") for a in event["actor"]}]
    targets = {r["code"] for r in recipients}
    actor = _who(event["actor"], [c for c in cluster.get("actors", []) if c not in targets])
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


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def _origin_name(origin: dict) -> str:
    """"The Washington Post, 2025-10-31"; a cited page with no known outlet by its URL."""
    name = origin.get("outlet") or origin.get("url") or "an unnamed outlet"
    return f"{name}, {origin['date']}" if origin.get("date") else name


def _backing(cluster: dict) -> str:
    """"4 reports from 3 outlets, all citing one original report (The Washington Post,
    2025-10-31): 4 reported", or "... from 2 independent sources (...)": publishers are counted,
    never the outlets the reports cite."""
    reports = cluster["sources"]
    unnamed = cluster.get("unnamed_outlets", 0)
    outlets = len(cluster.get("outlets", [])) + unnamed
    text = f"{_plural(reports, 'report')} from {_plural(outlets, 'outlet')}"
    if unnamed:
        text += f", {unnamed} not named"
    groups = cluster.get("origins", [])
    if len(groups) == 1 and groups[0].get("cited") and reports > 1:
        text += f", all citing one original report ({_origin_name(groups[0])})"
    elif len(groups) == 1 and groups[0].get("cited"):
        text += f", citing {_origin_name(groups[0])}"
    elif len(groups) > 1:
        parts = []
        for origin in groups:
            count = len(origin.get("documents", []))
            if origin.get("cited"):
                parts.append(f"{count} citing {_origin_name(origin)}")
            else:
                parts.append(f"{count} by {origin.get('outlet') or 'an unnamed outlet'}")
        text += f"; from {len(groups)} independent sources: {', '.join(parts)}"
    how = ", ".join(f"{n} {m}" for m, n in cluster.get("modalities", {}).items())
    return f"{text}; {how}"


def _judged(cluster: dict) -> str:
    """How likely an assessment is judged ("judged unlikely", "judged possible by 1 report,
    unlikely by 1"), or what kind of statement it is ("expected", "denied")."""
    modalities = set(cluster.get("modalities", {}))
    if "hypothetical" not in modalities:
        return ASSESSMENT_WORDS.get(next(iter(sorted(modalities))), "judged possible")
    likelihoods = cluster.get("likelihoods") or {"possible": 1}
    if len(likelihoods) == 1:
        return f"judged {next(iter(likelihoods))}"
    ordered = sorted(likelihoods, key=LIKELIHOOD_ORDER.index)
    return "judged " + ", ".join(f"{name} by {_plural(likelihoods[name], 'report')}"
                                 for name in ordered)


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
    # the document's own outlet; the one it cites is named after the quote
    outlet = row["outlet"] or (f"outlet not stated (“{row['title']}”)" if row["title"]
                               else "outlet not stated")
    when = row["published"] or (f"undated (not before {row['published_not_before']})"
                                if row["published_not_before"] else None)
    for citation in brief.citations:
        if (citation.doc_id, citation.start, citation.end) == (row["doc_id"], start, end):
            return [citation.number]
    citation = Citation(number=len(brief.citations) + 1, outlet=outlet, date=when,
                        url=row["url"], quote=quote, doc_id=row["doc_id"], start=start, end=end,
                        citing=_citing(event.get("attribution") or {}, row["outlet"]))
    brief.citations.append(citation)
    return [citation.number]


def _citing(attribution: dict, publisher: str | None) -> str | None:
    """"citing The Washington Post (leaked U.S. government documents)", "citing <URL>",
    "according to officials": whom the document attributes the event to."""
    outlet, basis, url = (attribution.get(k) for k in ("outlet", "basis", "url"))
    if outlet and outlet != publisher:
        return f"citing {outlet}" + (f" ({basis})" if basis and basis != outlet else "")
    if url and not outlet:
        return f"citing {url}" + (f" ({basis})" if basis else "")
    if basis:
        words = basis.split()
        single = len(words) == 1 and words[0].islower() and not words[0].endswith("s")
        return f"according to {'a ' if single else ''}{basis}"  # "according to a letter"
    return None


def _unread(db: Database, since: str | None) -> list[str]:
    """The reports in the period that sitrep stored but could not read (their language)."""
    from sitrep.text.language import is_coded, not_coded_note

    lines = []
    for row in db.conn.execute(
            """SELECT id, outlet, title, language, coalesce(published, published_not_before)
                      AS reported FROM documents ORDER BY reported, id"""):
        if is_coded(row["language"]) or (since and row["reported"] and row["reported"] < since):
            continue
        who = row["outlet"] or "outlet not stated"
        title = f" “{row['title']}”" if row["title"] else ""
        lines.append(f"- {who}, {row['reported'] or 'undated'}{title} (document {row['id']}): "
                     f"{not_coded_note(row['language'])}.")
    return lines


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
    documents: set[str] = set()
    ensure_clusters(db)  # events stored or imported since the last build (docs/reliability.md)
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
        if not cluster.get("actors"):
            continue  # "an unnamed actor did X" tells an analyst nothing
        basis = _basis(cluster)
        # an undated event is bounded by its first report; a dated one by its own end
        ends = (cluster.get("first_report") if basis == "report" else
                cluster.get("enddate") or lead.get("enddate"))
        modalities = set(cluster.get("modalities", {}))
        sentence = _sentence(lead, cluster)
        notes = "".join(f"[^{n}]" for e in events for n in _cite(brief, db, e["id"]))
        backing = _backing(cluster)
        documents.update(cluster.get("documents", []))
        if modalities <= SPECULATIVE:
            speculation.append(f"- Assessment, not established fact ({_judged(cluster)}): "
                               f"{sentence} ({backing}).{notes}")
        elif basis == "standing" or (since and ends and ends < since) or \
                modalities == {"historical"} or _long_running(events, since):
            background.append(f"- {_when(lead, cluster)}: {sentence} ({backing}).{notes}")
        elif cluster["id"] in in_pair:
            key.append(f"- {_when(lead, cluster)}: {sentence} ({backing}).{notes}")
        else:
            context.append(f"- {_when(lead, cluster)}: {sentence} ({backing}).{notes}")
    brief.sections = {"Key developments": key, "Context": context, "Background": background,
                      "Assessments and speculation": speculation}
    brief.unread = _unread(db, since)
    brief.summary = _summary(db, documents, len(brief.unread))
    renumber(brief)
    return brief


def _summary(db: Database, documents: set[str], unread: int) -> str:
    """"From 8 reports by 7 outlets (1 not named); 1 more report could not be read."."""
    marks = ",".join("?" * len(documents))
    rows = db.conn.execute(f"SELECT outlet FROM documents WHERE id IN ({marks})",
                           sorted(documents)).fetchall() if documents else []
    named = {row["outlet"] for row in rows if row["outlet"]}
    unnamed = sum(1 for row in rows if not row["outlet"])
    text = f"From {_plural(len(rows), 'report')} by {_plural(len(named) + unnamed, 'outlet')}"
    if unnamed:
        text += f" ({unnamed} not named)"
    if unread:
        text += (f"; {_plural(unread, 'more report')} could not be read (see Reports not "
                 "read)")
    return text + "."


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

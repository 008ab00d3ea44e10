"""Items: what an event involves: quantities ("14 missile units", "eight engines"), equipment from
the catalogue, actions ("restoration", "overhaul"), money and financing terms.

Works on a stretch of text (an event's object phrase, or one bullet of a list), so the same rules
serve "asked Russia for five radars" and a bulleted "Specifically, the request includes:" list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import text2num

from sitrep.entities.equipment import find_equipment
from sitrep.model import Item
from sitrep.resources import read_tsv

NUMBER_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|million|billion|dozen)"
)
NUMBER = re.compile(
    rf"(?<![\w.,])(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{NUMBER_WORD}(?:[\s-]+(?:and[\s-]+)?{NUMBER_WORD})*)"
    r"(?![\w])",
    re.IGNORECASE,
)
TERM = re.compile(rf"\b(\d+|{NUMBER_WORD})[\s-]years?\b", re.IGNORECASE)
MONEY = re.compile(
    r"(?P<symbol>[$€£¥₽])\s?(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>million|billion|bn|m|k)?\b"
    r"|(?P<number2>\d[\d,]*(?:\.\d+)?)\s*(?P<scale2>million|billion)?\s*"
    r"(?P<unit>dollars|euros|rubles|roubles|yuan|pounds|USD|EUR|RUB|CNY|GBP)\b",
    re.IGNORECASE,
)
CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "₽": "RUB", "dollars": "USD",
              "euros": "EUR", "rubles": "RUB", "roubles": "RUB", "yuan": "CNY", "pounds": "GBP"}
SCALES = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "k": 1e3}
PROVIDER = re.compile(r"\b(?:through|via|from|by|with)\s+(?:the\s+)?(?P<rest>.+)", re.IGNORECASE)
FINANCING = "financing"


@lru_cache(maxsize=1)
def action_words() -> dict[str, str]:
    return {row["word"]: row["action"] for row in read_tsv("actions.tsv")}


def parse_number(text: str) -> float | None:
    text = text.strip().lower().replace(",", "")
    try:
        return float(text)
    except ValueError:
        pass
    if text == "dozen":
        return 12.0
    try:
        return float(text2num(text.replace("-", " "), "en"))
    except ValueError:
        return None


def find_action(text: str) -> str | None:
    words = action_words()
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in words and words[word] != FINANCING:
            return words[word]
    return None


def _quantity_before(text: str, start: int) -> float | None:
    """A number right before position `start`, allowing up to two modifier words between."""
    before = text[max(0, start - 60):start]
    match = re.search(
        rf"({NUMBER.pattern})\s+(?:[A-Za-z-]+\s+){{0,2}}$", before, re.IGNORECASE
    )
    if not match:
        return None
    return parse_number(match.group(1))


def equipment_items(text: str, action: str | None = None) -> list[Item]:
    """Items for each equipment mention; a named system followed by its generic noun is one item."""
    mentions = find_equipment(text)
    items: list[Item] = []
    skip = set()
    for index, (start, end, entry) in enumerate(mentions):
        if index in skip:
            continue
        name, kind, stop = entry.name if not entry.generic else text[start:end].lower(), \
            entry.category, end
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if not entry.generic and following and following[2].generic and \
                text[end:following[0]].strip() == "":
            name = f"{entry.name} {text[following[0]:following[1]].lower()}"
            stop = following[1]
            skip.add(index + 1)
        items.append(Item(text=text[start:stop], quantity=_quantity_before(text, start),
                          item=name, kind=kind, action=action))
    return items


def money(text: str) -> tuple[float | None, str | None]:
    match = MONEY.search(text)
    if not match:
        return None, None
    number = match.group("number") or match.group("number2")
    scale = (match.group("scale") or match.group("scale2") or "").lower()
    unit = match.group("symbol") or match.group("unit")
    amount = parse_number(number) if number else None
    if amount is not None and scale:
        amount *= SCALES.get(scale, 1)
    return amount, CURRENCIES.get((unit or "").lower(), CURRENCIES.get(unit or "", unit))


def financing_item(text: str, provider: str | None) -> Item:
    term = TERM.search(text)
    amount, currency = money(text)
    return Item(text=text.strip(), item=FINANCING, action=FINANCING,
                term_years=parse_number(term.group(1)) if term else None,
                provider=provider, amount=amount, currency=currency)


def mentions_financing(text: str) -> bool:
    words = action_words()
    return any(words.get(w) == FINANCING for w in re.findall(r"[a-z]+", text.lower()))


def provider_in(text: str, organisations: list[str]) -> str | None:
    """The organisation named after "through/via/from" (one the caller found as an entity)."""
    match = PROVIDER.search(text)
    if not match:
        return None
    rest = match.group("rest")
    for name in organisations:
        if name in rest:
            return name
    return None


def bullet_items(bullet: str, organisations: list[str]) -> list[Item]:
    """Items of one list bullet "Label: description"."""
    label, _, description = bullet.partition(":")
    if not description:
        label, description = "", bullet
    action = find_action(label) or find_action(description)
    if mentions_financing(label) or (not label and mentions_financing(description)):
        return [financing_item(bullet, provider_in(description or label, organisations))]
    labelled = [i for i in equipment_items(label, action) if i.quantity is not None]
    if labelled:
        return labelled
    described = equipment_items(description, action)
    counted = [i for i in described if i.quantity is not None]
    if counted:
        return counted
    named = [i for i in described + equipment_items(label, action)]
    if named:
        return [named[0]]
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", label) if w.lower() not in action_words()]
    name = " ".join(words).lower() or description.strip().lower()[:60]
    return [Item(text=bullet.strip(), item=name or None, action=action)]


def phrase_items(text: str, organisations: list[str]) -> list[Item]:
    """Items in an event's object phrase ("for 14 missile units and a $2 billion loan")."""
    items = equipment_items(text, find_action(text))
    if mentions_financing(text):
        items.append(financing_item(text, provider_in(text, organisations)))
    else:
        amount, currency = money(text)
        if amount is not None:
            items.append(Item(text=text.strip(), item="money", amount=amount, currency=currency))
    return items

"""Read CAMEO-format actor and agent dictionaries (TABARI, PETRARCH, Phoenix).

Actor files hold one entry per top-level line, ``NAME [CODE]`` or a bare ``NAME``, followed
by ``+ALIAS`` lines and indented ``[CODE DATES]`` lines::

    HUGO_CHAVEZ_  # CountryInfo.txt
    +HUGO_RAFAEL_CHAVEZ_FRIAS
        [VENGOV 990202-020412]
        [VENGOV >20020414]
        [VENELI]

Dates are ``YYMMDD`` (YY <= 30 is 20YY, else 19YY) or ``YYYYMMDD``; ``>D`` means from D,
``<D`` until D, ``D1-D2`` a range; a code without dates is the undated fallback (the
person's identity outside office, e.g. ``VENELI``). An entry with no code of its own shares
the codes of the next entry that has some, as in PETRARCH.

Agent files hold ``!MARK! = A, B`` substitution sets and ``PHRASE {PLURAL} [~CODE]`` lines;
``{}`` means no plural, no braces means a regular plural is made.

Comments are ``#`` to end of line and ``<!-- ... -->`` blocks. A line that cannot be read is
skipped; pass ``problems=[]`` to collect one message per skipped line. Only a file with no
CAMEO codes at all raises ``DictionaryError`` (a ``ValueError``).
"""

from __future__ import annotations

import datetime
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.errors import DictionaryError

log = logging.getLogger(__name__)


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# First blocks that are sectors, religions or modifiers rather than a country: a code that
# starts with one of these ("ELI", "MEDxxx", "BUDREB") has no country.
NON_COUNTRY_PREFIXES = _wordset(
    "GOV MIL REB OPP PTY COP JUD SPY MED JRN EDU BUS CRM CVL ELI HLH HRI LAB LEG REF AGR ENV "
    "DEV UAF RAD MOD SEP PRM SOC REL PRE NON JNK PPL "
    "BUD CHR CTH ORT PRO JEW MUS MOS SHI SUF HIN BAH JAN SIK ZRO TAO CON ADR ATH"
)

_CODE_RE = re.compile(r"^[A-Za-z0-9~+\-]+$")
_DATE_RE = re.compile(r"^\d{6}$|^\d{8}$")
_BRACKET_RE = re.compile(r"\[([^\[\]]*)\]")
_MARKER_DEF_RE = re.compile(r"^!([^!\s]+)!\s*=\s*(.+)$")
_MARKER_RE = re.compile(r"!([^!\s]+)!")


@dataclass
class DictRole:
    """One code of an actor, with its date restriction (both ends None = undated)."""

    code: str
    country: str | None
    sector: str | None
    start: datetime.date | None = None
    end: datetime.date | None = None
    joint: bool = False  # one of several actors the name stands for at once ("[ELR/GAL]")

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass
class DictActor:
    """One top-level actor entry; ``names[0]`` is the canonical name."""

    names: list[str]
    roles: list[DictRole]
    source: str
    line: int = 0
    comment: str = ""


@dataclass
class DictAgent:
    """One agent line: the phrases it matches and its sector (``[~GOV]`` gives ``GOV``)."""

    words: list[str]
    sector: str
    code: str = ""
    agent_only: bool = True


@dataclass
class _Line:
    number: int
    text: str
    comment: str


@dataclass
class _Reader:
    path: Path
    problems: list[str] | None
    skipped: int = 0
    codes_seen: int = 0
    pending: list[DictActor] = field(default_factory=list)
    unreadable: set[int] = field(default_factory=set)  # ids of entries whose code failed

    def warn(self, number: int, message: str) -> None:
        self.skipped += 1
        if self.problems is not None:
            self.problems.append(f"{self.path}:{number}: {message}")


# ---------------------------------------------------------------- lines and comments


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DictionaryError(f"{path}: cannot read ({exc}); fix: pass an existing file") from exc
    if b"\x00" in data[:4096]:
        raise DictionaryError(
            f"{path}: binary file, not a CAMEO dictionary; fix: pass a text .actors/.agents file"
        )
    return data.decode("utf-8", errors="replace")


def _logical_lines(text: str) -> list[_Line]:
    """Lines with XML comments and ``#`` comments removed; blank lines dropped."""
    lines: list[_Line] = []
    in_xml = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_xml:
            if "-->" not in line:
                continue
            line = line[line.index("-->") + 3 :]
            in_xml = False
        line, in_xml = _strip_xml_comments(line)
        if line.lstrip().startswith("<!"):
            in_xml = "-->" not in line
            continue
        comment = ""
        if "#" in line:
            line, _, comment = line.partition("#")
        if line.strip():
            lines.append(_Line(number, line.rstrip(), comment.strip()))
    return lines


def _strip_xml_comments(line: str) -> tuple[str, bool]:
    while "<!--" in line:
        head, _, tail = line.partition("<!--")
        if "-->" not in tail:
            return head, True
        line = head + tail[tail.index("-->") + 3 :]
    return line, False


# ---------------------------------------------------------------- codes and dates


def parse_date(text: str) -> datetime.date:
    """``YYMMDD`` (YY <= 30 is 20YY) or ``YYYYMMDD``; raises DictionaryError otherwise."""
    text = text.strip()
    if not _DATE_RE.match(text):
        raise DictionaryError(f"date {text!r} is not YYMMDD or YYYYMMDD")
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    return datetime.date(year, month, day)


def split_code(code: str) -> tuple[str | None, str | None]:
    """Country and sector blocks of a CAMEO code: ``VENGOVMIL`` -> (VEN, GOV), ``ELI`` ->
    (None, ELI), ``IGOUNO`` -> (IGO, UNO), ``---`` -> (None, None).

    The country is the first 3-letter block unless that block is a sector or religion code;
    the sector is the next block as written (for IGO/NGO/IMG/MNC codes that block names the
    organisation or region rather than a sector)."""
    upper = code.upper().lstrip("~").rstrip("~")
    if not re.fullmatch(r"[A-Z0-9]{3,}", upper):
        return None, None
    first = upper[:3]
    if first in NON_COUNTRY_PREFIXES:
        return None, first
    sector = upper[3:6] if len(upper) >= 6 else None
    return first, sector


def parse_role(inside: str) -> list[DictRole]:
    """Roles from the text inside one ``[...]``; raises DictionaryError when unreadable.

    ``[ELR/GAL]`` (several actors at once) gives one role per code."""
    parts = inside.strip().split(None, 1)
    if not parts:
        raise DictionaryError("empty code []")
    code = parts[0]
    rest = parts[1].strip() if len(parts) > 1 else ""
    for marker in "<>":  # "[HOB<950601]" written without a space
        if marker in code:
            code, _, tail = code.partition(marker)
            rest = marker + tail + rest
    start, end = _parse_dates(rest)
    roles = []
    codes = code.split("/")
    for one in codes:
        if not one or not _CODE_RE.match(one):
            raise DictionaryError(f"bad code {one!r}")
        country, sector = split_code(one)
        roles.append(DictRole(one, country, sector, start, end, joint=len(codes) > 1))
    return roles


def _parse_dates(rest: str) -> tuple[datetime.date | None, datetime.date | None]:
    rest = rest.replace(" ", "")
    if not rest:
        return None, None
    if rest[0] == "<":
        return None, parse_date(rest[1:])
    if rest[0] == ">":
        return parse_date(rest[1:]), None
    if "-" in rest:
        first, _, second = rest.partition("-")
        start, end = parse_date(first), parse_date(second)
        if end < start:
            raise DictionaryError(f"range ends before it starts: {rest}")
        return start, end
    raise DictionaryError(f"cannot read date restriction {rest!r}")


def _roles_in(reader: _Reader, line: _Line, text: str) -> list[DictRole] | None:
    """Roles in the brackets of ``text``; an unreadable bracket is skipped with a warning.

    Returns None when the brackets do not balance (nothing on the line can be trusted)."""
    if text.count("[") != text.count("]"):
        reader.warn(line.number, f"unbalanced brackets in {line.text.strip()!r}")
        return None
    roles: list[DictRole] = []
    for inside in _BRACKET_RE.findall(text):
        reader.codes_seen += 1
        try:
            roles.extend(parse_role(inside))
        except ValueError as exc:
            reader.warn(line.number, f"{exc} in {line.text.strip()!r}")
    return roles


# ---------------------------------------------------------------- names


_LOWER_WORDS = _wordset(
    "of the and for in on at to de del della der den des di da do dos das du la las le les "
    "los van von y e al el bin bint ibn ben bte et"
)
_ROMAN = re.compile(r"^(?:i{1,3}|iv|v|vi{1,3}|ix|x)$")


def human_name(raw: str, acronyms: bool = False) -> str:
    """``HUGO_CHAVEZ_`` -> ``Hugo Chavez``; ``BASHAR_AL-ASSAD`` -> ``Bashar al-Assad``.

    With ``acronyms`` (organisation names) known acronyms, vowel-less or all-vowel words,
    two-letter words and one-word names of up to three letters stay upper-case: ``IAEA``,
    ``NATO``, ``UN Security Council``, ``(ALF)``."""
    words = raw.replace("_", " ").split()
    single = len(words) == 1
    out = [_case_word(w, i == 0, acronyms, single) for i, w in enumerate(words)]
    return " ".join(out)


def _case_word(word: str, first: bool, acronyms: bool, single: bool) -> str:
    lower = word.lower()
    letters = re.sub(r"[^a-z]", "", lower)
    if acronyms and letters and lower not in _LOWER_WORDS and _looks_acronym(word, letters, single):
        return word.upper()
    if "." in word and len(letters) <= 4 and not lower.endswith(("jr.", "sr.", "st.")):
        return word.upper()  # initials and dotted abbreviations: "U.S.", "K."
    if _ROMAN.match(lower) and not first:
        return lower.upper()
    if lower in _LOWER_WORDS and not first:
        return lower
    parts = lower.split("-")
    cased = []
    for index, part in enumerate(parts):
        if index == 0 and part in ("al", "el") and len(parts) > 1 and not first:
            cased.append(part)
        else:
            cased.append(_cap(part))
    return "-".join(cased)


def _looks_acronym(word: str, letters: str, single: bool) -> bool:
    if word.startswith("(") and word.endswith(")"):
        return True
    if letters.upper() in KNOWN_ACRONYMS:
        return True
    if not re.search(r"[aeiouy]", letters) or not re.search(r"[^aeiou]", letters):
        return True  # "PKK", "IAEA"
    if len(letters) <= 2 and letters not in _SHORT_WORDS:
        return True  # "UN", "EU" inside a longer name
    return single and len(letters) <= 3


_SHORT_WORDS = _wordset("a an as at by do go he if in is it me my no of on or so to up us we")
KNOWN_ACRONYMS = _wordset(
    "NATO OPEC FARC ASEAN UNICEF UNESCO NASA OSCE ECOWAS SADC UNITA ALBA CELAC BRICS UNASUR "
    "IGAD AMISOM UNIFIL MINUSMA MONUSCO UNAMID UNAMA UNRWA UNHCR UNDP UNEP UNFPA UNODC OPCW "
    "CERN ISAF KFOR SFOR IFOR EUFOR EULEX FRONTEX AFRICOM CENTCOM EUCOM SOUTHCOM NORAD "
    "ISIS ISIL AQAP AQIM ETA IRA INLA ELN EPL MRTA PKK HTS SDF YPG UNDOF UNMIK UNMIL "
    "OAS OAU OIC OECD UNIDO UNCTAD IFAD ICAO IMO ITU UPU WIPO WMO UNWTO IAEA WHO ILO FAO IMF"
)


def _cap(part: str) -> str:
    if not part:
        return part
    if part.startswith("mc") and len(part) > 3:
        return "Mc" + part[2:].capitalize()
    if len(part) > 2 and part[1] == "'" and part[0] in "odl":
        return part[0].upper() + "'" + part[2:].capitalize()
    lead = re.match(r"^[^a-z0-9]*", part)
    n = lead.end() if lead else 0
    return part[:n] + part[n:].capitalize()


def _add_name(actor: DictActor, raw: str, acronyms: bool) -> None:
    name = human_name(raw, acronyms)
    if name and name not in actor.names:
        actor.names.append(name)


# ---------------------------------------------------------------- actors


def read_actors(
    path: str | Path, problems: list[str] | None = None, acronyms: bool | None = None
) -> list[DictActor]:
    """Parse a CAMEO actor dictionary into entries; bad lines are skipped and counted.

    ``acronyms`` keeps acronyms upper-case in names (organisation files); by default it is on
    for every file except a ``*Countries*`` one, whose entries are countries and people."""
    path = Path(path)
    reader = _Reader(path, problems)
    if acronyms is None:
        acronyms = "countries" not in path.name.lower()
    actors: list[DictActor] = []
    current: DictActor | None = None
    for line in _logical_lines(_read_text(path)):
        text = line.text
        if text.lstrip().startswith("+"):
            current = _alias_line(reader, line, current, acronyms)
        elif text[0] in " \t[":
            _code_line(reader, line, current, acronyms)
        else:
            new = _primary_line(reader, line, acronyms)
            if new is not None:
                _close(reader, current)
                current = new
                actors.append(new)
    _close(reader, current)
    for orphan in reader.pending:
        reader.warn(orphan.line, f"entry {orphan.names[0]!r} has no code")
    _check_is_dictionary(reader, path, "actor")
    if reader.skipped:
        log.warning("%s: skipped %d unreadable lines", path, reader.skipped)
    return actors


def _alias_line(
    reader: _Reader, line: _Line, current: DictActor | None, acronyms: bool
) -> DictActor | None:
    text = line.text.strip()[1:]
    if current is None:
        reader.warn(line.number, "alias '+' line before any entry")
        return None
    name = text.partition("[")[0].strip()
    if not name:
        reader.warn(line.number, "empty alias")
        return current
    _add_name(current, name, acronyms)
    if line.comment and not current.comment:
        current.comment = line.comment
    if "[" in text:  # "+ALIAS [CODE]" is rare but seen
        _code_line(reader, _Line(line.number, text[text.index("[") :], line.comment), current)
    return current


def _code_line(
    reader: _Reader, line: _Line, current: DictActor | None, acronyms: bool = False
) -> None:
    if current is None:
        reader.warn(line.number, "code line before any entry")
        return
    if "[" not in line.text:
        reader.warn(line.number, f"indented line without a [code]: {line.text.strip()!r}")
        return
    name = line.text.partition("[")[0].strip()
    if name:  # "\tJOHN_MCCLOY_\t[CODE]": an indented alias carrying codes
        _add_name(current, name, acronyms)
    roles = _roles_in(reader, line, line.text)
    if roles:
        current.roles.extend(roles)
    else:
        reader.unreadable.add(id(current))


def _primary_line(reader: _Reader, line: _Line, acronyms: bool) -> DictActor | None:
    text = line.text
    name = text.partition("[")[0].strip()
    if not name or not re.search(r"[A-Za-z0-9]", name):
        reader.warn(line.number, f"entry without a name: {text.strip()!r}")
        return None
    actor = DictActor([], [], reader.path.name, line.number, line.comment)
    _add_name(actor, name, acronyms)
    if "[" in text or "]" in text:
        roles = _roles_in(reader, line, text[len(text.partition("[")[0]) :])
        if not roles:
            reader.unreadable.add(id(actor))  # keep the name; do not borrow other codes
        actor.roles.extend(roles or [])
    return actor


def _close(reader: _Reader, actor: DictActor | None) -> None:
    """Finish an entry: a code-less one waits for the next entry's codes (PETRARCH)."""
    if actor is None:
        return
    if not actor.roles:
        if id(actor) not in reader.unreadable:
            reader.pending.append(actor)
        return
    for waiting in reader.pending:
        waiting.roles = [DictRole(**vars(role)) for role in actor.roles]
    reader.pending.clear()


def _check_is_dictionary(reader: _Reader, path: Path, kind: str) -> None:
    if reader.codes_seen == 0:
        raise DictionaryError(
            f"{path}: no CAMEO {kind} codes found (expected lines like 'NAME [CODE]'); "
            f"fix: pass a TABARI/PETRARCH .{kind}s dictionary file"
        )


# ---------------------------------------------------------------- agents


def read_agents(path: str | Path, problems: list[str] | None = None) -> list[DictAgent]:
    """Parse a CAMEO agent dictionary; substitution sets are expanded, plurals added."""
    path = Path(path)
    reader = _Reader(path, problems)
    markers: dict[str, list[str]] = {}
    agents: list[DictAgent] = []
    for line in _logical_lines(_read_text(path)):
        text = line.text.strip()
        definition = _MARKER_DEF_RE.match(text)
        if definition and "[" not in text:
            items = [w.strip() for w in definition.group(2).split(",") if w.strip()]
            markers[definition.group(1)] = items
            continue
        agent = _agent_line(reader, line, text, markers)
        if agent is not None:
            agents.append(agent)
    _check_is_dictionary(reader, path, "agent")
    if reader.skipped:
        log.warning("%s: skipped %d unreadable lines", path, reader.skipped)
    return agents


def _agent_line(
    reader: _Reader, line: _Line, text: str, markers: dict[str, list[str]]
) -> DictAgent | None:
    match = re.match(r"^(.*?)\[\s*([^\[\]]*?)\s*\]\s*$", text)
    if "[" in text:
        reader.codes_seen += 1
    if not match:
        reader.warn(line.number, f"agent line without a [CODE]: {text!r}")
        return None
    phrase_part, raw_code = match.group(1).strip(), match.group(2)
    code = raw_code.replace(" ", "")
    sector_code = code.strip("~")
    if not re.fullmatch(r"[A-Za-z0-9]{3,}", sector_code):
        reader.warn(line.number, f"bad agent code [{raw_code}]")
        return None
    phrase, plurals = _split_plurals(phrase_part)
    if not phrase or plurals is False or plurals is True:
        reader.warn(line.number, f"cannot read agent phrase {phrase_part!r}")
        return None
    try:
        words = _agent_words(phrase, plurals, markers)
    except KeyError as exc:
        reader.warn(line.number, f"undefined substitution set !{exc.args[0]}!")
        return None
    return DictAgent(words, sector_code[:3].upper(), sector_code.upper(), code.startswith("~"))


def _split_plurals(part: str) -> tuple[str, list[str] | None | bool]:
    """Phrase and explicit plurals: None = make a regular plural, [] = none, False = bad."""
    if "{" not in part and "}" not in part:
        return part.strip(), None
    if part.count("{") != 1 or part.count("}") != 1 or part.index("{") > part.index("}"):
        return part.strip(), False
    head, _, tail = part.partition("{")
    inside = tail.partition("}")[0]
    plurals = [p.strip() for p in inside.split(",") if p.strip()]
    return head.strip(), plurals


def _agent_words(
    phrase: str, plurals: list[str] | None, markers: dict[str, list[str]]
) -> list[str]:
    if _MARKER_RE.search(phrase):
        forms = _expand_markers(phrase, markers)  # sets already list their plural forms
    else:
        forms = [phrase]
        forms += plurals if plurals is not None else [plural_phrase(phrase)]
    words: list[str] = []
    for form in forms:
        word = " ".join(form.replace("_", " ").lower().split())
        if word and word not in words:
            words.append(word)
    return words


def _expand_markers(phrase: str, markers: dict[str, list[str]]) -> list[str]:
    match = _MARKER_RE.search(phrase)
    if match is None:
        return [phrase]
    name = match.group(1)
    before, after = phrase[match.start() - 1 : match.start()], phrase[match.end() : match.end() + 1]
    if before.isalpha() and after.isalpha():  # "AD!MINIST!RATIVE": a search-replace slip
        return _expand_markers(phrase[: match.start()] + name + phrase[match.end() :], markers)
    if name not in markers:
        raise KeyError(name)
    out: list[str] = []
    for item in markers[name]:
        out += _expand_markers(phrase[: match.start()] + item + phrase[match.end() :], markers)
    return out


_MAN_EXCEPTIONS = _wordset("german human roman ottoman shaman talisman cayman caiman")


def plural_phrase(phrase: str) -> str:
    """Regular plural of an agent phrase: the head noun before ``_OF_`` or the last word."""
    words = phrase.replace("_", " ").split()
    if not words:
        return phrase
    lowered = [w.lower() for w in words]
    head = lowered.index("of") - 1 if "of" in lowered[1:] else len(words) - 1
    words[head] = plural_word(words[head])
    return " ".join(words)


def plural_word(word: str) -> str:
    """English regular plural, upper-case if the word was: minister -> ministers; a word
    already ending in a plural -s is returned as it is."""
    lower = word.lower()
    upper = word.isupper()
    if lower.endswith("s") and not lower.endswith(("ss", "us")):
        return word  # already plural: "troops", "rangers"
    if lower.endswith("man") and lower not in _MAN_EXCEPTIONS and len(lower) > 3:
        out = lower[:-3] + "men"
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        out = lower[:-1] + "ies"
    elif lower.endswith(("s", "x", "z", "ch", "sh")):
        out = lower + "es"
    else:
        out = lower + "s"
    return out.upper() if upper else out

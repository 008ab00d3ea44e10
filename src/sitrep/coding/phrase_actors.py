"""The actors a noun phrase names (`actors_of`): the phrase's head and the members of its list,
each through its mention; a sector noun owned by a mention ("Maduro's government") or placed by
one ("soldiers from Chad", "activists in Syria"); a person named in apposition to a common noun
("the journalist X"); a country's group, a body's people, a coalition a country leads
(`leading_country`: "the Saudi-led coalition"); a name a dictionary codes as several actors.

Works on spaCy tokens and the document's `Mentions` (entities/mentions.py), with the parse helpers
of `roles.py`; hands on `Actor`s to every stage that asks who a phrase is (participants, targets,
recipients, discourse, ...).
"""

from __future__ import annotations

from dataclasses import replace

from sitrep.actors.resolve import resolve
from sitrep.coding import posts
from sitrep.coding.lists import conjuncts, listed_owners
from sitrep.coding.party_phrase import phrase
from sitrep.coding.posts import POST_NOUNS, named_in_apposition, phrase_sector, post_body
from sitrep.coding.roles import NOT_AN_ACTOR, QUANTITY_NOUNS, prep_objects
from sitrep.entities.mentions import ACTOR_LABELS, Mention, Mentions
from sitrep.model import Actor
from sitrep.resources import word_class

# The confidence `resolve` gives a name matched whole (0.9) or after a title (0.85); spelling,
# initials and surnames give less: such a match yields to what the text says of the person.
EXACT_NAME = 0.85


BODY_NOUNS = word_class("body_nouns")
COALITION_NOUNS = word_class("coalition_nouns")


def actors_of(token, mentions: Mentions, sectors: dict[str, str]) -> list[Actor]:
    """The actors a noun phrase names: the token and its conjuncts, each through its mention, or
    a sector noun ("government", "navy") owned by a mention ("Maduro's government") or placed
    by one ("soldiers from Chad", "activists in Syria")."""
    found = []
    heads = conjuncts(token)
    heads += _misattached_list(token, mentions)
    shared: dict[int, list] = {}
    for head in heads:
        mention = mentions.at(head)
        if mention is not None:
            shared.setdefault(mention.start, []).append(head)
    done: set[int] = set()
    for head in heads:
        mention = mentions.at(head)
        if mention is not None and len(shared.get(mention.start, ())) > 1 and \
                mention.label in ACTOR_LABELS and mention.actor is not None:
            # several members of the list inside one mention ("Gondor and Arnor" tagged whole)
            if mention.start in done:
                continue
            done.add(mention.start)
            found.extend(_split_mention(mention, shared[mention.start], mentions))
            continue
        found.extend(_named_person(head, _actors_of_head(head, mentions, sectors), mentions,
                                   sectors))
    _share_owner(found, token, mentions)
    found = [one for actor in found for one in _joint_actors(actor, mentions)]
    unique: list[Actor] = []
    for actor in found:  # "Cuban doctors and nurses": one party, not two
        if any(a.kb_id == actor.kb_id and (a.code, a.sector) == (actor.code, actor.sector) and (
                actor.kb_id is None or a.entity_text == actor.entity_text) for a in unique):
            continue
        unique.append(actor)
    return unique


def _named_person(head, found: list[Actor], mentions: Mentions,
                  sectors: dict[str, str]) -> list[Actor]:
    """"The journalist Ibrahim Sani", "his deputy Joseph Banda": a common noun a person's name
    follows in apposition is that person: the one the knowledge base knows, else the noun's
    party under the person's name (of the noun's sector if nothing else placed it); a country the
    phrase states wins over the name's ("Kenya's minister X" is Kenya's whoever X may be)."""
    named = next((c for c in head.children if c.dep_ == "appos" and c.i > head.i
                  and getattr(mentions.at(c), "label", None) == "PERSON"), None) \
        if head.pos_ == "NOUN" and mentions.at(head) is None else None
    person = _actors_of_head(named, mentions, sectors)[:1] if named is not None else []
    if not person:
        return found
    sector = sectors.get(head.lower_) or sectors.get(head.lemma_.lower())
    known, placed = person[0], {a.code for a in found if a.code}
    if (known.kb_id or known.code or not found) and (not placed or known.code in placed):
        return [replace(known, sector=known.sector or (sector if sector != NOT_AN_ACTOR else None))]
    return [replace(a, entity_text=known.entity_text, kb_id=None if (
        a.kb_id or "").startswith("person:") else a.kb_id) for a in found]


def _joint_actors(actor: Actor, mentions: Mentions) -> list[Actor]:
    """A name a dictionary codes as several actors at once ("LORIEN [ELR/GAL]") is each of them."""
    if mentions.kb is None or not actor.kb_id or not actor.name:
        return [actor]
    others = [e.country for e in mentions.kb.lookup(actor.name)
              if e.joint and e.kb_id == actor.kb_id and e.country and e.country != actor.code]
    if not others:
        return [actor]
    return [actor] + [replace(actor, code=code) for code in dict.fromkeys(others)]


def _share_owner(found: list[Actor], first, mentions: Mentions) -> None:
    """"Danish media and government", "Iraqi police and army units": the country adjective of
    the first member of a list scopes over the members that name no country."""
    owned = [a for a in found if a.code]
    if len({a.code for a in owned}) == 1 and _owner_modifier(first, mentions):
        for actor in found:
            if actor.code is None and actor.kb_id is None and actor.sector:
                actor.code = owned[0].code


def _owner_modifier(token, mentions: Mentions) -> bool:
    return any(c.dep_ in {"amod", "compound"} and c.i < token.i
               and getattr(mentions.at(c), "label", None) in {"NORP", "GPE"}
               for c in token.children)


def _misattached_list(token, mentions: Mentions) -> list:
    """"Arnor, Calenardhon and the evil Gondor": the parser hung the first members of a list of
    names on the last one as a modifier; they are its conjuncts."""
    mention = mentions.at(token)
    if mention is None or mention.label not in ACTOR_LABELS:
        return []
    extra: list = []
    for child in token.children:
        if child.dep_ in {"nmod", "compound", "npadvmod", "amod"} and child.i < token.i and \
                any(c.dep_ == "conj" for c in child.children):
            owner = mentions.at(child)
            if owner is not None and owner is not mention and owner.actor and owner.actor.code:
                extra.extend(t for t in conjuncts(child) if t.i < token.i)
    return extra


def _split_mention(mention: Mention, heads: list, mentions: Mentions) -> list[Actor]:
    """A mention covering several list members: one name of the knowledge base ("Trinidad and
    Tobago", resolved whole with full confidence) is one actor; otherwise each member is
    resolved on its own when the knowledge base is at hand, else the mention counts once."""
    if mention.actor is None:
        return []
    if mention.actor.confidence >= 0.9 or mentions.kb is None:
        return [replace(mention.actor)]
    found = []
    for head in heads:
        words = [t for t in _name_tokens(head) if mention.start <= t.idx < mention.end]
        text = " ".join(t.text for t in words)
        actor = mentions.resolve_words(text, mention.label) if text else None
        if actor is not None and (actor.code or actor.kb_id):
            found.append(actor)
    return found or [replace(mention.actor)]


def _name_tokens(head) -> list:
    """A name's own words: the head and its compounds, without the rest of its list."""
    words = [head]
    for child in head.children:
        if child.dep_ in {"compound", "flat"}:
            words.extend(_name_tokens(child))
    return sorted(words, key=lambda t: t.i)


# Prepositions that place a group in a country: "soldiers from Chad", "activists in Syria".
ORIGIN_PREPS = {"from", "in", "throughout", "across"}


PLACE_LABELS = {"GPE", "NORP", "LOC"}


# After "in", a place is the event's place, whose country the coder gives sector-only actors
# after the protest and same-country rules have run (events.py); only a country the model did
# not take for a place ("activists in Eswatini" tagged ORG or NORP) is not found that way.
EVENT_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _is_country(mention: Mention) -> bool:
    """A country, also where the model took it for a nationality, a body or a person."""
    return mention.label == "NORP" or (mention.actor is not None and
                                       (mention.actor.kb_id or "").startswith("country:"))


def _actors_of_head(head, mentions: Mentions, sectors: dict[str, str]) -> list[Actor]:
    mention = mentions.at(head)
    if mention and mention.actor and mention.label in ACTOR_LABELS:
        actor = replace(mention.actor)
        if actor.code is None:
            # "Salaheddine Sidhoum, Algeria's leading human rights activist": the apposition
            # says whose the person is
            described = next((a for c in head.children if c.dep_ == "appos"
                              for a in _actors_of_head(c, mentions, sectors) if a.code), None)
            if described is not None:
                actor.code, actor.sector = described.code, actor.sector or described.sector
            elif actor.kb_id is None and mention.label == "PERSON":
                body = post_body(head, mentions, actors_of)  # "Jane Roe, a spokeswoman for the U.N."
                if body is not None:
                    actor.code, actor.sector = body.code, actor.sector or body.sector
        elif mention.label == "PERSON" and actor.confidence < EXACT_NAME:
            # a name matched loosely ("Ahmed Saleh" by spelling to Algeria's Ahmed Gaid Salah)
            # yields to the post the text gives it ("a spokesman for the Yemeni government")
            body = post_body(head, mentions, actors_of)
            if body is not None:
                actor = Actor(entity_text=actor.entity_text, code=body.code, sector=body.sector,
                              confidence=actor.confidence)
        return [actor]
    sector = phrase_sector(head, sectors) or sectors.get(head.lower_) or \
        sectors.get(head.lemma_.lower())
    if sector == NOT_AN_ACTOR:
        return []
    numbered = any(c.dep_ == "nummod" and c.i > head.i for c in head.children)
    if (sector is None or head.lemma_.lower() in BODY_NOUNS) and not numbered:
        # "army units", "police officers": the kind of group is in the modifier; "opposition
        # members", "rebel groups": a body's own people or the body, of the modifier's kind
        # (not a numbered text: "Senate Bill 512")
        sector = next((sectors[c.lemma_.lower()] for m in head.children if m.dep_ == "compound"
                       or m.dep_ == "nmod" and "PROPN" in {head.pos_, m.pos_} for c in conjuncts(m)
                       if sectors.get(c.lemma_.lower())  # "House and Senate negotiators": LEG
                       and sectors[c.lemma_.lower()] != NOT_AN_ACTOR), sector)
    leader = leading_country(head, mentions)
    if leader is not None:
        # "the Saudi-led coalition", "US-led forces": the leading country's (a coalition of
        # states' forces led by one is that country's military, as PLOVER's records code it)
        return [replace(leader, entity_text=phrase(head, party=True),
                        sector=sector or ("MIL" if head.lemma_.lower() in COALITION_NOUNS
                                          else None))]
    if opposed := posts.others_of(head, mentions, actors_of):  # "the president's critics"
        return opposed
    for child in head.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"}:
            owner = mentions.at(child)
            if owner and owner.actor and owner.label in ACTOR_LABELS and owner.actor.sector \
                    and (owner.actor.kb_id or "").startswith("org:") \
                    and head.lemma_.lower() in BODY_NOUNS:
                # "the Islamic State group", "Hamas members": the body the knowledge base lists
                return [replace(owner.actor, entity_text=phrase(head, party=True))]
            if owner and owner.actor and owner.label in ACTOR_LABELS and (
                    owner.actor.sector in {"IGO", "NGO"} or owner.actor.code is None
                    and owner.actor.sector and (owner.actor.kb_id or "").startswith("org:")):
                # "NATO air strikes", "NATO foreign ministers", "Greenpeace activists", "al-Qaeda
                # leaders" (a body of no one country): the body's own, not a country's (nor the
                # place's where they act)
                return [replace(owner.actor, entity_text=phrase(head, party=True) if sector else
                                owner.actor.entity_text)]
            if owner and owner.actor and owner.actor.code and owner.label in ACTOR_LABELS:
                if not sector:  # "UK and EU negotiators": each listed owner
                    named = named_in_apposition(head, owner, mentions)
                    return [named] if named else [replace(o.actor) for o in _owners(child, mentions)
                                                  if o.actor]
                # "U.S. and British forces": each owner's group
                return [_placed(o.actor, sector, head) for o in _owners(child, mentions) if o.actor]
    group = next((c for c in head.children if c.dep_ == "poss" and not sector
                  and sectors.get(c.lemma_.lower()) not in (None, NOT_AN_ACTOR)), None)
    if group is not None:  # "the opposition's appeal": a group's thing stands for the group
        return [replace(a, entity_text=a.entity_text.removesuffix(" 's").removesuffix(" '"))
                for a in _actors_of_head(group, mentions, sectors)]
    for child in head.children:
        # "thousands of people", "leaders of the opposition coalition", "members of Hamas",
        # "the chairman of the African Union Commission" (a post: `post_nouns`)
        # (the model tags "ministry" in "the foreign ministry of Iran" a proper noun)
        if child.dep_ == "prep" and child.lower_ == "of" and head.pos_ in {"NUM", "NOUN", "PROPN"} \
                and (head.like_num or head.lemma_.lower() in QUANTITY_NOUNS | POST_NOUNS
                     or sector):
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                # "the foreign ministers of France, Germany and Italy": every listed owner
                # "members of the government": a body's members are the body, placed or not
                members = [found for found in actors_of(pobj, mentions, sectors)
                           if found.code or not sector or (
                               found.sector and head.lemma_.lower() in BODY_NOUNS)]
                for found in members:
                    if sector and found.sector is None:
                        found.sector = sector
                _share_owner(members, pobj, mentions)  # "hundreds of Cuban doctors and nurses"
                if members:
                    return members
    if sector and head.pos_ in {"NOUN", "PROPN"}:
        placed = _origin(head, sector, mentions)
        if placed:
            return placed
        # "police", "protesters": a sector without a country; the event's place may give one
        return [Actor(entity_text=phrase(head, party=True), sector=sector, confidence=0.4)]
    if head.pos_ == "PROPN":
        body = post_body(head, mentions, actors_of)
        if body is not None:
            # "Jane Roe, a spokeswoman for the U.N.": a name no one tagged, known by its post
            return [Actor(entity_text=phrase(head, party=True), code=body.code, sector=body.sector,
                          confidence=0.5)]
    # "an attack by Boko Haram killed ...", "a statement by the ministry said ...": an act or a
    # text that names no one is its doer's
    return [a for pobj in prep_objects(head, {"by"}) if head.pos_ == "NOUN"
            for a in actors_of(pobj, mentions, sectors) if a.code or a.sector]


def leading_country(head, mentions: Mentions) -> Actor | None:
    """The country a "-led" modifier names ("the Saudi-led coalition", "U.S.-led forces", "a
    Saudi-led strike": participants.py reads a noun trigger's too); a
    party or a person leading ("the Labour-led coalition") is not one."""
    for child in head.children:
        if child.dep_ != "amod":
            continue
        if child.lower_ == "led":
            for named in child.children:
                mention = mentions.at(named) if named.dep_ in {"npadvmod", "compound", "nmod"} \
                    else None
                if mention and mention.actor and mention.actor.code and _is_country(mention):
                    return mention.actor
        elif child.lower_.endswith("-led") and mentions.kb is not None:
            # one token ("U.S.-led"): the model tags no entity inside it
            actor = resolve(child.text[:-4], mentions.when, "GPE", mentions.kb)
            if actor.code and (actor.kb_id or "").startswith("country:"):
                return actor
    return None


def _owners(child, mentions: Mentions) -> list[Mention]:
    owners = []
    for token in listed_owners(child):
        owner = mentions.at(token)
        if owner and owner.actor and owner.actor.code and owner.label in ACTOR_LABELS and \
                owner not in owners:
            owners.append(owner)
    return owners


def _placed(owner: Actor, sector: str, head) -> Actor:
    actor = replace(owner)
    actor.sector = sector
    actor.entity_text = phrase(head, party=True)
    return actor


def _origin(head, sector: str, mentions: Mentions) -> list[Actor]:
    """"Soldiers from Chad", "activists in Syria", "police in Nairobi", "officials from the
    State Department", "officials in the White House": the group belongs to the named place's country (a body keeps its own
    sector where it has one); a country name misparsed as the verb's modifier right before the
    group counts too ("Nauru police arrested ...")."""
    for child in head.children:
        if child.dep_ != "prep" or child.lower_ not in ORIGIN_PREPS:
            continue
        for pobj in child.children:
            if pobj.dep_ != "pobj":
                continue
            found = []
            for member in conjuncts(pobj):
                mention = mentions.at(member)
                if not (mention and mention.actor and mention.actor.code):
                    continue
                country = _is_country(mention)
                if child.lower_ == "in" and mention.label != "ORG":
                    if country and mention.label not in EVENT_PLACE_LABELS:
                        found.append(_placed(mention.actor, sector, head))
                elif country or mention.label in PLACE_LABELS:
                    found.append(_placed(mention.actor, sector, head))
                elif mention.label == "ORG":  # a body keeps its own sector
                    found.append(_placed(mention.actor, mention.actor.sector or sector, head))
            if found:
                return found
    if head.i > 0:
        before = head.doc[head.i - 1]
        mention = mentions.at(before)
        if mention and mention.actor and mention.actor.code and mention.label in PLACE_LABELS \
                and before.dep_ in {"npadvmod", "compound", "amod", "nmod"} \
                and before.head.i == head.head.i:
            return [_placed(mention.actor, sector, head)]
    return []

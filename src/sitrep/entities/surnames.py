"""A surname the model did not tag, of a person the document named in full before it ("President
Jane Roe ... Roe's critics"): a PERSON mention, so that the document's own person resolves it
(issue 13: a surname alone resolves only when the document's other mentions make it one person).
"""

from __future__ import annotations

from spacy.tokens import Span


def with_surnames(parsed) -> list[Span]:
    """The model's entities and, after a person's full name, that person's surname written alone
    as a proper noun the model left untagged, in text order."""
    ents = list(parsed.ents)
    first: dict[str, int] = {}
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text[:1].isupper():
            first.setdefault(ent[-1].text, ent.end)
    if not first:
        return ents
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    extra = [Span(parsed, t.i, t.i + 1, label="PERSON") for t in parsed
             if t.pos_ == "PROPN" and t.i not in taken and t.i >= first.get(t.text, len(parsed))]
    return sorted(ents + extra, key=lambda span: span.start)

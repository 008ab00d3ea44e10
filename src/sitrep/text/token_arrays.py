"""A parsed document's tokens as plain Python lists, made once per `Doc`: the rules' hottest
token walks read ints and strings from them instead of spaCy `Token` objects.

spaCy makes a new `Token` each time a document is indexed or walked (`token.head`,
`token.children`, `doc[i]`), and reads each string attribute (`dep_`, `lemma_`) through the
string store; the coder walks the same few dozen words of a sentence thousands of times.
`arrays_of(doc)` reads every token's text, head, dependency, lemma, lower-case form, tag, part
of speech, entity type and sentence start once, with each token's children, and keeps them (and the `Token`
objects, so a walk that ends on a word hands back the same `Token` every time) in
`Doc.user_data`, which lives exactly as long as the parse: nothing leaks across documents.
"""

from __future__ import annotations

from spacy.tokens import Doc

KEY = "sitrep.arrays"


class TokenArrays:
    """Per-token values of one parsed document, indexed by token offset (`Token.i`).

    `lemma` is the lower-cased lemma (`token.lemma_.lower()`, as every rule reads it); `head`
    is the head's offset (a root's own); `children` each token's children's offsets in order."""

    __slots__ = ("tokens", "text", "head", "dep", "lemma", "lower", "tag", "pos", "ent_type",
                 "sent_start", "children")

    def __init__(self, doc: Doc) -> None:
        tokens = list(doc)
        self.tokens = tokens
        self.text = [t.text for t in tokens]
        self.head = [t.head.i for t in tokens]
        self.dep = [t.dep_ for t in tokens]
        self.lemma = [t.lemma_.lower() for t in tokens]
        self.lower = [t.lower_ for t in tokens]
        self.tag = [t.tag_ for t in tokens]
        self.pos = [t.pos_ for t in tokens]
        self.ent_type = [t.ent_type_ for t in tokens]
        self.sent_start = [t.is_sent_start for t in tokens]
        children: list[list[int]] = [[] for _ in tokens]
        for i, head in enumerate(self.head):
            if head != i:
                children[head].append(i)
        self.children = children

    def conjuncts(self, i: int) -> list[int]:
        """`Token.conjuncts` as offsets: the tokens coordinated with token `i`, in spaCy's order."""
        head, dep, children = self.head, self.dep, self.children
        start = i
        while start != head[start] and dep[start] == "conj":
            start = head[start]
        queue, output = [start], [start]
        for word in queue:
            for child in children[word]:
                if child > word and dep[child] == "conj":
                    output.append(child)
                    queue.append(child)
        return [w for w in output if w != i]


def arrays_of(doc: Doc) -> TokenArrays:
    """The document's `TokenArrays`, made on first use and kept on the `Doc`."""
    found = doc.user_data.get(KEY)
    if found is None:
        found = doc.user_data[KEY] = TokenArrays(doc)
    return found

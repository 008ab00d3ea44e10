"""Token arrays: a parse's per-token values read once agree with spaCy's own tokens, and the
walks rewritten on them find what the token walks found."""

from __future__ import annotations

import pytest

from sitrep.text.token_arrays import arrays_of

WRITTEN = [
    "The envoy of Norway met rebel leaders and tribal elders in the hills near Kandahar.",
    "Soldiers sealed off the border crossing, and the ministry denied any incursion.\n"
    "Police in Lagos detained 40 protesters, journalists and two lawyers on Friday.",
    "Ghana was urged to withdraw its troops from the disputed island after the talks failed.",
    "The court found the former governor not guilty of fraud, his lawyers said on Tuesday.",
    "The minister pressed Pakistan to crack down on militants who attacked a convoy.",
]


@pytest.mark.parametrize("text", WRITTEN)
def test_arrays_agree_with_spacys_tokens(nlp, text):
    parsed = nlp(text)
    arrays = arrays_of(parsed)
    for token in parsed:
        i = token.i
        assert arrays.tokens[i].i == i and arrays.text[i] == token.text
        assert arrays.head[i] == token.head.i
        assert arrays.dep[i] == token.dep_ and arrays.pos[i] == token.pos_
        assert arrays.tag[i] == token.tag_ and arrays.ent_type[i] == token.ent_type_
        assert arrays.lemma[i] == token.lemma_.lower() and arrays.lower[i] == token.lower_
        assert arrays.sent_start[i] == token.is_sent_start
        assert arrays.children[i] == [c.i for c in token.children]
        assert arrays.conjuncts(i) == [c.i for c in token.conjuncts]
        # the subtree, walked down the children lists, is spaCy's
        stack, subtree = [i], []
        while stack:
            j = stack.pop()
            subtree.append(j)
            stack.extend(arrays.children[j])
        assert sorted(subtree) == [t.i for t in token.subtree]


def test_arrays_are_made_once_per_parse(nlp):
    first, second = nlp(WRITTEN[0]), nlp(WRITTEN[0])
    assert arrays_of(first) is arrays_of(first)  # kept on the Doc
    assert arrays_of(second) is not arrays_of(first)  # never shared across documents


@pytest.mark.parametrize("text", WRITTEN)
def test_walks_on_arrays_find_what_token_walks_found(nlp, text):
    from sitrep.coding.places import CLAUSES, clause_tokens
    from sitrep.coding.roles import direct_object, prep_objects

    parsed = nlp(text)
    for token in parsed:
        objects = [c for c in token.children if c.dep_ in {"dobj", "attr", "dative", "oprd"}]
        found = direct_object(token)
        if objects:
            assert found is not None and found.i == objects[0].i
        elif not any(c.lower_ == "up" for c in token.children):
            assert found is None
        stack, walked = [token], []
        while stack:
            t = stack.pop()
            walked.append(t.i)
            stack.extend(c for c in t.children if c.dep_ not in CLAUSES)
        assert [t.i for t in clause_tokens(token)] == walked
        preps = {"in", "from", "on", "of", "near"}
        expected = [g.i for c in token.children
                    if c.dep_ in {"prep", "agent", "dative"} and c.lower_ in preps
                    for g in c.children if g.dep_ == "pobj"]
        assert [t.i for t in prep_objects(token, preps)][:len(expected)] == expected

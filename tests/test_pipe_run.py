"""What one run of `Coder.pipe` keeps while it codes: what was loaded is frozen out of the
collector's walks, and put back when the run ends (or is abandoned; a freeze someone else made is
left alone); the names resolved in one batch serve the next."""

from __future__ import annotations

import gc

import sitrep.pipeline as pipeline
from sitrep.collector import loaded_frozen
from sitrep.model import Document


def test_objects_made_before_the_block_are_frozen_within_it_and_put_back_after():
    assert gc.get_freeze_count() == 0
    with loaded_frozen():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_a_freeze_made_elsewhere_is_left_as_it_was():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with loaded_frozen():
            assert gc.get_freeze_count() == frozen
        assert gc.get_freeze_count() == frozen  # not unfrozen by the block
    finally:
        gc.unfreeze()


def test_the_coder_codes_with_what_it_loaded_frozen_and_unfreezes_after(coder, monkeypatch):
    seen = []
    real = pipeline.code_parsed

    def code_parsed(doc, *args):
        seen.append(gc.get_freeze_count())
        return real(doc, *args)

    monkeypatch.setattr(pipeline, "code_parsed", code_parsed)
    docs = [Document(id=f"d{i}", text=text, published="2025-06-10") for i, text in enumerate(
        ["Chile recalled its ambassador from Peru.", "Norway sent aid to Haiti."])]
    results = list(coder.pipe(docs))
    assert len(results) == 2 and all(count > 0 for count in seen) and len(seen) == 2
    assert gc.get_freeze_count() == 0
    abandoned = coder.pipe(docs)
    next(abandoned)
    assert gc.get_freeze_count() > 0
    abandoned.close()  # a run given up half way puts everything back too
    assert gc.get_freeze_count() == 0


def test_the_batches_of_one_run_share_the_names_resolved(coder, monkeypatch):
    import copy

    import sitrep.actors.resolve as resolve

    calls: list[str] = []
    real = resolve.explain

    def explain(text, *args, **kwargs):
        calls.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(resolve, "explain", explain)
    one_a_batch = copy.copy(coder)
    one_a_batch.options = coder.options.replace(batch_size=1)
    text = "The Kenyan foreign ministry condemned the attack by militants on Somali police."
    per_document = []
    for result in one_a_batch.pipe(Document(id=f"d{i}", text=text, published="2025-06-10")
                                   for i in range(3)):
        assert result.events
        per_document.append(len(calls))
        calls.clear()
    # what the first batch resolved from a name alone is not resolved again in the next ones
    assert per_document[1] < per_document[0] and per_document[2] == per_document[1]


def test_a_coded_parse_is_left_with_nothing_that_holds_it(coder, monkeypatch):
    parses = []
    real = pipeline.code_parsed

    def code_parsed(doc, parsed, *args):
        parses.append(parsed)
        return real(doc, parsed, *args)

    monkeypatch.setattr(pipeline, "code_parsed", code_parsed)
    docs = [Document(id="d", text="Chile recalled its ambassador from Peru after the vote.",
                     published="2025-06-10")]
    (result,) = coder.pipe(docs)
    assert result.events
    (parsed,) = parses
    # the rules' token walks kept its tokens (each holding the parse) on it while it was coded
    assert not parsed.user_data
    assert [r for r in gc.get_referrers(parsed) if r is not parses] == []

"""The event coder, one module per stage (see docs/architecture.md):

    lexicon, verbpatterns   what words can trigger which PLOVER type (data files, imports)
    candidate               the candidate model and the context the stages read
    triggers                a token to its lexicon row
    roles                   parse helpers: subjects, objects, prepositions, actors of a phrase
    participants            actor and recipient of a trigger
    modality                asserted / reported / future / hypothetical / negated / historical
    retyping                PLOVER's rules that change a type (intent, refusal, ultimatum, riot)
    recipients              recipients a sentence implies
    dates, items, attribution, classifier
    sentence                one sentence's candidates
    document                merging across the document, the main event, ids: `code_parsed`
"""

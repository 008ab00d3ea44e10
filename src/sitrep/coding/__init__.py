"""The event coder, one module per stage (see docs/architecture.md):

    lexicon, verbpatterns   what words can trigger which PLOVER type (data files, imports)
    candidate               the candidate model and the context the stages read
    triggers                a token to its lexicon row
    roles                   parse helpers: subjects, passives, objects, prepositions
    phrase_actors           the actors a noun phrase names
    participants, joint     actor and recipient of a trigger; joint and reciprocal acts
    modality                asserted / reported / future / hypothetical / negated / historical
    retyping                PLOVER's rules that change a type (intent, refusal, ultimatum, riot)
    senses, material        senses a trigger's arguments decide; what a material act comes with
    recipients              recipients a sentence implies
    dates, items, attribution, classifier
    sentence                one sentence's candidates
    document                merging across the document, the main event, ids: `code_parsed`
"""

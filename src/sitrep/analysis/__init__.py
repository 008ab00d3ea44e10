"""Analysis over the store: queries (timelines, dyads, networks), clusters, briefs, exports."""

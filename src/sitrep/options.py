"""Options: one object that says how to code, taken by ingest, extract, eval, the server and the
distributed runner alike, so that what is evaluated is exactly what is shipped.

Defaults come from `data/defaults.toml`. Options are frozen: change a copy with `replace`.

    opts = Options().replace(verbs=("PETR.Validate.verbs.txt",), processes=2)
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from typing import Any

from sitrep.resources import data_text

DEFAULTS: dict[str, Any] = tomllib.loads(data_text("defaults.toml"))


@dataclass(frozen=True)
class Options:
    model: str | None = DEFAULTS["model"] or None
    verbs: tuple[str, ...] = tuple(DEFAULTS["verbs"])
    dictionaries: tuple[str, ...] = tuple(DEFAULTS["dictionaries"])
    classifier_threshold: float = DEFAULTS["classifier_threshold"]
    classifier_threshold_one_sentence: float = DEFAULTS["classifier_threshold_one_sentence"]
    relevance_threshold: float = DEFAULTS["relevance_threshold"]
    relevance_sentence_threshold: float = DEFAULTS["relevance_sentence_threshold"]
    batch_size: int = DEFAULTS["batch_size"]
    processes: int = DEFAULTS["processes"]
    max_bytes: int = DEFAULTS["max_bytes"]
    encoding: str | None = DEFAULTS["encoding"] or None
    type_model: bool = DEFAULTS["type_model"]

    def replace(self, **changes: Any) -> Options:
        """A copy with some options changed (lists become tuples, so options stay hashable)."""
        for key in ("verbs", "dictionaries"):
            if key in changes:
                changes[key] = tuple(str(p) for p in changes[key] or ())
        return dataclasses.replace(self, **changes)

"""sitrep's exceptions: one root, every message says what happened and how to fix it.

    SitrepError
    ├── ReadError          a document could not be read (names the file, and the line for JSONL)
    ├── ModelNotFound      the spaCy pipeline is not installed (gives the install command)
    ├── StoreError         the database cannot be opened or is of a newer schema
    └── EvalError          an evaluation file is not of a known kind
"""

from __future__ import annotations


class SitrepError(Exception):
    """Root of every error sitrep raises on purpose."""


class ReadError(SitrepError):
    def __init__(self, source: str, problem: str, fix: str, line: int | None = None):
        self.source = source
        self.problem = problem
        self.fix = fix
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}; {fix}")


class ModelNotFound(SitrepError):
    pass


class StoreError(SitrepError):
    pass


class EvalError(SitrepError):
    pass

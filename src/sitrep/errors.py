"""sitrep's exceptions: one root, every message says what happened and how to fix it.

    SitrepError
    ├── ReadError          a document could not be read (names the file, and the line for JSONL)
    ├── ModelNotFound      the spaCy pipeline is not installed (gives the install command)
    ├── DictionaryError    a CAMEO actor/agent/verb dictionary cannot be read (also a ValueError)
    ├── StoreError         the database cannot be opened, written or is of a newer schema
    ├── ExportError        an export cannot be written (format, path, a value it cannot convert)
    └── EvalError          an evaluation file is not of a known kind

Anything else escaping the package is a bug: the interfaces show SitrepErrors as one line.
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


class DictionaryError(SitrepError, ValueError):
    pass


class StoreError(SitrepError):
    pass


class ExportError(SitrepError):
    """An export could not be written (unknown format, unwritable path, unconvertible value)."""


class EvalError(SitrepError):
    pass

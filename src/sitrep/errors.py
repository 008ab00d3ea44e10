"""sitrep's exceptions: one root, every message says what happened and how to fix it.

    SitrepError
    ├── DocumentError      one document failed at one stage (read, prepare, parse, code, store);
    │   │                  the run goes on without it. Runners yield these as values.
    │   └── ReadError      a document could not be read (names the file, and the line for JSONL)
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


class DocumentError(SitrepError):
    """One document failed; the others of the run go on (docs/reliability.md).

    `source` names the document (its file, `file:line` for a JSON Lines record, or its id),
    `stage` where it failed (read, prepare, parse, code, store), `problem` what went wrong and
    `fix` what to do. `detail` keeps the traceback of an unexpected error for a bug report (not
    shown in the one-line message). Picklable, so worker processes and Dask workers can return it.
    """

    def __init__(self, source: str, problem: str, fix: str, line: int | None = None,
                 stage: str = "read", detail: str | None = None):
        self.source = source
        self.problem = problem
        self.fix = fix
        self.line = line
        self.stage = stage
        self.detail = detail
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}; {fix}")

    def __reduce__(self):
        return (_rebuild, (type(self), self.source, self.problem, self.fix, self.line, self.stage,
                           self.detail))


def _rebuild(cls: type[DocumentError], source: str, problem: str, fix: str, line: int | None,
             stage: str, detail: str | None) -> DocumentError:
    error = cls.__new__(cls)
    DocumentError.__init__(error, source, problem, fix, line, stage, detail)
    return error


class ReadError(DocumentError):
    def __init__(self, source: str, problem: str, fix: str, line: int | None = None):
        super().__init__(source, problem, fix, line, stage="read")


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

"""What the routes share: the server's store (pooled read-only connections, one writer, the
coder when needed, the write token) and `ApiError`, an answer with a status and a fix."""

from __future__ import annotations

import hmac
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import Request

from sitrep.errors import StoreError
from sitrep.options import Options
from sitrep.store.database import Database

if TYPE_CHECKING:
    from sitrep.pipeline import Coder


class ApiError(Exception):
    """An error a route answers with: its HTTP status and a message that says the fix."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


class Store:
    """The server's store: pooled read-only connections, one writer, the coder when needed."""

    def __init__(self, path: str, options: Options, token: str | None):
        if path != ":memory:" and not Path(path).is_file():
            raise StoreError(f"{path}: no store there; create one with `sitrep ingest PATH "
                             f"--db {path}` or give the right path with --db")
        self.path = path
        self.options = options
        self.token = token or None
        self._idle: queue.SimpleQueue[Database] = queue.SimpleQueue()
        self._writer: Database | None = None
        self._write_lock = threading.Lock()
        self._coder: Coder | None = None
        self._coder_lock = threading.Lock()
        with self.writer():  # migrate now (a new index on an old store), not in a reader
            pass

    @contextmanager
    def read(self) -> Iterator[Database]:
        """A connection that cannot write (`PRAGMA query_only`), for the length of a request."""
        try:
            db = self._idle.get_nowait()
        except queue.Empty:
            db = Database(self.path)
            db.conn.execute("PRAGMA query_only = ON")
        try:
            yield db
        finally:
            self._idle.put(db)

    @contextmanager
    def writer(self) -> Iterator[Database]:
        """The one writing connection, held by one request at a time."""
        with self._write_lock:
            if self._writer is None:
                self._writer = Database(self.path)
            yield self._writer

    @contextmanager
    def coding(self) -> Iterator[Coder]:
        """The coder for the server's options and the store's imported dictionaries, loaded on
        first use and held by one request at a time (a spaCy pipeline is not shared)."""
        from sitrep.pipeline import Coder

        with self._coder_lock:
            if self._coder is None:
                with self.read() as db:
                    imported = db.imported_entries()
                self._coder = Coder(self.options, imported=imported)
            yield self._coder

    def check_writer(self, request: Request) -> None:
        """Writes need `Authorization: Bearer <SITREP_TOKEN>`; a server without a token is
        read-only (403), a missing or wrong token is 401."""
        if self.token is None:
            raise ApiError(403, "this server is read-only; restart it with SITREP_TOKEN set in "
                                "its environment to accept writes")
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(),
                                                                 self.token.encode()):
            raise ApiError(401, "missing or wrong token; send `Authorization: Bearer <token>` "
                                "with the server's SITREP_TOKEN",
                           headers={"WWW-Authenticate": "Bearer"})

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                break
        if self._writer is not None:
            self._writer.close()

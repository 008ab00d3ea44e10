"""The ASGI application: one store, a JSON API (`api.py`) and pages (`pages.py`) over it.

    app = create_app("sitrep.db", Options(), token=os.environ.get("SITREP_TOKEN"))
    uvicorn.run(app, host="127.0.0.1", port=8000)       # what `sitrep serve` does

FastAPI (on Starlette) because the API's OpenAPI document comes from the routes' own signatures
(it cannot drift from the code), query parameters are checked before a route runs, and pydantic
is already installed with spaCy. One writer and many readers: each request borrows a read-only
connection from a pool (SQLite in WAL mode lets readers run beside the writer); writes take the
one writer connection under a lock. The coder is loaded on the first request that needs it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep.errors import SitrepError
from sitrep.interfaces.web.api import router as api_router
from sitrep.interfaces.web.pages import render_error
from sitrep.interfaces.web.pages import router as page_router
from sitrep.interfaces.web.store import ApiError, Store
from sitrep.options import Options

HERE = Path(__file__).parent
DEFAULT_MAX_BODY = 1_000_000

# No inline script or style anywhere: a hostile article's markup that slipped through escaping
# still could not run. Everything the pages use is served from /static by this server.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class BodyTooLarge(HTTPException):
    def __init__(self) -> None:
        super().__init__(413)


class BodyLimit:
    """Refuses request bodies over `max_body` bytes with a 413 the error handler words like
    every other error (Starlette's own limiter answers in plain text, outside the app's
    handlers and headers): at once when Content-Length says so, else when the bytes run over."""

    def __init__(self, app: ASGIApp, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body:
            request = Request(scope, receive)
            handler = request.app.exception_handlers[StarletteHTTPException]
            response = await handler(request, BodyTooLarge())
            await response(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body:
                raise BodyTooLarge()
            return message

        await self.app(scope, counted, send)


class SecurityHeaders:
    """Adds the Content-Security-Policy and its companions to every response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json") or path == "/openapi.json"


def error_response(request: Request, status: int, message: str,
                   headers: dict[str, str] | None = None) -> Response:
    """JSON (`{"error": {"status", "message"}}`) for the API and JSON twins, a page otherwise."""
    if wants_json(request):
        return JSONResponse({"error": {"status": status, "message": message}}, status,
                            headers=headers)
    return render_error(request, status, message, headers)


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for problem in error.errors():
        where = [str(part) for part in problem.get("loc", ()) if part not in ("query", "path")]
        name = ".".join(where) or "request"
        parts.append(f"{name}: {problem.get('msg', 'invalid')}")
    return "; ".join(parts) + "; fix the value (the parameters are in /openapi.json)"


HTTP_MESSAGES = {
    404: "no such page; the API is listed in /openapi.json, the pages start at /",
    405: "this method is not allowed here; /openapi.json lists each endpoint's methods",
}


def create_app(db_path: str, options: Options | None = None, token: str | None = None,
               max_body: int = DEFAULT_MAX_BODY) -> FastAPI:
    """The application over the store at `db_path` (which must exist): read-only unless a
    `token` is given; request bodies over `max_body` bytes are refused (413)."""
    store = Store(db_path, options or Options(), token)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="sitrep", version="0.1.0",
        description="Source-attributed PLOVER events, their evidence and sourced briefs, over "
                    "one sitrep store. Every list is paged: pass the `next` value of a page as "
                    "`cursor` to get the following one. Errors are "
                    '`{"error": {"status", "message"}}`, the message saying the fix.',
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN: none here
    )
    app.state.store = store
    app.state.max_body = max_body

    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError) -> Response:
        return error_response(request, error.status, error.message, error.headers)

    @app.exception_handler(SitrepError)
    async def sitrep_error(request: Request, error: SitrepError) -> Response:
        return error_response(request, 400, str(error))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        return error_response(request, 400, _validation_message(error))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if error.status_code == 413:
            message = (f"the request body is over this server's limit of {max_body:,} bytes; "
                       "send fewer or shorter documents per request, or start the server with "
                       "a larger --max-body")
        else:
            message = HTTP_MESSAGES.get(error.status_code, str(error.detail))
        return error_response(request, error.status_code, message,
                              getattr(error, "headers", None))

    @app.exception_handler(Exception)
    async def bug(request: Request, error: Exception) -> Response:
        # Anything but a SitrepError escaping the library is a bug: say so, log the traceback
        # (uvicorn does), show no internals.
        return error_response(request, 500, "internal error (a bug in sitrep); the server's "
                                            "log has the details, please report it")

    app.include_router(api_router)
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(SecurityHeaders)  # outermost: on every response, errors included
    return app


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000,
          options: Options | None = None, token: str | None = None,
          max_body: int = DEFAULT_MAX_BODY) -> None:
    """Run the application under uvicorn until interrupted."""
    import uvicorn

    app = create_app(db_path, options, token, max_body)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)

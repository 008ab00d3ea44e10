"""The web interface: a JSON API and server-rendered pages over one store (`sitrep serve`).

    from sitrep.interfaces.web import create_app, serve
    serve("sitrep.db", host="127.0.0.1", port=8000)

`app.py` builds the application (errors, security headers, body limit), `store.py` holds what
the routes share (the store, the coder, the token), `api.py` the `/api/...`
routes, `pages.py` the HTML pages and their JSON twins, `render.py` the templates' environment
and the brief's Markdown, `charts.py` SVG geometry, `schemas.py` the OpenAPI shapes.
"""

from sitrep.interfaces.web.app import create_app, serve

__all__ = ["create_app", "serve"]

"""Rendering: the Jinja2 environment (autoescaped: every piece of article text is text), links,
and a brief's Markdown as HTML whose footnotes open their evidence pages.

Markdown goes through markdown-it-py with raw HTML off, so a hostile quote inside a brief is
shown, never parsed; only http(s) URLs from articles ever become links.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import jinja2
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup, escape
from mdit_py_plugins.footnote import footnote_plugin

TEMPLATES = Path(__file__).parent / "templates"


def safe_url(url: str | None) -> str | None:
    """An article's URL if it is http(s) (a `javascript:` URL never becomes a link)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def link(path: str, params: dict[str, Any] | None = None, **changes: Any) -> str:
    """`path?query` from a page's parameters with some changed (None or "" drops one)."""
    merged = {**(params or {}), **changes}
    query = urlencode({k: v for k, v in merged.items() if v not in (None, "", False)})
    return f"{path}?{query}" if query else path


def _evidence_href(env: EnvType, label: str) -> str | None:
    event_id = env.get("evidence", {}).get(label)
    return f"/events/{escape(event_id)}#evidence" if event_id else None


def _footnote_ref(self: RendererHTML, tokens: list[Token], idx: int, options: OptionsDict,
                  env: EnvType) -> str:
    meta = tokens[idx].meta
    label = str(meta.get("label", meta["id"] + 1))
    href = _evidence_href(env, label) or f"#fn{meta['id'] + 1}"
    ref_id = f"fnref{meta['id'] + 1}" + (f":{meta['subId']}" if meta.get("subId") else "")
    return (f'<sup class="footnote-ref"><a href="{href}" id="{ref_id}" '
            f'title="open the evidence for note {escape(label)}">[{escape(label)}]</a></sup>')


def _footnote_anchor(self: RendererHTML, tokens: list[Token], idx: int, options: OptionsDict,
                     env: EnvType) -> str:
    meta = tokens[idx].meta
    label = str(env.get("footnotes", {}).get("list", {}).get(meta["id"], {}).get("label", ""))
    href = _evidence_href(env, label)
    sub = meta.get("subId") or 0
    back = f' <a href="#fnref{meta["id"] + 1}' + (f":{sub}" if sub else "") + \
        '" class="footnote-backref">↩︎</a>'
    # one link to the evidence per note, however often the brief cites it
    return back + (f' <a href="{href}" class="evidence-link">evidence</a>' if href and not sub
                   else "")


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).use(footnote_plugin)
    md.add_render_rule("footnote_ref", _footnote_ref)
    md.add_render_rule("footnote_anchor", _footnote_anchor)
    return md


MARKDOWN = _markdown()


def brief_html(markdown: str, citations: list[dict[str, Any]]) -> Markup:
    """A brief's Markdown as HTML; footnote [n] links to the evidence page of its citation."""
    evidence = {str(c["number"]): c["event_id"] for c in citations if c.get("event_id")}
    return Markup(MARKDOWN.render(markdown, {"evidence": evidence}))


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             trim_blocks=True,
                             lstrip_blocks=True)
    env.globals.update(link=link, safe_url=safe_url, brief_html=brief_html)
    return env

"""The query page of ``kg serve``: YASGUI, vendored under ``kg/data/web``, with the named queries as tabs.

The page, its script and YASGUI's minified JS and CSS are package data served
from ``/assets/`` (no CDN: the page works with no network). The page's
Content-Security-Policy lets it load and ask this origin only. Each named query
becomes a tab: its SPARQL text, preceded by comments saying how to run it over
HTTP and what each parameter means, with a ``VALUES`` line per parameter just
inside ``WHERE {`` (commented out, or live with an example for a query that
needs one), which is how ``kg query -p`` binds parameters, so a tab gives the
rows ``GET /queries/NAME?param=…`` gives.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

from kg.library import QueryInfo, list_queries
from kg.prefixes import PREFIX_IRIS
from kg.query import answer
from kg.query_params import sparql_term, where_clause

#: The page may load and ask its own origin only (inline styles: YASGUI sets element styles).
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")

#: ``/assets/NAME`` -> (file under kg/data/web, media type). Nothing else is served from disk.
ASSETS = {
    "yasgui.min.js": ("yasgui/yasgui.min.js", "text/javascript"),
    "yasgui.min.css": ("yasgui/yasgui.min.css", "text/css"),
    "LICENSE": ("yasgui/LICENSE", "text/plain"),
    "query.js": ("query.js", "text/javascript"),
    "query.css": ("query.css", "text/css"),
}

_EXAMPLE = re.compile(r"\be\.g\.\s*([^,;)]+)")
_MOST_MENTIONED = ("SELECT ?label WHERE { ?e rdfs:label ?label ; cy:mentionedIn ?a } "
                   "GROUP BY ?e ?label ORDER BY DESC(COUNT(?a)) ?label LIMIT 1")


@cache
def asset(name: str) -> tuple[bytes, str] | None:
    """The bytes and media type of ``/assets/NAME``, or None for a name that is not an asset."""
    if name not in ASSETS:
        return None
    path, media = ASSETS[name]
    return (resources.files("kg") / "data" / "web" / path).read_bytes(), media


def default_query() -> str:
    """The text of a new tab: every project prefix, and a first look at the entities."""
    prefixes = "\n".join(f"PREFIX {k}: <{v}>" for k, v in PREFIX_IRIS.items())
    return (f"{prefixes}\n\n# Entities of the graph with their class. Named queries are in the other tabs.\n"
            "SELECT ?entity ?label ?class WHERE {\n  ?entity a ?type ; rdfs:label ?label .\n"
            '  FILTER(STRSTARTS(STR(?type), STR(cy:))) BIND(STRAFTER(STR(?type), "#") AS ?class)\n'
            "}\nORDER BY ?class ?label\nLIMIT 100\n")


def example_text(info: QueryInfo, example_entity: Callable[[], str | None] = lambda: None) -> str:
    """A named query as a ready tab: how to run it over HTTP, its parameters explained, a VALUES line each."""
    text = info.text
    url = f"/queries/{info.name}" + ("?" + "&".join(f"{n}=…" for n, _ in info.params) if info.params else "")
    head = [f"# Named query {info.name}. Over HTTP: GET {url}", f"#   (kg query {info.name}"
            + "".join(f" -p {n}=…" for n, _ in info.params) + ")"]
    match = where_clause(text)  # (as bind_values finds it: a WHERE in a string or comment is none)
    if info.params and match is not None:
        head.append("# Parameters (bind one here by taking the # off its VALUES line just inside WHERE {):")
        head += [f"#   ?{n}: {d or 'see the query'}" + ("  [needed]" if n in info.required else "") for n, d in info.params]
        lines = []
        for i, (name, description) in enumerate(info.params):
            found = _EXAMPLE.search(description)
            needed = bool(info.required) and name == info.required[0]
            value = found.group(1).strip() if found else (example_entity() if needed else None)
            term = sparql_term(value) if value else '"…"'
            live = needed and value is not None
            lines.append(f"  {'' if live else '# '}VALUES ?{name} {{ {term} }}")
        text = text[: match.end()] + "\n" + "\n".join(lines) + text[match.end():]
    return "\n".join(head) + "\n" + text


def page_config(store: Any, endpoint: str = "sparql") -> dict[str, Any]:
    """What the page script needs: the endpoint, the new-tab query and one tab per named query."""
    chosen: list[str | None] = []

    def example_entity() -> str | None:  # the entity the most articles mention, asked once
        if not chosen:
            try:
                found = answer(store, _MOST_MENTIONED, timeout=5)
                chosen.append(str(found.rows[0][0]) if found.rows else None)
            except Exception:  # noqa: BLE001 - an example is a nicety; the tab says how to bind one
                chosen.append(None)
        return chosen[0]

    tabs = [{"name": "SPARQL", "query": default_query()}]
    tabs += [{"name": q.name, "title": q.title, "query": example_text(q, example_entity)} for q in list_queries()]
    version = hashlib.sha256(json.dumps(tabs, ensure_ascii=False).encode()).hexdigest()[:12]
    return {"endpoint": endpoint, "defaultQuery": default_query(), "tabs": tabs, "version": version}


def query_page(store: Any) -> str:
    """The HTML of the page, its configuration inlined as JSON data (not as script)."""
    html = (resources.files("kg") / "data" / "web" / "query.html").read_text(encoding="utf-8")
    data = json.dumps(page_config(store), ensure_ascii=False).replace("<", "\\u003c").replace("&", "\\u0026")
    return html.replace("{{CONFIG}}", data)

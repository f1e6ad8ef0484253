"""The FastAPI application: the analyst's workbench over one store (docs/web.md)."""
from __future__ import annotations

import getpass
import hmac
import logging
import os
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import func, select

from .. import __version__
from ..errors import ClaimgraphError
from ..model import Mention
from ..store import Store
from ..store import tables as t
from ..store.reviews import ReviewedGraph, load_graph
from . import assets
from .summaries import get_safe_url, index_mentions

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
TOKEN_COOKIE = "claimgraph_token"
# Host names that reach a server bound to loopback; any other Host header without a token is
# refused, so a web page cannot reach the workbench through DNS rebinding.
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Scripts only from our own static files: article text that slipped into markup could not run.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                           "form-action 'self'; frame-ancestors 'none'")


# How long a loaded graph may be reused while the store's fingerprint is unchanged: bounds how
# stale a view can be after a rebuild that happens to leave every counted aggregate equal.
GRAPH_CACHE_SECONDS = 10.0


class Workbench:
    """What every route needs: the store, who reviews, and the templates."""

    def __init__(self, db: str, *, user: str):
        self.db = db
        self.store = Store(db)
        self.user = user
        self.templates = make_templates()
        self._cache: dict[bool, tuple[tuple, float, ReviewedGraph]] = {}
        self._lock = threading.Lock()

    def graph(self, *, include_rejected: bool = False) -> ReviewedGraph:
        """The reviewed graph (shared between requests: read it, never change it).

        Reading thousands of claim groups costs about a second, so the graph is kept until
        the store's fingerprint changes (a review, a rebuild) or GRAPH_CACHE_SECONDS pass.
        """
        fingerprint = self._fingerprint()
        with self._lock:
            cached = self._cache.get(include_rejected)
            if cached and cached[0] == fingerprint and time.monotonic() - cached[1] < GRAPH_CACHE_SECONDS:
                return cached[2]
        graph = load_graph(self.store, include_rejected=include_rejected)
        with self._lock:
            self._cache[include_rejected] = (fingerprint, time.monotonic(), graph)
        return graph

    def _fingerprint(self) -> tuple:
        """Cheap aggregates that change whenever reviews or the derived graph change."""
        with self.store.engine.connect() as conn:
            reviews = conn.execute(select(func.count(), func.max(t.reviews.c.id), func.count(t.reviews.c.deleted_at))
                                   .select_from(t.reviews)).one()
            groups = conn.execute(select(func.count(), func.sum(t.claim_groups.c.origins),
                                         func.sum(t.claim_groups.c.documents), func.max(t.claim_groups.c.id))
                                  .select_from(t.claim_groups)).one()
            entities = conn.execute(select(func.count(), func.sum(t.entities.c.mentions), func.max(t.entities.c.name))
                                    .select_from(t.entities)).one()
            documents = conn.execute(select(func.count(), func.max(t.documents.c.id)).select_from(t.documents)).one()
        return tuple(reviews) + tuple(groups) + tuple(entities) + tuple(documents)

    def mentions_of(self, document_ids: set[str]) -> dict[str, list[Mention]]:
        """Mentions of these documents by document id (read straight from the mentions table)."""
        columns = [c for c in t.mentions.c if c.name != "id"]
        query = select(*columns).where(t.mentions.c.document_id.in_(sorted(document_ids)))
        with self.store.engine.connect() as conn:
            return index_mentions(Mention(**row._asdict()) for row in conn.execute(query))

    def actor_entities_of(self, document_ids: set[str]) -> dict[tuple[str, str], str]:
        """(document id, local actor) -> entity id, for these documents only."""
        query = select(t.actor_entities).where(t.actor_entities.c.document_id.in_(sorted(document_ids)))
        with self.store.engine.connect() as conn:
            return {(r.document_id, r.actor): r.entity_id for r in conn.execute(query)}

    def render(self, request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
        return self.templates.TemplateResponse(request, name, {"user": self.user, **context},
                                               status_code=status_code)


def make_environment(folder: Path) -> Environment:
    """A Jinja2 environment with autoescaping on for every template (article text is hostile)."""
    env = Environment(loader=FileSystemLoader(str(folder)), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = get_safe_url
    env.globals["version"] = __version__
    env.globals["assets"] = assets
    return env


def make_templates() -> Jinja2Templates:
    return Jinja2Templates(env=make_environment(HERE / "templates"))


def get_default_user() -> str:
    """The reviewer's name: CLAIMGRAPH_USER, else the login name."""
    try:
        return os.environ.get("CLAIMGRAPH_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


def _supplied_token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.cookies.get(TOKEN_COOKIE) or request.query_params.get("token") or ""


def _install_guard(app: FastAPI, token: str | None) -> None:
    """Token check (when one is set), loopback Host check (when none is), same-origin writes, CSP."""

    @app.middleware("http")
    async def guard(request: Request, call_next):
        host = request.headers.get("host", "")
        if token:
            if not hmac.compare_digest(_supplied_token(request).encode(), token.encode()):
                return PlainTextResponse("access token required: add ?token=... to the address", 401)
        elif urlsplit(f"//{host}").hostname not in LOOPBACK_HOSTS:
            return PlainTextResponse("this workbench only answers on 127.0.0.1 without a token", 403)
        if request.method not in SAFE_METHODS:
            origin = request.headers.get("origin")
            if origin and urlsplit(origin).netloc != host:
                return PlainTextResponse("cross-site request refused", 403)
        response = await call_next(request)
        if token and request.query_params.get("token"):
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        # same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on our own forms
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response


def create_app(db: str, *, token: str | None = None, user: str | None = None) -> FastAPI:
    """The workbench over the store at `db`.

    Args:
        db: SQLite path or database URL.
        token: when set, every request must carry it (Bearer header, ?token= once, then a cookie).
        user: the reviewer's name stored with reviews (default: CLAIMGRAPH_USER or the login name).
    Returns:
        A FastAPI app; the REST API is under /api, its OpenAPI document at /api/openapi.json.
    """
    from .routes import api, changes, claims, documents, entities, graph, places, queue, reviews, sources, suggest, timeline

    # Swagger UI and ReDoc load from a CDN: we serve our own API page (/api/docs) instead.
    app = FastAPI(title="claimgraph", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="The analyst's workbench: entities, claims, documents, search and review.")
    app.state.workbench = Workbench(db, user=user or get_default_user())
    _install_guard(app, token)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (graph, entities, claims, sources, documents, timeline, places, queue, changes, reviews,
                   suggest, api):
        app.include_router(module.router)

    @app.exception_handler(ClaimgraphError)
    async def on_claimgraph_error(request: Request, err: ClaimgraphError):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(err)}, status_code=400)
        return app.state.workbench.render(request, "error.html", {"message": str(err)}, status_code=400)

    return app

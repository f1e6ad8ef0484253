"""Shared fixtures: the only place they live (STYLE.md)."""
from __future__ import annotations

import importlib.util
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
DEMO = ROOT / "corpus" / "demo"


def _load_pgserver():
    """tests/fixtures/pgserver.py, which also runs as a script (so it is loaded by path)."""
    spec = importlib.util.spec_from_file_location("claimgraph_test_pgserver", ROOT / "tests" / "fixtures" / "pgserver.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str | None]:
    """A PostgreSQL server for the session: CLAIMGRAPH_TEST_PG_URL, else one started on loopback
    when Debian's server binaries are installed (scripts/test.sh installs them), else None."""
    url = os.environ.get("CLAIMGRAPH_TEST_PG_URL")
    if url:
        yield url
        return
    pgserver = _load_pgserver()
    if not pgserver.find_binary("initdb"):
        yield None
        return
    server = pgserver.PostgresServer()
    try:
        yield server.start()
    finally:
        server.stop()


def _pg_admin(url: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(statement)


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@contextmanager
def _pg_database(request) -> Iterator[str]:
    """A fresh database on the session's PostgreSQL server (skips the test when there is none)."""
    server = request.getfixturevalue("postgres_url")
    if server is None:
        pytest.skip("no PostgreSQL server: apt-get install postgresql, or set CLAIMGRAPH_TEST_PG_URL")
    name = f"cg_test_{uuid.uuid4().hex[:12]}"
    _pg_admin(server, f'CREATE DATABASE "{name}"')
    try:
        yield server.rsplit("/", 1)[0] + "/" + name
    finally:
        _pg_admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
def db(request, tmp_path) -> Iterator[str]:
    """A fresh empty database for one test: a SQLite file path, then a PostgreSQL URL.

    Every test that takes `db` runs on both; the PostgreSQL run is skipped only when no
    server is available. Each PostgreSQL test gets its own database, dropped afterwards.
    """
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
        return
    with _pg_database(request) as url:
        yield url


@pytest.fixture
def importable_tests(monkeypatch) -> None:
    """Let worker processes and Ray actors import task classes defined in test modules."""
    monkeypatch.syspath_prepend(str(ROOT))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))


@pytest.fixture
def http_server() -> Iterator[tuple[str, dict]]:
    """A local HTTP server on 127.0.0.1 (ingest fetch tests; never the network).

    Yields (base_url, routes): set `routes["/path"] = (status, {header: value}, body_bytes)`.
    Unknown paths answer 404. `routes.requests` lists (path, headers) of every request served.
    """
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Routes(dict):
        requests: list[tuple[str, dict[str, str]]]

    routes = Routes()
    routes.requests = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            routes.requests.append((self.path, dict(self.headers)))
            status, headers, body = routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", routes
    finally:
        server.shutdown()
        server.server_close()


# -- the workbench (#6): a hand-built graph, the web app on loopback, headless Chromium ---------

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def load_fixture_module(name: str):
    """A module from tests/fixtures/ (they also run as scripts, so they are loaded by path)."""
    spec = importlib.util.spec_from_file_location(f"claimgraph_test_{name}", ROOT / "tests" / "fixtures" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def workbench_fixture():
    """tests/fixtures/workbench_db.py: the builder and the names of its hostile strings."""
    return load_fixture_module("workbench_db")


@pytest.fixture(scope="session")
def workbench_template(tmp_path_factory, workbench_fixture) -> Path:
    """The hand-built graph written once per session (copied for each test that changes it)."""
    path = tmp_path_factory.mktemp("workbench") / "template.db"
    workbench_fixture.build_workbench_db(str(path)).close()
    return path


def _copy_sqlite(source: Path, target: Path) -> None:
    """Copy a SQLite file with its write-ahead log (if a connection left one behind)."""
    import shutil

    shutil.copy(source, target)
    wal = Path(f"{source}-wal")
    if wal.exists():
        shutil.copy(wal, f"{target}-wal")


@pytest.fixture(params=BACKENDS)
def workbench_db(request, tmp_path, workbench_template, workbench_fixture) -> Iterator[str]:
    """A private copy of the hand-built graph (reviews written by a test stay in it), on SQLite
    and then on PostgreSQL (built afresh in a new database), like `db`."""
    if request.param == "sqlite":
        path = tmp_path / "workbench.db"
        _copy_sqlite(workbench_template, path)
        yield str(path)
        return
    with _pg_database(request) as url:
        workbench_fixture.build_workbench_db(url).close()
        yield url


def _serve_in_thread(app) -> Iterator[str]:
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def workbench_server(workbench_db) -> Iterator[str]:
    """`claimgraph serve` over a private copy of the hand-built graph, on a free loopback port."""
    from claimgraph.web import create_app

    yield from _serve_in_thread(create_app(workbench_db, user="tester"))


@pytest.fixture(scope="session")
def chromium():
    """Debian's headless Chromium driven by Playwright (scripts/install-system-deps.sh installs it)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install-system-deps.sh (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# Where each node is drawn, in page coordinates (vis-network draws on a canvas).
NODE_POSITIONS_JS = """() => {
  const network = window.claimgraphNetwork;
  const box = document.querySelector('#graph canvas').getBoundingClientRect();
  const out = {};
  const positions = network.getPositions();
  for (const id in positions) {
    const p = network.canvasToDOM(positions[id]);
    out[id] = {x: box.left + p.x, y: box.top + p.y};
  }
  return out;
}"""


@pytest.fixture
def open_graph():
    """open_graph(page, url): load the graph view, wait until it is drawn, return node positions."""
    def _open(page, url: str) -> dict:
        page.goto(url)
        page.wait_for_selector("#graph[data-ready='1']", timeout=30_000)
        return page.evaluate(NODE_POSITIONS_JS)
    return _open


@pytest.fixture
def page(chromium, request):
    """A fresh browser tab; its screenshot goes to test-artifacts/<test name>.png at the end."""
    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda err: errors.append(str(err)))
    tab.js_errors = errors
    dialogs: list[str] = []  # an alert() from article text would land here: it must stay empty

    def on_dialog(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    tab.dialogs = dialogs
    try:
        yield tab
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in request.node.name)
        try:
            tab.screenshot(path=str(ARTIFACTS / f"{safe}.png"), full_page=False)
        finally:
            context.close()


@pytest.fixture(scope="session")
def nlp():
    """claimgraph's spaCy pipeline (trained model + gazetteer ruler), loaded once per session."""
    from claimgraph.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo corpus built once per session by the real pipeline (needs the spaCy model)."""
    from claimgraph.pipeline import build

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build([str(DEMO)], str(path))
    return path


@pytest.fixture
def demo_db(tmp_path, demo_template) -> str:
    """A private copy of the demo graph."""
    path = tmp_path / "demo.db"
    _copy_sqlite(demo_template, path)
    return str(path)


@pytest.fixture
def demo_in_db(db, demo_template) -> str:
    """`db` (SQLite, then PostgreSQL) already holding the demo corpus (#13)."""
    if "://" in db:
        from claimgraph.pipeline import build
        from claimgraph.settings import Settings

        build([str(DEMO)], db, settings=Settings(offline=True))
    else:
        _copy_sqlite(demo_template, Path(db))
    return db


@pytest.fixture(scope="session")
def hostile_large():
    """tests/fixtures/hostile_large.py: writes the hostile inputs too large to commit (#13)."""
    return load_fixture_module("hostile_large")


@pytest.fixture
def demo_server(demo_db) -> Iterator[str]:
    """`claimgraph serve` over a private copy of the demo graph, on a free loopback port."""
    from claimgraph.web import create_app

    yield from _serve_in_thread(create_app(demo_db, user="tester"))




# -- the workbench at corpus scale (#14): the VOA stories plus synthetic documents, >= 200 ---------

VOA = SHARED / "corpus" / "voa" / "voa_stories.jsonl"
# Documents the corpus-scale tests need at least (issue #14's acceptance).
CORPUS_MIN_DOCUMENTS = 200


# Synthetic documents a second build adds (the changes view's test).
SECOND_BUILD_DOCUMENTS = 40


def _synthetic_count() -> int:
    """Synthetic documents the corpus needs besides the VOA stories to pass CORPUS_MIN_DOCUMENTS."""
    stories = sum(1 for line in VOA.read_text(encoding="utf-8").splitlines() if line.strip())
    return max(CORPUS_MIN_DOCUMENTS - stories, 0) + 10  # margin for near-duplicates


def write_synthetic(folder: Path, first: int, stop: int) -> str:
    """Documents first..stop-1 of benchmarks/synthetic.py as .txt files in `folder`; returns it."""
    synthetic = _load_by_path("claimgraph_bench_synthetic", ROOT / "benchmarks" / "synthetic.py")
    folder.mkdir(parents=True, exist_ok=True)
    templates, slots = synthetic.load_templates()
    for index in range(first, stop):
        (folder / f"{index:07d}.txt").write_text(synthetic.make_document(index, templates, slots), encoding="utf-8")
    return str(folder)


def _load_by_path(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def corpus_template(tmp_path_factory) -> Path:
    """The >= 200-document corpus built once per session by the real pipeline (~1 min)."""
    from claimgraph.pipeline import build

    folder = tmp_path_factory.mktemp("corpus")
    path = folder / "corpus.db"
    build([str(VOA), write_synthetic(folder / "synthetic", 0, _synthetic_count())], str(path))
    return path


@pytest.fixture
def corpus_db(tmp_path, corpus_template) -> str:
    """A private copy of the corpus graph."""
    path = tmp_path / "corpus.db"
    _copy_sqlite(corpus_template, path)
    return str(path)


@pytest.fixture(scope="session")
def corpus_server(corpus_template, tmp_path_factory) -> Iterator[str]:
    """`claimgraph serve` over one copy of the corpus graph for the whole session (tests only read it)."""
    from claimgraph.web import create_app

    path = tmp_path_factory.mktemp("corpus-served") / "corpus.db"
    _copy_sqlite(corpus_template, path)
    yield from _serve_in_thread(create_app(str(path), user="tester"))


@pytest.fixture
def corpus_rebuilt_server(corpus_db, tmp_path) -> Iterator[tuple[str, dict[str, int]]]:
    """A copy of the corpus built again with SECOND_BUILD_DOCUMENTS more synthetic documents, served;
    yields (url, origins of each claim group before the second build)."""
    import sqlite3

    from claimgraph.pipeline import build
    from claimgraph.web import create_app

    with sqlite3.connect(corpus_db) as conn:
        before = dict(conn.execute("SELECT id, origins FROM claim_groups").fetchall())
    first = _synthetic_count()
    build([write_synthetic(tmp_path / "more", first, first + SECOND_BUILD_DOCUMENTS)], corpus_db)
    for url in _serve_in_thread(create_app(corpus_db, user="tester")):
        yield url, before

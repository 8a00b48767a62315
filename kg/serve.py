"""``kg serve``: a SPARQL 1.1 Protocol endpoint over a build.

The engine is the Oxigraph server (shipped by the ``oxigraph`` package):
it speaks the protocol, negotiates result formats (SPARQL JSON/XML/CSV/TSV,
Turtle, N-Triples, JSON-LD …), stops queries at a timeout, serves Yasgui from
its own files (the page works offline) and makes the union of the named graphs
the default graph. It listens on a private loopback port; in front of it a
small ASGI application (Starlette on uvicorn) adds what this project promises:
the project's prefixes predeclared, updates refused with 403 unless
``allow_update``, SERVICE federation refused unless ``allow_service``, and the
public address bound to 127.0.0.1 unless asked otherwise.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from kg.store import StoreMissingError
from kg.store.parameters import uses_service, without_literals
from kg.vocab import PREFIXES

QUERY_PATHS = ("/query", "/sparql")
_DECLARED = re.compile(r"(?i)\bPREFIX\s+([A-Za-z_][\w.-]*)?\s*:")
HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


class ServeError(RuntimeError):
    """The endpoint could not start (no build, no oxigraph binary, port taken …)."""


@dataclass(frozen=True)
class Policy:
    """What the endpoint lets a client do."""

    allow_update: bool = False
    allow_service: bool = False


def with_prefixes(sparql: str) -> str:
    """``sparql`` with the project's prefixes declared, except those it declares itself."""
    declared = set(_DECLARED.findall(without_literals(sparql)))
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p not in declared]
    return "\n".join([*lines, sparql])


def free_port() -> int:
    """A TCP port free on the loopback interface now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def oxigraph_binary() -> str:
    """The ``oxigraph`` server program installed beside this Python, or on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise ServeError("the oxigraph server is not installed: pip install 'oxigraph>=0.5,<0.6'")
    return found


def store_path(out: str | os.PathLike[str]) -> Path:
    """The build's store, resolved once: a later build switching generations does not move it."""
    link = Path(out) / "store"
    if not link.exists():
        raise StoreMissingError(f"no store in {Path(out)}/ — run `kg build ... --out {out}` first")
    return link.resolve()


def _die_with_parent() -> None:
    """In the engine's process: receive SIGTERM when kg serve dies, however it dies."""
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Engine:
    """The Oxigraph server process behind the endpoint, restarted to stop a runaway query.

    Oxigraph's own timeout does not interrupt a query that is already being
    evaluated, so a query over its time limit is stopped by restarting the
    engine (a read-only store reopens in milliseconds); queries running at that
    moment are answered with 503 as well.
    """

    def __init__(self, store: Path, timeout: float, writable: bool = False) -> None:
        self.store, self.timeout, self.writable = store, timeout, writable
        self.child: subprocess.Popen[bytes] | None = None
        self.url = ""
        self.generation = 0

    def start(self) -> str:
        port = free_port()
        mode = "serve" if self.writable else "serve-read-only"
        args = [oxigraph_binary(), mode, "--location", str(self.store)]
        args += ["--bind", f"127.0.0.1:{port}", "--union-default-graph"]
        args += ["--timeout-s", str(max(1, round(self.timeout)))]
        child = subprocess.Popen(
            args,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            preexec_fn=_die_with_parent,
        )
        deadline = time.monotonic() + 20
        while True:
            if child.poll() is not None:
                detail = (child.stderr.read() if child.stderr else b"").decode(errors="replace")
                raise ServeError(f"the oxigraph server stopped: {detail.strip()[-400:]}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            if time.monotonic() > deadline:
                child.kill()
                raise ServeError("the oxigraph server did not start within 20 s")
            time.sleep(0.05)
        self.child, self.url = child, f"http://127.0.0.1:{port}"
        self.generation += 1
        return self.url

    def stop(self) -> None:
        if self.child is None:
            return
        self.child.terminate()
        try:
            self.child.wait(5)
        except subprocess.TimeoutExpired:
            self.child.kill()
            self.child.wait()
        self.child = None

    def restart(self) -> str:
        self.stop()
        return self.start()


def application(engine: Engine, policy: Policy):  # type: ignore[no-untyped-def]
    """The public ASGI application in front of the Oxigraph server ``engine``."""
    import asyncio

    import httpx
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse, Response
    from starlette.routing import Route

    client = httpx.AsyncClient(timeout=None)
    restarting = asyncio.Lock()

    async def stop_runaway(generation: int) -> Response:
        async with restarting:
            if engine.generation == generation:  # not yet restarted by another request
                await asyncio.to_thread(engine.restart)
        return PlainTextResponse(
            f"the query was stopped at the time limit of {engine.timeout:g} s", status_code=503
        )

    async def forward(request: Request) -> Response:
        headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP_HEADERS}
        reply = await client.request(
            request.method,
            engine.url + request.url.path,
            params=list(request.query_params.multi_items()),
            content=await request.body(),
            headers=headers,
        )
        return _relayed(reply)

    async def query(request: Request) -> Response:
        # GET ?query=, POST urlencoded or POST application/sparql-query (the protocol's three).
        params = list(request.query_params.multi_items())
        if request.method == "POST":
            body = await request.body()
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype == "application/x-www-form-urlencoded":
                params += parse_qsl(body.decode("utf-8"), keep_blank_values=True)
            else:
                params.append(("query", body.decode("utf-8")))
        text = next((v for k, v in params if k == "query"), None)
        if text is None:  # the Yasgui page and other plain GETs
            return await forward(request)
        if uses_service(text) and not policy.allow_service:
            return PlainTextResponse(
                "SERVICE is refused: this endpoint sends no requests to other servers "
                "(start kg serve with --allow-service to allow it)",
                status_code=403,
            )
        sent = [(k, v) for k, v in params if k != "query"] + [("query", with_prefixes(text))]
        accept = request.headers.get("accept", "application/sparql-results+json")
        generation = engine.generation
        try:
            reply = await asyncio.wait_for(
                client.post(
                    engine.url + "/query",
                    content=urlencode(sent).encode("utf-8"),
                    headers={"accept": accept, "content-type": "application/x-www-form-urlencoded"},
                ),
                timeout=engine.timeout,
            )
        except (TimeoutError, httpx.TransportError):
            return await stop_runaway(generation)
        return _relayed(reply)

    async def update(request: Request) -> Response:
        if not policy.allow_update:
            return PlainTextResponse(
                "the store is read-only: updates are refused (start kg serve with --allow-update)",
                status_code=403,
            )
        body = await request.body()
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        form = parse_qsl(body.decode("utf-8"), keep_blank_values=True)
        if ctype != "application/x-www-form-urlencoded":
            form = [("update", body.decode("utf-8"))]
        sent = [(k, with_prefixes(v) if k == "update" else v) for k, v in form]
        reply = await client.post(
            engine.url + "/update",
            content=urlencode(sent).encode("utf-8"),
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        return _relayed(reply)

    async def other(request: Request) -> Response:
        # Yasgui's files and the Graph Store Protocol at /store: writes only when allowed.
        if request.method not in ("GET", "HEAD") and not policy.allow_update:
            return PlainTextResponse(
                "the store is read-only (start kg serve with --allow-update)", status_code=403
            )
        return await forward(request)

    async def closed() -> None:
        await client.aclose()

    routes = [Route(p, query, methods=["GET", "POST"]) for p in QUERY_PATHS]
    routes += [
        Route("/update", update, methods=["POST"]),
        Route("/{path:path}", other, methods=["GET", "HEAD", "POST", "PUT", "DELETE"]),
    ]
    return Starlette(routes=routes, on_shutdown=[closed])


def _relayed(reply):  # type: ignore[no-untyped-def]
    """The engine's reply, as the public application's response."""
    from starlette.responses import Response

    kept = {k: v for k, v in reply.headers.items() if k.lower() not in HOP_HEADERS}
    kept.pop("content-encoding", None)
    return Response(reply.content, status_code=reply.status_code, headers=kept)


def serve(
    out: str | os.PathLike[str] = "output",
    host: str = "127.0.0.1",
    port: int = 7878,
    *,
    timeout: float = 30.0,
    allow_update: bool = False,
    allow_service: bool = False,
    on_ready=None,  # type: ignore[no-untyped-def]
) -> None:
    """Serve the build in ``out`` at ``http://host:port/query`` until interrupted."""
    import uvicorn

    store = store_path(out)
    policy = Policy(allow_update=allow_update, allow_service=allow_service)
    engine = Engine(store, timeout, writable=allow_update)
    engine.start()
    try:
        app = application(engine, policy)
        config = uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on")
        server = uvicorn.Server(config)
        if on_ready:
            on_ready(f"http://{host}:{port}")
        server.run()
    finally:
        engine.stop()

"""``kg push``: send a build to a SPARQL store through the SPARQL 1.1 Graph Store HTTP Protocol.

Every named graph of the build (one per report, plus the shared reference
graphs) is PUT to ``URL?graph=IRI``, replacing that graph in the store. A
manifest of what was pushed (graph IRI -> digest of its sorted N-Triples) is
kept beside the build, per store URL, so that the next push sends only the
graphs whose content changed and DELETEs those the build no longer has.
Transient failures (connection errors, 5xx, 429) are retried with back-off.

A shard's build (``kg build --shard I/N``) holds the reference facts of its own
reports only: pushed with ``shard=True``, its reference graphs are POSTed (added
to what other shards sent) instead of PUT, and never deleted, so that N shards
pushed to one store give the store of a single build. The tallies graph is
never pushed: it counts this build alone, and a shared store may hold more
(its users ask the ``cited-across`` query, which counts).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import RdfFormat, parse, serialize

from kg.export.files import atomic_write_text
from kg.store import StoreMissingError

Progress = Callable[[str, str], None]  # (graph IRI, what was done)
RETRY_STATUS = {429, 500, 502, 503, 504}


class PushError(RuntimeError):
    """The store refused a graph, or could not be reached after the retries."""


@dataclass(frozen=True)
class Auth:
    """How to authenticate to the store: HTTP basic, HTTP digest or a bearer token."""

    user: str | None = None
    password: str | None = None
    token: str | None = None
    digest: bool = False

    def httpx(self):  # type: ignore[no-untyped-def]
        """The ``httpx`` auth object and extra headers."""
        import httpx

        if self.token:
            return None, {"Authorization": f"Bearer {self.token}"}
        if self.user is not None:
            cls = httpx.DigestAuth if self.digest else httpx.BasicAuth
            return cls(self.user, self.password or ""), {}
        return None, {}


@dataclass
class PushSummary:
    """What a push did."""

    url: str
    replaced: list[str] = field(default_factory=list)
    unchanged: int = 0
    deleted: list[str] = field(default_factory=list)
    bytes_sent: int = 0
    seconds: float = 0.0


def build_graphs(out: str | os.PathLike[str]) -> dict[str, bytes]:
    """Each named graph of the build in ``out`` as sorted N-Triples."""
    path = Path(out) / "graph.nq"
    if not path.exists():
        raise StoreMissingError(f"no build in {Path(out)}/ — run `kg build ... --out {out}` first")
    triples: dict[str, list] = defaultdict(list)
    for quad in parse(path=str(path), format=RdfFormat.N_QUADS):
        triples[quad.graph_name.value].append(quad.triple)
    return {
        graph: serialize(sorted(ts, key=str), format=RdfFormat.N_TRIPLES) or b""
        for graph, ts in sorted(triples.items())
    }


def manifest_path(out: str | os.PathLike[str], url: str) -> Path:
    """Where the record of pushes of this build folder to ``url`` is kept."""
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    return Path(out) / ".push" / f"{key}.json"


def _load_manifest(path: Path, url: str) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return dict(data.get("graphs", {})) if data.get("url") == url else {}


def _save_manifest(path: Path, url: str, graphs: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"url": url, "graphs": dict(sorted(graphs.items()))}
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def push(
    out: str | os.PathLike[str],
    url: str,
    *,
    auth: Auth | None = None,
    graph_param: str = "graph",
    content_type: str = "application/n-triples",
    force: bool = False,
    retries: int = 4,
    timeout: float = 120.0,
    progress: Progress | None = None,
    shard: bool = False,
) -> PushSummary:
    """Push the build in ``out`` to the Graph Store Protocol endpoint ``url``.

    Only graphs changed since the last push to ``url`` are sent (all with
    ``force``); graphs pushed before and gone from the build are deleted. With
    ``shard``, the reference graphs are added to the store's, not replaced.
    """
    import httpx

    from kg.graph.reference import is_derived_graph, is_reference_graph

    started = time.perf_counter()
    graphs = build_graphs(out)
    record = manifest_path(out, url)
    pushed = {} if force else _load_manifest(record, url)
    summary = PushSummary(url)
    client_auth, headers = (auth or Auth()).httpx()
    with httpx.Client(auth=client_auth, headers=headers, timeout=timeout) as client:

        def send(method: str, graph: str, body: bytes | None = None) -> None:
            params = {graph_param: graph}
            extra = {"Content-Type": content_type} if body is not None else {}
            for attempt in range(retries + 1):
                try:
                    reply = client.request(method, url, params=params, content=body, headers=extra)
                except httpx.TransportError as error:
                    problem = f"cannot reach {url}: {error}"
                else:
                    if reply.status_code < 300 or (method == "DELETE" and reply.status_code == 404):
                        return
                    problem = f"{method} {graph}: HTTP {reply.status_code} {reply.text[:200]}"
                    if reply.status_code not in RETRY_STATUS:
                        raise PushError(problem)
                if attempt == retries:
                    raise PushError(f"{problem} (after {retries + 1} attempts)")
                time.sleep(min(8.0, 0.25 * 2**attempt))

        for graph, body in graphs.items():
            if is_derived_graph(graph):
                continue  # the tallies count this build only: the shared store may hold more
            digest = hashlib.sha256(body).hexdigest()
            if pushed.get(graph) == digest:
                summary.unchanged += 1
                continue
            send("POST" if shard and is_reference_graph(graph) else "PUT", graph, body)
            pushed[graph] = digest
            summary.replaced.append(graph)
            summary.bytes_sent += len(body)
            _save_manifest(record, url, pushed)  # a push stopped half-way resumes from here
            if progress:
                progress(graph, "replaced")
        for graph in sorted(set(pushed) - set(graphs)):
            if shard and is_reference_graph(graph):
                continue  # other shards' reports may rely on it
            send("DELETE", graph)
            del pushed[graph]
            summary.deleted.append(graph)
            _save_manifest(record, url, pushed)
            if progress:
                progress(graph, "deleted")
    _save_manifest(record, url, pushed)
    summary.seconds = time.perf_counter() - started
    return summary

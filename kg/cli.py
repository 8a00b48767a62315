"""The ``kg`` command: thin wrappers over the library (``kg.build``, ``kg.query``…)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

app = typer.Typer(
    name="kg",
    help="Build and query knowledge graphs of Chinese rule-of-law reports\n"
    "(法治政府建设情况报告).\n\n"
    "Example: kg build seeds --out output && kg cited-across --min 2",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
console = Console()
err = Console(stderr=True)

OutOpt = Annotated[
    Path,
    typer.Option(
        "--out", "-o", help="Build folder, as written by `kg build --out` (e.g. output/)."
    ),
]
FormatOpt = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        help="table (for people), csv or tsv (for scripts), json (SPARQL 1.1 Results JSON).",
    ),
]
EXIT_SOME_FAILED = 3
EXIT_USAGE = 2


def _shown(text: object) -> str:
    """Text from file names or documents, safe for a terminal: control characters escaped
    (a name holding an escape sequence or a newline cannot fake a line), markup inert."""
    return escape(
        "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in str(text))
    )


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]error:[/] {_shown(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@app.command()
def build(
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders (searched recursively). Default: seeds/."),
    ] = None,
    out: OutOpt = Path("output"),
    max_bytes: Annotated[
        int, typer.Option(help="Skip files larger than this many bytes (reported as errors).")
    ] = 50 * 1024 * 1024,
    max_title: Annotated[
        int,
        typer.Option(
            help="Longest text between 《 and 》 read as a title (longer: a stray mark).",
            min=1,
        ),
    ] = 120,
    strict: Annotated[
        bool, typer.Option("--strict", help="Stop at the first file that cannot be built.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    follow_links: Annotated[
        bool,
        typer.Option(
            "--follow-links", help="Also read symbolic links that point outside the inputs."
        ),
    ] = False,
    max_mentions: Annotated[
        int, typer.Option(help="Skip a file with more mentions than this (not one report).", min=1)
    ] = 50_000,
    max_seconds: Annotated[
        float, typer.Option(help="Skip a file that takes longer than this to process.", min=0.1)
    ] = 300.0,
    workers: Annotated[
        int | None,
        typer.Option(help="Worker processes that build files (default: one per CPU).", min=1),
    ] = None,
    cache: Annotated[
        bool,
        typer.Option(
            "--cache/--no-cache",
            help="Reuse the parts of files built before with the same bytes (OUT/.cache).",
        ),
    ] = True,
    shard: Annotated[
        str | None,
        typer.Option(
            help="Build only share I of N of the files (I from 0), e.g. 0/4; "
            "merge the shards with kg merge.",
            metavar="I/N",
        ),
    ] = None,
    engine: Annotated[
        str,
        typer.Option(help="local (worker processes here) or dask (a Dask cluster: --scheduler)."),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(help="The Dask scheduler's address, e.g. tcp://10.0.0.5:8786."),
    ] = None,
) -> None:
    """Build the graph of every report under INPUTS into --out.

    Writes graph.ttl/.nt/.nq/.trig/.jsonld, mentions.csv, graph.html, report.json
    and the Oxigraph store. Exit code 0: all files built; 3: some files failed
    (listed, the rest was built); 1: nothing could be built.

    Example: kg build seeds reports/2023 --out output
    """
    from kg.build import NothingBuiltError, StrictModeError
    from kg.build import build as run_build
    from kg.export.files import ForeignOutputError

    paths = inputs or [Path("seeds")]
    share = _shard(shard) if shard else None
    if engine not in ("local", "dask"):
        _fail(f"--engine {_shown(engine)}: give local or dask", EXIT_USAGE)
    if (engine == "dask") != bool(scheduler):
        _fail("--engine dask needs --scheduler ADDRESS (and --scheduler needs --engine dask)",
              EXIT_USAGE)  # fmt: skip
    if out.is_symlink() and not out.exists():
        _fail(f"--out {out} is a symbolic link to nothing; give a folder", EXIT_USAGE)
    if out.exists() and not out.is_dir():
        _fail(f"--out {out} is a file; give a folder", EXIT_USAGE)
    for p in paths:
        if not p.exists():
            _fail(f"{p}: no such file or folder", EXIT_USAGE)
    failures: list[str] = []
    with Progress(
        TextColumn("[bold]building"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err,
        disable=quiet,
        transient=True,
    ) as bar:
        task = bar.add_task("", total=None)

        def started(total: int) -> None:
            bar.update(task, total=total)

        def advanced(name: str, error: str | None) -> None:
            bar.update(task, advance=1, description=_shown(name))
            if error:
                failures.append(error)
                # File names may hold [markup] or control characters: print them as text.
                bar.console.print(
                    f"[yellow]skipped[/] {_shown(error)}", highlight=False, soft_wrap=True
                )

        try:
            result = run_build(
                paths,
                out=out,
                max_bytes=max_bytes,
                max_title=max_title,
                strict=strict,
                follow_links=follow_links,
                max_mentions=max_mentions,
                max_seconds=max_seconds,
                workers=workers,
                cache=cache,
                shard=share,
                scheduler=scheduler,
                progress=advanced,
                on_start=started,
            )
        except StrictModeError as e:
            _fail(f"{e} (--strict: stopped, previous output kept)", EXIT_SOME_FAILED)
            return
        except NothingBuiltError as e:
            _fail(str(e))
            return
        except ForeignOutputError as e:
            _fail(str(e), EXIT_USAGE)
            return
        except OSError as e:  # the output folder, not an input file: nothing was replaced
            _fail(f"cannot write the build into {out}: {e.strerror or e} (previous output kept)")
            return
    totals = result.report["totals"]
    assert isinstance(totals, dict)
    ents = totals["entities"]
    console.print(
        f"[bold green]built[/] {totals['built']} of {totals['documents']} documents"
        f" → {_shown(out)}/"
    )
    console.print(
        "entities: "
        + ", ".join(f"{k} {v}" for k, v in ents.items())
        + f"; triples {totals['triples']:,}; quads {totals['quads']:,}"
    )
    cached = result.report.get("cache")
    if isinstance(cached, dict) and cached.get("reused"):
        console.print(
            f"{cached['reused']} unchanged file(s) taken from {_shown(out / '.cache')}, "
            f"{cached['built']} built"
        )
    if totals.get("duplicates"):
        console.print(
            f"{totals['duplicates']} file(s) repeat another file's bytes: built once "
            "(report.json: duplicate_of)"
        )
    console.print(f"open {_shown(out / 'graph.html')} in a browser to explore")
    if failures:
        console.print(
            f"[yellow]{len(failures)} file(s) failed[/]; see {_shown(out / 'report.json')}"
        )
        raise typer.Exit(1 if totals["built"] == 0 else EXIT_SOME_FAILED)


def _shard(value: str) -> tuple[int, int]:
    """``I/N`` -> (I, N), or a usage error."""
    try:
        i, n = (int(x) for x in value.split("/"))
    except ValueError:
        i, n = -1, 0
    if not 0 <= i < n:
        _fail(f"--shard {_shown(value)}: give I/N with 0 <= I < N, e.g. 0/4", EXIT_USAGE)
    return i, n


@app.command()
def merge(
    shards: Annotated[list[Path], typer.Argument(help="Output folders of kg build --shard I/N.")],
    out: OutOpt = Path("output"),
) -> None:
    """Merge the builds of shards into one build in --out (the same as one build of all files).

    Example: kg build reports --shard 0/2 --out s0; kg build reports --shard 1/2 --out s1;
    kg merge s0 s1 --out output
    """
    from kg.build import NothingBuiltError
    from kg.export.files import ForeignOutputError
    from kg.merge import MergeError
    from kg.merge import merge as run_merge

    try:
        result = run_merge(shards, out)
    except (MergeError, NothingBuiltError) as e:
        _fail(str(e))
        return
    except ForeignOutputError as e:
        _fail(str(e), EXIT_USAGE)
        return
    totals = result.report["totals"]
    assert isinstance(totals, dict)
    console.print(
        f"[bold green]merged[/] {len(shards)} shard(s): {totals['built']} of "
        f"{totals['documents']} documents → {_shown(out)}/; quads {totals['quads']:,}"
    )


def _print(res, fmt: str, title: str | None = None) -> None:  # type: ignore[no-untyped-def]
    from kg.query import to_csv, to_json

    if fmt == "csv":
        sys.stdout.write(to_csv(res))
    elif fmt == "tsv":
        sys.stdout.write(to_csv(res, delimiter="\t"))
    elif fmt == "json":
        sys.stdout.write(to_json(res))
    elif fmt == "table":
        table = Table(title=title, show_lines=False)
        for v in res.variables:
            table.add_column(v, overflow="fold")
        for row in res.values():
            table.add_row(*[_compact(row[v] or "") for v in res.variables])
        console.print(table)
        console.print(f"{len(res.rows)} row(s)")
    else:
        _fail(f"unknown --format {fmt!r}: use table, csv, tsv or json", EXIT_USAGE)


def _compact(value: str) -> str:
    """``https://w3id.org/fazhi-kg/law/…`` -> ``law:…`` for reading in a terminal."""
    from kg.vocab import PREFIXES

    for prefix, base in PREFIXES.items():
        if value.startswith(base) and "/" not in value[len(base) :]:
            return f"{prefix}:{value[len(base) :]}"
    return value


@contextmanager
def _reading_build() -> Iterator[None]:
    """Turn "no build in --out" into a one-line error instead of a traceback."""
    from kg.store import StoreMissingError

    try:
        yield
    except StoreMissingError as e:
        _fail(str(e))


def _comma_list(value: str | None) -> list[str]:
    """``法律,行政法规`` (ASCII or full-width commas) -> ``["法律", "行政法规"]``."""
    return [v.strip() for v in (value or "").replace("，", ",").split(",") if v.strip()]


def _params(values: list[str] | None) -> dict[str, str | int]:
    out: dict[str, str | int] = {}
    for item in values or []:
        if "=" not in item:
            _fail(f"--param wants NAME=VALUE, got {item!r}", EXIT_USAGE)
        k, v = item.split("=", 1)
        out[k.strip()] = v  # typed by the engine's binding: IRIs, numbers, years (gYear)
    return out


@app.command()
def query(
    sparql: Annotated[str | None, typer.Argument(help="A SPARQL SELECT/ASK query.")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Read the query from a file.")] = None,
    named: Annotated[
        str | None, typer.Option("--named", help="Run a named query (see `kg queries`).")
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param", "-p", help="NAME=VALUE bound to ?NAME (never pasted into the query)."
        ),
    ] = None,
    out: OutOpt = Path("output"),
    fmt: FormatOpt = "table",
    timeout: Annotated[
        float, typer.Option(help="Stop the query after this many seconds.", min=0.1)
    ] = 120.0,
    max_rows: Annotated[
        int, typer.Option(help="Keep at most this many rows (a warning says when cut).", min=1)
    ] = 1_000_000,
    allow_service: Annotated[
        bool,
        typer.Option("--allow-service", help="Allow SERVICE: the query may call other servers."),
    ] = False,
) -> None:
    """Run SPARQL over the build's store (all named graphs as the default graph).

    Prefixes kg:, schema:, cito:, eli:, org:, skos:, prov:, oa:, dcterms: … are predeclared.
    --param binds any variable of a SELECT (projected or not) through the engine:
    IRIs as IRIs, numbers as numbers, NAME=YYYY as xsd:gYear when NAME ends in "year".
    CONSTRUCT and DESCRIBE print RDF (--format turtle, ntriples or jsonld); the store is
    read-only, so INSERT/DELETE and other updates are refused.

    Examples:
      kg query "SELECT ?t WHERE { ?r a eli:LegalResource ; schema:name ?t } LIMIT 5"
      kg query --named citations-of --param title=行政处罚法 --format csv
      kg query "SELECT ?doc WHERE { ?r kg:sourceFile ?doc ; dcterms:temporal ?year }" -p year=2022
      kg query "CONSTRUCT { ?r dcterms:creator ?g } WHERE { ?r dcterms:creator ?g }" -f turtle
    """
    from kg.query import QueryTimeout, construct, run_named
    from kg.query import query as run_query
    from kg.store import StoreMissingError
    from kg.store.parameters import query_form

    given = [x for x in (sparql, file, named) if x]
    if len(given) != 1:
        _fail("give exactly one of: a query, --file FILE, --named NAME", EXIT_USAGE)
    try:
        if named:
            res = run_named(out, named, _params(param), timeout=timeout, max_rows=max_rows)
        else:
            text = file.read_text(encoding="utf-8") if file else str(sparql)
            if query_form(text) in ("CONSTRUCT", "DESCRIBE"):
                if param:
                    _fail("--param binds variables of SELECT queries only", EXIT_USAGE)
                rdf = "turtle" if fmt == "table" else fmt
                sys.stdout.write(construct(out, text, rdf).decode("utf-8"))
                return
            res = run_query(
                out,
                text,
                _params(param),
                timeout=timeout,
                max_rows=max_rows,
                allow_service=allow_service,
            )
    except (StoreMissingError, KeyError, ValueError, SyntaxError, OSError, QueryTimeout) as e:
        _fail(str(e).strip("'\""))
        return
    _print(res, fmt)
    if res.truncated:
        err.print(f"[yellow]only the first {max_rows:,} rows[/] (--max-rows)", highlight=False)


@app.command()
def queries() -> None:
    """List the named queries and the question each answers (run with `kg query --named`)."""
    from kg.query import named_queries

    table = Table("name", "question", "parameters", "optional filters")
    for nq in named_queries().values():
        table.add_row(
            nq.name,
            nq.question,
            " ".join(f"--param {p}=…" for p in nq.parameters),
            " ".join(f"{p}=…" for p in nq.optional),
        )
    console.print(table)


@app.command("cited-across")
def cited_across(
    min_places: Annotated[
        int, typer.Option("--min", help="Cited by at least this many different places.")
    ] = 2,
    kind: Annotated[
        str | None,
        typer.Option(help="Only these kinds, comma-separated, e.g. 法律,行政法规."),
    ] = None,
    year: Annotated[
        int | None, typer.Option(help="Only reports about this year, e.g. 2022.")
    ] = None,
    province: Annotated[
        str | None, typer.Option(help="Only reports of governments in this province, e.g. 河北省.")
    ] = None,
    level: Annotated[
        str | None,
        typer.Option(
            help="Only reports of governments of this level: province, prefecture, "
            "county or township."
        ),
    ] = None,
    out: OutOpt = Path("output"),
    fmt: FormatOpt = "table",
) -> None:
    """Which regulations and documents are cited across places, by whom.

    Example: kg cited-across --min 2 --kind 法律,行政法规 --province 河北省 --format csv
    """
    from kg.query import cited_across as run

    if min_places < 1:
        _fail("--min must be at least 1", EXIT_USAGE)
    if level and level not in ("province", "prefecture", "county", "township"):
        _fail("--level is one of province, prefecture, county, township", EXIT_USAGE)
    with _reading_build():
        res = run(out, min_places, _comma_list(kind), year=year, province=province, level=level)
    _print(res, fmt, title=f"cited by ≥ {min_places} places")


@app.command()
def html(
    view: Annotated[
        str,
        typer.Option(help="cited-across (default), report, entity or hierarchy."),
    ] = "cited-across",
    focus: Annotated[
        str | None,
        typer.Option(help="entity view: the entity or government at the centre, e.g. 枫桥经验."),
    ] = None,
    hops: Annotated[int, typer.Option(help="entity view: how many steps around --focus.")] = 1,
    report: Annotated[
        str | None,
        typer.Option(help="report view: the report's file name, as in mentions.csv."),
    ] = None,
    min_governments: Annotated[
        int,
        typer.Option("--min", help="cited-across view: cited by at least this many governments."),
    ] = 2,
    out: Annotated[
        Path, typer.Option("--out", help="Build folder, as written by `kg build --out`.")
    ] = Path("output"),
    page: Annotated[
        Path | None,
        typer.Option("--page", "-o", help="The page to write (default graph-VIEW.html here)."),
    ] = None,
) -> None:
    """Write one view of a build as a self-contained HTML page that opens offline.

    Example: kg html --view entity --focus 枫桥经验 --hops 2 --out output -o fengqiao.html
    """
    from kg.export.files import atomic_write_text
    from kg.export.html import VIEWS, ViewError, render_html
    from kg.store import open_store

    if view not in VIEWS:
        _fail(f"--view is one of {', '.join(VIEWS)}", EXIT_USAGE)
    if hops < 0 or min_governments < 1:
        _fail("--hops must be at least 0 and --min at least 1", EXIT_USAGE)
    target = page or Path(f"graph-{view}.html")
    with _reading_build():
        store = open_store(out)
        try:
            text = render_html(store, view, focus, hops, min_governments, report)
        except ViewError as e:
            _fail(str(e), EXIT_USAGE)
    atomic_write_text(target, text)
    console.print(f"wrote {_shown(target)} ({len(text.encode()):,} bytes)", highlight=False)


@app.command()
def stats(
    out: OutOpt = Path("output"),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Counts of a build: reports, entities by type, triples, named graphs.

    Example: kg stats --out output
    """
    from kg.query import stats as run

    with _reading_build():
        counts = run(out)
    if as_json:
        sys.stdout.write(json.dumps(counts, ensure_ascii=False, indent=1) + "\n")
        return
    table = Table("what", "count")
    for k, v in counts.items():
        if isinstance(v, dict):
            for kind, n in v.items():
                table.add_row(f"{k}: {kind}", f"{n:,}")
        else:
            table.add_row(k, f"{v:,}" if isinstance(v, int) else str(v))
    console.print(table)


@app.command()
def validate(out: OutOpt = Path("output")) -> None:
    """Check the build's graph against the SHACL shapes (ontology/shapes.ttl).

    Exit code 0 when it conforms, 1 with the violations otherwise. Example: kg validate
    """
    from kg.validate import validate_build

    try:
        result = validate_build(out)
    except FileNotFoundError as e:
        _fail(str(e))
        return
    if result.conforms:
        console.print("[bold green]conforms[/] to ontology/shapes.ttl")
        return
    console.print(result.text, highlight=False)
    _fail(f"{result.violations} node(s) violate the shapes")


@app.command()
def indicators(
    min_governments: Annotated[
        int,
        typer.Option("--min", help="Only indicators reported by at least this many governments."),
    ] = 1,
    only: Annotated[
        str | None,
        typer.Option(
            "--only",
            help="Only indicators whose label contains one of these words, e.g. 行政复议,调解.",
        ),
    ] = None,
    long: Annotated[
        bool,
        typer.Option(
            "--long",
            help="One number per row (indicator, government, year, value, unit …) for pandas or R.",
        ),
    ] = False,
    out: OutOpt = Path("output"),
    fmt: FormatOpt = "table",
) -> None:
    """The numbers each government reports: a table of indicators × governments (and years).

    Example: kg indicators --min 2 --only 行政复议 --format csv
    """
    from kg.compare import indicator_table, observation_rows

    table = observation_rows if long else indicator_table
    with _reading_build():
        res = table(out, min_governments, _comma_list(only))
    _print(res, fmt, title=f"indicators reported by ≥ {min_governments} government(s)")


@app.command()
def serve(
    out: OutOpt = Path("output"),
    host: Annotated[
        str, typer.Option(help="Address to listen on; 127.0.0.1 keeps it on this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 7878,
    timeout: Annotated[
        float, typer.Option(help="Seconds after which a query is stopped.", min=1)
    ] = 30.0,
    allow_update: Annotated[
        bool, typer.Option("--allow-update", help="Accept SPARQL UPDATE at /update.")
    ] = False,
    allow_service: Annotated[
        bool, typer.Option("--allow-service", help="Allow SERVICE (federated) queries.")
    ] = False,
) -> None:
    """Serve the build as a SPARQL 1.1 Protocol endpoint (and Yasgui in the browser).

    Queries at http://HOST:PORT/query (GET or POST) see the union of all named graphs, with
    the project's prefixes predeclared; results as SPARQL JSON/XML/CSV/TSV or RDF by the
    Accept header. Read-only unless --allow-update.

    Example: kg serve --out output   (then open http://127.0.0.1:7878/ in a browser)
    """
    from kg.serve import ServeError
    from kg.serve import serve as run

    def ready(url: str) -> None:
        err.print(f"SPARQL endpoint {url}/query — Yasgui at {url}/ — Ctrl-C stops", highlight=False)

    try:
        with _reading_build():
            run(
                out,
                host,
                port,
                timeout=timeout,
                allow_update=allow_update,
                allow_service=allow_service,
                on_ready=ready,
            )
    except ServeError as e:
        _fail(str(e))


@app.command()
def push(
    url: Annotated[
        str,
        typer.Argument(help="Graph Store Protocol endpoint, e.g. http://127.0.0.1:7878/store."),
    ],
    out: OutOpt = Path("output"),
    user: Annotated[str | None, typer.Option(help="User name for HTTP authentication.")] = None,
    password: Annotated[
        str | None,
        typer.Option(envvar="KG_PUSH_PASSWORD", help="Password (or set KG_PUSH_PASSWORD)."),
    ] = None,
    token: Annotated[
        str | None, typer.Option(envvar="KG_PUSH_TOKEN", help="Bearer token (or KG_PUSH_TOKEN).")
    ] = None,
    digest: Annotated[
        bool, typer.Option("--digest", help="HTTP digest instead of basic authentication.")
    ] = False,
    graph_param: Annotated[
        str, typer.Option(help="Query parameter naming the graph (Virtuoso: graph-uri).")
    ] = "graph",
    content_type: Annotated[
        str, typer.Option(help="Media type of the graphs sent (N-Triples is also Turtle).")
    ] = "application/n-triples",
    force: Annotated[
        bool, typer.Option("--force", help="Send every graph, changed or not.")
    ] = False,
    shard: Annotated[
        bool,
        typer.Option(
            "--shard",
            help="The build is one shard (kg build --shard I/N): add its reference graphs "
            "to the store's instead of replacing them.",
        ),
    ] = False,
) -> None:
    """Push the build to a SPARQL store (SPARQL 1.1 Graph Store HTTP Protocol).

    One named graph per report plus the shared reference graphs; only graphs changed
    since the last push to URL are sent, graphs gone from the build are deleted.

    Examples:
      kg push http://127.0.0.1:7878/store                       (oxigraph serve)
      kg push http://127.0.0.1:3030/kg/data --user admin        (Apache Jena Fuseki)
      kg push http://127.0.0.1:8890/sparql-graph-crud-auth --graph-param graph-uri \\
              --user dba --digest                               (Virtuoso)
    """
    from kg.push import Auth, PushError
    from kg.push import push as run

    auth = Auth(user=user, password=password, token=token, digest=digest)
    with Progress(
        TextColumn("[bold]pushing"), TextColumn("{task.description}"), console=err, transient=True
    ) as bar:
        task = bar.add_task("", total=None)
        try:
            with _reading_build():
                summary = run(
                    out,
                    url,
                    auth=auth,
                    graph_param=graph_param,
                    content_type=content_type,
                    force=force,
                    shard=shard,
                    progress=lambda graph, what: bar.update(task, description=f"{what} {graph}"),
                )
        except PushError as e:
            _fail(str(e))
            return
    console.print(
        f"[bold green]pushed[/] to {_shown(url)}: {len(summary.replaced)} graph(s) replaced, "
        f"{summary.unchanged} unchanged, {len(summary.deleted)} deleted, "
        f"{summary.bytes_sent:,} bytes in {summary.seconds:.1f} s"
    )


@app.command("eval")
def eval_(
    gold: Annotated[
        Path,
        typer.Argument(
            help="Folder of gold files (one JSON per report, docs/annotation-guide.md)."
        ),
    ],
    out: OutOpt = Path("output"),
    against: Annotated[
        Path | None,
        typer.Option(
            "--against", help="Compare with a second gold folder instead of a build (agreement)."
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    show_errors: Annotated[
        int,
        typer.Option("--show-errors", help="List up to N false positives, misses, wrong labels."),
    ] = 0,
) -> None:
    """Measure a build against gold annotations: precision, recall, F1 with 95 % intervals.

    Scores spans and canonical labels per type, entity identity across reports
    (pairwise) and the report's author (right, wrong and none counted apart) and year,
    on the reports that both the gold and the build hold.

    Examples:
      kg build tests/corpus/dev/texts --out dev-build
      kg eval tests/corpus/dev/gold --out dev-build --show-errors 20
      kg eval tests/corpus/dev/gold --against tests/corpus/dev/gold-second
    """
    from kg.evaluate import GoldError, agreement, evaluate
    from kg.evaluate.report import error_lines, evaluation_table

    if fmt not in ("table", "json"):
        _fail(f"unknown --format {fmt!r}: use table or json", EXIT_USAGE)
    try:
        with _reading_build():
            result = agreement(gold, against) if against else evaluate(gold, out)
    except (GoldError, OSError) as e:
        _fail(str(e))
        return
    if fmt == "json":
        data = result.as_dict()
        if show_errors:
            data["errors"] = [vars(e) for e in result.errors[:show_errors]]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return
    for table in evaluation_table(result):
        console.print(table)
    if result.missing:
        where = "the second annotation" if against else "the build"
        console.print(f"[yellow]{len(result.missing)} gold report(s) not in {where}[/]")
    for line in error_lines(result, show_errors):
        console.print(line, highlight=False, markup=False)


if __name__ == "__main__":  # pragma: no cover
    app()

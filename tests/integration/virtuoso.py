"""A throwaway OpenLink Virtuoso 7.2 server for integration tests.

Why: Oxigraph alone cannot tell a store-specific quirk from a bug in our
SPARQL 1.1 Protocol / Graph Store Protocol use, so the integration tests also
run against a second, independent quad store: Virtuoso from Debian's
``virtuoso-opensource`` package (installed on CI by
``DEBIAN_FRONTEND=noninteractive apt-get install -y virtuoso-opensource``).

Each ``running_virtuoso(workdir)`` is a private server: its own ini and
database files in ``workdir``, listening only on 127.0.0.1 on ports free at
run time, so it never touches nor collides with the package's system service
(``/etc/virtuoso-opensource-7``, ports 1111/8890).

Writes go through the unauthenticated ``/sparql-graph-crud`` endpoint, which
this module opens to writes once the server is up (``auth`` is therefore
``None``). The dba account (``DBA``) also works with HTTP *digest* auth on
``/sparql-graph-crud-auth`` and ``/sparql-auth`` without any set-up.

Virtuoso 7.2 sniffs the body of a graph-store PUT/POST instead of trusting
``Content-Type``: RDF/XML is recognised by its markup, everything else is read
as Turtle (so N-Triples works under any type); JSON-LD is rejected.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# The credentials of a new Virtuoso database (the Debian package's debconf
# password applies only to the system database, not to ours).
DBA = ("dba", "dba")

# Where Debian's virtuoso-opensource-7-bin puts the binaries; also tried when
# they are not on PATH. Plain ``isql`` is unixODBC's on Debian, so it is only
# taken when it turns out to be Virtuoso's.
_DIRS = ("/usr/bin", "/usr/local/bin", "/opt/virtuoso-opensource/bin")


@dataclass(frozen=True)
class VirtuosoServer:
    """Where a running test server answers.

    ``sparql_url``: SPARQL 1.1 Protocol query (and update) endpoint.
    ``gsp_url``: SPARQL 1.1 Graph Store HTTP Protocol endpoint (``?graph=IRI``
    with GET/PUT/POST/DELETE). ``auth``: always ``None``, no credentials needed
    on either URL. ``sql_port`` and ``isql`` serve ``sql()``; ``log`` is the
    server's own log file.
    """

    sparql_url: str
    gsp_url: str
    auth: None
    sql_port: int
    isql: str
    log: Path

    def sql(self, statements: str, timeout: float = 60.0) -> str:
        """Run SQL statements (each ending in ``;``) as dba; raise on any error.

        isql exits 0 even when a statement fails, so its output is checked.
        """
        done = subprocess.run(
            [self.isql, f"127.0.0.1:{self.sql_port}", *DBA, f"exec={statements}"],
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
        output = done.stdout + done.stderr
        if done.returncode != 0 or "*** Error" in output:
            raise RuntimeError(f"isql failed ({done.returncode}):\n{output}")
        return done.stdout


def _find(*names: str) -> str | None:
    """The first of ``names`` on PATH or in Debian's directories."""
    for name in names:
        candidates = [shutil.which(name), *(str(Path(d) / name) for d in _DIRS)]
        for path in candidates:
            if path and os.access(path, os.X_OK):
                if name != "isql" or _is_virtuoso_isql(path):
                    return path
    return None


def _is_virtuoso_isql(path: str) -> bool:
    """Whether ``path`` is Virtuoso's isql rather than unixODBC's."""
    try:
        done = subprocess.run(
            [path, "-?"], capture_output=True, text=True, timeout=10, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "Virtuoso" in done.stdout + done.stderr


def _free_ports(count: int) -> list[int]:
    """``count`` distinct ports free on 127.0.0.1 right now (a small race remains)."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def _ini(workdir: Path, sql_port: int, http_port: int) -> str:
    """A minimal virtuoso.ini keeping every file in ``workdir``.

    NumberOfBuffers (8 KiB pages, taken lazily) is 10x Debian's default: with
    10000, a PUT replacing a 100k-triple graph took ~120 s instead of ~12 s.
    """
    db = workdir.resolve()
    return f"""\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
CaseMode = 2
DirsAllowed = ., {db}
NumberOfBuffers = 100000
MaxDirtyBuffers = 75000
CheckpointInterval = 60

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {db}
ServerThreads = 4
MaxClientConnections = 8
Charset = UTF-8
EnabledDavVSP = 0

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 400
"""


def _tail(path: Path, lines: int = 40) -> str:
    """The last ``lines`` lines of a log file, or a note that there is none."""
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return f"(no {path.name})"


def _answers(sparql_url: str) -> bool:
    """Whether the SPARQL endpoint answers an ASK with 200."""
    url = sparql_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _stop(process: subprocess.Popen[bytes], timeout: float) -> None:
    """SIGTERM the server's process group, then SIGKILL it after ``timeout``."""
    for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 10.0)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass
        try:
            process.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


class _PortTaken(RuntimeError):
    """The ports picked as free were taken before Virtuoso bound them."""


def _launch(
    server_bin: str, isql: str, workdir: Path, start_timeout: float, stop_timeout: float
) -> tuple[subprocess.Popen[bytes], VirtuosoServer]:
    """Start Virtuoso on fresh ports and wait until /sparql answers; stop it on failure."""
    sql_port, http_port = _free_ports(2)
    ini = workdir / "virtuoso.ini"
    ini.write_text(_ini(workdir, sql_port, http_port))
    console = workdir / "virtuoso.out"  # in the foreground it echoes its log here, too
    base = f"http://127.0.0.1:{http_port}"
    server = VirtuosoServer(
        sparql_url=f"{base}/sparql",
        gsp_url=f"{base}/sparql-graph-crud",
        auth=None,
        sql_port=sql_port,
        isql=isql,
        log=workdir / "virtuoso.log",
    )
    with console.open("wb") as out:
        process = subprocess.Popen(
            [server_bin, "+foreground", "+configfile", str(ini)],
            cwd=workdir,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so _stop reaches all of it
        )
    try:
        deadline = time.monotonic() + start_timeout
        while not _answers(server.sparql_url):
            exited = process.poll() is not None
            if exited or time.monotonic() > deadline:
                tail = _tail(console)
                taken = exited and "Failed to start listening" in tail
                state = (
                    f"exited {process.returncode}" if exited else f"timed out ({start_timeout} s)"
                )
                raise (_PortTaken if taken else RuntimeError)(
                    f"Virtuoso did not start ({state}) on 127.0.0.1:{sql_port}/{http_port}\n"
                    f"--- {console}\n{tail}"
                )
            time.sleep(0.2)
    except BaseException:
        _stop(process, stop_timeout)
        raise
    return process, server


@contextmanager
def running_virtuoso(
    workdir: Path, start_timeout: float = 60.0, stop_timeout: float = 20.0
) -> Iterator[VirtuosoServer]:
    """Start a private Virtuoso in ``workdir``, yield its endpoints, stop it on exit.

    Every start gets an empty database: earlier ``virtuoso*`` files in
    ``workdir`` are removed first.

    Raises ``RuntimeError`` (with the server's log tail) when the binaries are
    missing or the server does not answer within ``start_timeout`` seconds.
    A start that lost its ports to another process is retried on new ones.
    """
    server_bin, isql = _find("virtuoso-t"), _find("isql-vt", "isql")
    if server_bin is None or isql is None:
        raise RuntimeError("virtuoso-t/isql-vt not found: apt-get install virtuoso-opensource")
    workdir.mkdir(parents=True, exist_ok=True)
    for stale in workdir.glob("virtuoso*"):  # always a new, empty database
        stale.unlink()
    for _ in range(2):
        try:
            process, server = _launch(server_bin, isql, workdir, start_timeout, stop_timeout)
            break
        except _PortTaken:
            continue
    else:
        process, server = _launch(server_bin, isql, workdir, start_timeout, stop_timeout)
    try:
        # Let the anonymous web user ("SPARQL", alias "nobody") write graphs.
        server.sql(
            "GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET('nobody', 7);"
        )
        yield server
    finally:
        _stop(process, stop_timeout)

"""Real servers for the integration tests, started by the tests on loopback ports."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, child: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise RuntimeError(
                f"server exited: {child.stderr.read().decode() if child.stderr else ''}"
            )
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


@contextlib.contextmanager
def running(args: list[str], port: int) -> Iterator[subprocess.Popen]:
    """Run ``args`` until the block ends; wait until ``port`` accepts connections."""
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_port(port, child)
        yield child
    finally:
        child.terminate()
        try:
            child.wait(10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


@contextlib.contextmanager
def oxigraph_store(location: Path) -> Iterator[str]:
    """A writable Oxigraph server (the store users push to); yields its base URL."""
    port = free_port()
    args = [str(BIN / "oxigraph"), "serve", "--location", str(location), "--union-default-graph"]
    with running([*args, "--bind", f"127.0.0.1:{port}"], port):
        yield f"http://127.0.0.1:{port}"


@contextlib.contextmanager
def kg_serve(out: Path, *options: str) -> Iterator[str]:
    """``kg serve`` on a build; yields its base URL."""
    port = free_port()
    args = [str(BIN / "kg"), "serve", "--out", str(out), "--port", str(port), *options]
    with running(args, port):
        yield f"http://127.0.0.1:{port}"


def listening_addresses(port: int) -> set[str]:
    """The local addresses on which something listens on ``port`` (from /proc/net/tcp*)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError), open(table) as handle:
            for line in list(handle)[1:]:
                fields = line.split()
                address, state = fields[1], fields[3]
                host, hexport = address.rsplit(":", 1)
                if state == "0A" and int(hexport, 16) == port:  # 0A: LISTEN
                    found.add(host)
    return found

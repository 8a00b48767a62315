"""kg query stops a runaway query and cuts an answer that would not fit."""

from __future__ import annotations

import time

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.query import QueryTimeout, query

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_a_runaway_query_is_stopped_at_the_timeout(seed_build):
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="stopped after 1 s"):
        query(seed_build[0], RUNAWAY, timeout=1)
    assert time.monotonic() - started < 8
    # errors of the query itself still come back from the child process
    with pytest.raises(ValueError, match="no variable"):
        query(seed_build[0], "SELECT ?s WHERE { ?s ?p ?o }", {"zz": "1"}, timeout=5)
    result = CliRunner().invoke(
        app, ["query", RUNAWAY, "--timeout", "1", "--out", str(seed_build[0])]
    )
    assert result.exit_code == 1 and "stopped after 1 s" in result.output


def test_rows_beyond_the_limit_are_cut_and_said_so(seed_build):
    res = query(seed_build[0], "SELECT ?s WHERE { ?s a kg:Mention }", max_rows=3, timeout=30)
    assert len(res.rows) == 3 and res.truncated
    full = query(seed_build[0], "SELECT ?s WHERE { ?s a kg:Report }", max_rows=10)
    assert len(full.rows) == 5 and not full.truncated

"""kg push to a second, independent store: Virtuoso (Debian's package), same answers."""

from __future__ import annotations

from test_push import local_cited_across, remote_cited_across
from virtuoso import running_virtuoso

from kg.push import push


def test_virtuoso_receives_the_push_and_gives_the_same_answer(seed_build, tmp_path):
    out = seed_build[0]
    with running_virtuoso(tmp_path / "virtuoso") as server:
        summary = push(out, server.gsp_url, content_type="text/turtle")
        assert summary.replaced and not summary.deleted
        assert remote_cited_across(server.sparql_url) == local_cited_across(out)
        # the manifest is per store: a second push to the same store sends nothing
        assert push(out, server.gsp_url, content_type="text/turtle").replaced == []

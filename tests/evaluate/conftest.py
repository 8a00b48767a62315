"""The frozen test split of the dev corpus, built once for the evaluation tests."""

from __future__ import annotations

from pathlib import Path

import pytest

DEV = Path(__file__).resolve().parents[1] / "corpus" / "dev"


@pytest.fixture(scope="session")
def test_split_build(tmp_path_factory):
    """A build of the 60 reports of ``split-test.txt`` (never tuned on)."""
    import kg

    names = (DEV / "split-test.txt").read_text().split()
    out = tmp_path_factory.mktemp("dev-test")
    kg.build([DEV / "texts" / n for n in names], out=out)
    return out

"""Shared fixtures: the seed reports and one build of them per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

GUAN = "000_0185e56b7f905c26.txt"  # 固安县人民政府, 2022 annual report
DASHENG = "001_045200239feb11ca.txt"  # 重庆市渝北区大盛镇, 2023 annual report
WUJI = "002_acfdae4825b56b39.txt"  # 中共无极县委 无极县人民政府, 2021 annual report
LUANCHUAN = "003_bc19e7eecbeecb6e.txt"  # 栾川县 experience article (web page), 2022
GANGU = "004_845bf433358f1249.txt"  # 甘谷县 2024 work summary (web page)


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory):
    """``kg.build`` of the five seeds into a temporary output folder."""
    import kg

    out = tmp_path_factory.mktemp("output")
    result = kg.build([SEEDS], out=out, keep_documents=True)
    return out, result


@pytest.fixture(scope="session")
def resources():
    """The reference data (gazetteer, catalogue, initiative scheme)."""
    from kg.resolve import Resources

    return Resources.load()


@pytest.fixture(scope="session")
def lexicons(resources):
    """The extractors' word lists built from the reference data."""
    from kg.build import make_lexicons

    return make_lexicons(resources)


def seed_text(name: str) -> str:
    """The decoded text of one seed file."""
    return (SEEDS / name).read_text(encoding="utf-8")


DEV = ROOT / "tests" / "corpus" / "dev"


@pytest.fixture(scope="session")
def test_split_build(tmp_path_factory: pytest.TempPathFactory):
    """A build of the frozen 60-report test split of the dev corpus (never tuned on)."""
    import kg

    names = (DEV / "split-test.txt").read_text().split()
    out = tmp_path_factory.mktemp("dev-test")
    kg.build([DEV / "texts" / n for n in names], out=out)
    return out

"""Tests of the author resolution (kg/resolve/authors.py) on the seeds and on held-out openings.

Expected codes are the official 民政部 ones; the seeds' authors were read off their titles,
signatures and bylines by hand.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kg.ingest import read_document
from kg.model import Document, DocumentMeta
from kg.resolve.authors import addressee_organs, read_organ, resolve_authorship
from tests.conftest import DASHENG, GANGU, GUAN, LUANCHUAN, SEEDS, WUJI

HELDOUT = Path(__file__).parent / "heldout"


@pytest.mark.parametrize(
    ("seed", "chain", "organs", "evidence"),
    [
        (GUAN, ["131022", "131000", "130000"], ["government"], "signature"),
        (DASHENG, ["500112143", "500112", "500000"], ["government"], "title"),
        (WUJI, ["130130", "130100", "130000"], ["party", "government"], "title"),
        (LUANCHUAN, ["410324", "410300", "410000"], ["government"], "byline"),
        (GANGU, ["620523", "620500", "620000"], ["government"], "title-place"),
    ],
)
def test_seed_authors_resolve_to_their_full_chain(
    resources, seed: str, chain: list[str], organs: list[str], evidence: str
) -> None:
    doc = read_document(SEEDS / seed)
    authorship = resolve_authorship(doc, resources)
    assert [o.organ for o in authorship.organs] == organs
    div = authorship.division
    assert div is not None
    codes = [d.code for d in resources.gazetteer.chain(div.code, doc.meta.year)]
    assert codes[1:] == chain[1:]
    assert div.code == chain[0]
    assert authorship.evidence == evidence
    assert authorship.line  # the line that decided it
    assert 0.5 <= authorship.confidence <= 0.99


def test_dasheng_is_the_town_under_yubei_in_2023(resources) -> None:
    doc = read_document(SEEDS / DASHENG)
    authorship = resolve_authorship(doc, resources)
    names = [d.name for d in resources.gazetteer.chain(authorship.division.code, 2023)]
    assert names == ["大盛镇", "渝北区", "重庆市"]
    # title and signature (重庆市渝北区大盛镇镇人民政府) agree: the reading is surer
    assert authorship.confidence > 0.95


def test_signature_line_is_the_evidence_for_guan(resources) -> None:
    authorship = resolve_authorship(read_document(SEEDS / GUAN), resources)
    assert authorship.line == "固安县人民政府"


def test_wuji_addressee_is_shijiazhuang(resources) -> None:
    doc = read_document(SEEDS / WUJI)
    organs = addressee_organs(doc, resources, ("130130", "130100", "130000"))
    assert [(d.code, organ) for d, organ in organs] == [
        ("130100", "party"),
        ("130100", "government"),
    ]


def test_short_addressees_are_the_authors_superiors(resources) -> None:
    text = "关于2022年法治建设工作的报告\n区委、区政府：\n2022年，我镇……\n"
    doc = Document(
        "x.txt",
        "x.txt",
        text,
        "0" * 40,
        "txt",
        "utf-8",
        DocumentMeta(
            title="关于2022年法治建设工作的报告", addressees=("区委", "区政府"), year=2023
        ),
    )
    organs = addressee_organs(doc, resources, ("500112143", "500112", "500000"))
    assert [(d.name, organ) for d, organ in organs] == [
        ("渝北区", "party"),
        ("渝北区", "government"),
    ]


@pytest.mark.parametrize(
    ("name", "code", "organ", "unit"),
    [
        ("中共无极县委", "130130", "party", ""),
        ("无极县人民政府", "130130", "government", ""),
        ("重庆市渝北区大盛镇镇人民政府", "500112143", "government", ""),
        ("北京市朝阳区三里屯街道办事处", "110105004", "government", ""),
        ("廊坊市司法局", "131000", "unit", "廊坊市司法局"),
        ("固安县人民政府办公室", "131022", "unit", "固安县人民政府办公室"),
        ("固安县人民法院", "131022", "court", ""),
        ("河北省人大常委会", "130000", "congress", ""),
    ],
)
def test_read_organ(resources, name: str, code: str, organ: str, unit: str) -> None:
    got = read_organ(name, resources.gazetteer, 2023)
    assert got is not None
    assert (got.division.code, got.organ, got.unit) == (code, organ, unit)


def _heldout_rows() -> list[dict[str, str]]:
    lines = (HELDOUT / "authors.tsv").read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader((ln for ln in lines if not ln.startswith("#")), delimiter="\t"))


def test_heldout_authors(resources) -> None:
    """Provinces, cities, districts, counties, towns, 街道 and departments from 20 provinces,
    with titles, signatures, bylines and addressee lines in various layouts."""
    rows = _heldout_rows()
    assert len(rows) >= 25
    resolved, wrong = 0, []
    for row in rows:
        doc = read_document(HELDOUT / "reports" / row["file"])
        authorship = resolve_authorship(doc, resources)
        if not authorship.organs:
            continue
        resolved += 1
        first = authorship.organs[0]
        got = (first.division.code, first.division.parent, first.organ, first.unit)
        if got != (row["code"], row["parent"], row["organ"], row["unit"]):
            wrong.append((row["file"], got))
    assert resolved / len(rows) >= 0.95
    assert wrong == []  # every resolved author sits under the right parent


def test_a_jiedao_office_named_after_its_district_government_is_the_jiedao(resources) -> None:
    # The formal name of a 街道办事处 is the district government's agency in that 街道.
    organ = read_organ("北京市朝阳区人民政府三里屯街道办事处", resources.gazetteer, 2024)
    assert organ is not None
    assert organ.division.name == "三里屯街道" and organ.organ == "government"
    chain = [d.name for d in resources.gazetteer.chain(organ.division.code, 2024)]
    assert chain == ["三里屯街道", "朝阳区", "北京市"]


def test_a_jiedao_government_is_called_an_office(resources) -> None:
    from kg.resolve.places import organ_label

    jiedao = resources.gazetteer.parse_path("北京市朝阳区三里屯街道", 2024)[-1]
    county = resources.gazetteer.parse_path("河北省廊坊市固安县", 2022)[-1]
    assert organ_label(jiedao, "government") == "三里屯街道办事处"
    assert organ_label(county, "government") == "固安县人民政府"

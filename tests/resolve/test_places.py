"""Places and organs (kg/resolve/places.py, kg/graph/organs.py) and the named queries over them."""

from __future__ import annotations

import json

from kg.extract import extract_all
from kg.model import Document, DocumentMeta
from kg.query import run_named
from kg.resolve.document import resolve_document
from kg.resolve.places import split_organ
from tests.conftest import GUAN, WUJI


def test_split_organ() -> None:
    assert split_organ("中共无极县委") == ("无极县", "party")
    assert split_organ("固安县人民政府") == ("固安县", "government")
    assert split_organ("无极县人大常委会") == ("无极县", "congress")


def test_institutions_of_a_place_include_its_organs(seed_build) -> None:
    out, _ = seed_build
    rows = run_named(out, "institutions-of", {"place": "无极县"}).values()
    kinds = {(r["name"], r["kind"]) for r in rows}
    assert ("无极县人民政府", "organ") in kinds
    assert ("中共无极县委员会", "organ") in kinds
    assert ("无极县人民法院", "organ") in kinds  # 县法院
    assert ("无极县司法局", "institution") in kinds
    assert ("无极县矛盾纠纷多元化解中心", "institution") in kinds
    assert all(r["doc"] == WUJI for r in rows)
    (row,) = [r for r in rows if r["name"] == "无极县矛盾纠纷多元化解中心"][:1]
    assert "建立县矛盾纠纷多元化解中心" in row["sentence"]


def test_institutions_of_another_place_named_in_a_report(seed_build) -> None:
    out, _ = seed_build
    rows = run_named(out, "institutions-of", {"place": "惠民县"}).values()
    names = {r["name"] for r in rows}
    assert {"惠民县人民政府", "惠民县行政审批服务局"} <= names


def test_report_author_evidence_and_relations(seed_build) -> None:
    out, _ = seed_build
    rows = run_named(out, "governments-of-report", {"doc": WUJI}).values()
    assert {r["authorName"] for r in rows} == {"中共无极县委员会", "无极县人民政府"}
    assert {r["evidence"] for r in rows} == {"title"}
    assert {(r["relation"], r["otherName"]) for r in rows} >= {
        ("partner", "惠民县人民政府"),
        ("superior", "石家庄市人民政府"),
    }
    guan = run_named(out, "governments-of-report", {"doc": GUAN}).values()
    assert {r["line"] for r in guan} == {"固安县人民政府"}  # the signature line
    assert all(0.9 <= float(r["confidence"]) <= 0.99 for r in guan)


def test_report_json_has_author_confidence(seed_build) -> None:
    out, _ = seed_build
    docs = {d["doc"]: d for d in json.loads((out / "report.json").read_text())["documents"]}
    assert docs[GUAN]["author_chain"] == ["固安县", "廊坊市", "河北省"]
    assert docs[GUAN]["author_evidence"] == "signature"
    assert 0.9 <= docs[GUAN]["author_confidence"] <= 0.99


def test_an_organ_by_its_level_word_is_the_place_named_before_it(resources, lexicons) -> None:
    # A city's report: 区委 and 区政府 after 黄浦区 in the same sentence are 黄浦区's; in the
    # next sentence, with no district named, 区委 is nobody's in particular.
    text = (
        "上海市人民政府2023年法治政府建设情况的报告\n2023年,本市深入推进依法行政。"
        "黄浦区通过区委中心组学习会、区政府常务会议会前学法开展学习。会后区委要压实责任。\n"
    )
    doc = Document("x.txt", "x.txt", text, "0" * 40, "txt", "utf-8", DocumentMeta(year=2023))
    rd = resolve_document(doc, extract_all(doc, lexicons), resources)
    got = [(r.mention.surface, r.entity.label) for r in rd.mentions if r.mention.start > 40]
    assert ("区委", "中共黄浦区委员会") in got and ("区政府", "黄浦区人民政府") in got
    assert [s for s, _ in got].count("区委") == 1

"""kg eval: the yardstick itself must be right, and must be able to fail."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.evaluate import GoldError, agreement, compare, evaluate
from kg.evaluate.annotations import Author, DocAnnotation, Span, load_build, load_gold
from kg.evaluate.score import (
    author_verdict,
    normal_label,
    own_government_found,
    trimmed,
    wilson,
)

DEV = Path(__file__).resolve().parents[1] / "corpus" / "dev"
GOLD = DEV / "gold"


def test_wilson_interval_matches_the_textbook_values():
    low, high = wilson(8, 10)
    assert round(low, 3) == 0.490 and round(high, 3) == 0.943
    assert wilson(0, 0) == (0.0, 1.0)
    low, high = wilson(60, 60)
    assert high == 1.0 and 0.93 < low < 0.95


def test_spans_compare_without_their_enclosing_marks():
    quoted = Span("regulation", 10, 17, "《行政处罚法》")
    assert trimmed(quoted) == (11, 16)
    assert normal_label("法治政府建设实施纲要(2021-2025年)") == normal_label(
        "法治政府建设实施纲要（2021—2025年）"
    )
    assert normal_label("內蒙古自治區") == normal_label("内蒙古自治区")


def test_gold_against_itself_is_perfect():
    gold = load_gold(GOLD)
    result = compare(gold, gold)
    for score in result.types.values():
        assert score.span == score.gold == score.predicted
        assert score.label == score.gold
    assert result.authors.right == result.authors.documents == 240
    assert result.authors.years_right == result.authors.years


def test_a_wrong_author_counts_apart_from_a_missing_one():
    gold = (Author("固安县人民政府", ("河北省", "廊坊市", "固安县")),)
    assert author_verdict(gold, gold) == "right"
    assert author_verdict(gold, ()) == "none"
    assert author_verdict(gold, (Author("固安县人民政府", ("河南省", "洛阳市")),)) == "wrong"
    assert author_verdict(gold, (Author("固安县司法局", ("河北省", "廊坊市")),)) == "wrong"
    # a place the text cannot decide: abstaining is right, a guessed place is wrong
    unsure = (Author("大顺镇人民政府", (), certain=False),)
    assert author_verdict(unsure, ()) == "right"
    assert author_verdict(unsure, (Author("大顺镇人民政府", ("重庆市", "涪陵区")),)) == "wrong"


def test_a_report_naming_its_author_needs_that_government_among_the_built_mentions():
    author = (Author("固安县人民政府", ("河北省", "廊坊市", "固安县")),)
    named = Span("government", 10, 13, "固安县", "固安县人民政府")
    other = Span("government", 20, 23, "廊坊市", "廊坊市人民政府")
    gold = DocAnnotation("g.txt", author, 2022, (named, other))
    assert own_government_found(gold, DocAnnotation("g.txt", author, 2022, (named,))) is True
    assert own_government_found(gold, DocAnnotation("g.txt", author, 2022, (other,))) is False
    # a text that never names its author's government is not counted
    unnamed = DocAnnotation("g.txt", author, 2022, (other,))
    assert own_government_found(unnamed, DocAnnotation("g.txt", author, 2022, ())) is None


def test_a_right_author_left_unplaced_is_an_abstention_not_a_wrong_author():
    gold = (Author("友谊路街道办事处", ("上海市", "宝山区")),)
    assert author_verdict(gold, (Author("友谊路街道办事处", ()),)) == "none"
    # the wrong name, or the right name at another place, is still wrong
    assert author_verdict(gold, (Author("东城街道办事处", ()),)) == "wrong"
    assert author_verdict(gold, (Author("友谊路街道办事处", ("江苏省", "南京市")),)) == "wrong"
    # joint authors: one unplaced and one wrong is wrong
    joint = (*gold, Author("中共宝山区委", ("上海市", "宝山区")))
    built = (Author("友谊路街道办事处", ()), Author("中共宝山区委", ("上海市", "黄浦区")))
    assert author_verdict(joint, built) == "wrong"
    assert author_verdict(joint, (built[0], joint[1])) == "none"


def test_planted_errors_lower_the_scores_by_the_expected_amount(test_split_build):
    gold = load_gold(GOLD)
    built = load_build(test_split_build)
    before = compare(gold, built)
    # plant a wrong author on a report whose author the build gets right ...
    right_doc = next(
        d
        for d in sorted(built)
        if gold[d].authors and author_verdict(gold[d].authors, built[d].authors) == "right"
    )
    wrong = (Author("灵寿县人民政府", ("河北省", "石家庄市", "灵寿县")),)
    # ... and drop an institution the build found right
    gold_inst = {
        (d, m.start, m.end) for d in built for m in gold[d].mentions if m.type == "institution"
    }
    drop_doc, drop = next(
        (d, m)
        for d in sorted(built)
        for m in built[d].mentions
        if m.type == "institution" and (d, m.start, m.end) in gold_inst
    )
    planted = dict(built)
    planted[right_doc] = dataclasses.replace(built[right_doc], authors=wrong)
    doc = planted[drop_doc]
    planted[drop_doc] = dataclasses.replace(
        doc, mentions=tuple(m for m in doc.mentions if m is not drop)
    )
    after = compare(gold, planted)
    assert after.authors.right == before.authors.right - 1
    assert after.authors.wrong == before.authors.wrong + 1
    inst_before, inst_after = before.types["institution"], after.types["institution"]
    assert inst_after.span == inst_before.span - 1
    assert inst_after.predicted == inst_before.predicted - 1
    assert inst_after.gold == inst_before.gold
    assert any(e.kind == "miss" and e.start == drop.start for e in after.errors)


def test_the_cli_prints_tables_and_json(test_split_build):
    runner = CliRunner()
    shown = runner.invoke(
        app, ["eval", str(GOLD), "--out", str(test_split_build), "--show-errors", "5"]
    )
    assert shown.exit_code == 0, shown.output
    assert "author right" in shown.output and "institution" in shown.output
    assert "mapped to the curated scheme" in shown.output
    assert "180 gold report(s) not in the build" in shown.output
    as_json = runner.invoke(app, ["eval", str(GOLD), "--out", str(test_split_build), "-f", "json"])
    data = json.loads(as_json.output)
    assert data["documents"] == 60
    assert set(data["types"]) == {
        "regulation",
        "government",
        "institution",
        "initiative",
        "indicator",
    }
    assert 0 < data["observations"]["placed"]["value"] <= 1
    low, high = data["types"]["regulation"]["span"]["recall"]["ci95"]
    assert low <= data["types"]["regulation"]["span"]["recall"]["value"] <= high


def test_bad_gold_is_a_one_line_error(tmp_path):
    (tmp_path / "d001.json").write_text('{"doc": "d001.txt", "mentions": [{"type": "x"}]}')
    with pytest.raises(GoldError, match=r"d001\.json"):
        load_gold(tmp_path)
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "none"), "--out", str(tmp_path)])
    assert result.exit_code == 1 and "no gold files" in result.output


def test_evaluate_refuses_a_build_of_other_reports(seed_build):
    with pytest.raises(GoldError, match="none of the 240 gold reports"):
        evaluate(GOLD, seed_build[0])


def test_document_annotation_shapes_are_plain_data():
    doc = DocAnnotation("d.txt", (), 2023, (Span("initiative", 0, 4, "枫桥经验", "枫桥经验"),))
    assert dataclasses.asdict(doc)["mentions"][0]["label"] == "枫桥经验"
    assert agreement  # the library entry point for two annotators


def test_an_indicator_read_without_its_object_is_not_right():
    from dataclasses import replace

    from kg.evaluate.annotations import Span
    from kg.evaluate.score import indicator_right

    gold = Span("indicator", 0, 9, "审查文件等270份", value=270, unit="份", action="审查")
    gold = replace(gold, object="行政规范性文件")
    assert indicator_right(gold, gold)
    # the action alone says nothing of what was counted
    assert not indicator_right(gold, replace(gold, object=""))


def test_numbers_count_the_mapped_ones_and_those_with_the_gold_place():
    from dataclasses import replace

    gold_number = Span(
        "indicator", 5, 9, "受理215件", value=215, unit="件", object="行政复议案件", action="受理"
    )
    gold_number = replace(gold_number, whose="固安县人民政府")
    gold = {"d.txt": DocAnnotation("d.txt", mentions=(gold_number,))}
    placed = replace(gold_number, mapped=True)
    result = compare(gold, {"d.txt": DocAnnotation("d.txt", mentions=(placed,))})
    assert result.observations.as_dict()["mapped"]["value"] == 1.0
    assert result.observations.as_dict()["placed"]["value"] == 1.0
    # a number given to another place, and one that maps to no concept of the scheme
    elsewhere = replace(gold_number, whose="廊坊市人民政府")
    result = compare(gold, {"d.txt": DocAnnotation("d.txt", mentions=(elsewhere,))})
    assert (result.observations.mapped, result.observations.placed) == (0, 0)
    assert result.observations.misplaced == [
        ("d.txt", "受理215件", "廊坊市人民政府", "固安县人民政府")
    ]

"""Title, author and addressee lines (kg/ingest/metadata.py)."""

from __future__ import annotations

from kg.ingest import read_document
from kg.ingest.metadata import author_clues, find_addressees, find_author_names, find_title
from tests.conftest import DASHENG, GANGU, GUAN, LUANCHUAN, SEEDS, WUJI


def test_seed_titles_and_authors() -> None:
    guan = read_document(SEEDS / GUAN).meta
    assert guan.author_names == ("固安县人民政府",) and guan.author_evidence == "signature"
    assert guan.author_line == "固安县人民政府"
    wuji = read_document(SEEDS / WUJI).meta
    assert wuji.author_names == ("中共无极县委", "无极县人民政府")
    assert wuji.addressees == ("中共石家庄市委", "石家庄市人民政府")
    dasheng = read_document(SEEDS / DASHENG).meta
    assert dasheng.title == "重庆市渝北区大盛镇人民政府关于2023年度法治政府建设情况的报告"
    luanchuan = read_document(SEEDS / LUANCHUAN).meta
    assert luanchuan.author_names == ("栾川县政府",) and luanchuan.author_evidence == "byline"
    gangu = read_document(SEEDS / GANGU).meta
    assert gangu.title == "2024年甘谷县法治政府建设工作总结"
    assert gangu.author_evidence == "title-place"


def test_organ_line_above_a_title_joins_it() -> None:
    text = "黄梅县人民政府\n关于2023年法治政府建设情况的报告\n黄冈市人民政府：\n2023年，我县……。\n"
    assert find_title(text) == "黄梅县人民政府关于2023年法治政府建设情况的报告"


def test_title_without_guanyu_names_a_department() -> None:
    names, evidence = find_author_names("南宁市青秀区司法局2023年法治政府建设年度报告", "", "")
    assert (names, evidence) == (("南宁市青秀区司法局",), "title")


def test_two_line_joint_signature() -> None:
    text = (
        "2022年法治政府建设情况报告\n正文。\n特此报告。\n"
        "中共五大连池市委员会\n五大连池市人民政府\n2022年12月30日\n"
    )
    (clue, *_) = author_clues("2022年法治政府建设情况报告", text, text)
    assert clue.evidence == "signature"
    assert clue.names == ("中共五大连池市委员会", "五大连池市人民政府")


def test_signature_above_a_note_line_and_a_chinese_date() -> None:
    text = "关于2022年工作的报告\n正文。\n大理市人民政府\n二〇二三年一月十八日\n（此件公开发布）\n"
    (clue, *_) = author_clues("关于2022年工作的报告", text, text)
    assert (clue.names, clue.evidence) == (("大理市人民政府",), "signature")


def test_addressee_lines() -> None:
    assert find_addressees("标题报告\n区委、区政府：\n正文。") == ("区委", "区政府")
    assert find_addressees("标题报告\n中共石家庄市委、石家庄市人民政府：\n正文") == (
        "中共石家庄市委",
        "石家庄市人民政府",
    )
    assert find_addressees("一、总体情况\n（一）成立工作委员会\n") == ()

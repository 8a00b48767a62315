"""The SKOS scheme of initiatives: variants, hierarchy and defining documents."""

from __future__ import annotations

import pytest

from kg.resolve.catalog import Catalog
from kg.vocab import INI, law_iri


@pytest.mark.parametrize("variant", ["枫桥经验", "新时代“枫桥经验”", "新时代枫桥经验", "枫桥精神"])
def test_fengqiao_variants_are_one_concept(resources, variant):
    assert resources.initiatives.entity(variant).iri == INI + "fengqiao"


@pytest.mark.parametrize(
    "variant",
    [
        "三项制度",
        "行政执法三项制度",
        "行政执法“三项制度”",
        "行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度",
    ],
)
def test_three_systems_variants(resources, variant):
    assert resources.initiatives.entity(variant).label == "行政执法三项制度"


def test_three_systems_parts_are_legal_systems_not_programmes():
    from kg.extract.lexicons import refused_initiatives

    # Each of the three is required of every enforcement body (annotation guide).
    assert refused_initiatives()["执法全过程记录制度"] == "generic-system"


def test_pufa_responsibility_and_its_extensions(resources):
    scheme = resources.initiatives
    assert scheme.entity("谁执法谁普法、谁管理谁普法、谁服务谁普法").label == "谁执法谁普法"
    assert scheme.entity("谁执法谁普法责任制").label == "谁执法谁普法"
    # 普法责任制 and each of its three parts alone name the one programme.
    assert scheme.entity("谁主管谁普法").label == "谁执法谁普法"
    assert scheme.entity("普法责任制").label == "谁执法谁普法"


def test_bawu_pufa_is_defined_by_its_plan(resources):
    entity = resources.initiatives.entity("“八五”普法")
    plan = Catalog.load().lookup("“八五”普法规划")
    assert plan is not None
    assert entity.attr("defined_by") == law_iri(plan.key)
    assert entity.attr("broader") == INI + "wunian-pufa"


def test_new_initiative_keyed_by_its_term(resources):
    a = resources.initiatives.entity("“说事解题”")
    b = resources.initiatives.entity("说事解题")
    assert a.iri == b.iri and a.attr("in_scheme") is None


def test_national_programmes_are_kept_apart_by_name_and_year(resources):
    scheme = resources.initiatives
    assert scheme.entity("高效办成一件事").iri != scheme.entity("一件事一次办").iri
    assert scheme.entity("一窗受理").iri != scheme.entity("一窗通办").iri
    # The short form 一件事 means the programme in force in the report's year.
    assert scheme.entity("一件事", 2022).label == "一件事一次办"
    assert scheme.entity("一件事", 2024).label == "高效办成一件事"
    assert scheme.entity("放管服", 2023).attr("scope") == "national"


def test_local_brand_stays_local(resources):
    from kg.model import Entity

    a = Entity(iri="https://x/gov/a", type="government", label="安吉县人民政府", key="a")
    b = Entity(iri="https://x/gov/b", type="government", label="固安县人民政府", key="b")
    mine = resources.initiatives.entity("“余村议事”工作法", 2023, a)
    assert mine.label == "余村议事工作法" and mine.attr("scope") == "local"
    assert mine.attr("spatial") == a.iri
    assert mine.iri != resources.initiatives.entity("余村议事工作法", 2023, b).iri
    assert mine.iri == resources.initiatives.entity("余村议事工作法", 2024, a).iri


def test_traditional_script_resolves_to_simplified_labels(resources):
    assert resources.initiatives.entity("誰執法誰普法").label == "谁执法谁普法"


def test_programmes_many_places_brand_stay_local(resources):
    # 法治为民办实事 is run by 湖南, 上海, 沈阳 … each as its own (annotation guide: key
    # label@place), so no shared name is a concept of the national scheme.
    from kg.extract.lexicons import data_lines
    from kg.model import Entity

    a = Entity(iri="https://x/gov/a", type="government", label="长沙市人民政府", key="a")
    b = Entity(iri="https://x/gov/b", type="government", label="泉州市人民政府", key="b")
    for name in data_lines("initiative_shared_local.txt"):
        assert resources.initiatives.lookup(name) is None, name
        mine = resources.initiatives.entity(name, 2023, a)
        assert mine.attr("scope") == "local" and mine.label == name
        assert mine.iri != resources.initiatives.entity(name, 2023, b).iri


def test_campaigns_of_the_national_pufa_plan_are_national(lexicons, resources):
    # 普法强基补短板专项行动, 公民法治素养提升行动: national campaigns whose name stops
    # before 专项行动/行动 (annotation guide: span), one concept for every place.
    from kg.extract import split_sentences
    from kg.extract.initiatives import extract_initiatives
    from kg.model import Document

    text = "深入开展普法强基补短板专项行动，组织开展公民法治素养提升行动。"
    doc = Document(path="t", name="t", text=text, sha1="0" * 40, fmt="txt", encoding="utf-8")
    found = extract_initiatives(doc, split_sentences(text), lexicons)
    assert [m.surface for m in found] == ["普法强基补短板", "公民法治素养提升"]
    for m in found:
        entity = resources.initiatives.entity(m.attr("term"), 2023)
        assert entity.attr("scope") == "national"


def test_each_count_of_law_entering_places_is_its_own_campaign(resources):
    # 法律五进, 法律六进, 法律七进, 法律八进: the count names the campaign (as the report
    # writes it), each one national concept, none folded into another.
    labels = [resources.initiatives.lookup(t).label for t in ("法律五进", "法律六进", "法律七进")]
    assert labels == ["法律五进", "法律六进", "法律七进"]
    assert resources.initiatives.lookup("法律八进").label == "法律八进"


def test_demonstration_creation_of_a_project_is_the_national_programme(resources):
    # 示范项目创建 is one kind of 法治政府建设示范创建, as 示范县创建 and 单项示范创建 are.
    for term in ("法治政府建设示范项目创建", "法治政府示范项目创建"):
        assert resources.initiatives.lookup(term).label == "法治政府建设示范创建"

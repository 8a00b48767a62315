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


def test_three_systems_are_narrower_parts(resources):
    part = resources.initiatives.entity("执法全过程记录制度")
    assert part.attr("broader") == INI + "sanxiang-zhidu"


def test_pufa_responsibility_and_its_extensions(resources):
    scheme = resources.initiatives
    assert scheme.entity("谁执法谁普法、谁管理谁普法、谁服务谁普法").label == "谁执法谁普法"
    assert scheme.entity("谁执法谁普法责任制").label == "谁执法谁普法"
    assert scheme.entity("谁主管谁普法").label == "谁管理谁普法"


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

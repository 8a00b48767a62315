"""Short county names in a list its count closes (东城、通州、延庆3个区) are places under the
report's own (kg/extract/governments.py, kg/resolve/places.py)."""

from __future__ import annotations

from tests.resolve.test_unplaced_organs import _doc, _governments


def test_districts_listed_and_counted_are_the_citys(resources, lexicons) -> None:
    text = (
        "北京市人民政府关于2023年度法治政府建设情况的报告\n"
        "2023年,北京市坚持依法行政。东城、通州、延庆3个区开展试点。教育、卫生2个区。\n"
    )
    got = _governments(_doc(text), resources, lexicons)
    assert got[1:] == [
        ("东城", "东城区人民政府"),
        ("通州", "通州区人民政府"),  # not 南通's 通州区: only Beijing's lies under the author
        ("延庆", "延庆区人民政府"),  # the district, not its town 延庆镇
    ]


def test_a_list_that_is_no_list_of_places_gives_nothing(resources, lexicons) -> None:
    text = "2023年,北京市坚持依法行政。安全、稳定2个区域。\n"
    assert [s for s, _ in _governments(_doc(text), resources, lexicons)] == ["北京市"]

"""The shapes accept every value the build can write."""

from rdflib import Namespace
from rdflib.collection import Collection

from kg.resolve.authors import BASE_CONFIDENCE
from kg.validate import shapes_graph
from kg.vocab import KG as KG_IRI

SH = Namespace("http://www.w3.org/ns/shacl#")
KG = Namespace(KG_IRI)


def test_every_kind_of_author_evidence_is_allowed_by_the_shapes():
    # A cover letter's 以中共长宁区委、区政府名义 (in-name) once failed `kg validate` on a
    # real corpus: the shape listed the other kinds only.
    shapes = shapes_graph()
    (shape,) = shapes.subjects(SH.path, KG.authorEvidence)
    allowed = {str(v) for v in Collection(shapes, shapes.value(shape, SH["in"]))}
    assert allowed == set(BASE_CONFIDENCE)


def test_a_build_of_real_reports_conforms(test_split_build):
    # The dev corpus's test part: real reports of every level, with the shapes of their mess.
    from kg.validate import validate_build

    result = validate_build(test_split_build)
    assert result.conforms, result.text

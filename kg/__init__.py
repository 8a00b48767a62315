"""fazhi-kg: knowledge graphs from Chinese rule-of-law reports.

>>> import kg
>>> result = kg.build(["seeds"], out="output")   # doctest: +SKIP
>>> result.store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")  # doctest: +SKIP
"""

from kg.build import BuildResult, build

__all__ = ["BuildResult", "__version__", "build"]
__version__ = "0.1.0"

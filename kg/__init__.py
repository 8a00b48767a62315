"""fazhi-kg: knowledge graphs from Chinese rule-of-law reports.

>>> import kg
>>> result = kg.build(["seeds"], out="output")   # doctest: +SKIP
>>> result.store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")  # doctest: +SKIP
>>> kg.open_build("output").query("SELECT ?t WHERE { ?r schema:name ?t }")  # doctest: +SKIP
"""

from kg.build import BuildResult, build
from kg.build_folder import BuildFolder, open_build

__all__ = ["BuildFolder", "BuildResult", "__version__", "build", "open_build"]
__version__ = "0.1.0"

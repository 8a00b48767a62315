"""The graph.html explorer's parts: records read from the store (``records``), the views
drawn from them (``views``) and their deterministic layout (``layout``); the page itself
is assembled by ``kg.export.html``."""

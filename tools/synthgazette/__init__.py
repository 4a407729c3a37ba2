"""Old name of :mod:`tools.synth`, kept so existing ``tools.synthgazette.*`` imports work."""

import sys as _sys

from tools.synth import build, corpus, documents, layout

for _module in (build, corpus, documents, layout):
    _sys.modules[f"{__name__}.{_module.__name__.rsplit('.', 1)[1]}"] = _module

"""Fourth, held-out set of synthetic born-digital gazette issues (bench.indep4).

Written without reading the code under test; reuses bench.indep's helper modules.
Run ``python -m bench.indep4 OUT_DIR --issues N --seed S``.
"""

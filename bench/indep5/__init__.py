"""bench.indep5 — fifth, held-out set of synthetic gazette issues (see README.md)."""

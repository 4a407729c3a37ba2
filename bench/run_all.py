"""Run every benchmark in turn (``make bench``) and print their reports.

Each benchmark is also runnable on its own; see docs/benchmarks.md. Options after
``--quick`` use the small archive sizes only.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = [
    ("splitting accuracy", ["eval_split.py"]),
    ("ingest speed", ["bench_ingest.py"]),
    ("OCR accuracy on synthetic scans", ["eval_ocr.py"]),
    ("OCR accuracy on scans of the independent layouts", ["eval_ocr.py", "--indep", "--profiles", "clean200,office200"]),
    ("OCR speed", ["bench_ocr.py"]),
    ("command-line search", ["bench_search.py"]),
    ("site build and browser search", ["bench_site.py"]),
    ("fuzzing: properties and broken PDFs", ["bench_fuzz.py"]),
]


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    failed = []
    for label, command in BENCHMARKS:
        args = [sys.executable, str(HERE / command[0]), *command[1:]]
        if quick and command[0] in ("bench_search.py", "bench_site.py"):
            args += ["--docs", "1000"]
        if quick and command[0] == "bench_fuzz.py":
            args += ["--quick"]
        print(f"\n## {label}\n", flush=True)
        if subprocess.run(args, cwd=HERE.parent).returncode != 0:
            failed.append(label)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

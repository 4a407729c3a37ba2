"""Fuzzing at a large budget (``python bench/bench_fuzz.py``): the properties of
``tests/test_fuzz.py`` with many more examples, and the broken-PDF corpus of every seed.

1. Every Hypothesis property of ``tests/test_fuzz.py`` (front-matter loader, body
   renderer, bigram generator) under the ``gazette-bench`` profile: ``--examples`` per
   property (default 2000; the costlier ones a fraction, as in CI), random data from
   ``--seed`` (default: a fresh seed, printed, so a run can be repeated), no example
   database, no explicit examples (the reproducers CI already checks).
2. The corpus of ``tests/broken_pdfs.py`` (``--truncations`` cuts, ``--flips`` byte-flipped
   copies, every xref damage, every padding) made from every complete PDF in
   ``tests/resources/``, ``tests/resources/scans/`` and ``samples/``, each seed with its
   variants in one ``gazette ingest --no-ocr`` batch (seed first), judged like CI does
   (``batch_problems``: no traceback, documented exit code, every file named, truncated
   files rejected, padded ones read like their seed, no damaged file ingested as an empty
   issue, the seed itself written to content/). When a traceback kills a batch, the file
   it died on is counted as a crash and the batch is re-run with the files after it, so
   that every crashing file is found (the exit code is that of the last batch).
3. One scanned seed (``tests/resources/scans/coarse-72dpi.pdf``) and its variants WITH OCR
   (``--ocr-flips`` copies, default 6; a private OCR cache), skipped with ``--no-ocr``.

Prints how many cases ran, how many failed (and why) and the time of each part; exits 1
when any case failed. ``--quick``: 200 examples, 4 flips, no OCR. ``--json``: the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bench.common import markdown_table  # noqa: E402

OCR_SEED = ROOT / "tests" / "resources" / "scans" / "coarse-72dpi.pdf"


def seed_pdfs() -> list[Path]:
    """Every complete PDF (a %PDF- header and a %%EOF) among the test resources and samples."""
    found = []
    for folder in (ROOT / "tests" / "resources", ROOT / "tests" / "resources" / "scans", ROOT / "samples"):
        for pdf in sorted(folder.glob("*.pdf")):
            data = pdf.read_bytes()
            if data.startswith(b"%PDF-") and b"%%EOF" in data:
                found.append(pdf)
    return found


def _describe(exc: BaseException) -> list[str]:
    """One line per distinct failure Hypothesis found: the error and its falsifying example."""
    subs = list(exc.exceptions) if isinstance(exc, BaseExceptionGroup) else [exc]
    lines = []
    for sub in subs:
        notes = " ".join(" ".join(getattr(sub, "__notes__", [])).split())
        head = (str(sub).strip().splitlines() or [""])[0]
        lines.append(f"{type(sub).__name__}: {head[:160]} — {notes[:300]}")
    return lines


def run_properties(examples: int, seed: int) -> tuple[list[dict], list[str]]:
    os.environ["GAZETTE_FUZZ_PROFILE"] = "gazette-bench"
    os.environ["GAZETTE_FUZZ_EXAMPLES"] = str(examples)
    from hypothesis import seed as hypothesis_seed

    import test_fuzz

    rows, failures = [], []
    for name in dir(test_fuzz):
        fn = getattr(test_fuzz, name)
        if not (name.startswith("test_") and hasattr(fn, "hypothesis")):
            continue
        before = sum(test_fuzz.CASES.values())
        started = time.monotonic()
        try:
            hypothesis_seed(seed)(fn)()
            problems: list[str] = []
        except BaseException as exc:  # noqa: BLE001 - every failure is a finding
            if isinstance(exc, KeyboardInterrupt):
                raise
            problems = _describe(exc)
        cases = sum(test_fuzz.CASES.values()) - before
        rows.append({"property": name.removeprefix("test_"), "cases": cases, "failed": len(problems),
                     "seconds": round(time.monotonic() - started, 1)})
        failures += [f"{name}: {line}" for line in problems]
        print(f"  {name}: {cases} cases, {len(problems)} failing", file=sys.stderr, flush=True)
    return rows, failures


def _failed_files(problems: dict[str, list[str]], names: list[str]) -> tuple[set[str], list[str]]:
    """The variant files named in problem lines, and the batch-level problems."""
    files, batch_level = set(), []
    for key, lines in problems.items():
        for line in lines:
            named = {n for n in names if n in line}
            if named:
                files |= named
            else:
                batch_level.append(f"{key}: {line}")
    return files, batch_level


def _seed_outcome_problems(batch, seed: Path, padded: list) -> list[str]:
    """A seed that is itself refused (encrypted, no pages, no text layer): its padded copies
    must be refused for the same reason, not as truncated."""
    from broken_pdfs import ACCEPT

    seed_errors = batch.outcomes[seed].errors
    if not seed_errors:
        return []
    out = []
    for path, variant in padded:
        if variant.expect != ACCEPT:
            continue
        errors = [e.replace(str(path), str(seed)) for e in batch.outcomes[path].errors]
        if errors != seed_errors:
            out.append(f"{path.name}: {errors[:1]} instead of the seed's {seed_errors[:1]}")
    return out


def ingest_resuming(seed: Path, todo: list, content: Path, ocr: bool, extra: tuple[str, ...]):
    """``gazette ingest SEED VARIANTS…``; when a traceback kills the batch, the file being
    read (the first one the CLI never named) is recorded as a crash and the batch is run
    again, seed first, with the files after it (and those read before it, which the crash
    kept from being written). Returns the last batch with the outcomes of all batches,
    and the crashes (file, last traceback line)."""
    from test_fuzz import run_ingest

    merged: dict = {}
    crashes: list[tuple[Path, str]] = []
    seconds = 0.0
    while True:
        batch = run_ingest([(seed, None)] + todo, content, ocr=ocr, timeout=3600 if ocr else 900, extra=extra)
        seconds += batch.seconds
        unnamed = [i for i, (p, _) in enumerate(todo) if not batch.outcomes[p].errors and not batch.outcomes[p].ingested]
        if "Traceback" not in batch.stderr or batch.returncode is None or not unnamed:
            break
        at = unnamed[0]
        tail = batch.stderr[batch.stderr.index("Traceback"):].strip().splitlines()
        crashes.append((todo[at][0], tail[-1] if tail else "?"))
        # files refused before the crash keep their outcome; the ones read are read again,
        # since the crash kept the batch from writing them
        merged.update({p: batch.outcomes[p] for p, _ in todo[:at] if not batch.outcomes[p].ingested})
        todo = [(p, v) for p, v in todo[:at] if batch.outcomes[p].ingested] + todo[at + 1:]
    batch.outcomes.update(merged)
    batch.seconds = seconds
    return batch, crashes


def run_corpus(seeds: list[Path], truncations: int, flips: int, rng_seed: int, work: Path, ocr: bool) -> tuple[list[dict], list[str]]:
    from broken_pdfs import variants, write_variants
    from test_fuzz import batch_problems, truth_documents

    rows, failures = [], []
    for number, seed in enumerate(seeds):
        made = variants(seed, truncations=truncations, flips=flips, rng_seed=rng_seed)
        folder = work / f"{number:02d}-{seed.stem}{'-ocr' if ocr else ''}"
        paths = write_variants(made, folder / "variants")
        extra = ("--ocr-cache", str(work / "ocr-cache"), "--jobs", "2") if ocr else ()
        batch, crashes = ingest_resuming(seed, list(zip(paths, made)), folder / "content", ocr, extra)
        for path, _ in crashes:
            batch.outcomes.pop(path, None)  # reported as a crash, not as "not named"
        seed_result = batch.outcomes[seed]
        good: dict[Path, int] = {}
        if seed_result.ingested:
            truth = seed.with_suffix(".truth.json")
            good = {seed: truth_documents(seed) if truth.exists() else seed_result.ingested[1]}
        problems = batch_problems(batch, good, seed_issue=seed_result.ingested[0] if seed_result.ingested else None,
                                  seed_read=seed_result.read_ok)
        extra_problems = _seed_outcome_problems(batch, seed, [(p, v) for p, v in zip(paths, made) if p in batch.outcomes])
        if extra_problems:
            problems.setdefault("padded copy refused unlike its seed", []).extend(extra_problems)
        if crashes:
            problems["traceback"] = [f"{path.name}: {line}" for path, line in crashes]
        names = [p.name for p in paths]
        failed, batch_level = _failed_files(problems, names)
        rel = seed.relative_to(ROOT)
        rows.append({"seed": f"{rel}{' (OCR)' if ocr else ''}", "cases": len(paths), "failed": len(failed),
                     "crashes": len(crashes), "batch problems": len(batch_level), "exit code": batch.returncode,
                     "seed result": (f"issue {seed_result.ingested[0]}, {seed_result.ingested[1]} docs" if seed_result.ingested
                                     else (seed_result.errors[:1] or ["?"])[0].split(";")[0][:60]),
                     "seconds": round(batch.seconds, 1)})
        for key, lines in sorted(problems.items()):
            failures += [f"{rel}{' (OCR)' if ocr else ''}: {key}: {line}" for line in lines]
        print(f"  {rel}{' (OCR)' if ocr else ''}: {len(paths)} cases, {len(failed)} failed, "
              f"exit {batch.returncode}, {batch.seconds:.1f} s", file=sys.stderr, flush=True)
    return rows, failures


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=2000, help="Hypothesis examples per property [2000]")
    parser.add_argument("--seed", type=int, default=None, help="random seed for Hypothesis and the byte flips [fresh]")
    parser.add_argument("--truncations", type=int, default=20)
    parser.add_argument("--flips", type=int, default=60, help="byte-flipped copies per seed PDF [60]")
    parser.add_argument("--ocr-flips", type=int, default=6, help="byte-flipped copies of the OCR seed [6]")
    parser.add_argument("--no-ocr", action="store_true", help="skip the scanned seed run with OCR")
    parser.add_argument("--quick", action="store_true", help="200 examples, 4 flips, no OCR")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.quick:
        args.examples, args.flips, args.no_ocr = 200, 4, True
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2 ** 32)
    print(f"seed {seed} (repeat with --seed {seed})", file=sys.stderr, flush=True)

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="gazette-bench-fuzz-") as tmp:
        work = Path(tmp)
        os.environ["GAZETTE_CACHE"] = str(work / "cache")  # never the user's OCR cache
        t0 = time.monotonic()
        print(f"properties ({args.examples} examples each) …", file=sys.stderr, flush=True)
        prop_rows, prop_failures = run_properties(args.examples, seed)
        t1 = time.monotonic()
        seeds = seed_pdfs()
        print(f"broken PDFs from {len(seeds)} seeds …", file=sys.stderr, flush=True)
        pdf_rows, pdf_failures = run_corpus(seeds, args.truncations, args.flips, seed, work, ocr=False)
        t2 = time.monotonic()
        ocr_rows, ocr_failures = [], []
        if not args.no_ocr:
            print(f"{OCR_SEED.relative_to(ROOT)} with OCR …", file=sys.stderr, flush=True)
            ocr_rows, ocr_failures = run_corpus([OCR_SEED], args.truncations, args.ocr_flips, seed, work, ocr=True)
        t3 = time.monotonic()

    sections = {
        "properties": (prop_rows, prop_failures, t1 - t0),
        "broken PDFs (--no-ocr)": (pdf_rows, pdf_failures, t2 - t1),
        "broken PDFs of a scan (OCR)": (ocr_rows, ocr_failures, t3 - t2),
    }
    total_cases = sum(r["cases"] for rows, _, _ in sections.values() for r in rows)
    total_failed = sum(r["failed"] + r.get("batch problems", 0) for rows, _, _ in sections.values() for r in rows)
    elapsed = time.monotonic() - started
    if args.json:
        print(json.dumps({"seed": seed, "cases": total_cases, "failed": total_failed, "seconds": round(elapsed, 1),
                          "sections": {k: {"rows": rows, "failures": f, "seconds": round(s, 1)}
                                       for k, (rows, f, s) in sections.items()}}, ensure_ascii=False, indent=1))
    else:
        for title, (rows, failures, seconds) in sections.items():
            if not rows:
                continue
            cases = sum(r["cases"] for r in rows)
            failed = sum(r["failed"] + r.get("batch problems", 0) for r in rows)
            print(f"\n### {title}: {cases} cases, {failed} failed, {seconds:.0f} s\n")
            print(markdown_table(rows))
            if failures:
                print("\nfailures:")
                for line in failures:
                    print(f"- {line[:600]}")
        print(f"\ntotal: {total_cases} cases, {total_failed} failed, {elapsed:.0f} s (seed {seed})")
    return 1 if total_failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""`make bench`: grading throughput of `mlmathkit grade` against `otter run`, and memory per worker.

Builds a synthetic batch of chapter-1 submissions (correct, wrong, untouched, crashing, looping,
corrupt) from the bundled catalogue, grades it with ``mlmathkit grade`` while sampling the memory of
every process it starts, grades it again with ``--cluster`` on a local Dask scheduler and workers
(one thread each, as many as the local grader has jobs), grades a sample with ``otter run`` (as many
in parallel as the grader has jobs, the fair comparison), and prints seconds per submission, the
throughput ratios and peak memory. A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import psutil

from .cluster import LocalDask
from .course import load_course
from .demo import with_variant
from .readme import update_block
from .sandbox.uids import FIRST_UID
from .variants import load_variants


def build_batch(chapter, folder: Path, n: int, seed: int = 0) -> list[Path]:
    rng = random.Random(seed)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    reference = nbformat.read(chapter.reference_notebook, as_version=4)
    variants = load_variants(chapter)
    mistakes = [v for vs in variants.values() for v in vs if v.kind == "mistake"]
    alternatives = [v for vs in variants.values() for v in vs if v.kind == "alternative"]
    paths = []
    for i in range(n):
        roll = rng.random()
        path = folder / f"s{i:04d}.ipynb"
        if roll < 0.3:
            nb = with_variant(reference, rng.choice(alternatives)) if rng.random() < 0.5 else nbformat.from_dict(reference)
        elif roll < 0.8:
            nb = nbformat.from_dict(reference)
            for v in rng.sample(mistakes, rng.randint(1, 3)):
                nb = with_variant(nb, v)
        elif roll < 0.9:
            shutil.copyfile(chapter.student_notebook, path)
            paths.append(path)
            continue
        elif roll < 0.95:
            nb = nbformat.from_dict(reference)
            nb.cells.insert(3, nbformat.v4.new_code_cell(rng.choice(["import os\nos._exit(1)", "raise RuntimeError('oops')"])))
        else:
            path.write_text(chapter.student_notebook.read_text()[: rng.randint(10, 2000)])
            paths.append(path)
            continue
        nb.cells.append(nbformat.v4.new_markdown_cell(f"submission {i}"))  # distinct bytes per file
        nbformat.write(nb, path)
        paths.append(path)
    for j in range(2):  # two that never finish: their cost is the timeout, charged to student time
        nb = nbformat.from_dict(reference)
        nb.cells.insert(3, nbformat.v4.new_code_cell("while True:\n    pass"))
        nbformat.write(nb, folder / f"loop{j}.ipynb")
        paths.append(folder / f"loop{j}.ipynb")
    return paths


class MemorySampler(threading.Thread):
    """Peak RSS per role among the descendants of a process: judge, zygote, sandbox."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.root, self.stop, self.peak = pid, threading.Event(), {"judge": 0, "zygote": 0, "sandbox": 0}

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                for p in psutil.Process(self.root).children(recursive=True):
                    try:
                        cmd = " ".join(p.cmdline())
                        uid = p.uids().real
                        role = "sandbox" if uid >= FIRST_UID else "zygote" if "mlmathkit.sandbox" in cmd else \
                            "judge" if "multiprocessing" in cmd else None
                        if role:
                            self.peak[role] = max(self.peak[role], p.memory_info().rss)
                    except (psutil.NoSuchProcess, psutil.AccessDenied):
                        pass
            except psutil.NoSuchProcess:
                return
            time.sleep(0.1)


def bench_grader(chapter, paths: list[Path], out: Path, jobs: int, timeout: float, cluster: str | None = None) -> dict:
    """Grade the batch (on this machine's pool, or on the Dask scheduler at ``cluster``): wall time, figures."""
    if out.exists():
        shutil.rmtree(out)
    where = ["--cluster", cluster] if cluster else ["--jobs", str(jobs)]
    t0 = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "mlmathkit.cli", "grade", chapter.id, str(paths[0].parent),
                             "--out", str(out), "--timeout", str(timeout), *where],
                            cwd=chapter.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sampler = MemorySampler(proc.pid)
    sampler.start()
    proc.wait()
    wall = time.monotonic() - t0
    sampler.stop.set()
    extras = [json.loads(p.read_text())["extra_data"] for p in (out / "results").glob("*.json")]
    graded = [e for e in extras if e["status"] != "invalid"]
    student = sum(e["student_seconds"] for e in graded)
    judge = sum(e["judge_seconds"] for e in graded)
    return {"n": len(paths), "wall": wall, "student_s": student, "judge_s": judge, "peak": sampler.peak,
            "statuses": {s: sum(e["status"] == s for e in extras) for s in {e["status"] for e in extras}}}


def bench_otter(chapter, paths: list[Path], work: Path, jobs: int) -> dict:
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)

    def run(i_path):
        i, path = i_path
        out = work / f"r{i}"
        out.mkdir()
        subprocess.run([sys.executable, "-m", "otter", "run", "-a", str(chapter.autograder_zip), "-o", str(out),
                        str(path)], cwd=work, capture_output=True, timeout=900)

    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        list(pool.map(run, enumerate(paths)))
    return {"n": len(paths), "wall": time.monotonic() - t0}


def bench_cold_start(chapter, notebook: Path, work: Path, repeats: int = 3) -> dict:
    """One notebook graded from nothing by a fresh `mlmathkit grade` and by a fresh `otter run`,
    alternately, so both see the same machine: the median wall time of each."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    ours, otter = [], []
    for i in range(repeats):
        t0 = time.monotonic()
        subprocess.run([sys.executable, "-m", "mlmathkit.cli", "grade", chapter.id, str(notebook), "--out",
                        str(work / f"grade{i}")], cwd=chapter.root, capture_output=True, timeout=900)
        ours.append(time.monotonic() - t0)
        (work / f"otter{i}").mkdir()
        t0 = time.monotonic()
        subprocess.run([sys.executable, "-m", "otter", "run", "-a", str(chapter.autograder_zip), "-o",
                        str(work / f"otter{i}"), str(notebook)], cwd=work, capture_output=True, timeout=900)
        otter.append(time.monotonic() - t0)
    return {"ours": sorted(ours)[repeats // 2], "otter": sorted(otter)[repeats // 2]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=200, help="synthetic submissions (default 200)")
    parser.add_argument("--otter-sample", type=int, default=8, help="submissions graded with otter run (default 8)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--readme", action="store_true", help="record the figures in README.md")
    args = parser.parse_args(argv)
    course = load_course()
    chapter = course.chapter("ch01_probability")
    build = course.root / "build" / "bench"
    paths = build_batch(chapter, build / "submissions", args.n)
    print(f"batch: {len(paths)} synthetic {chapter.id} submissions in {build / 'submissions'}; {args.jobs} jobs")
    ours = bench_grader(chapter, paths, build / "grade", args.jobs, args.timeout)
    with LocalDask(build / "dask", workers=args.jobs) as dask:  # every scheduler/worker process stops on exit
        cluster = bench_grader(chapter, paths, build / "grade-cluster", args.jobs, args.timeout, dask.address)
    same = (build / "grade" / "grades.csv").read_text() == (build / "grade-cluster" / "grades.csv").read_text()
    sample = [p for p in paths if p.name.startswith("s")][: args.otter_sample]
    otter = bench_otter(chapter, sample, build / "otter", args.jobs)
    ours_per, otter_per = ours["wall"] / ours["n"], otter["wall"] / otter["n"]
    cluster_per = cluster["wall"] / cluster["n"]
    overhead = (ours["wall"] * args.jobs - ours["student_s"]) / ours["n"]
    mib = {k: v / 2**20 for k, v in ours["peak"].items()}
    cold = bench_cold_start(chapter, chapter.reference_notebook, build / "cold")
    lines = [
        f"mlmathkit grade : {ours['wall']:.1f} s for {ours['n']} submissions = {ours_per:.3f} s/submission "
        f"(statuses {ours['statuses']})",
        f"--cluster       : {cluster['wall']:.1f} s for {cluster['n']} submissions = {cluster_per:.3f} s/submission "
        f"on a local Dask scheduler + {args.jobs} workers x 1 thread, started beforehand "
        f"({ours_per / cluster_per:.2f}x local grading; gradebook {'equals' if same else 'DIFFERS from'} the local one)",
        f"otter run       : {otter['wall']:.1f} s for {otter['n']} submissions = {otter_per:.3f} s/submission "
        f"({args.jobs} in parallel)",
        f"throughput ratio: {otter_per / ours_per:.1f}x otter run",
        f"cold start      : {cold['ours']:.2f} s mlmathkit grade vs {cold['otter']:.2f} s otter run for one notebook "
        f"(fresh processes each, median of 3; {cold['otter'] / cold['ours']:.1f}x)",
        f"student code    : {ours['student_s'] / ours['n']:.3f} s/submission (cells + calls, timeouts included)",
        f"judge (tests)   : {ours['judge_s'] / ours['n']:.3f} s/submission (hidden tests incl. their oracles)",
        f"overhead        : {overhead:.3f} s/submission of worker time beyond the student code "
        f"(= wall x jobs / n - student time; includes the tests' own oracle work)",
        f"peak RSS        : judge {mib['judge']:.0f} MiB, zygote {mib['zygote']:.0f} MiB, sandbox {mib['sandbox']:.0f} MiB "
        "(sandboxes share the zygote's pages copy-on-write)",
    ]
    print("\n".join(lines))
    (build / "results.txt").write_text("\n".join(lines) + "\n")
    if args.readme:
        update_block(course.root / "README.md", "bench", "```\n" + "\n".join(lines) + "\n```")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How the build's cost grows with the content: `python -m benchmarks.scale [--sizes 100 500 2000]`.

For each size N (items per language) it generates synthetic content (benchmarks/generate.py)
and builds the same pages four ways, one after the other in turn (A B C D A B C D ...), so that
a machine whose speed drifts slows them all alike:

- hub: `mkdocs build` as a deploy runs it, every feature on, the languages spread over the cores;
- hub, one process: the same with HUB_BUILD_JOBS=1; the speed-up is its time over the hub's;
- plain: the hub's pages written as Markdown files and built by MkDocs, Material and the i18n
  plugin alone, with the hub's navigation: no hooks, no search, no archive, no data (the
  rendering floor);
- plain + search: what a user of Material would run: the same files with Material's search
  plugin on and the navigation MkDocs makes by default (every page in it).

It prints, as medians of --runs runs, wall time, pages per second, peak memory (the largest
single process, and all processes together), how memory grows per 1,000 items, the time of each
stage of the hub's build, and the time from saving a content file under `mkdocs serve` to the
reloaded page in a browser (real content, and the largest size). Figures, not assertions.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.generate import LANGUAGES, generate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hooks.passes import JOBS  # noqa: E402
from hooks.pipeline.content import generate_pages, read_content  # noqa: E402
from hooks.pipeline.render import Renderer  # noqa: E402

PIPELINE_STAGES = ("load", "validate", "catalog", "render", "render (forked passes)")
TOTAL_STAGE = "total"

MEASURE = """
import resource, sys
from mkdocs.__main__ import cli
try:
    cli(["build", "--quiet", "--site-dir", sys.argv[1]], standalone_mode=False)
finally:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print("PEAK_KB", max(own.ru_maxrss, children.ru_maxrss))
    print("CPU_S", own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime)
"""


@dataclass(frozen=True)
class Way:
    key: str
    title: str
    project: str  # "hub" or "plain" or "search": which project folder it builds
    jobs: int | None = None


WAYS = (Way("hub", "hub", "hub"), Way("one", "hub, one process", "hub", jobs=1),
        Way("plain", "plain", "plain"), Way("search", "plain + search", "search"))


@dataclass
class Run:
    wall: float
    cpu: float  # seconds of processor time, in every process: the work, whatever else the machine runs
    largest_mb: float
    total_mb: float
    stages: dict = field(default_factory=dict)


class TreeMemory:
    """The memory of a process and all its descendants, sampled ten times a second: the peak of
    their sum (proportional set size, so that pages a fork shares with its parent count once)."""

    def __init__(self, pid: int):
        self.pid = pid
        self.peak_kb = 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def stop(self) -> float:
        self.done.set()
        self.thread.join()
        return self.peak_kb / 1024

    def _sample(self) -> None:
        while not self.done.wait(0.1):
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in _tree(self.pid)))


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    todo += [int(child) for child in children.read().split()]
        except OSError:
            pass
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def timed_build(project: Path, site: Path, timings: Path | None = None, jobs: int | None = None) -> Run:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop(JOBS, None)
    if timings:
        env["HUB_TIMINGS"] = str(timings)
    if jobs:
        env[JOBS] = str(jobs)
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", MEASURE, str(site)], cwd=project, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    memory = TreeMemory(process.pid)
    stdout, stderr = process.communicate()
    wall = time.perf_counter() - start
    total = memory.stop()
    if process.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{stderr[-3000:]}")
    largest = int(stdout.split("PEAK_KB")[-1].split()[0]) / 1024
    cpu = float(stdout.split("CPU_S")[-1].split()[0])
    stages = json.loads(timings.read_text()) if timings and timings.exists() else {}
    return Run(wall, cpu, largest, max(total, largest), stages)


def plain_project(hub_project: Path, target: Path, search: bool = False) -> Path:
    """The hub's generated pages written as Markdown files, built without hooks or extras; with
    `search`, with Material's search plugin and MkDocs' default navigation (every page)."""
    catalog = read_content(hub_project)
    pages = generate_pages(Renderer(catalog), hub_project / "docs")
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(hub_project / "docs", target / "docs")
    for rel, markdown in pages.items():
        path = target / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown, encoding="utf-8")
    languages = "\n".join(f"        - locale: {lang}\n          name: {lang}\n          build: true"
                          + ("\n          default: true" if lang == "en" else "") for lang in LANGUAGES)
    if search:
        navigation, plugins = "# MkDocs' default navigation: every page", "  - search\n"
    else:
        hub_config = (hub_project / "mkdocs.yml").read_text(encoding="utf-8")
        start = hub_config.index("\nnav:\n") + 1
        navigation = ("# the same navigation as the hub's: index pages only, never every item\n"
                      + hub_config[start: hub_config.index("\n\n", start)] + "\nnot_in_nav: |\n  /*/*.md")
        plugins = ""
    (target / "mkdocs.yml").write_text(f"""site_name: Plain
{navigation}
theme:
  name: material
  font: false
plugins:
{plugins}  - i18n:
      docs_structure: suffix
      reconfigure_search: {"true" if search else "false"}
      languages:
{languages}
markdown_extensions: [attr_list, def_list, md_in_html, admonition, tables]
""", encoding="utf-8")
    return target


def site_figures(site: Path) -> dict:
    def size(paths) -> float:
        return sum(p.stat().st_size for p in paths if p.is_file()) / 1024 / 1024
    figures = {"pages": sum(1 for _ in site.rglob("index.html")), "site_mb": size(site.rglob("*"))}
    for language in LANGUAGES:
        figures[f"search_{language}_mb"] = size((site / "pagefind" / language).rglob("*"))
        figures[f"archive_{language}_mb"] = size([site / "download" / f"defenders-hub-{language}.zip"])
    return figures


SEARCH_UP_TO = 2000  # beyond, plain + search grows with the square of the pages (every page lists every page)


def measure(size: int, runs: int, workdir: Path, search_runs: int = 1) -> dict:
    ways = [way for way in WAYS if way.project != "search" or size <= SEARCH_UP_TO]
    projects = {"hub": generate(workdir / f"hub-{size}", size)}
    projects["plain"] = plain_project(projects["hub"], workdir / f"plain-{size}")
    if size <= SEARCH_UP_TO:
        projects["search"] = plain_project(projects["hub"], workdir / f"search-{size}", search=True)
    results: dict[str, list[Run]] = {way.key: [] for way in ways}
    for run in range(runs):  # in turn, so that a drift of the machine's speed slows each alike
        for way in ways:
            if way.project == "search" and run >= search_runs:
                continue
            timings = workdir / f"timings-{size}.json" if way.key == "hub" else None
            results[way.key].append(timed_build(projects[way.project], workdir / f"site-{way.key}-{size}",
                                                timings, way.jobs))
            done = results[way.key][-1]
            print(f"  {size} items, {way.title}, run {run + 1}: {done.wall:.1f} s, {done.cpu:.1f} s of processor time, "
                  f"load {os.getloadavg()[0]:.1f}", file=sys.stderr)
    median = statistics.median
    row = {"size": size, **site_figures(workdir / f"site-hub-{size}")}
    for key, measured in results.items():
        row[key] = {"wall": median([r.wall for r in measured]), "cpu": median([r.cpu for r in measured]),
                    "largest_mb": median([r.largest_mb for r in measured]),
                    "total_mb": median([r.total_mb for r in measured])}
    hub_stages = [r.stages for r in results["hub"]]
    row["stages"] = {name: median([stages.get(name, 0.0) for stages in hub_stages]) for name in hub_stages[0]}
    for key in results:
        if key != "hub":
            shutil.rmtree(workdir / f"site-{key}-{size}", ignore_errors=True)
    shutil.rmtree(workdir / f"search-{size}", ignore_errors=True)
    return row


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "-"


def main_table(rows: list[dict]) -> list[str]:
    out = ["| items per language | pages | hub s | hub, one process s | speed-up | plain s | hub / plain "
           "| plain + search s | hub / plain + search | hub pages/s | processor s: hub / one process / plain / plain + search "
           "| largest process MB: hub / one process / plain / plain + search "
           "| all processes MB: hub / one process / plain / plain + search |",
           "| --- |" + " --- |" * 12]
    for r in rows:
        keys = [way.key for way in WAYS if way.key in r]
        cpu = " / ".join(f"{r[k]['cpu']:.1f}" for k in keys)
        largest = " / ".join(f"{r[k]['largest_mb']:.0f}" for k in keys)
        total = " / ".join(f"{r[k]['total_mb']:.0f}" for k in keys)
        search = r.get("search", {}).get("wall")
        out.append(f"| {r['size']} | {r['pages']} | {r['hub']['wall']:.1f} | {r['one']['wall']:.1f} | "
                   f"{r['one']['wall'] / r['hub']['wall']:.2f}x | {r['plain']['wall']:.1f} | "
                   f"{_ratio(r['hub']['wall'], r['plain']['wall'])} | "
                   f"{f'{search:.1f}' if search else '-'} | {_ratio(r['hub']['wall'], search) if search else '-'} | "
                   f"{r['pages'] / r['hub']['wall']:.0f} | {cpu} | {largest} | {total} |")
    return out


def growth_table(rows: list[dict]) -> list[str]:
    """Memory added per 1,000 items per language, between the two largest sizes measured."""
    if len(rows) < 2:
        return []
    a, b = sorted(rows, key=lambda r: r["size"])[-2:]
    per_thousand = (b["size"] - a["size"]) / 1000
    keys = [way for way in WAYS if way.key in a and way.key in b]
    out = ["", f"Memory growth per 1,000 items per language (between {a['size']} and {b['size']} items):", "",
           "| build | largest process MB per 1,000 items | all processes MB per 1,000 items | largest process, hub / plain |",
           "| --- | --- | --- | --- |"]
    for way in keys:
        out.append(f"| {way.title} | {(b[way.key]['largest_mb'] - a[way.key]['largest_mb']) / per_thousand:.0f} | "
                   f"{(b[way.key]['total_mb'] - a[way.key]['total_mb']) / per_thousand:.0f} | "
                   f"{_ratio(b[way.key]['largest_mb'], b['plain']['largest_mb'])} |")
    return out


def stage_table(rows: list[dict]) -> list[str]:
    seen = [name for r in rows for name in r["stages"]]
    names = ([name for name in PIPELINE_STAGES if name in seen]
             + [name for name in dict.fromkeys(seen) if name not in PIPELINE_STAGES and name != TOTAL_STAGE] + [TOTAL_STAGE])
    out = ["", "Stages of the hub's build (seconds, median run). The pipeline is " + ", ".join(PIPELINE_STAGES)
           + "; \"(forked passes)\" is time spent in the other processes, alongside this one; the "
           "pipeline share adds its seconds in every process and divides them by the build's wall time:", "",
           "| items per language | " + " | ".join(names) + " | pipeline share |",
           "| --- |" + " --- |" * (len(names) + 1)]
    for r in rows:
        pipeline = sum(r["stages"].get(name, 0.0) for name in PIPELINE_STAGES)
        share = pipeline / r["stages"][TOTAL_STAGE] if r["stages"].get(TOTAL_STAGE) else 0
        out.append(f"| {r['size']} | " + " | ".join(f"{r['stages'].get(n, 0.0):.2f}" for n in names)
                   + f" | {share:.1%} |")
    return out


def size_table(rows: list[dict]) -> list[str]:
    out = ["", "What the hub's build writes (MB):", "",
           "| items per language | site | search bundles " + " / ".join(LANGUAGES) + " | offline archives "
           + " / ".join(LANGUAGES) + " |", "| --- | --- | --- | --- |"]
    for r in rows:
        out.append(f"| {r['size']} | {r['site_mb']:.1f} | " + " / ".join(f"{r[f'search_{l}_mb']:.1f}" for l in LANGUAGES)
                   + " | " + " / ".join(f"{r[f'archive_{l}_mb']:.1f}" for l in LANGUAGES) + " |")
    return out


def serve_table(measured: dict[str, dict]) -> list[str]:
    """Edit to reloaded page under `mkdocs serve` (benchmarks/serve.py), per project."""
    if not measured:
        return []
    out = ["", "Under `mkdocs serve`: from saving a content file to the reloaded page in Chromium (median of "
           "3 edits), and the rebuild the server logged; a translation rebuilds its language, the English "
           "file every language:", "",
           "| content | first build s | translation (ar): edit to reloaded page s | rebuild s "
           "| English: edit to reloaded page s | rebuild s |", "| --- | --- | --- | --- | --- | --- |"]
    for name, figures in measured.items():
        if "error" in figures:
            out.append(f"| {name} | not measured: {figures['error']} | | | | |")
            continue
        out.append(f"| {name} | {figures['first build s']:.1f} | {figures['translation (ar): edit to reloaded page s']:.2f} | "
                   f"{figures['translation (ar): rebuild s']:.2f} | {figures['English: edit to reloaded page s']:.2f} | "
                   f"{figures['English: rebuild s']:.2f} |")
    return out


def measure_serve(projects: dict[str, tuple[Path, tuple[str, str]]], workdir: Path, edits: int) -> dict[str, dict]:
    """Edit to reload for each project: name -> (project, (type, id) of an item translated into Arabic)."""
    from benchmarks import serve
    from conftest import copy_project
    measured = {}
    for name, (source, item) in projects.items():
        print(f"  mkdocs serve, {name}", file=sys.stderr)
        target = workdir / f"serve-{len(measured)}"
        try:
            measured[name] = serve.measure(copy_project(target / "project", source), item, edits)
        except (ImportError, RuntimeError, OSError) as error:  # no Playwright or Chromium here
            measured[name] = {"error": str(error).splitlines()[0][:80]}
        shutil.rmtree(target, ignore_errors=True)
    return measured


def first_item(project: Path, type_name: str = "mechanisms") -> tuple[str, str]:
    return type_name, sorted((project / "content" / "ar" / type_name).glob("*.yaml"))[0].stem


def tables(rows: list[dict], served: dict[str, dict] | None = None) -> str:
    return "\n".join(main_table(rows) + growth_table(rows) + stage_table(rows) + size_table(rows)
                     + serve_table(served or {}))


def machine() -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        model = platform.processor() or "unknown processor"
    try:
        memory = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal")) / 1024 / 1024
    except (OSError, StopIteration):
        memory = 0
    load = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    return f"{cores} cores ({model}), {memory:.0f} GiB, Python {platform.python_version()}; load average {load}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 2000],
                        help="items per language (5000 is optional: see docs/benchmarks.md for how long it takes)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--search-runs", type=int, default=1,
                        help="runs of the plain + search build, the slowest (17 min at 2,000 items on 2 cores)")
    parser.add_argument("--no-serve", action="store_true", help="leave out the mkdocs serve measurement")
    parser.add_argument("--serve-edits", type=int, default=3, help="edits timed per language under mkdocs serve")
    args = parser.parse_args()
    started = time.perf_counter()
    print(f"Machine at the start: {machine()}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as temp:
        rows = [measure(size, args.runs, Path(temp), args.search_runs) for size in args.sizes]
        served = {}
        if not args.no_serve:
            projects = {"real content": (ROOT, ("mechanisms", "ohchr"))}
            largest = max([size for size in args.sizes if size <= 2000], default=None)
            if largest:
                generated = Path(temp) / f"hub-{largest}"
                projects[f"{largest} items per language"] = (generated, first_item(generated))
            served = measure_serve(projects, Path(temp), args.serve_edits)
    print(tables(rows, served))
    print(f"\nMachine: {machine()} (at the end). Medians of {args.runs} runs ({args.search_runs} of plain + search, "
          f"up to {SEARCH_UP_TO} items), the builds in turn; "
          f"the whole benchmark took {(time.perf_counter() - started) / 60:.0f} min.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

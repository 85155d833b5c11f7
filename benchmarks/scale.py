"""How the build's cost grows with the content: `python -m benchmarks.scale [--sizes 100 500 2000]`.

For each size N (items per language) it generates synthetic content (benchmarks/generate.py),
builds the hub with every feature, as `mkdocs build` does (the languages spread over the cores)
and in one process (HUB_BUILD_JOBS=1), and builds the same pages as plain Markdown files with no
hooks and no extra features (MkDocs, Material and the i18n plugin only); then prints, as medians
of --runs runs: wall time, peak memory, pages per second, the size of the site and of each
language's search data, the time of each stage of the hub's build, the speed-up of the
parallel build and the ratio hub / plain. Figures, not assertions.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import LANGUAGES, generate
from hooks.passes import JOBS
from hooks.pipeline.content import generate_pages, read_content

PIPELINE_STAGES = ("load", "validate", "catalog", "render", "render (forked passes)")

MEASURE = """
import resource, sys
from mkdocs.__main__ import cli
try:
    cli(["build", "--quiet", "--site-dir", sys.argv[1]], standalone_mode=False)
finally:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print("PEAK_KB", max(self_kb, children_kb))
"""


def timed_build(project: Path, site: Path, timings: Path | None = None, jobs: int | None = None) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if timings:
        env["HUB_TIMINGS"] = str(timings)
    if jobs:
        env[JOBS] = str(jobs)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", MEASURE, str(site)], cwd=project, env=env,
                            capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{result.stderr[-3000:]}")
    peak = int(result.stdout.split("PEAK_KB")[-1].split()[0]) / 1024
    stages = json.loads(timings.read_text()) if timings and timings.exists() else {}
    return {"wall": wall, "peak_mb": peak, "stages": stages}


def plain_project(hub_project: Path, target: Path) -> Path:
    """The hub's generated pages written as Markdown files, built without hooks or extras."""
    catalog = read_content(hub_project)
    pages = generate_pages(catalog, hub_project / "docs")
    shutil.copytree(hub_project / "docs", target / "docs")
    for rel, markdown in pages.items():
        path = target / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown, encoding="utf-8")
    languages = "\n".join(f"        - locale: {lang}\n          name: {lang}\n          build: true"
                          + ("\n          default: true" if lang == "en" else "") for lang in LANGUAGES)
    hub_config = (hub_project / "mkdocs.yml").read_text(encoding="utf-8")
    nav = hub_config[hub_config.index("\nnav:\n") + 1: hub_config.index("\n\n", hub_config.index("\nnav:\n"))]
    (target / "mkdocs.yml").write_text(f"""site_name: Plain
# the same navigation as the hub's: index pages only, never every item
{nav}
not_in_nav: |
  /*/*.md
theme:
  name: material
  font: false
plugins:
  - i18n:
      docs_structure: suffix
      reconfigure_search: false
      languages:
{languages}
markdown_extensions: [attr_list, def_list, md_in_html, admonition, tables]
""", encoding="utf-8")
    return target


def site_figures(site: Path) -> dict:
    def size(paths) -> float:
        return sum(p.stat().st_size for p in paths if p.is_file()) / 1024 / 1024
    search = site / "pagefind"
    figures = {"pages": sum(1 for _ in site.rglob("index.html")), "site_mb": size(site.rglob("*"))}
    for language in LANGUAGES:
        figures[f"search_{language}_mb"] = size(p for p in search.rglob("*") if f"{language}_" in p.name
                                                or f".{language}_" in p.name) if search.exists() else 0.0
    return figures


def measure(size: int, runs: int, workdir: Path) -> dict:
    project = generate(workdir / f"hub-{size}", size)
    plain = plain_project(project, workdir / f"plain-{size}")
    hub_runs, one_process_runs, plain_runs = [], [], []
    for run in range(runs):
        hub_runs.append(timed_build(project, workdir / f"site-{size}", workdir / f"timings-{size}.json"))
        one_process_runs.append(timed_build(project, workdir / f"site-one-{size}", jobs=1))
        plain_runs.append(timed_build(plain, workdir / f"plain-site-{size}"))
    median = lambda values: statistics.median(values)
    stages = {name: median([r["stages"].get(name, 0.0) for r in hub_runs]) for name in hub_runs[0]["stages"]}
    figures = site_figures(workdir / f"site-{size}")
    hub_wall, plain_wall = median([r["wall"] for r in hub_runs]), median([r["wall"] for r in plain_runs])
    return {"size": size, "hub_wall": hub_wall, "plain_wall": plain_wall,
            "one_process_wall": median([r["wall"] for r in one_process_runs]),
            "hub_peak_mb": median([r["peak_mb"] for r in hub_runs]),
            "plain_peak_mb": median([r["peak_mb"] for r in plain_runs]),
            "pages_per_s": figures["pages"] / hub_wall, "stages": stages, **figures}


def tables(rows: list[dict]) -> str:
    out = ["| items per language | pages | hub wall s | hub in one process s | speed-up | plain wall s "
           "| hub / plain | hub peak MB | plain peak MB | pages/s | site MB | search MB en / ar / fr / es |",
           "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        search = " / ".join(f"{r[f'search_{l}_mb']:.1f}" for l in LANGUAGES)
        out.append(f"| {r['size']} | {r['pages']} | {r['hub_wall']:.1f} | {r['one_process_wall']:.1f} | "
                   f"{r['one_process_wall'] / r['hub_wall']:.2f}x | {r['plain_wall']:.1f} | "
                   f"{r['hub_wall'] / r['plain_wall']:.2f} | {r['hub_peak_mb']:.0f} | {r['plain_peak_mb']:.0f} | "
                   f"{r['pages_per_s']:.0f} | {r['site_mb']:.1f} | {search} |")
    seen = [name for r in rows for name in r["stages"]]
    names = ([name for name in PIPELINE_STAGES if name in seen]
             + [name for name in dict.fromkeys(seen) if name not in PIPELINE_STAGES and name != "total"] + ["total"])
    out += ["", "Stages of the hub's build, as `mkdocs build` runs it (seconds). The pipeline is "
            + ", ".join(PIPELINE_STAGES) + "; its share adds its seconds in every process and divides "
            "them by the build's wall time:", "",
            "| items per language | " + " | ".join(names) + " | pipeline share |",
            "| --- |" + " --- |" * (len(names) + 1)]
    for r in rows:
        pipeline = sum(r["stages"].get(name, 0.0) for name in PIPELINE_STAGES)
        share = pipeline / r["stages"]["total"] if r["stages"].get("total") else 0
        out.append(f"| {r['size']} | " + " | ".join(f"{r['stages'].get(n, 0.0):.2f}" for n in names)
                   + f" | {share:.1%} |")
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 2000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        rows = [measure(size, args.runs, Path(temp)) for size in args.sizes]
    print(tables(rows))
    print(f"\nMachine: {os.cpu_count()} cores; medians of {args.runs} runs; peak memory is the largest "
          "single process's (the build's, a forked pass's, or the search indexer's).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The benchmarks' synthetic content is valid content (the measuring itself prints figures)."""
from __future__ import annotations

from benchmarks.generate import generate
from conftest import ROOT, check, run


def test_synthetic_content_is_valid_and_in_every_language(tmp_path):
    project = generate(tmp_path / "hub", items=20)
    result = check(project)
    assert result.returncode == 0, result.stderr[-2000:]
    for language in ("en", "ar", "fr", "es"):
        files = list((project / "content" / language).glob("*/*.yaml"))
        assert len(files) == 20
    arabic = next((project / "content/ar/mechanisms").glob("*.yaml")).read_text(encoding="utf-8")
    assert any("\u0600" <= c <= "\u06ff" for c in arabic)


def test_the_scale_benchmark_prints_its_tables(tmp_path):
    """A small run of the README's benchmark command: it builds the four ways, and times an edit
    under mkdocs serve, and prints a row per size with every stage of the build (the figures
    themselves are not judged)."""
    result = run(["-m", "benchmarks.scale", "--sizes", "20", "--runs", "1", "--serve-edits", "1"], ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    header = next(line for line in lines if line.startswith("| items per language | pages"))
    for column in ("hub, one process s", "speed-up", "hub / plain", "plain + search s", "largest process MB",
                   "all processes MB"):
        assert column in header, column
    stages = next(line for line in lines if line.startswith("| items per language | load"))
    for stage in ("load", "validate", "MkDocs passes", "search indexes", "offline archives", "pipeline share"):
        assert stage in stages, stage
    assert sum(1 for line in lines if line.startswith("| 20 |")) == 3  # times, stages, sizes
    served = [line for line in lines if line.startswith("| real content |") or line.startswith("| 20 items per language |")]
    assert len(served) == 2 and "not measured" not in " ".join(served), served

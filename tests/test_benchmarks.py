"""The benchmarks' synthetic content is valid content (the measuring itself prints figures)."""
from __future__ import annotations

from benchmarks.generate import generate
from conftest import check


def test_synthetic_content_is_valid_and_in_every_language(tmp_path):
    project = generate(tmp_path / "hub", items=20)
    result = check(project)
    assert result.returncode == 0, result.stderr[-2000:]
    for language in ("en", "ar", "fr", "es"):
        files = list((project / "content" / language).glob("*/*.yaml"))
        assert len(files) == 20
    arabic = next((project / "content/ar/mechanisms").glob("*.yaml")).read_text(encoding="utf-8")
    assert any("\u0600" <= c <= "\u06ff" for c in arabic)

"""The fallback engine: ProperDocs, a drop-in fork of MkDocs 1.x, builds the same site from the
same mkdocs.yml, hooks and plugins, should MkDocs itself stop working (README: Material's end of
life). Same files, same pages; the pipeline does not depend on which of the two runs it."""
from __future__ import annotations

from conftest import ROOT, run


def test_properdocs_builds_the_same_site(site, tmp_path):
    other = tmp_path / "site"
    result = run(["-m", "properdocs", "build", "--strict", "--site-dir", str(other)], ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    files = lambda folder: sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert files(other) == files(site)
    for page in ("ar/mechanisms/ohchr/index.html", "404.html", "ar/404.html", "_headers"):
        assert (other / page).read_bytes() == (site / page).read_bytes(), page

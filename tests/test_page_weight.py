"""The page-weight budget, on the byte counts the benchmark measures (not on time)."""
from __future__ import annotations

from benchmarks.page_weight import BUDGET_GZIP, measure


def test_first_views_stay_within_budget_and_fetch_no_search_data(site, chromium):
    rows = measure(site, chromium)
    assert {(r.language, r.kind) for r in rows} == {(l, k) for l in ("en", "ar") for k in ("home", "index", "item")}
    for row in rows:
        assert row.requests > 3, row  # the page, its styles and scripts were seen
        assert row.gzipped <= BUDGET_GZIP, row
        assert row.search_requests == 0, row

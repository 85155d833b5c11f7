"""The content pipeline: YAML under content/ -> validated catalog -> Markdown pages.

Nothing here imports MkDocs, so each stage can be tested alone and the pipeline could serve
another site engine. The stages, in the order data flows through them:

- `model`: the content types and languages, read from schemas/ (declared once)
- `load`: YAML files -> `Document`s that remember the line of every value
- `validate`: documents -> `Problem`s (schema, text safety, ids, cross-references)
- `catalog`: valid documents -> `Item`s per language, with fallbacks and backlinks
- `render`: the catalog -> Markdown pages keyed by their path under docs/
"""

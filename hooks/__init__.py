"""The Defenders' Hub's Python: `hub.py` is the MkDocs hook, `pipeline/` the engine-free content pipeline,
`cli.py` the `hub` command (check, status, stamp, export, import, schemas)."""

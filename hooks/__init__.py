"""The Defenders' Hub's Python: `hub.py` is the MkDocs hook, `pipeline/` the engine-free content pipeline.

The translators' commands run from the project root: `python -m hooks.check`.
"""

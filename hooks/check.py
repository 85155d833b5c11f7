"""`python -m hooks.check`: the same command as `hub check` (see hooks/cli.py), under its older name."""
from hooks.cli import check, project_markdown  # noqa: F401  (project_markdown: for the tests of the gate)

if __name__ == "__main__":
    check(prog_name="python -m hooks.check")

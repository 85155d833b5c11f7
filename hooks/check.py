"""`python -m hooks.check`: the same command as `hub check` (see hooks/cli.py), under its older name."""
from hooks.cli import check

if __name__ == "__main__":
    check(prog_name="python -m hooks.check")

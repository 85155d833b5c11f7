"""`python -m hooks.schemas`: the same command as `hub schemas` (see hooks/cli.py), under its older name."""
from hooks.cli import schemas

if __name__ == "__main__":
    schemas(prog_name="python -m hooks.schemas")

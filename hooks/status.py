"""`python -m hooks.status`: the same command as `hub status` (see hooks/cli.py), under its older name."""
from hooks.cli import status

if __name__ == "__main__":
    status(prog_name="python -m hooks.status")

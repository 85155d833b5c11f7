"""`python -m hooks.stamp`: the same command as `hub stamp` (see hooks/cli.py), under its older name."""
from hooks.cli import stamp

if __name__ == "__main__":
    stamp(prog_name="python -m hooks.stamp")

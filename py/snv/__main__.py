"""`python -m snv …`: the command line (see snv.cli)."""
from .cli import main

if __name__ == "__main__":
    raise SystemExit(main(prog="python -m snv"))

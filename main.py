"""Launch mapview: with no arguments the window opens; subcommands (verify, assignments, ...) run headless."""

import sys

from mapview.procstats import collection_paused

with collection_paused():  # everything the CLI imports lives on: a collection during it would free nothing
    from mapview.cli import main

if __name__ == "__main__":
    sys.exit(main())

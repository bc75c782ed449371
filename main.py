"""Launch mapview: with no arguments the window opens; subcommands (verify, assignments, ...) run headless."""

import sys

from mapview.cli import main

if __name__ == "__main__":
    sys.exit(main())

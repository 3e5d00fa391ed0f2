"""`python -m cli` is the `regards` command."""

import sys

from cli.main import main

sys.exit(main())

"""`python -m model` is the `regards` command."""

import sys

from model.cli import main

sys.exit(main())

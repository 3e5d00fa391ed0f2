"""`python -m cli.sample_export [FILE]`: write the synthetic sample export (invented people)."""

from __future__ import annotations

import sys
from pathlib import Path

from model.linkedin.synthetic import SAMPLE, archive


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else Path("data/samples/sample_export.zip")
    target.write_bytes(archive(SAMPLE))
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

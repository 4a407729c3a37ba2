"""``python -m tools.synthgazette OUT --issues N --seed S`` (see tools/synthgazette/build.py)."""

import sys

from .build import main

sys.exit(main(sys.argv[1:]))

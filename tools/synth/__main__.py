"""``python -m tools.synth OUT --issues N --seed S`` (see tools/synth/build.py)."""

import sys

from .build import main

sys.exit(main(sys.argv[1:]))

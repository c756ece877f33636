"""``python -m ui [FILE]`` opens the desktop window, as ``workerimpact`` does."""

import sys

from ui.app import run

raise SystemExit(run(sys.argv[1:]))

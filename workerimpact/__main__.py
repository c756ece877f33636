"""``python -m workerimpact`` does what the ``workerimpact`` command does."""

from workerimpact.cli import main

raise SystemExit(main())

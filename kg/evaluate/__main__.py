"""``python -m kg.evaluate``: measure the guarded figures (see :mod:`kg.evaluate.thresholds`)."""

from kg.evaluate.thresholds import main

raise SystemExit(main())

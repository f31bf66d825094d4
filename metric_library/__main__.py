"""Allow ``python -m metric_library "TEXT"``."""

from metric_library.cli import main

raise SystemExit(main())

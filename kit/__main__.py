"""``python -m kit``: the kit's command line."""

from .instructor.cli import main

raise SystemExit(main())

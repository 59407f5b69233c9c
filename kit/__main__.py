"""``python -m kit``: the kit's command line."""

from .cli import main

raise SystemExit(main())

"""``python -m claimmodel``: the command line."""

from claimmodel.cli import main

raise SystemExit(main())

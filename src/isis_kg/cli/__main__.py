"""``python -m isis_kg.cli``: the command line, as the ``isis-kg`` script runs it."""

import sys

from isis_kg.cli import main

sys.exit(main())

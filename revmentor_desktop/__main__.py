"""Allow ``python -m revmentor_desktop``."""

import sys

from revmentor_desktop.cli import main

sys.exit(main())

"""Entry point of the bundled program: exactly the installed ``revmentor`` command.

PyInstaller needs a script rather than a console-script entry point; keeping it here, outside the
package, leaves ``revmentor_desktop/__main__.py`` for ``python -m revmentor_desktop``.
"""

import sys

from revmentor_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())

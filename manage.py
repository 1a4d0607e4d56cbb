#!/usr/bin/env python
"""Loket's command line: `python manage.py loket …` and Django's own commands."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")
    from loket.env import ConfigurationError

    try:
        import loket.settings  # noqa: F401  (stop here on a configuration mistake)
    except ConfigurationError as exc:
        sys.stderr.write(f"Loket kan niet starten: {exc}\n")
        sys.exit(2)
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

"""`python -m loket …` is the same as `python manage.py …`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from manage import main

main()

import sys

from app.cli.cli import main

sys.exit(main())

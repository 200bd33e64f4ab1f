"""``python -m prospectif.cli``: the same as the ``prospectif`` command."""

from . import main

main()

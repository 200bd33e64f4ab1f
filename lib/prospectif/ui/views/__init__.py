"""One module per dashboard, each defining ``DASHBOARD``."""

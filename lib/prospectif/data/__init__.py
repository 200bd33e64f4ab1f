"""The embedded data set: catalogue, loaders and provenance (build in :mod:`.build`)."""

from .catalog import default_data_dir, load_table, read_catalog
from .dataset import Dataset, clear_default_data, open_data

__all__ = [
    "Dataset",
    "clear_default_data",
    "default_data_dir",
    "load_table",
    "open_data",
    "read_catalog",
]

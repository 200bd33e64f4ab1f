"""The embedded data set: catalogue, loaders and provenance (build in :mod:`.build`)."""

from .catalog import default_data_dir, load_table, read_catalog

__all__ = ["default_data_dir", "load_table", "read_catalog"]

"""Results: the IAMC long table, its variable registry, run metadata and exports.

- :mod:`.tidy`: :class:`Series`, :func:`long_table`, comparison of tables;
- :mod:`.registry`: every result variable (unit, kind, labels, partitions);
- :mod:`.convert`: model results → registered series;
- :mod:`.metadata`: :class:`RunMetadata`, what a run was computed from;
- :mod:`.exports`: CSV, Excel and Parquet files carrying the metadata.

The registry and the converters import the models; import them from their modules.
"""

from .exports import (
    EXTENSIONS,
    read_metadata,
    to_csv_bytes,
    to_excel_bytes,
    to_french_csv_bytes,
    to_parquet_bytes,
    write_results,
)
from .metadata import RunMetadata, run_metadata, table_metadata
from .tidy import (
    COLUMNS,
    INDEX,
    QUANTILE,
    Series,
    assert_results_equal,
    compare,
    concat_tables,
    long_table,
    quantile_table,
)

__all__ = [
    "COLUMNS",
    "EXTENSIONS",
    "INDEX",
    "QUANTILE",
    "RunMetadata",
    "Series",
    "assert_results_equal",
    "compare",
    "concat_tables",
    "long_table",
    "quantile_table",
    "read_metadata",
    "run_metadata",
    "table_metadata",
    "to_csv_bytes",
    "to_excel_bytes",
    "to_french_csv_bytes",
    "to_parquet_bytes",
    "write_results",
]

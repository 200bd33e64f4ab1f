"""The snapshot lock: exclusive across processes, and importable without ``fcntl`` (Windows)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from prospectif.batch.definition import BatchError
from prospectif.batch.runner import snapshot_lock

TRY_LOCK = """
import sys
from prospectif.batch.runner import snapshot_lock
try:
    with snapshot_lock(sys.argv[1]):
        print("locked")
except Exception as error:
    print(type(error).__name__)
"""


def try_lock_elsewhere(folder) -> str:
    command = [sys.executable, "-c", TRY_LOCK, str(folder)]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def test_a_second_process_cannot_take_the_lock_until_it_is_released(tmp_path):
    with snapshot_lock(tmp_path):
        assert try_lock_elsewhere(tmp_path) == "BatchError"
        with pytest.raises(BatchError, match="est en cours d.écriture par un autre lot"):
            with snapshot_lock(tmp_path):
                pass
    assert try_lock_elsewhere(tmp_path) == "locked"


def test_the_cli_and_the_runner_import_without_fcntl():
    code = "import sys; sys.modules['fcntl'] = None; import prospectif.cli, prospectif.batch.runner"
    subprocess.run([sys.executable, "-c", code], check=True)

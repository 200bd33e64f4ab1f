"""The kernel provisioner of the dashboard server: kernels forked from the template process.

Named in ``voila.json`` (``KernelProvisionerFactory.default_provisioner_name``) and registered
under the ``jupyter_client.kernel_provisioners`` entry point as ``prospectif-fork-provisioner``.
It prepares a kernel exactly as jupyter_client's local provisioner does (connection file,
environment, command line) and then asks the server's template (:mod:`.forkserver`) to fork
it; a kernel the template cannot fork (another command line, no template, a template not
ready or gone) is started as a new process, as by the local provisioner.
"""

from __future__ import annotations

import os
from typing import Any

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning import LocalProvisioner

from . import forkserver


class ForkingProvisioner(LocalProvisioner):
    """:class:`LocalProvisioner` whose default kernels are forked (see the module docstring)."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        """Fork the kernel ``cmd`` from the template, or start it as a new process."""
        template = forkserver.shared()
        if template is not None and forkserver.forkable(cmd) and await template.ready():
            cwd = str(kwargs.get("cwd") or os.getcwd())
            try:
                process = await template.spawn(cmd, dict(kwargs.get("env") or os.environ), cwd)
            except (TimeoutError, OSError, ValueError, KeyError) as error:
                self.log.warning("Fork server unavailable (%s): starting the kernel anew", error)
            else:
                self.process = process  # type: ignore[assignment]  # the part of Popen used
                self.pid = self.pgid = process.pid
                self.cwd = cwd
                return self.connection_info
        return await super().launch_kernel(cmd, **kwargs)

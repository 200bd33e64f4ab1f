"""The dashboard server behind ``prospectif serve``.

A Voilà application restricted to the dashboards, with a bound on live kernels, French pages
and a committed configuration. Modules: ``launch`` (the command line's options, defaults and
start), ``app`` (the application and the handlers it serves),
``handlers`` (home, dashboard, busy and not-found pages), ``kernels`` (the bounded kernel
manager); ``voila.json`` (the fixed server configuration) and
``share/voila/templates/prospectif`` (the page template).
"""

READ_ONLY_VARIABLE = "PROSPECTIF_READ_ONLY"
"""Set to ``1`` in the environment of the kernels of a read-only server (see
:attr:`~.kernels.BoundedKernelManager.read_only`); the dashboards read it."""

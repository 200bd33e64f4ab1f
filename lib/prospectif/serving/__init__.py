"""The dashboard server behind ``prospectif serve``.

A Voilà application restricted to the dashboards, with a bound on live kernels, French pages
and a committed configuration. Modules: ``launch`` (the command line's options, defaults and
start), ``app`` (the application and the handlers it serves),
``handlers`` (home, dashboard, busy and not-found pages), ``kernels`` (the bounded kernel
manager), ``forkserver`` and ``provisioner`` (kernels forked from a preloaded template),
``channels`` (bounded kernel websockets); ``voila.json`` (the fixed server configuration) and
``share/voila/templates/prospectif`` (the page template).
"""

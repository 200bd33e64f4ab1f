"""Data → model inputs: the demographic base and estimates, ageing calibration, density types,
mobility and energy inputs. Everything here reads a :class:`~prospectif.data.Dataset` and keeps
what it computes on it; the models below never read data.
"""

"""Prospectif."""

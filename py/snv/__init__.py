"""Netwerkatlas: Sociale Netwerk Versterking (SNV) in the browser."""

"""Pure rules of Meja Aduan: no Qt, no database, no network.

Both the desk app and the CRM server import this package; keep it free of I/O.
"""

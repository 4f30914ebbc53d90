"""The staff console: server-rendered pages (Jinja2) under ``/console/`` for the
channel admins, kelurahan, Dinas, Suku Dinas, verifiers, koordinator and admins.
Works without JavaScript; a small script shipped here only enhances."""

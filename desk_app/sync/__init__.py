"""The desk's sync with the CRM (DESIGN.md, "Sync protocol v1"); Qt-free.

- ``engine.py`` — one cycle (push, pull, reference data, heartbeat): the coordinator;
- ``push.py`` and ``batches.py`` — the outbox to the CRM, and a batch read and answered;
- ``pull.py`` — the changes feed and its cursor, reference data;
- ``state.py`` — where sync stands (the immutable snapshot), failures and backoff;
- ``events.py`` — the named events the core announces to its listeners;
- ``refusals.py`` — the CRM's refusal codes in our own (translatable) words;
- ``client.py`` — the HTTP API; ``wire.py`` — the items on the wire;
- ``runner.py`` — the thread that runs the engine; ``backoff.py`` — the retry delays.
"""

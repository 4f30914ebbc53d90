"""The desk push: a batch of new complaints and events from one desk, idempotent per
item id and per Idempotency-Key. ``pipeline`` runs it in one transaction, ``batch``
checks it and stores its complaints (through ``core.intake.receive``), ``events``
its events, ``answers`` shapes each item's answer."""

"""The SMS channel of the CRM (issue 21; ``docs/sms.md``).

- ``gsm7``: the GSM 7-bit alphabet, one 160-character part, text made to fit it;
- ``templates``: every message, in plain Indonesian, never anything personal;
- ``planner``: public events and long silences turned into outbox rows, exactly once;
- ``sender``: the outbox handed to a gateway (quiet hours, a daily cap, back-off);
- ``inbound``: ``CEK <kode>`` and ``STOP``/``BERHENTI`` from citizens;
- ``staff``: what staff see of a complaint's messages and the day's totals.

The gateways themselves (Gammu SMSD's files back-end, an HTTP gateway) and the loop
that runs all this are in ``crm_server.sms_gateway``: the core knows only the
:class:`~crm_server.core.sms.sender.Gateway` protocol.
"""

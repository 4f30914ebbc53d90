"""The SMS gateways the core's outbox is handed to, and the loop that runs the SMS
jobs (``crm-server sms-run``): Gammu SMSD through its files back-end (``gammu``), an
HTTP SMS gateway (``http``). Imports the core; no front imports this, nor it them."""

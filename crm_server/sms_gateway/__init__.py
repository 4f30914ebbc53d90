"""The SMS gateways the core's outbox is handed to, and the loop that runs the SMS
jobs (``crm-server sms-run``): Gammu SMSD through its files back-end (``gammu``) or
its SQL tables in the CRM's PostgreSQL (``gammu_sql``), an HTTP SMS gateway
(``http``). Imports the core; no front imports this, nor it them."""

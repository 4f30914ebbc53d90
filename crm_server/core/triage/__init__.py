"""The channels' triage (issue 22, items 3 and 4): one design for every channel
whose messages come in by themselves (the e-mail mailbox, SMS).

- ``drafts``: a channel admin's decision on a draft (confirm, merge, dismiss) and the
  merge that keeps the draft's sender as a co-reporter of the complaint;
- ``suggestions``: open complaints of every channel that may be the same problem
  (the same phone, e-mail or NIK by their keyed hashes; similar text);
- ``sms``: the SMS drafts, written with their ``sms_inbound`` row.

The e-mail drafts themselves are read and confirmed in ``core.mail``.
"""

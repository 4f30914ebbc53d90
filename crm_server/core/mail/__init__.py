"""The e-mail channel (issue 22): the complaints mailbox read over IMAP into drafts
(``mailbox``), each message parsed with its attachments checked as at the desk
(``parse``), and the e-mail admin's decision on a draft, with the confirmation sent
back over SMTP (``triage``)."""

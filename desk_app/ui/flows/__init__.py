"""The desk's flows: what the main window starts and the officer goes through, each
in a file of its own (a receipt, the settings, enrolment with the CRM, a correction).

A flow is a plain QObject: it gets the services it calls, the task runner and the
main window (its parent, to navigate and to show messages), and announces what it
did with signals.
"""

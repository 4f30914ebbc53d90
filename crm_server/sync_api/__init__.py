"""Desk sync API v1: the routes the desk app calls (``routes``) and their answers
(``schemas``)."""

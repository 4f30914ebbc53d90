"""The CRM's core: everything it does, without the web. Knows no FastAPI, Starlette,
Jinja2 or uvicorn, and none of the fronts (import-linter keeps it so).

``crm.Crm`` is the facade; ``intake.receive`` is the one function that receives a
complaint, whatever the channel; ``push`` the desk push, ``changes`` the feed,
``desks``, ``auth``, ``reference``, ``attachments``, ``workflow`` (states,
transitions, time limits and *digantung*).
"""

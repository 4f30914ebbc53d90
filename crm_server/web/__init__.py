"""Web plumbing the HTTP fronts share: the dependencies (``deps``: the Crm, the desk,
the staff user), the error body and handlers and the outermost guard (``errors``),
rate limiting (``ratelimit``)."""

"""The CRM's database: engine and sessions (``engine``), the tables (``models``), the
per-dialect bulk SQL of the push (``bulk``) and the Alembic migrations
(``migrations/``). Knows nothing of the core or the HTTP fronts."""

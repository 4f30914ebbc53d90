"""The CRM's database: engine and sessions (``engine``), the tables (``models``), the
per-dialect bulk SQL of the push (``bulk``) and the Alembic migrations
(``migrations/``). Knows nothing of the core or the HTTP fronts."""

# The SMS channel's tables (``sms_models``) and the channels' sources
# (``channel_models``, issue 22), the visitor queue's (``queue_models``) and the
# citizens' requests (``rights_models``) join the one metadata whoever imports a table module
# first (Alembic, the test reset, the core).
from crm_server.db import channel_models as channel_models
from crm_server.db import queue_models as queue_models
from crm_server.db import rights_models as rights_models
from crm_server.db import sms_models as sms_models

"""Open311 GeoReport v2 at ``/open311/v2/`` (https://wiki.open311.org/GeoReport_v2/),
in its own namespace as FixMyStreet keeps it: ``discovery`` (discovery and the
services), ``requests`` (read them, create one), ``updates``
(``servicerequestupdates``), ``formats`` (JSON, XML and the error list),
``params`` (the parameters read by hand); ``routes`` gathers them."""

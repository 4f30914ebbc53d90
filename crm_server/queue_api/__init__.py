"""The visitor queue's HTTP front: the desks' queue API (bearer token, the desk's own
site) and the site's public display page for a TV's browser (numbers only)."""

"""The supervisor's API: what the supervisor view reads (today every desk's heartbeat)."""

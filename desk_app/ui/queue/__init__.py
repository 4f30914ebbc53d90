"""The visitor queue's screens: the officer's controls, the display screen (*layar
antrean*) and the self-check kiosk. Numbers and statuses only, never a name."""

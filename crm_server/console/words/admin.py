"""English of the words of the console's admin pages."""

ENGLISH: dict[str, str] = {}

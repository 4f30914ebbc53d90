"""English of the words of the console's complaint pages."""

ENGLISH: dict[str, str] = {}

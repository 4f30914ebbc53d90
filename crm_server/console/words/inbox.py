"""English of the words of the console's inbox pages."""

ENGLISH: dict[str, str] = {}

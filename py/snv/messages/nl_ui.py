"""Dutch (B1) texts for the ui area. Merged into the one catalogue by messages/__init__.py."""

MESSAGES: dict[str, str] = {
}

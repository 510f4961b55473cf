"""Dutch (B1) texts for the storage area. Merged into the one catalogue by messages/__init__.py."""

MESSAGES: dict[str, str] = {
}

"""Dutch (B1) texts for the relatiekaart area. Merged into the one catalogue by messages/__init__.py."""

MESSAGES: dict[str, str] = {
}

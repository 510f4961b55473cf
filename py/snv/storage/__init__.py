"""Layer: storage."""

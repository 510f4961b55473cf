"""Layer: render."""

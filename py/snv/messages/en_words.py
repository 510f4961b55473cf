"""English texts of nl_words.py (same keys)."""

MESSAGES: dict[str, str] = {
    "map.kb_centre": "{naam} is already as close as possible.",
    "bijeenkomst.term": "Network meeting (Meedenkbijeenkomst)",
    "bijeenkomst.term_b1": "Making a plan together with your network, in seven steps.",
    "map.snap.default_time": "Map of {datum}, {tijd}",
}

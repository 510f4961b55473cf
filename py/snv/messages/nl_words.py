"""Dutch texts added by the words pass of issue 12 to other areas (kept apart to ease the merge)."""

MESSAGES: dict[str, str] = {
    # relatiekaart, keyboard: ↑ at the inner ring (map.kb_edge is ↓ at the outer ring)
    "map.kb_centre": "{naam} staat al zo dichtbij als het kan.",
    # Start tiles: the SNV term as the heading (Screen.term_key), with the B1 line (desc_key) under it
    "bijeenkomst.term": "Meedenkbijeenkomst",
    "bijeenkomst.term_b1": "Samen met je netwerk een plan maken, in zeven stappen.",
    # the time in a kept map's name when there is already one of that day (map.snap.default)
    "map.snap.default_time": "Kaart van {datum}, {tijd}",
}

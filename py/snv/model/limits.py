"""Limits that protect the app (and a tablet's memory) from huge or hostile files."""

MAX_FILE_BYTES = 10 * 1024 * 1024  # a real case with 2,000 persons stays far below this
MAX_PERSONS = 2000
MAX_NAME = 120  # names, roles, short labels
MAX_TEXT = 5000  # stories, notes, agreements
MAX_LIST = 5000  # any single list other than persons (ties, notes, items…)

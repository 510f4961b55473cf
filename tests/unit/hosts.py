"""One recording Host for the controller tests: it does what the base Host does and writes down every
call a test may ask about (what was rendered, saved, downloaded, printed, picked, which language)."""
from __future__ import annotations

from typing import Optional

from snv.ui.app import Host


class RecordingHost(Host):
    def __init__(self) -> None:
        self.renders = 0
        self.saves: list[int] = []
        self.downloads: list[tuple[str, str | bytes, str]] = []
        self.picks = 0
        self.prints = 0
        self.printed: list[Optional[str]] = []  # the print document of each print (None: the page as it is)
        self.languages: list[str] = []

    def request_render(self) -> None:
        self.renders += 1

    def schedule_save(self, delay_ms: int) -> None:
        self.saves.append(delay_ms)

    def download(self, filename: str, text: str | bytes, mime: str) -> None:
        self.downloads.append((filename, text, mime))

    def pick_file(self) -> None:
        self.picks += 1

    def print_page(self, document: Optional[str] = None) -> None:
        self.prints += 1
        self.printed.append(document)

    def language_changed(self, code: str) -> None:
        self.languages.append(code)
        super().language_changed(code)

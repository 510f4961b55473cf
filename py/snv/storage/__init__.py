"""Layer: storage. Case files (JSON, SVG with embedded case), autosave store, privacy for exports."""
from .files import export_filename, read_case_file  # noqa: F401
from .jsonio import dumps_case, loads_case  # noqa: F401
from .privacy import for_export  # noqa: F401
from .store import (CaseStore, ConflictError, MemoryBackend, StorageFullError, StoreError,  # noqa: F401
                    classify, drive)
